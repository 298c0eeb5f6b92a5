//! What a partner site asks the widget to show: the attributes of `<nec-widget>` and the query of
//! `/embed/…`, read into options with a French message per bad value; the snippets the
//! `/integrer` builder writes (`snippets`) and its contrast check (`contrast`). No web
//! dependency: tested natively.

mod contrast;
mod snippets;

pub use contrast::contrast_ratio;
pub use snippets::{escape_attribute, height_listener_snippet};

use std::collections::HashSet;

use crate::filters::{Filters, UNDATED};
use crate::locale::Lang;
use crate::model::Programme;

/// The custom element partners put in their page.
pub const ELEMENT: &str = "nec-widget";
/// The loader partners include: it defines [`ELEMENT`] and loads the widget's own wasm.
pub const LOADER: &str = "widget.js";
/// The message an embedded page (`/embed/…`) posts to its parent when its height changes.
pub const HEIGHT_MESSAGE: &str = "nec-widget:height";
/// Headings start here unless the partner says otherwise (below the host page's own `h1`).
pub const DEFAULT_HEADING_LEVEL: u8 = 2;

/// Which part of the site the widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WidgetView {
    #[default]
    Programme,
    Charter,
    History,
}

impl WidgetView {
    pub const ALL: [WidgetView; 3] = [WidgetView::Programme, WidgetView::Charter, WidgetView::History];

    /// The value of the `view` attribute and the last segment of `/embed/…`.
    pub fn id(self) -> &'static str {
        match self {
            WidgetView::Programme => "programme",
            WidgetView::Charter => "charte",
            WidgetView::History => "editions",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.id() == id)
    }

    /// The view's name, for the builder's choice.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (WidgetView::Programme, Lang::Fr) => "Le programme",
            (WidgetView::Charter, Lang::Fr) => "La charte",
            (WidgetView::History, Lang::Fr) => "L’historique des éditions",
            (WidgetView::Programme, Lang::En) => "The programme",
            (WidgetView::Charter, Lang::En) => "The charter",
            (WidgetView::History, Lang::En) => "The history of the editions",
        }
    }

    /// The programme view's heading, with its edition's year once its data says it.
    pub fn title(self, lang: Lang, year: Option<i32>) -> String {
        match (self, lang, year) {
            (WidgetView::Programme, Lang::Fr, Some(year)) => format!("Programme de Numérique en Commun[s] {year}"),
            (WidgetView::Programme, Lang::En, Some(year)) => format!("Numérique en Commun[s] {year} programme"),
            _ => self.frame_title(lang).to_owned(),
        }
    }

    /// What an `<iframe>` showing this view in `lang` is about: its `title` (RGAA 2.1, 2.2). No
    /// year: a pasted frame shows whichever edition is current.
    pub fn frame_title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (WidgetView::Programme, Lang::Fr) => "Programme de Numérique en Commun[s]",
            (WidgetView::Charter, Lang::Fr) => "Charte de Numérique en Commun[s]",
            (WidgetView::History, Lang::Fr) => "Éditions de Numérique en Commun[s] depuis 2018",
            (WidgetView::Programme, Lang::En) => "Numérique en Commun[s] programme",
            (WidgetView::Charter, Lang::En) => "Numérique en Commun[s] charter",
            (WidgetView::History, Lang::En) => "Numérique en Commun[s] editions since 2018",
        }
    }
}

/// Everything a widget instance was asked for. Lists are ids (`theme`, `format`) or dates
/// `YYYY-MM-DD` (`day`, or [`UNDATED`]); empty means "all".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetOptions {
    pub view: WidgetView,
    pub themes: Vec<String>,
    pub days: Vec<String>,
    pub formats: Vec<String>,
    /// The level of the widget's first heading, 1 to 6; the ones below follow (never past 6).
    pub heading_level: u8,
    /// Where the data files are, when not beside the loader: an `https:` URL or a root path.
    pub data_src: Option<String>,
    /// The language the widget speaks (`lang`), French unless said.
    pub lang: Lang,
}

impl Default for WidgetOptions {
    fn default() -> Self {
        WidgetOptions {
            view: WidgetView::Programme,
            themes: Vec::new(),
            days: Vec::new(),
            formats: Vec::new(),
            heading_level: DEFAULT_HEADING_LEVEL,
            data_src: None,
            lang: Lang::Fr,
        }
    }
}

