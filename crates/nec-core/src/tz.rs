//! Europe/Paris, the event's time zone, by the European Union's rule: summer time (UTC+2) from
//! the last Sunday of March at 01:00 UTC to the last Sunday of October at 01:00 UTC, winter time
//! (UTC+1) otherwise (directive 2000/84/EC, the rule since 1996).
//!
//! Every time is shown in Paris time, whatever offset the file writes (`…Z` from conference
//! tools, `+01:00` for a winter edition): `model::dates` reads each instant into Paris's offset of
//! that moment, so views, validation and the agenda see the event's clock. Hand-written rather
//! than chrono-tz: one zone and one rule are a few dozen lines, where chrono-tz brings the IANA
//! database (BENCHMARKS.md, « Fuseau horaire »). Years before 1996 (the end was then in September)
//! are read with today's rule: no programme is that old.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Weekday};

const WINTER: i32 = 3600;
const SUMMER: i32 = 7200;

/// The last Sunday of `month` in `year` (March or October), at 01:00 UTC.
fn last_sunday_one_utc(year: i32, month: u32) -> Option<NaiveDateTime> {
    let last = NaiveDate::from_ymd_opt(year, month, 31)?;
    let back = last.weekday().num_days_from_sunday();
    let sunday = last - chrono::Duration::days(i64::from(back));
    debug_assert_eq!(sunday.weekday(), Weekday::Sun);
    Some(sunday.and_time(NaiveTime::from_hms_opt(1, 0, 0)?))
}

/// Paris's offset from UTC at the moment `utc` (a UTC date and time).
pub fn offset_at(utc: NaiveDateTime) -> FixedOffset {
    let year = utc.year();
    let summer = match (last_sunday_one_utc(year, 3), last_sunday_one_utc(year, 10)) {
        (Some(begins), Some(ends)) => begins <= utc && utc < ends,
        _ => false,
    };
    let seconds = if summer { SUMMER } else { WINTER };
    FixedOffset::east_opt(seconds).unwrap_or_else(|| chrono::Utc.fix())
}

/// The same instant, on Paris's clock. At chrono's extreme dates, where the shift would leave
/// its range, the instant is kept as written.
pub fn in_paris<Tz: TimeZone>(instant: DateTime<Tz>) -> DateTime<FixedOffset> {
    let fixed = instant.fixed_offset();
    let utc = fixed.naive_utc();
    let offset = offset_at(utc);
    match utc.checked_add_offset(offset) {
        Some(_) => offset.from_utc_datetime(&utc),
        None => fixed,
    }
}

/// A time read on Paris's clock (a spreadsheet's « 19/10/2023 09:00 »), as an instant. `None` in
/// the hour that does not exist (spring forward, 02:00 to 03:00); in the hour that happens twice
/// (autumn, 02:00 to 03:00), the first one, in summer time.
pub fn from_paris(local: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    [SUMMER, WINTER].into_iter().find_map(|seconds| {
        let offset = FixedOffset::east_opt(seconds)?;
        let instant = offset.from_local_datetime(&local).single()?;
        (offset_at(instant.naive_utc()) == offset).then_some(instant)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn summer_and_winter_switch_on_the_last_sundays_at_one_utc() {
        // 2023: summer from Sunday 26 March, 01:00 UTC, to Sunday 29 October, 01:00 UTC.
        assert_eq!(in_paris(at("2023-03-26T00:59:59Z")).to_rfc3339(), "2023-03-26T01:59:59+01:00");
        assert_eq!(in_paris(at("2023-03-26T01:00:00Z")).to_rfc3339(), "2023-03-26T03:00:00+02:00");
        assert_eq!(in_paris(at("2023-10-29T00:59:59Z")).to_rfc3339(), "2023-10-29T02:59:59+02:00");
        assert_eq!(in_paris(at("2023-10-29T01:00:00Z")).to_rfc3339(), "2023-10-29T02:00:00+01:00");
        // 2024 (leap year): 31 March and 27 October; 2026: 29 March and 25 October.
        assert_eq!(in_paris(at("2024-03-31T01:00:00Z")).offset().local_minus_utc(), SUMMER);
        assert_eq!(in_paris(at("2024-10-27T01:00:00Z")).offset().local_minus_utc(), WINTER);
        assert_eq!(in_paris(at("2026-03-29T00:30:00Z")).offset().local_minus_utc(), WINTER);
        assert_eq!(in_paris(at("2026-10-25T00:30:00Z")).offset().local_minus_utc(), SUMMER);
    }

    #[test]
    fn any_written_offset_reads_as_the_same_instant_on_paris_clock() {
        // The example: 17:00 UTC is 19 h in Bordeaux in October.
        assert_eq!(in_paris(at("2023-10-19T17:00:00Z")).to_rfc3339(), "2023-10-19T19:00:00+02:00");
        assert_eq!(in_paris(at("2023-10-19T12:00:00-05:00")).to_rfc3339(), "2023-10-19T19:00:00+02:00");
        assert_eq!(in_paris(at("2023-10-19T19:00:00+02:00")).to_rfc3339(), "2023-10-19T19:00:00+02:00");
        // A winter edition is UTC+1, whether written in UTC or in summer's offset by mistake.
        assert_eq!(in_paris(at("2024-12-05T08:00:00Z")).to_rfc3339(), "2024-12-05T09:00:00+01:00");
        assert_eq!(in_paris(at("2024-12-05T10:00:00+02:00")).to_rfc3339(), "2024-12-05T09:00:00+01:00");
        // A day may change: 23:30 UTC in summer is 1:30 the next day in Paris.
        assert_eq!(in_paris(at("2023-10-19T23:30:00Z")).date_naive(), NaiveDate::from_ymd_opt(2023, 10, 20).unwrap());
    }

    #[test]
    fn paris_clock_times_become_instants_gap_and_fold_included() {
        assert_eq!(from_paris(local("2023-10-19 09:00")).unwrap().to_rfc3339(), "2023-10-19T09:00:00+02:00");
        assert_eq!(from_paris(local("2024-12-05 09:00")).unwrap().to_rfc3339(), "2024-12-05T09:00:00+01:00");
        assert_eq!(from_paris(local("2023-03-26 02:30")), None, "the hour skipped in spring");
        assert_eq!(from_paris(local("2023-03-26 03:00")).unwrap().to_rfc3339(), "2023-03-26T03:00:00+02:00");
        assert_eq!(from_paris(local("2023-10-29 02:30")).unwrap().to_rfc3339(), "2023-10-29T02:30:00+02:00", "the first 2:30");
        assert_eq!(from_paris(local("2023-10-29 03:00")).unwrap().to_rfc3339(), "2023-10-29T03:00:00+01:00");
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        let max = DateTime::<chrono::Utc>::MAX_UTC;
        let min = DateTime::<chrono::Utc>::MIN_UTC;
        assert_eq!(in_paris(max).naive_utc(), max.naive_utc());
        assert_eq!(in_paris(min).naive_utc(), min.naive_utc());
        assert!(from_paris(NaiveDateTime::MAX).is_some());
        assert_eq!(from_paris(NaiveDateTime::MIN), None, "an hour before chrono's first instant");
    }
}
