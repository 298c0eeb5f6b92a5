//! The result of the project's RGAA 4.1 audit, as the declaration (`/accessibilite`) and the
//! footer state it. The counts are checked against the grid in `docs/rgaa-audit.md` by a test,
//! so the declaration cannot drift from the audit. French first (`status`, `rate_fr`,
//! `AUDIT_DATE`), with the English of each beside it (`status_en`, `rate_text`, `audit_date`).

use chrono::NaiveDate;

use crate::format::fixed;
use crate::locale::Lang;

/// The date of the audit, as the declaration states it.
pub const AUDIT_DATE: &str = "7 décembre 2026";
/// The day of the audit, from which `AUDIT_DATE` and its English are written (a test keeps them
/// equal). Checked when compiling: no date to unwrap in the browser.
pub const AUDIT_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 7) {
    Some(day) => day,
    None => panic!("the audit day is not a date"),
};

/// The date of the audit in `lang`: « 1er décembre 2026 », "1 December 2026".
pub fn audit_date(lang: Lang) -> String {
    match lang {
        Lang::Fr => AUDIT_DATE.to_owned(),
        Lang::En => lang.day_month_year(AUDIT_DAY),
    }
}

/// Criteria met on every page of the sample.
pub const CONFORMING: u32 = 65;
/// Criteria failed on at least one page.
pub const NON_CONFORMING: u32 = 0;
/// Criteria that apply to no page.
pub const NOT_APPLICABLE: u32 = 41;

/// What failed, criterion by criterion, in the declaration's words (one entry per NC of the grid).
pub const NON_CONFORMITIES: &[&str] = &[];

/// How a person reaches the site's team about accessibility, as the declaration must say: set
/// when the site is built, `NEC_ACCESSIBILITY_CONTACT=accessibilite@example.fr` (an e-mail
/// address) or `=https://example.fr/contact` (a contact form). No text the site draws on gives
/// one: until the organisers set it, the build warns (build.rs) and the declaration says it is
/// missing.
pub const CONTACT_SETTING: Option<&str> = option_env!("NEC_ACCESSIBILITY_CONTACT");

/// The accessibility contact: an e-mail address or the address of a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contact<'a> {
    Email(&'a str),
    Form(&'a str),
}

impl<'a> Contact<'a> {
    /// The contact written in `setting`, if it is a well-formed e-mail or `https://` address.
    pub fn parse(setting: &'a str) -> Option<Self> {
        let setting = setting.trim();
        if crate::validate::is_https_address(setting) {
            Some(Contact::Form(setting))
        } else if crate::validate::is_email_address(setting) && !setting.contains([':', '/', '?', '<', '>']) {
            Some(Contact::Email(setting))
        } else {
            None
        }
    }

    /// The link's address: `mailto:` for an e-mail.
    pub fn href(self) -> String {
        match self {
            Contact::Email(address) => format!("mailto:{address}"),
            Contact::Form(address) => address.to_owned(),
        }
    }
}

/// The contact of this build, if its setting is well formed.
pub fn contact() -> Option<Contact<'static>> {
    CONTACT_SETTING.and_then(Contact::parse)
}

/// The conformity rate, in percent: met criteria among applicable ones (the RGAA method).
pub fn rate() -> f64 {
    f64::from(CONFORMING) * 100.0 / f64::from(CONFORMING + NON_CONFORMING)
}

/// « totalement », « partiellement » or « non » conforme, as the RGAA defines the thresholds.
pub fn status() -> &'static str {
    status_in(Lang::Fr)
}

/// The status in English, in the wording of the RGAA's English version: "fully compliant",
/// "partially compliant" or "non-compliant".
pub fn status_en() -> &'static str {
    status_in(Lang::En)
}

/// The status in `lang`, on the RGAA's thresholds (100 %, 50 %).
pub fn status_in(lang: Lang) -> &'static str {
    let level = match rate() {
        r if r >= 100.0 => 0,
        r if r >= 50.0 => 1,
        _ => 2,
    };
    match lang {
        Lang::Fr => ["totalement conforme", "partiellement conforme", "non conforme"][level],
        Lang::En => ["fully compliant", "partially compliant", "non-compliant"][level],
    }
}