/// A value the widget could not use, said to the partner who wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionProblem {
    pub attribute: String,
    pub message: String,
}

impl std::fmt::Display for OptionProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} : {}", self.attribute, self.message)
    }
}

/// The most values a list attribute keeps: a programme has a handful of themes, days and formats.
const MAX_VALUES: usize = 50;

impl WidgetOptions {
    /// Reads attributes or query pairs. Lists take space- or comma-separated values and may repeat;
    /// unknown names are ignored (the page may carry its own), bad values are reported and left out.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Self, Vec<OptionProblem>) {
        let mut options = WidgetOptions::default();
        let mut problems = Vec::new();
        let mut problem = |attribute: &str, message: String| problems.push(OptionProblem { attribute: attribute.to_owned(), message });
        let mut seen: [HashSet<String>; 3] = Default::default();
        for (name, value) in pairs {
            let value = value.trim();
            match name {
                "view" => match WidgetView::from_id(value) {
                    Some(view) => options.view = view,
                    None => problem(name, format!("« {value} » n’est pas une vue ; valeurs possibles : programme, charte, editions.")),
                },
                "heading-level" => match value.parse::<u8>() {
                    Ok(level @ 1..=6) => options.heading_level = level,
                    _ => problem(name, format!("« {value} » n’est pas un niveau de titre ; valeurs possibles : 1 à 6.")),
                },
                // French or English (issue 10); anything else leaves the widget in French.
                "lang" => match Lang::parse(value) {
                    Some(lang) => options.lang = lang,
                    None => problem(name, format!("« {} » n’est pas une langue ; valeurs possibles : fr, en.", shorten(value))),
                },
                "data-src" => match data_src(value) {
                    Some(src) => options.data_src = Some(src),
                    None => problem(name, format!("« {value} » n’est pas une adresse https ni un chemin commençant par « / ».")),
                },
                "theme" | "day" | "format" => {
                    let (list, seen) = match name {
                        "theme" => (&mut options.themes, &mut seen[0]),
                        "day" => (&mut options.days, &mut seen[1]),
                        _ => (&mut options.formats, &mut seen[2]),
                    };
                    for v in value.split(|c: char| c.is_whitespace() || c == ',').filter(|v| !v.is_empty()) {
                        if name == "day" && !is_day(v) {
                            problem(name, format!("« {v} » n’est pas une date AAAA-MM-JJ ni « {UNDATED} »."));
                        } else if !is_id(v) {
                            problem(name, format!("« {} » n’est pas un identifiant (lettres minuscules, chiffres, tirets).", shorten(v)));
                        } else if list.len() >= MAX_VALUES {
                            problem(name, format!("plus de {MAX_VALUES} valeurs : les suivantes sont ignorées."));
                            break;
                        } else if seen.insert(v.to_owned()) {
                            list.push(v.to_owned());
                        }
                    }
                }
                _ => {}
            }
        }
        (options, problems)
    }

    /// The programme filters these options stand for.
    pub fn filters(&self) -> Filters {
        Filters { days: self.days.clone(), themes: self.themes.clone(), formats: self.formats.clone(), text: String::new(), page: 1 }
    }

    /// The level of a heading `depth` steps below the widget's first one, at most 6.
    pub fn heading(&self, depth: u8) -> u8 {
        self.heading_level.saturating_add(depth).min(6)
    }
}

/// The filter values this programme does not have, said with the ones it has.
pub fn unknown_filters(options: &WidgetOptions, programme: &Programme) -> Vec<OptionProblem> {
    let days: Vec<String> = programme.days.iter().map(|d| d.date.to_string()).chain([UNDATED.to_owned()]).collect();
    let themes: Vec<String> = programme.themes.iter().map(|t| t.id.clone()).collect();
    let formats: Vec<String> = programme.formats.iter().map(|f| f.id.clone()).collect();
    let mut problems = Vec::new();
    for (attribute, asked, known, what) in [
        ("day", &options.days, &days, "un jour"),
        ("theme", &options.themes, &themes, "une thématique"),
        ("format", &options.formats, &formats, "un format"),
    ] {
        for value in asked.iter().filter(|v| !known.contains(v)) {
            problems.push(OptionProblem {
                attribute: attribute.to_owned(),
                message: format!("« {value} » n’est pas {what} de ce programme ; valeurs possibles : {}.", known.join(", ")),
            });
        }
    }
    problems
}

