//! French formatting of dates, times, durations and numbers, shared by every view.
//!
//! Event times are shown on Paris's clock (`crate::tz`), whatever offset the data writes: the
//! event's time zone, in summer (UTC+2) and in winter (UTC+1).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike};

const WEEKDAYS: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const MONTHS: [&str; 12] =
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

fn month(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// « 19 », « 1er »
fn day_number(date: NaiveDate) -> String {
    if date.day() == 1 {
        "1er".to_owned()
    } else {
        date.day().to_string()
    }
}

/// « jeudi 19 octobre 2023 »
pub fn long_date(date: NaiveDate) -> String {
    format!("{} {}", WEEKDAYS[date.weekday().num_days_from_monday() as usize], day_month_year(date))
}

/// « 19 octobre 2023 »
pub fn day_month_year(date: NaiveDate) -> String {
    format!("{} {}", day_month(date), date.year())
}

/// « 19 octobre »
pub fn day_month(date: NaiveDate) -> String {
    format!("{} {}", day_number(date), month(date))
}

/// « 28 et 29 septembre 2022 », « 18 au 20 octobre 2023 », « 3 juin 2019 »
pub fn date_span(start: NaiveDate, end: NaiveDate) -> String {
    let days = (end - start).num_days();
    match days {
        0 => day_month_year(start),
        1 if start.month() == end.month() => format!("{} et {}", day_number(start), day_month_year(end)),
        _ if start.month() == end.month() => format!("{} au {}", day_number(start), day_month_year(end)),
        _ => format!("{} au {} {}", day_month(start), day_month(end), end.year()),
    }
}

/// « 9 h 00 », « 11 h 30 », « 1 h 00 »: always with minutes, like the English "9:00".
pub fn time(time: NaiveTime) -> String {
    format!("{} h {:02}", time.hour(), time.minute())
}

/// A time written for the ear, for text only a screen reader reads: « 9 heures », « 11 heures
/// 30 », « 0 heure 15 ». Speech engines read « 9 h 00 » letter by letter ("neuf hache zéro zéro").
pub fn spoken_time(time: NaiveTime) -> String {
    let hours = if time.hour() < 2 { "heure" } else { "heures" };
    match time.minute() {
        0 => format!("{} {hours}", time.hour()),
        m => format!("{} {hours} {m}", time.hour()),
    }
}

/// The time of an event instant, on Paris's clock.
pub fn event_time(instant: DateTime<FixedOffset>) -> String {
    self::time(crate::tz::in_paris(instant).time())
}

/// « 1er décembre 2026 à 19 h 05 », on Paris's clock.
pub fn date_time(instant: DateTime<FixedOffset>) -> String {
    let instant = crate::tz::in_paris(instant);
    format!("{} à {}", day_month_year(instant.date_naive()), self::time(instant.time()))
}

/// « 1 h 30 », « 45 min », « 3 h »
pub fn duration_minutes(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}

/// « 2 000 », « 850 »: French groups thousands with a narrow no-break space.
pub fn number(value: u32) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202F}');
        }
        out.push(c);
    }
    out
}

/// « 850 octets », « 12,2 Kio », « 5,0 Mio »
pub fn bytes(count: u64) -> String {
    if count < 1024 {
        format!("{count} octets")
    } else if count < 1024 * 1024 {
        format!("{} Kio", fixed(count as f64 / 1024.0, 1)).replace('.', ",")
    } else {
        format!("{} Mio", fixed(count as f64 / (1024.0 * 1024.0), 1)).replace('.', ",")
    }
}

/// `value` with `decimals` digits after a point, as `format!("{value:.1}")` writes it (ties to
/// even): « 12.2 », « -3.0 », « 85.48 »; exactly so when `value` times 10^decimals is exact (a
/// byte count in KiB), else but for a value within a rounding error of a tie. Through integers,
/// so the wasm carries no float formatting (−4.8 KiB brotli for the widget).
pub fn fixed(value: f64, decimals: u32) -> String {
    let scale = 10_i64.pow(decimals);
    let scaled = (value * scale as f64).round_ties_even() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let abs = scaled.unsigned_abs();
    let scale = scale.unsigned_abs();
    if decimals == 0 {
        format!("{sign}{abs}")
    } else {
        format!("{sign}{}.{:0width$}", abs / scale, abs % scale, width = decimals as usize)
    }
}

/// « de » followed by `what`, contracted as French requires: « du programme », « des
/// informations pratiques », « de la charte ».
pub fn of(what: &str) -> String {
    if let Some(rest) = what.strip_prefix("le ") {
        format!("du {rest}")
    } else if let Some(rest) = what.strip_prefix("les ") {
        format!("des {rest}")
    } else {
        format!("de {what}")
    }
}

