//! How the data's dates and times are read: `AAAA-MM-JJ`, `HH:MM[:SS[.fraction]]`, RFC 3339. By
//! hand rather than chrono's generic parser: what chrono writes back, no more, and 5 KiB brotli
//! less in the wasm.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::de::{Deserializer, Error, Unexpected};
use serde::Deserialize;

/// A day written `AAAA-MM-JJ` (zero-padded), or with a signed year of 4 digits or more as
/// chrono writes the years it cannot write in 4 (`+262142-12-31`, `-0001-01-01`).
pub fn parse_day(value: &str) -> Option<NaiveDate> {
    let (negative, unsigned) = match value.as_bytes().first()? {
        b'+' => (Some(false), &value[1..]),
        b'-' => (Some(true), &value[1..]),
        _ => (None, value),
    };
    let b = unsigned.as_bytes();
    let year_digits = b.len().checked_sub(6)?;
    if !(4..=9).contains(&year_digits) || (negative.is_none() && year_digits != 4) || b[year_digits] != b'-' || b[year_digits + 3] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(&b[..year_digits])?).ok()?;
    let year = if negative == Some(true) { -year } else { year };
    NaiveDate::from_ymd_opt(year, digits(&b[year_digits + 1..year_digits + 3])?, digits(&b[year_digits + 4..])?)
}

/// A date and time with its offset, as RFC 3339 writes it (`2023-10-19T09:00:00+02:00`, `…Z`),
/// the day as `parse_day` reads it: what chrono writes, extended years included.
pub fn parse_instant(value: &str) -> Option<DateTime<FixedOffset>> {
    let at = value.find(['T', 't', ' '])?;
    let (day, rest) = (parse_day(&value[..at])?, &value[at + 1..]);
    let (time, offset) = match rest.strip_suffix(['Z', 'z']) {
        Some(time) => (time, 0),
        None => {
            // On bytes: a multi-byte character must give None, never a panic (crates/nec-data/tests/fuzz.rs).
            let (time, offset) = rest.split_at_checked(rest.len().checked_sub(6)?)?;
            let o = offset.as_bytes();
            let seconds = i32::try_from(digits(&o[1..3])? * 3600 + digits(&o[4..6])? * 60).ok()?;
            match (o[0], o[3]) {
                (b'+', b':') => (time, seconds),
                (b'-', b':') => (time, -seconds),
                _ => return None,
            }
        }
    };
    let time = parse_time(time).filter(|_| time.len() >= 8)?;
    day.and_time(time).and_local_timezone(FixedOffset::east_opt(offset)?).single()
}

/// A time of day, `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction` (1 to 9 digits).
pub fn parse_time(value: &str) -> Option<NaiveTime> {
    let b = value.as_bytes();
    if b.len() < 5 || b[2] != b':' {
        return None;
    }
    let (hour, minute) = (digits(&b[0..2])?, digits(&b[3..5])?);
    let (second, nano) = match &b[5..] {
        [] => (0, 0),
        [b':', s1, s2] => (digits(&[*s1, *s2])?, 0),
        [b':', s1, s2, b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
            (digits(&[*s1, *s2])?, digits(fraction)? * 10_u32.pow(9 - fraction.len() as u32))
        }
        _ => return None,
    };
    NaiveTime::from_hms_nano_opt(hour, minute, second, nano)
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0_u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
}

/// `null` reads as absent, as chrono's own `Option` fields did (the JSON Schemas allow it).
fn read<'de, D: Deserializer<'de>, T>(deserializer: D, parse: fn(&str) -> Option<T>, expected: &str) -> Result<Option<T>, D::Error> {
    let Some(text) = Option::<String>::deserialize(deserializer)? else { return Ok(None) };
    parse(&text).map(Some).ok_or_else(|| D::Error::invalid_value(Unexpected::Str(&text), &expected))
}

fn required<T, E: Error>(value: Result<Option<T>, E>, expected: &str) -> Result<T, E> {
    value?.ok_or_else(|| E::invalid_type(Unexpected::Other("null"), &expected))
}

const DAY: &str = "une date AAAA-MM-JJ";
const TIME: &str = "une heure HH:MM:SS";

