//! The site's two languages, French (the default) and English, and their formats (issue 10).
//!
//! No web dependency, like `format`: the French formats *are* `format`'s (every French branch
//! delegates to it, so French output never changes), the English ones sit beside them. Event
//! times carry their own offset, so nothing here needs a time-zone database. The English names
//! of days and months are two small tables rather than chrono's `format`, whose strftime parser
//! costs the site's wasm 3.7 KiB brotli (BENCHMARKS.md); chrono still does the calendar.
//!
//! The interface strings sit beside the code that shows them, in a table per module declared
//! with [`texts!`](crate::texts): one field per string, both languages side by side, so a
//! missing translation does not compile.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike};

use crate::format;

/// A language of the interface. French first: it is the default, and it has no URL prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

const WEEKDAYS_EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// Declares a module's interface strings in both languages: `name: "français", "English";`
/// gives a `Texts` struct with one `&'static str` field per name, its `FR` and `EN` tables, and
/// `texts(lang)`. Strings with values or plurals are `match lang` functions beside the table.
#[macro_export]
macro_rules! texts {
    ($($name:ident: $fr:expr, $en:expr;)*) => {
        struct Texts { $($name: &'static str,)* }
        static FR: Texts = Texts { $($name: $fr,)* };
        static EN: Texts = Texts { $($name: $en,)* };
        fn texts(lang: $crate::locale::Lang) -> &'static Texts {
            match lang {
                $crate::locale::Lang::Fr => &FR,
                $crate::locale::Lang::En => &EN,
            }
        }
    };
}

/// Words several views write, spelled once: « Date à préciser » was written in four places.
pub struct Vocabulary {
    /// An item without a day: « Date non précisée ».
    pub undated: &'static str,
    /// An item without a time: « Horaire non précisé ».
    pub untimed: &'static str,
    /// The quotation marks around a title: « … » (spaces inside), “…”.
    pub quotes: (&'static str, &'static str),
    /// What joins the last two items of a list: « et », "and", with its spaces.
    pub and: &'static str,
    /// Before what a label introduces: « : » with its space before, ": ".
    pub colon: &'static str,
}

static VOCABULARY_FR: Vocabulary =
    Vocabulary { undated: "Date non précisée", untimed: "Horaire non précisé", quotes: ("« ", " »"), and: " et ", colon: " : " };
static VOCABULARY_EN: Vocabulary =
    Vocabulary { undated: "Date not given", untimed: "Time not given", quotes: ("“", "”"), and: " and ", colon: ": " };

impl Lang {
    /// The shared words in this language (see [`Vocabulary`]).
    pub fn words(self) -> &'static Vocabulary {
        match self {
            Lang::Fr => &VOCABULARY_FR,
            Lang::En => &VOCABULARY_EN,
        }
    }
}

/// Text that mixes the interface's words with the data's, as runs each in one language: a view
/// marks a run with `lang` when it is not the page's (RGAA 8.7), and `plain` joins them for an
/// attribute or a file, where no `lang` can be said.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pieces(pub Vec<(String, Lang)>);

impl Pieces {
    /// One run.
    pub fn of(text: impl Into<String>, lang: Lang) -> Self {
        Pieces(vec![(text.into(), lang)])
    }

    /// Adds a run, merged into the last one when it is in the same language.
    pub fn push(&mut self, text: impl AsRef<str>, lang: Lang) -> &mut Self {
        match self.0.last_mut() {
            Some((last, l)) if *l == lang => last.push_str(text.as_ref()),
            _ => self.0.push((text.as_ref().to_owned(), lang)),
        }
        self
    }

    /// Appends other runs.
    pub fn extend(&mut self, other: Pieces) -> &mut Self {
        for (text, lang) in other.0 {
            self.push(text, lang);
        }
        self
    }

    /// The whole text, without languages.
    pub fn plain(&self) -> String {
        self.0.iter().map(|(t, _)| t.as_str()).collect()
    }
}

/// The URL prefix of the English pages: `/en/programme` is `/programme` in English.
const EN_PREFIX: &str = "/en";