/// « Jeudi 19 octobre 2023 »
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| std::iter::once(upper(first)).chain(chars).collect())
}

/// The lower case of a Latin letter (ASCII, Latin-1, Latin Extended-A: French and its
/// neighbours); any other character as it is. std's `to_lowercase` carries the whole Unicode
/// case tables into the wasm (3 KiB brotli, measured on the widget), for text that is Latin.
pub fn lower(c: char) -> char {
    let code = u32::from(c);
    let shifted = match code {
        0x41..=0x5A | 0xC0..=0xDE if code != 0xD7 => code + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        0x178 => 0xFF,
        _ => code,
    };
    char::from_u32(shifted).unwrap_or(c)
}

/// `text` in lower case, letter by letter as [`lower`] does.
pub fn lowercased(text: &str) -> String {
    text.chars().map(lower).collect()
}

/// The upper case of a Latin letter, as [`lower`] reverses it; any other character as it is.
pub fn upper(c: char) -> char {
    let code = u32::from(c);
    let shifted = match code {
        0x61..=0x7A | 0xE0..=0xFE if code != 0xF7 => code - 0x20,
        0x101..=0x12F | 0x133..=0x138 | 0x14B..=0x178 if code % 2 == 1 => code - 1,
        0x13A..=0x149 | 0x17A..=0x17F if code % 2 == 0 => code - 1,
        0xFF => 0x178,
        0x131 => 0x49,
        0x17F => 0x53,
        _ => code,
    };
    char::from_u32(shifted).unwrap_or(c)
}

/// A whole list in French: « A, B et C ».
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

/// French typography for a text typed with ordinary spaces (the data, the interface), as it is
/// rendered: a no-break space (U+00A0) before « : », a narrow no-break space (U+202F) before
/// « ; ? ! » and inside « », no-break spaces in « 9 h 00 », « 1 h 30 », « 19 h », and a narrow
/// one between the groups of « 2 000 » (as [`number`] writes it). Only spaces already there are
/// changed, never added: « 09:00 », « https://… » and « ?jour= » stay as they are. For French
/// text only: English keeps its own spacing. By hand, without Unicode tables.
pub fn typography(text: &str) -> String {
    const NBSP: char = '\u{A0}';
    const NNBSP: char = '\u{202F}';
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    // A letter or digit, accented letters included, without std's Unicode tables (wasm size).
    let word = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || u32::from(*c) >= 0xC0);
    for (i, &c) in chars.iter().enumerate() {
        if c != ' ' {
            out.push(c);
            continue;
        }
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let space = match (before, after) {
            (_, Some(':')) => NBSP,
            (_, Some(';' | '?' | '!' | '»')) => NNBSP,
            (Some('«'), _) => NNBSP,
            // « 9 h 00 », « 19 h » : the number, the « h » and the minutes stay together.
            (Some(d), Some('h')) if d.is_ascii_digit() && !word(i + 2) => NBSP,
            (Some('h'), Some(d)) if d.is_ascii_digit() && i >= 2 && chars[i - 2] == ' ' && digit(i.saturating_sub(3)) => NBSP,
            (Some('h'), Some(d)) if d.is_ascii_digit() && i >= 2 && chars[i - 2] == NBSP && digit(i.saturating_sub(3)) => NBSP,
            // « 2 000 »: one to three digits, then groups of exactly three.
            (Some(d), Some(e)) if d.is_ascii_digit() && e.is_ascii_digit() && thousands(&chars, i) => NNBSP,
            _ => ' ',
        };
        out.push(space);
    }
    out
}