pub fn day<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    required(read(deserializer, parse_day, DAY), DAY)
}

pub fn optional_day<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
    read(deserializer, parse_day, DAY)
}

pub fn time<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveTime, D::Error> {
    required(read(deserializer, parse_time, TIME), TIME)
}

/// An instant, whatever offset it is written in, read on Paris's clock (`crate::tz`): the
/// event's time zone, summer or winter, is what every view, check and export sees.
pub fn optional_instant<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    let instant = read(deserializer, parse_instant, "une date et heure RFC 3339 (2023-10-19T09:00:00+02:00)")?;
    Ok(instant.map(crate::tz::in_paris))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[test]
    fn dates_and_times_read_what_chrono_writes_and_no_more() {
        use chrono::{NaiveDate, NaiveTime};
        for text in ["2023-10-19", "2024-02-29", "0001-01-01", "9999-12-31", "+262142-12-31", "-0001-01-01", "+10000-01-01"] {
            let day = parse_day(text).unwrap();
            assert_eq!(serde_json::to_string(&day).unwrap(), format!("\"{text}\""), "written back as read");
            assert_eq!(text.parse::<NaiveDate>().ok(), Some(day));
        }
        for text in
            ["2023-02-29", "2023-1-19", "10000-01-01", "+262144-01-01", " 2023-10-19", "2023-10-19T09:00:00", "20231019", "", "+", "-"]
        {
            assert_eq!(parse_day(text), None, "{text}");
        }
        for text in ["09:00:00", "23:59:59", "00:00:00", "19:30:00.500", "08:15:00.123456789"] {
            let time = parse_time(text).unwrap();
            assert_eq!(serde_json::to_string(&time).unwrap(), format!("\"{text}\""), "written back as read");
            assert_eq!(text.parse::<NaiveTime>().ok(), Some(time));
        }
        assert_eq!(parse_time("09:00"), NaiveTime::from_hms_opt(9, 0, 0));
        for text in ["24:00:00", "9:00:00", "09:60:00", "09:00:0", "09:00:00.", "09:00:00.1234567890", "09h00", "09:00:00Z"] {
            assert_eq!(parse_time(text), None, "{text}");
        }
        #[derive(Deserialize)]
        struct Timed {
            #[serde(default, deserialize_with = "optional_instant")]
            start: Option<chrono::DateTime<chrono::FixedOffset>>,
        }
        let item = |start: &str| serde_json::from_str::<Timed>(&format!(r#"{{"start":{start}}}"#));
        for text in ["2023-10-19T09:00:00+02:00", "2023-10-19T17:00:00Z", "2023-10-19T09:00:00.250-05:30", "+262142-12-31T23:59:59Z"] {
            let at = parse_instant(text).unwrap();
            assert_eq!(serde_json::to_string(&at).unwrap(), format!("\"{text}\""), "written back as read");
        }
        assert_eq!(parse_instant("2023-10-19T17:00:00+00:00"), parse_instant("2023-10-19T17:00:00Z"));
        for text in [
            "2023-10-19T09:00+02:00",
            "2023-10-19T09:00:00",
            "2023-10-19T09:00:00+0200",
            "2023-10-19T09:00:00+24:00",
            "2023-10-19",
            "2023-10-19T",
            // A multi-byte character where the offset starts (found by crates/nec-data/tests/fuzz.rs).
            "2023-10-19T09:00:00€0:00",
            "2023-10-19T09:00:0é+02:00",
            "2023-10-19Té",
        ] {
            assert_eq!(parse_instant(text), None, "{text}");
        }
        let at = item(r#""2023-10-19T17:00:00Z""#).map(|i| i.start).map_err(|e| e.to_string());
        assert_eq!(at, Ok(Some(chrono::DateTime::parse_from_rfc3339("2023-10-19T19:00:00+02:00").unwrap())));
        assert_eq!(item("null").map(|i| i.start).map_err(|e| e.to_string()), Ok(None), "null is absent");
        let bad = item(r#""19 octobre 2023""#).map(|i| i.start).unwrap_err().to_string();
        assert!(bad.contains(r#"invalid value: string "19 octobre 2023", expected une date et heure RFC 3339"#), "{bad}");
    }
}