impl Lang {
    /// Every language, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The BCP 47 code, for `<html lang>`, `lang="…"` and `hreflang="…"`: « fr », « en ».
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for the language switch (to be marked with its own `lang`).
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// Reads a language from an attribute or query value (`lang="en"`, `?lang=en-GB`): the primary
    /// subtag of a BCP 47 tag, case-insensitive, surrounding spaces ignored. Anything else
    /// (empty, `de`, `english`) is `None`; the caller falls back to French and says so.
    pub fn parse(value: &str) -> Option<Lang> {
        let primary = value.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL.into_iter().find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }

    /// Splits a pathname (`location.pathname`: no query, no fragment) into its language and the
    /// path the routes know: `/en/programme` → (English, `/programme`), `/en` and `/en/` →
    /// (English, `/`), `/programme` → (French, `/programme`). Only a whole first segment counts
    /// (`/english` stays French).
    pub fn from_path(path: &str) -> (Lang, &str) {
        match path.strip_prefix(EN_PREFIX) {
            Some("") => (Lang::En, "/"),
            Some(rest) if rest.starts_with('/') => (Lang::En, rest),
            _ => (Lang::Fr, path),
        }
    }

    /// The inverse of `from_path`, for links: a site address (`/programme?jour=…`, `/charte#…`)
    /// in this language. French ones are unchanged; English ones gain `/en` (`/` becomes `/en`).
    pub fn path(self, path: &str) -> String {
        match self {
            Lang::Fr => path.to_owned(),
            Lang::En => match path.strip_prefix('/') {
                Some(rest) if rest.is_empty() || rest.starts_with(['?', '#']) => format!("{EN_PREFIX}{rest}"),
                Some(_) => format!("{EN_PREFIX}{path}"),
                // Relative: resolved against the current page, already in this language.
                None => path.to_owned(),
            },
        }
    }

    /// « jeudi 19 octobre 2023 », "Thursday 19 October 2023"
    pub fn long_date(self, date: NaiveDate) -> String {
        match self {
            Lang::Fr => format::long_date(date),
            Lang::En => format!("{} {}", WEEKDAYS_EN[date.weekday().num_days_from_monday() as usize], self.day_month_year(date)),
        }
    }

    /// « 19 octobre 2023 », "19 October 2023"
    pub fn day_month_year(self, date: NaiveDate) -> String {
        match self {
            Lang::Fr => format::day_month_year(date),
            Lang::En => format!("{} {}", self.day_month(date), date.year()),
        }
    }

    /// « 1er octobre », "1 October"
    pub fn day_month(self, date: NaiveDate) -> String {
        match self {
            Lang::Fr => format::day_month(date),
            Lang::En => format!("{} {}", date.day(), MONTHS_EN[date.month0() as usize]),
        }
    }

    /// « 18 au 20 octobre 2023 », "18–20 October 2023"; "30 September – 1 October 2023";
    /// "30 December 2023 – 1 January 2024".
    pub fn date_span(self, start: NaiveDate, end: NaiveDate) -> String {
        match self {
            Lang::Fr => format::date_span(start, end),
            Lang::En if start == end => self.day_month_year(start),
            Lang::En if start.year() != end.year() => format!("{} – {}", self.day_month_year(start), self.day_month_year(end)),
            Lang::En if start.month() != end.month() => format!("{} – {}", self.day_month(start), self.day_month_year(end)),
            Lang::En => format!("{}–{}", start.day(), self.day_month_year(end)),
        }
    }

    /// « 9 h 00 », « 11 h 30 »; "9:00", "11:30" (24-hour clock, as in the UK's event listings).
    pub fn time(self, time: NaiveTime) -> String {
        match self {
            Lang::Fr => format::time(time),
            Lang::En => format!("{}:{:02}", time.hour(), time.minute()),
        }
    }

    /// A time for text only a screen reader reads: « 9 heures 30 » (`format::spoken_time`);
    /// "9:30", which English voices read well.
    pub fn spoken_time(self, time: NaiveTime) -> String {
        match self {
            Lang::Fr => format::spoken_time(time),
            Lang::En => self.time(time),
        }
    }