/// Whether the space at `i` separates groups of thousands: three digits follow (then no digit),
/// and the run of digits before it, if it is the number's first group, has at most three.
fn thousands(chars: &[char], i: usize) -> bool {
    let group_after =
        (1..=3).all(|k| chars.get(i + k).is_some_and(char::is_ascii_digit)) && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
    let mut start = i;
    while start > 0 && chars[start - 1].is_ascii_digit() {
        start -= 1;
    }
    let run = i - start;
    let first_group = start == 0 || !matches!(chars[start - 1], ' ' | '\u{202F}') || !(start >= 2 && chars[start - 2].is_ascii_digit());
    group_after && run >= 1 && if first_group { run <= 3 } else { run == 3 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn date_and_time_on_paris_clock_whatever_the_offset() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        assert_eq!(date_time(at("2026-12-01T19:05:00+01:00")), "1er décembre 2026 à 19 h 05");
        assert_eq!(date_time(at("2026-12-01T18:05:00Z")), "1er décembre 2026 à 19 h 05", "winter: UTC+1");
        assert_eq!(date_time(at("2023-10-19T23:30:00Z")), "20 octobre 2023 à 1 h 30", "summer: UTC+2, the next day");
        assert_eq!(date_time(at("2024-02-29T09:00:00-05:00")), "29 février 2024 à 15 h 00");
        assert_eq!(event_time(at("2023-10-19T17:00:00Z")), "19 h 00", "the issue's example");
    }

    #[test]
    fn latin_case_as_std_maps_it() {
        for c in (0..0x180).filter_map(char::from_u32) {
            let std_lower: Vec<char> = c.to_lowercase().collect();
            let std_upper: Vec<char> = c.to_uppercase().collect();
            // One letter for one letter, inside the Latin ranges (İ, ß and ŉ give two; µ maps to Greek).
            if let [l] = std_lower[..] {
                if u32::from(l) < 0x180 {
                    assert_eq!(lower(c), l, "lower({c})");
                }
            }
            if let [u] = std_upper[..] {
                if u32::from(u) < 0x180 {
                    assert_eq!(upper(c), u, "upper({c})");
                }
            }
        }
        assert_eq!(capitalised("élodie"), "Élodie");
        assert_eq!(lower('Œ'), 'œ');
        assert_eq!(lower('Ω'), 'Ω');
    }

    #[test]
    fn dates_read_as_in_french() {
        assert_eq!(long_date(date("2023-10-19")), "jeudi 19 octobre 2023");
        assert_eq!(long_date(date("2023-10-01")), "dimanche 1er octobre 2023");
        assert_eq!(date_span(date("2022-09-28"), date("2022-09-29")), "28 et 29 septembre 2022");
        assert_eq!(date_span(date("2023-10-18"), date("2023-10-20")), "18 au 20 octobre 2023");
        assert_eq!(date_span(date("2023-09-30"), date("2023-10-01")), "30 septembre au 1er octobre 2023");
    }

    #[test]
    fn times_for_the_ear() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(spoken_time(t(9, 0)), "9 heures");
        assert_eq!(spoken_time(t(11, 30)), "11 heures 30");
        assert_eq!(spoken_time(t(1, 0)), "1 heure");
        assert_eq!(spoken_time(t(0, 5)), "0 heure 5");
    }

    #[test]
    fn times_and_durations_read_as_in_french() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        assert_eq!(event_time(t("2023-10-19T09:00:00+02:00")), "9 h 00");
        assert_eq!(event_time(t("2023-10-19T11:30:00+02:00")), "11 h 30");
        assert_eq!(event_time(t("2023-10-20T01:00:00+02:00")), "1 h 00");
        assert_eq!(duration_minutes(90), "1 h 30");
        assert_eq!(duration_minutes(45), "45 min");
        assert_eq!(duration_minutes(180), "3 h");
    }

    #[test]
    fn numbers_group_thousands() {
        assert_eq!(number(2000), "2\u{202F}000");
        assert_eq!(number(850), "850");
        assert_eq!(number(1234567), "1\u{202F}234\u{202F}567");
    }

    #[test]
    fn byte_counts_read_as_in_french() {
        assert_eq!(bytes(850), "850 octets");
        assert_eq!(bytes(12_454), "12,2 Kio");
        assert_eq!(bytes(5 * 1024 * 1024), "5,0 Mio");
        assert_eq!(bytes(1280), "1,2 Kio", "a tie goes to the even digit, as {{:.1}} does");
    }

    #[test]
    fn fixed_writes_what_the_float_format_writes() {
        // (A value just off a tie, like 0.05, may round the other way: its product by 10 is a tie.)
        for value in [0.0, 0.25, 1.25, 12.162_109_375, 14.9, 85.478_3, 100.0, 237.5, -3.04, 1e6 / 3.0] {
            for decimals in 0..=2 {
                assert_eq!(fixed(value, decimals), format!("{value:.*}", decimals as usize), "{value} to {decimals}");
            }
        }
        for count in (1024..5 * 1024 * 1024).step_by(257) {
            assert_eq!(fixed(count as f64 / 1024.0, 1), format!("{:.1}", count as f64 / 1024.0), "{count} bytes");
        }
    }

    #[test]
    fn de_contracts_before_le_and_les() {
        assert_eq!(of("le programme"), "du programme");
        assert_eq!(of("les informations pratiques"), "des informations pratiques");
        assert_eq!(of("la charte"), "de la charte");
        assert_eq!(of("l’édition 2023"), "de l’édition 2023");
        assert_eq!(of("mon programme"), "de mon programme");
    }

    #[test]
    fn lists_join_with_et() {
        let l = |v: &[&str]| list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&["Tram C", "Tram D"]), "Tram C et Tram D");
        assert_eq!(l(&["a", "b", "c"]), "a, b et c");
        assert_eq!(l(&["a"]), "a");
    }
}

