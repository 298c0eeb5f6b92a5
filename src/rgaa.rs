//! The result of the project's RGAA 4.1 audit, as the declaration (`/accessibilite`) and the
//! footer state it. The counts are checked against the grid in `docs/rgaa-audit.md` by a test,
//! so the declaration cannot drift from the audit.

/// The date of the audit, as the declaration states it.
pub const AUDIT_DATE: &str = "1er décembre 2026";
/// Criteria met on every page of the sample.
pub const CONFORMING: u32 = 65;
/// Criteria failed on at least one page.
pub const NON_CONFORMING: u32 = 0;
/// Criteria that apply to no page.
pub const NOT_APPLICABLE: u32 = 41;

/// What failed, criterion by criterion, in the declaration's words (one entry per NC of the grid).
pub const NON_CONFORMITIES: &[&str] = &[];

/// The conformity rate, in percent: met criteria among applicable ones (the RGAA method).
pub fn rate() -> f64 {
    f64::from(CONFORMING) * 100.0 / f64::from(CONFORMING + NON_CONFORMING)
}

/// « totalement », « partiellement » or « non » conforme, as the RGAA defines the thresholds.
pub fn status() -> &'static str {
    match rate() {
        r if r >= 100.0 => "totalement conforme",
        r if r >= 50.0 => "partiellement conforme",
        _ => "non conforme",
    }
}

/// The rate as the declaration writes it: « 85,48 % », « 100 % ».
pub fn rate_fr() -> String {
    let rate = rate();
    if rate.fract() == 0.0 { format!("{rate:.0}\u{a0}%") } else { format!("{rate:.2}\u{a0}%").replace('.', ",") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_the_audit_grid() {
        let grid = include_str!("../docs/rgaa-audit.md");
        let statuses: Vec<&str> = grid
            .lines()
            .filter(|line| line.split('|').nth(1).is_some_and(|cell| {
                let cell = cell.trim();
                cell.split_once('.').is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok())
            }))
            .filter_map(|line| line.split('|').nth(3).map(|cell| cell.trim().trim_matches('*')))
            .collect();
        assert_eq!(statuses.len(), 106, "the grid has the 106 RGAA 4.1 criteria");
        let count = |s: &str| statuses.iter().filter(|&&x| x == s).count() as u32;
        assert_eq!((count("C"), count("NC"), count("NA")), (CONFORMING, NON_CONFORMING, NOT_APPLICABLE));
    }

    #[test]
    fn every_non_conformity_is_listed() {
        assert_eq!(NON_CONFORMITIES.len() as u32, NON_CONFORMING);
    }

    #[test]
    fn status_follows_the_rgaa_thresholds() {
        assert!((rate() - f64::from(CONFORMING) * 100.0 / f64::from(CONFORMING + NON_CONFORMING)).abs() < 1e-9);
        let expected = if NON_CONFORMING == 0 { "totalement conforme" } else if rate() >= 50.0 { "partiellement conforme" } else { "non conforme" };
        assert_eq!(status(), expected);
    }
}