fn is_day(value: &str) -> bool {
    value == UNDATED || parse_day(value).is_some()
}

/// A day written `AAAA-MM-JJ` (zero-padded), and only that.
pub fn parse_day(value: &str) -> Option<chrono::NaiveDate> {
    value.bytes().next().filter(u8::is_ascii_digit).and_then(|_| crate::model::dates::parse_day(value))
}

fn is_id(value: &str) -> bool {
    !value.is_empty() && value.len() <= 64 && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Where to read the data: `https://…` or a path of the site (`/…`), ending with a slash.
fn data_src(value: &str) -> Option<String> {
    let allowed = value.starts_with("https://") && value.len() > "https://".len()
        || value.starts_with('/') && !value.starts_with("//")
        || ["http://localhost", "http://127.0.0.1"]
            .iter()
            .any(|local| value.strip_prefix(local).is_some_and(|rest| rest.is_empty() || rest.starts_with(':') || rest.starts_with('/')));
    let clean = !value.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'));
    (allowed && clean && value.len() <= 500).then(|| if value.ends_with('/') { value.to_owned() } else { format!("{value}/") })
}

/// At most 40 characters of a bad value, so a message stays readable.
fn shorten(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_read_as_chrono_reads_its_strict_format() {
        let chrono = |v: &str| chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok().filter(|d| d.format("%Y-%m-%d").to_string() == v);
        let cases = [
            "2023-10-19",
            "2024-02-29",
            "2023-02-29",
            "2023-13-01",
            "2023-00-10",
            "0000-01-01",
            "9999-12-31",
            "2023-1-19",
            "2023-10-9",
            "+2023-10-19",
            "2023-10-19 ",
            " 2023-10-19",
            "2023/10/19",
            "20231019",
            "2023-10-1a",
            "",
            "a-preciser",
            "२०२३-10-19",
        ];
        for value in cases {
            assert_eq!(parse_day(value), chrono(value), "{value}");
        }
        let mut day = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        for _ in 0..2000 {
            let text = day.format("%Y-%m-%d").to_string();
            assert_eq!(parse_day(&text), Some(day));
            day = day.succ_opt().unwrap();
        }
    }

    fn read(pairs: &[(&str, &str)]) -> (WidgetOptions, Vec<String>) {
        let (options, problems) = WidgetOptions::from_pairs(pairs.iter().copied());
        (options, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn reads_every_attribute() {
        let (o, problems) = read(&[
            ("view", "programme"),
            ("theme", "ecologie-soutenabilite communs-souverainete"),
            ("day", "2023-10-19,a-preciser"),
            ("format", "atelier"),
            ("format", "atelier table-ronde"),
            ("heading-level", "3"),
            ("data-src", "https://donnees.example.org/nec"),
            ("class", "ignored"),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(o.themes, ["ecologie-soutenabilite", "communs-souverainete"]);
        assert_eq!(o.days, ["2023-10-19", "a-preciser"]);
        assert_eq!(o.formats, ["atelier", "table-ronde"], "repeats dropped, order kept");
        assert_eq!((o.heading_level, o.heading(1), o.heading(5)), (3, 4, 6));
        assert_eq!(o.data_src.as_deref(), Some("https://donnees.example.org/nec/"));
        assert_eq!(o.filters().themes, o.themes);
    }

    #[test]
    fn bad_values_are_reported_in_french_and_left_out() {
        let (o, problems) = read(&[
            ("view", "agenda"),
            ("heading-level", "9"),
            ("day", "2023-02-30 19/10/2023 2023-10-20"),
            ("theme", "<script>alert(1)</script>"),
            ("data-src", "javascript:alert(1)"),
            ("data-src", "http://evil.example/"),
            ("data-src", "//evil.example/"),
        ]);
        assert_eq!(o, WidgetOptions { days: vec!["2023-10-20".into()], ..WidgetOptions::default() });
        assert_eq!(problems.len(), 8, "{problems:?}");
        assert_eq!(problems[0], "view : « agenda » n’est pas une vue ; valeurs possibles : programme, charte, editions.");
        assert_eq!(problems[1], "heading-level : « 9 » n’est pas un niveau de titre ; valeurs possibles : 1 à 6.");
        assert!(problems[2].starts_with("day : « 2023-02-30 » n’est pas une date"), "{}", problems[2]);
        assert!(problems[4].starts_with("theme : « <script>alert(1)</script> »"));
        assert!(problems[5..].iter().all(|p| p.starts_with("data-src : ")));
    }

    #[test]
    fn french_and_english_are_available() {
        let (o, problems) = read(&[("lang", "fr"), ("lang", "fr-FR")]);
        assert!(problems.is_empty());
        assert_eq!(o.lang, Lang::Fr);
        assert_eq!(o.attributes(), [("view", "programme".to_owned())], "French is the default: not written");
        for value in ["en", "EN", "en-GB"] {
            let (o, problems) = read(&[("lang", value)]);
            assert!(problems.is_empty(), "{value}: {problems:?}");
            assert_eq!(o.lang, Lang::En, "{value}");
        }
        let (o, problems) = read(&[("lang", "klingon")]);
        assert_eq!(problems, ["lang : « klingon » n’est pas une langue ; valeurs possibles : fr, en."]);
        assert_eq!(o.lang, Lang::Fr);
    }

    #[test]
    fn views_are_named_in_both_languages() {
        assert_eq!(WidgetView::History.label(Lang::Fr), "L’historique des éditions");
        assert_eq!(WidgetView::History.label(Lang::En), "The history of the editions");
        assert_eq!(WidgetView::Charter.label(Lang::En), "The charter");
        assert_eq!(WidgetView::Programme.title(Lang::Fr, Some(2099)), "Programme de Numérique en Commun[s] 2099");
        assert_eq!(WidgetView::Programme.title(Lang::En, Some(2023)), "Numérique en Commun[s] 2023 programme");
        assert_eq!(WidgetView::Programme.title(Lang::Fr, None), "Programme de Numérique en Commun[s]");
        assert_eq!(WidgetView::History.frame_title(Lang::Fr), "Éditions de Numérique en Commun[s] depuis 2018");
        assert_eq!(WidgetView::History.frame_title(Lang::En), "Numérique en Commun[s] editions since 2018");
        for view in WidgetView::ALL {
            assert_ne!(view.label(Lang::Fr), view.label(Lang::En));
            assert_ne!(view.frame_title(Lang::Fr), view.frame_title(Lang::En));
        }
    }

    #[test]
    fn local_and_relative_data_sources_are_accepted() {
        for (value, expected) in [
            ("/data", "/data/"),
            ("http://127.0.0.1:8080/data/", "http://127.0.0.1:8080/data/"),
            ("http://localhost/d", "http://localhost/d/"),
        ] {
            assert_eq!(read(&[("data-src", value)]).0.data_src.as_deref(), Some(expected), "{value}");
        }
        for value in ["http://localhost.evil.example/", "https://", "https://a b/", "/data\"><script>", ""] {
            assert_eq!(read(&[("data-src", value)]).1.len(), 1, "{value} refused");
        }
    }

    #[test]
    fn a_huge_list_is_capped() {
        let many: String = (0..10_000).map(|i| format!("t{i} ")).collect();
        let (o, problems) = read(&[("theme", &many)]);
        assert_eq!(o.themes.len(), MAX_VALUES);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn unknown_ids_are_named_with_the_known_ones() {
        let programme: Programme =
            crate::load::parse(include_str!("../../../../public/data/programme-2023.json")).expect("shipped programme");
        let (o, _) =
            read(&[("theme", "ecologie-soutenabilite inconnue"), ("day", "2023-10-19 2023-10-21 a-preciser"), ("format", "atelier")]);
        let problems: Vec<String> = unknown_filters(&o, &programme).iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("day : « 2023-10-21 » n’est pas un jour de ce programme ; valeurs possibles : 2023-10-18, 2023-10-19, 2023-10-20, a-preciser."), "{}", problems[0]);
        assert!(
            problems[1].starts_with("theme : « inconnue » n’est pas une thématique de ce programme ; valeurs possibles : "),
            "{}",
            problems[1]
        );
    }
}