/// Splits a text at its quotation marks, French « » or English “ ” (a translation's):
/// `(true, inner)` for each quoted part (its inner text without the marks and their spaces),
/// `(false, text)` for the rest. Unbalanced marks are left as text.
pub fn quotation_parts(text: &str) -> Vec<(bool, &str)> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['«', '“']) {
        let (mark, closing) = if rest[open..].starts_with('«') { ('«', '»') } else { ('“', '”') };
        let after = &rest[open + mark.len_utf8()..];
        let Some(close) = after.find(closing) else { break };
        if open > 0 {
            parts.push((false, &rest[..open]));
        }
        parts.push((true, after[..close].trim_matches(|c: char| c.is_whitespace())));
        rest = &after[close + closing.len_utf8()..];
    }
    if !rest.is_empty() {
        parts.push((false, rest));
    }
    parts
}

#[cfg(test)]
mod quotation_tests {
    use super::quotation_parts;

    #[test]
    fn finds_each_quotation_and_keeps_the_rest() {
        assert_eq!(
            quotation_parts("Le lieu : « Sud Charente » selon l’une, « Angoulême » selon l’autre."),
            [(false, "Le lieu : "), (true, "Sud Charente"), (false, " selon l’une, "), (true, "Angoulême"), (false, " selon l’autre.")]
        );
        assert_eq!(quotation_parts("« une vingtaine »"), [(true, "une vingtaine")]);
        assert_eq!(quotation_parts("sans citation"), [(false, "sans citation")]);
        assert_eq!(quotation_parts("ouvert « mais pas fermé"), [(false, "ouvert « mais pas fermé")]);
        assert_eq!(quotation_parts(""), []);
    }

    #[test]
    fn finds_english_quotations_in_translations() {
        assert_eq!(
            quotation_parts("Called “stade Bollaert-Delelis” in 2022, « ici » too."),
            [(false, "Called "), (true, "stade Bollaert-Delelis"), (false, " in 2022, "), (true, "ici"), (false, " too.")]
        );
        assert_eq!(quotation_parts("open “but not closed"), [(false, "open “but not closed")]);
    }
}

#[cfg(test)]
mod typography_tests {
    use super::typography;

    const NBSP: &str = "\u{A0}";
    const NNBSP: &str = "\u{202F}";

    #[test]
    fn puts_no_break_spaces_before_double_punctuation_and_inside_quotes() {
        assert_eq!(typography("Lieu : Bordeaux"), format!("Lieu{NBSP}: Bordeaux"));
        assert_eq!(typography("a ; b ? c !"), format!("a{NNBSP}; b{NNBSP}? c{NNBSP}!"));
        assert_eq!(typography("« Communs & souveraineté »"), format!("«{NNBSP}Communs & souveraineté{NNBSP}»"));
        assert_eq!(typography("Comment y aller ?"), format!("Comment y aller{NNBSP}?"));
    }

    #[test]
    fn keeps_times_durations_and_numbers_together() {
        assert_eq!(typography("9 h 00 – 19 h 00"), format!("9{NBSP}h{NBSP}00 – 19{NBSP}h{NBSP}00"));
        assert_eq!(typography("1 h 30"), format!("1{NBSP}h{NBSP}30"));
        assert_eq!(typography("de 19 h à 1 h du matin"), format!("de 19{NBSP}h à 1{NBSP}h du matin"));
        assert_eq!(typography("2 000 participants"), format!("2{NNBSP}000 participants"));
        assert_eq!(typography("1 000 000 et 850, 800, 400 et 1 800"), format!("1{NNBSP}000{NNBSP}000 et 850, 800, 400 et 1{NNBSP}800"));
        assert_eq!(typography("de 2018 à 2022, 12 pays, les 19 et 20"), "de 2018 à 2022, 12 pays, les 19 et 20");
        assert_eq!(typography("en 2018 2019"), "en 2018 2019", "years are not thousands");
        assert_eq!(typography("2 heures"), "2 heures");
    }

    #[test]
    fn changes_only_spaces_already_there() {
        for verbatim in ["09:00", "https://numerique-en-communs.fr/?jour=2023-10-19", "2023-10-19T09:00:00+02:00", "a;b", "«x»", "4,5:1"]
        {
            assert_eq!(typography(verbatim), verbatim);
        }
        let once = typography("Accès : « sur invitation » ; 9 h 00 ; 2 000 !");
        assert_eq!(typography(&once), once, "idempotent: typesetting typeset text changes nothing");
        assert_eq!(typography(""), "");
    }
}