    /// The time of an event instant, on Paris's clock (`crate::tz`).
    pub fn event_time(self, instant: DateTime<FixedOffset>) -> String {
        self.time(crate::tz::in_paris(instant).time())
    }

    /// A day and a time, on Paris's clock: « jeudi 19 octobre 2023, 9 h 00 »,
    /// "Thursday 19 October 2023, 9:00". The French is the site's usual `{date}, {time}`.
    pub fn date_time(self, instant: DateTime<FixedOffset>) -> String {
        let instant = crate::tz::in_paris(instant);
        format!("{}, {}", self.long_date(instant.date_naive()), self.event_time(instant))
    }

    /// « 1 h 30 », « 45 min », « 3 h »; "1 h 30 min", "45 min", "3 h".
    pub fn duration_minutes(self, minutes: i64) -> String {
        match (self, minutes / 60, minutes % 60) {
            (Lang::Fr, ..) => format::duration_minutes(minutes),
            (Lang::En, 0, m) => format!("{m} min"),
            (Lang::En, h, 0) => format!("{h} h"),
            (Lang::En, h, m) => format!("{h} h {m} min"),
        }
    }

    /// « 2 000 » (narrow no-break space), "2,000".
    pub fn number(self, value: u32) -> String {
        match self {
            Lang::Fr => format::number(value),
            Lang::En => format::number(value).replace('\u{202F}', ","),
        }
    }

    /// A figure as its source bounds it: « environ 20 », « plus de 1 000 », « 850 »; "about 20",
    /// "more than 1,000".
    pub fn amount(self, value: u32, qualifier: Option<crate::model::Qualifier>) -> String {
        match qualifier {
            Some(q) => format!("{} {}", q.words(self), self.number(value)),
            None => self.number(value),
        }
    }

    /// « 850 octets », « 12,2 Kio »; "850 bytes", "12.2 KiB".
    pub fn bytes(self, count: u64) -> String {
        match self {
            Lang::Fr => format::bytes(count),
            Lang::En if count < 1024 => format!("{count} bytes"),
            Lang::En if count < 1024 * 1024 => format!("{} KiB", format::fixed(count as f64 / 1024.0, 1)),
            Lang::En => format!("{} MiB", format::fixed(count as f64 / (1024.0 * 1024.0), 1)),
        }
    }

    /// `list` for runs of mixed languages: « A, B et C », "A, B and C", each item keeping its runs.
    pub fn list_pieces(self, items: Vec<Pieces>) -> Pieces {
        let count = items.len();
        let mut list = Pieces::default();
        for (i, item) in items.into_iter().enumerate() {
            match i {
                0 => {}
                i if i + 1 == count => {
                    list.push(self.words().and, self);
                }
                _ => {
                    list.push(", ", self);
                }
            }
            list.extend(item);
        }
        list
    }