/// The rate as the declaration writes it: « 85,48 % », « 100 % ».
pub fn rate_fr() -> String {
    let rate = rate();
    if rate.fract() == 0.0 {
        format!("{}\u{a0}%", fixed(rate, 0))
    } else {
        format!("{}\u{a0}%", fixed(rate, 2)).replace('.', ",")
    }
}

/// The rate in `lang`: `rate_fr()` in French; "85.48%", "100%" in English (no space, a point).
pub fn rate_text(lang: Lang) -> String {
    match lang {
        Lang::Fr => rate_fr(),
        Lang::En => rate_en(rate()),
    }
}

fn rate_en(rate: f64) -> String {
    if rate.fract() == 0.0 {
        format!("{}%", fixed(rate, 0))
    } else {
        format!("{}%", fixed(rate, 2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_the_audit_grid() {
        let grid = include_str!("../../../docs/rgaa-audit.md");
        let statuses: Vec<&str> = grid
            .lines()
            .filter(|line| {
                line.split('|').nth(1).is_some_and(|cell| {
                    let cell = cell.trim();
                    cell.split_once('.').is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok())
                })
            })
            .filter_map(|line| line.split('|').nth(3).map(|cell| cell.trim().trim_matches('*')))
            .collect();
        assert_eq!(statuses.len(), 106, "the grid has the 106 RGAA 4.1 criteria");
        let count = |s: &str| statuses.iter().filter(|&&x| x == s).count() as u32;
        assert_eq!((count("C"), count("NC"), count("NA")), (CONFORMING, NON_CONFORMING, NOT_APPLICABLE));
    }

    #[test]
    fn the_contact_is_an_email_or_a_form() {
        assert_eq!(Contact::parse(" accessibilite@anct.gouv.fr "), Some(Contact::Email("accessibilite@anct.gouv.fr")));
        assert_eq!(Contact::parse("https://example.fr/contact"), Some(Contact::Form("https://example.fr/contact")));
        assert_eq!(Contact::Email("a@b.fr").href(), "mailto:a@b.fr");
        assert_eq!(Contact::Form("https://example.fr/c").href(), "https://example.fr/c");
        for wrong in ["", "contact", "http://example.fr/contact", "javascript:alert(1)@x.fr", "a b@c.fr", "@c.fr", "a@c", "https://"] {
            assert_eq!(Contact::parse(wrong), None, "{wrong:?}");
        }
    }

    #[test]
    fn every_non_conformity_is_listed() {
        assert_eq!(NON_CONFORMITIES.len() as u32, NON_CONFORMING);
    }

    #[test]
    fn status_follows_the_rgaa_thresholds() {
        assert!((rate() - f64::from(CONFORMING) * 100.0 / f64::from(CONFORMING + NON_CONFORMING)).abs() < 1e-9);
        let expected = if NON_CONFORMING == 0 {
            "totalement conforme"
        } else if rate() >= 50.0 {
            "partiellement conforme"
        } else {
            "non conforme"
        };
        assert_eq!(status(), expected);
    }

    #[test]
    fn english_status_rate_and_date() {
        let expected = if NON_CONFORMING == 0 {
            "fully compliant"
        } else if rate() >= 50.0 {
            "partially compliant"
        } else {
            "non-compliant"
        };
        assert_eq!(status_en(), expected);
        assert_eq!(status_in(Lang::En), status_en());
        assert_eq!(status_in(Lang::Fr), status());
        assert_eq!(rate_text(Lang::Fr), rate_fr());
        assert_eq!(rate_en(100.0), "100%");
        assert_eq!(rate_en(85.4839), "85.48%");
        assert_eq!(rate_text(Lang::En), rate_en(rate()));
        if NON_CONFORMING == 0 {
            assert_eq!(rate_text(Lang::En), "100%");
            assert_eq!(rate_fr(), "100\u{a0}%");
        }
        assert_eq!(audit_date(Lang::Fr), AUDIT_DATE);
        assert_eq!(crate::format::day_month_year(AUDIT_DAY), AUDIT_DATE, "AUDIT_DATE is the audit day");
        assert_eq!(audit_date(Lang::En), "7 December 2026");
    }
}