    /// « 1re édition », « 5e édition »; "1st edition", "22nd edition".
    pub fn edition_ordinal(self, n: u32) -> String {
        match self {
            Lang::Fr if n == 1 => "1re édition".to_owned(),
            Lang::Fr => format!("{n}e édition"),
            Lang::En => {
                let suffix = match (n % 10, n % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("{n}{suffix} edition")
            }
        }
    }

    /// A whole list: « A, B et C », "A, B and C".
    pub fn list(self, items: &[String]) -> String {
        match (self, items) {
            (Lang::Fr, _) => format::list(items),
            (Lang::En, [init @ .., last]) if !init.is_empty() => format!("{} and {last}", init.join(", ")),
            (Lang::En, _) => format::list(items),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn instant(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn codes_and_parsing() {
        assert_eq!(Lang::default(), Lang::Fr);
        assert_eq!(Lang::Fr.code(), "fr");
        assert_eq!(Lang::En.code(), "en");
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse(" en-GB "), Some(Lang::En));
        assert_eq!(Lang::parse("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::parse("fr_CA"), Some(Lang::Fr));
        for bad in ["", " ", "de", "english", "eng", "e", "-en", "frx", "en GB"] {
            assert_eq!(Lang::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_url_prefix_goes_both_ways() {
        assert_eq!(Lang::from_path("/"), (Lang::Fr, "/"));
        assert_eq!(Lang::from_path("/programme"), (Lang::Fr, "/programme"));
        assert_eq!(Lang::from_path("/en"), (Lang::En, "/"));
        assert_eq!(Lang::from_path("/en/"), (Lang::En, "/"));
        assert_eq!(Lang::from_path("/en/programme/grande-soiree"), (Lang::En, "/programme/grande-soiree"));
        assert_eq!(Lang::from_path("/english"), (Lang::Fr, "/english"));
        assert_eq!(Lang::from_path("/editions/en"), (Lang::Fr, "/editions/en"));
        assert_eq!(Lang::Fr.path("/programme?jour=2023-10-19"), "/programme?jour=2023-10-19");
        assert_eq!(Lang::En.path("/programme?jour=2023-10-19"), "/en/programme?jour=2023-10-19");
        assert_eq!(Lang::En.path("/"), "/en");
        assert_eq!(Lang::En.path("/?q=x"), "/en?q=x");
        assert_eq!(Lang::En.path("/charte#engagement-1"), "/en/charte#engagement-1");
        assert_eq!(Lang::En.path("#engagement-1"), "#engagement-1");
        for path in ["/", "/programme", "/programme/grande-soiree", "/mon-programme", "/editions/2021"] {
            for lang in Lang::ALL {
                assert_eq!(Lang::from_path(&lang.path(path)), (lang, path));
            }
        }
    }

    /// The examples, word for word.
    #[test]
    fn dates_and_times_in_each_language() {
        let nine = instant("2023-10-19T09:00:00+02:00");
        assert_eq!(Lang::Fr.date_time(nine), "jeudi 19 octobre 2023, 9 h 00");
        assert_eq!(Lang::En.date_time(nine), "Thursday 19 October 2023, 9:00");
        assert_eq!(Lang::En.event_time(instant("2023-10-19T11:30:00+02:00")), "11:30");
        assert_eq!(Lang::En.event_time(instant("2023-10-19T20:05:00+02:00")), "20:05");
        assert_eq!(Lang::En.long_date(date("2023-10-01")), "Sunday 1 October 2023");
        assert_eq!(Lang::En.day_month(date("2023-10-20")), "20 October");
        // Shown on Paris's clock, whatever the offset: 23:30 at UTC-5 is 6:30 the next day.
        assert_eq!(Lang::En.date_time(instant("2023-10-19T23:30:00-05:00")), "Friday 20 October 2023, 6:30");
        assert_eq!(Lang::En.date_time(instant("2024-12-05T08:00:00Z")), "Thursday 5 December 2024, 9:00", "winter: UTC+1");
        assert_eq!(Lang::Fr.date_time(instant("2023-10-20T00:15:00+02:00")), "vendredi 20 octobre 2023, 0 h 15");
    }

    #[test]
    fn date_spans_in_english() {
        assert_eq!(Lang::En.date_span(date("2019-06-03"), date("2019-06-03")), "3 June 2019");
        assert_eq!(Lang::En.date_span(date("2022-09-28"), date("2022-09-29")), "28–29 September 2022");
        assert_eq!(Lang::En.date_span(date("2023-10-18"), date("2023-10-20")), "18–20 October 2023");
        assert_eq!(Lang::En.date_span(date("2023-09-30"), date("2023-10-01")), "30 September – 1 October 2023");
        assert_eq!(Lang::En.date_span(date("2023-12-30"), date("2024-01-01")), "30 December 2023 – 1 January 2024");
    }

    #[test]
    fn numbers_durations_bytes_lists() {
        assert_eq!(Lang::Fr.number(2000), "2\u{202F}000");
        assert_eq!(Lang::En.number(2000), "2,000");
        assert_eq!(Lang::En.number(850), "850");
        assert_eq!(Lang::En.number(1_234_567), "1,234,567");
        assert_eq!(Lang::En.number(u32::MAX), "4,294,967,295");
        assert_eq!(Lang::Fr.duration_minutes(90), "1 h 30");
        assert_eq!(Lang::En.duration_minutes(90), "1 h 30 min");
        assert_eq!(Lang::En.duration_minutes(45), "45 min");
        assert_eq!(Lang::En.duration_minutes(180), "3 h");
        assert_eq!(Lang::En.duration_minutes(65), "1 h 5 min");
        assert_eq!(Lang::En.bytes(850), "850 bytes");
        assert_eq!(Lang::En.bytes(12_454), "12.2 KiB");
        assert_eq!(Lang::En.bytes(5 * 1024 * 1024), "5.0 MiB");
        let l = |lang: Lang, v: &[&str]| lang.list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(Lang::En, &["Tram C", "Tram D"]), "Tram C and Tram D");
        assert_eq!(l(Lang::En, &["a", "b", "c"]), "a, b and c");
        assert_eq!(l(Lang::En, &["a"]), "a");
        assert_eq!(l(Lang::En, &[]), "");
        assert_eq!(l(Lang::Fr, &["a", "b", "c"]), "a, b et c");
    }

    #[test]
    fn lists_of_mixed_runs() {
        let fr = |s: &str| Pieces::of(s, Lang::Fr);
        let list = Lang::En.list_pieces(vec![fr("Données"), fr("Communs"), fr("Éthique")]);
        assert_eq!(
            list.0,
            [
                ("Données".to_owned(), Lang::Fr),
                (", ".to_owned(), Lang::En),
                ("Communs".to_owned(), Lang::Fr),
                (" and ".to_owned(), Lang::En),
                ("Éthique".to_owned(), Lang::Fr)
            ]
        );
        assert_eq!(Lang::Fr.list_pieces(vec![fr("a"), fr("b"), fr("c")]).plain(), "a, b et c");
        assert_eq!(Lang::Fr.list_pieces(vec![fr("a"), fr("b"), fr("c")]).0.len(), 1, "French runs merge on a French page");
        assert_eq!(Lang::En.list_pieces(vec![fr("a")]).plain(), "a");
        assert_eq!(Lang::En.list_pieces(Vec::new()), Pieces::default());
    }

    #[test]
    fn edition_ordinals() {
        let o = |lang: Lang, n| lang.edition_ordinal(n);
        assert_eq!([o(Lang::Fr, 1), o(Lang::Fr, 5)], ["1re édition", "5e édition"]);
        let en: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].into_iter().map(|n| o(Lang::En, n)).collect();
        assert_eq!(
            en,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"].map(|s| format!("{s} edition"))
        );
    }

    /// French is `format`, value for value: switching a call site to `Lang::Fr` changes nothing.
    #[test]
    fn french_is_exactly_format_rs() {
        let mut day = date("2023-01-01");
        while day < date("2025-01-01") {
            assert_eq!(Lang::Fr.long_date(day), format::long_date(day));
            assert_eq!(Lang::Fr.day_month_year(day), format::day_month_year(day));
            assert_eq!(Lang::Fr.day_month(day), format::day_month(day));
            for end in [day, day + chrono::Days::new(1), day + chrono::Days::new(2), day + chrono::Days::new(40)] {
                assert_eq!(Lang::Fr.date_span(day, end), format::date_span(day, end));
            }
            day = day + chrono::Days::new(1);
        }
        for minutes in 0..24 * 60 {
            let time = NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0).unwrap();
            assert_eq!(Lang::Fr.time(time), format::time(time));
            assert_eq!(Lang::Fr.duration_minutes(minutes.into()), format::duration_minutes(minutes.into()));
        }
        let at = instant("2023-10-19T11:30:00+02:00");
        assert_eq!(Lang::Fr.event_time(at), format::event_time(at));
        assert_eq!(Lang::Fr.date_time(at), format!("{}, {}", format::long_date(date("2023-10-19")), format::event_time(at)));
        for n in [0, 7, 999, 1000, 2000, 12_345, 1_234_567, u32::MAX] {
            assert_eq!(Lang::Fr.number(n), format::number(n));
        }
        for b in [0, 850, 1023, 1024, 12_454, 1024 * 1024, 5 * 1024 * 1024] {
            assert_eq!(Lang::Fr.bytes(b), format::bytes(b));
        }
    }
}
