//! `editions.json`: the national editions and the local NECs.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{dates, Note, Source, Text};
use crate::locale::Lang;

/// `editions.json`: the national editions since 2018 and the local NECs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EditionsFile {
    pub sources: Vec<Source>,
    /// The year of the current edition: the one `/programme` shows. It must have a programme.
    pub current: i32,
    pub editions: Vec<Edition>,
    pub local_editions: LocalEditions,
}

/// One national edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub year: i32,
    /// The ordinal ("5e édition"), only where a source states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    pub mode: EditionMode,
    /// Where it took place. More than one entry when the sources disagree.
    pub locations: Vec<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<DateSpan>,
    pub figures: Vec<Figure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Its programme's data file, beside this one (`programme-2023.json`), once published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
}

impl EditionsFile {
    pub fn edition(&self, year: i32) -> Option<&Edition> {
        self.editions.iter().find(|e| e.year == year)
    }

    /// The programme file of an edition (`None`: the current one), if it has one.
    pub fn programme_file(&self, year: Option<i32>) -> Option<(i32, &str)> {
        let year = year.unwrap_or(self.current);
        self.edition(year).and_then(|e| Some((year, e.programme.as_deref()?)))
    }

    /// The editions that have a programme, with its file, in the file's order.
    pub fn programmes(&self) -> impl Iterator<Item = (i32, &str)> {
        self.editions.iter().filter_map(|e| Some((e.year, e.programme.as_deref()?)))
    }
}

/// Whether a name can be an edition's programme file: `programme-<lowercase, digits, ->.json`,
/// never a path, so the site only ever fetches `/data/programme-….json`.
pub fn is_programme_file_name(name: &str) -> bool {
    name.strip_prefix("programme-")
        .and_then(|rest| rest.strip_suffix(".json"))
        .is_some_and(|stem| !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
}

impl Edition {
    /// The value of a figure, if the sources give it.
    pub fn figure(&self, metric: Metric) -> Option<&Figure> {
        self.figures.iter().find(|f| f.metric == metric)
    }

    /// The main city: the first location's.
    pub fn city(&self) -> &str {
        self.locations.first().map_or("", |l| l.city.as_str())
    }

    /// Every city the sources give, « Sud Charente / Angoulême » where they disagree: what a
    /// table row or a CSV line names, so that no account is dropped.
    pub fn cities(&self) -> String {
        let mut cities: Vec<&str> = Vec::new();
        for l in &self.locations {
            if !cities.contains(&l.city.as_str()) {
                cities.push(&l.city);
            }
        }
        cities.join(" / ")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EditionMode {
    InPerson,
    /// On site, and followed through live streams.
    InPersonAndOnline,
    Online,
    MultiVenue,
}

impl EditionMode {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (EditionMode::InPerson, Lang::Fr) => "Sur place",
            (EditionMode::InPersonAndOnline, Lang::Fr) => "Sur place, avec des directs en ligne",
            (EditionMode::InPersonAndOnline, Lang::En) => "In person, with live streams",
            (EditionMode::Online, Lang::Fr) => "En ligne",
            (EditionMode::MultiVenue, Lang::Fr) => "Plusieurs lieux",
            (EditionMode::InPerson, Lang::En) => "In person",
            (EditionMode::Online, Lang::En) => "Online",
            (EditionMode::MultiVenue, Lang::En) => "Several venues",
        }
    }
}

/// One account of where an edition took place, with the sources that give it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub city: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    pub sources: Vec<String>,
}

/// First and last day, inclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DateSpan {
    #[serde(deserialize_with = "dates::day")]
    pub start: NaiveDate,
    #[serde(deserialize_with = "dates::day")]
    pub end: NaiveDate,
    pub sources: Vec<String>,
}

/// A number a source gives, with the words it uses and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub metric: Metric,
    pub value: u32,
    /// The source's own words for what is counted, e.g. "personnes présentes".
    pub label: Text,
    /// How the source bounds the number, when it is not exact: « une vingtaine » is `about`,
    /// « plus de 1 000 » is `more_than`; shown with the number everywhere (« environ 20 »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    pub source: String,
}

/// An approximate figure's bound, as the source words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// « environ », "about": « une vingtaine ».
    About,
    /// « plus de », "more than".
    MoreThan,
}

impl Qualifier {
    /// The words before the number: « environ », "more than".
    pub fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Qualifier::About, Lang::Fr) => "environ",
            (Qualifier::MoreThan, Lang::Fr) => "plus de",
            (Qualifier::About, Lang::En) => "about",
            (Qualifier::MoreThan, Lang::En) => "more than",
        }
    }
}

/// Two texts or more that say different things on one point, each in its own words with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Disagreement {
    /// What they disagree on: « Qui peut venir ».
    pub about: Text,
    /// Each account, at least two.
    pub accounts: Vec<Account>,
}

/// One side of a [`Disagreement`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub text: Text,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// People present on site.
    Attendees,
    /// People expected before the event.
    ExpectedAttendees,
    Speakers,
    /// People who followed the live streams.
    OnlineViewers,
    /// Registrations to online courses.
    CourseRegistrations,
    OnlineCourses,
    Contributors,
    Countries,
    Venues,
    Cities,
    Participants,
    LocalOrganisers,
}

impl Metric {
    /// The name used in the JSON and the CSV.
    pub fn id(self) -> &'static str {
        match self {
            Metric::Attendees => "attendees",
            Metric::ExpectedAttendees => "expected_attendees",
            Metric::Speakers => "speakers",
            Metric::OnlineViewers => "online_viewers",
            Metric::CourseRegistrations => "course_registrations",
            Metric::OnlineCourses => "online_courses",
            Metric::Contributors => "contributors",
            Metric::Countries => "countries",
            Metric::Venues => "venues",
            Metric::Cities => "cities",
            Metric::Participants => "participants",
            Metric::LocalOrganisers => "local_organisers",
        }
    }

    /// What a person reads as the column or series name.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Metric::Attendees, Lang::Fr) => "Personnes présentes",
            (Metric::ExpectedAttendees, Lang::Fr) => "Personnes attendues",
            (Metric::Speakers, Lang::Fr) => "Intervenants et intervenantes",
            (Metric::OnlineViewers, Lang::Fr) => "Personnes ayant suivi les directs en ligne",
            (Metric::CourseRegistrations, Lang::Fr) => "Inscrits aux parcours en ligne",
            (Metric::OnlineCourses, Lang::Fr) => "Parcours en ligne",
            (Metric::Contributors, Lang::Fr) => "Contributeurs",
            (Metric::Countries, Lang::Fr) => "Pays représentés",
            (Metric::Venues, Lang::Fr) => "Lieux",
            (Metric::Cities, Lang::Fr) => "Villes",
            (Metric::Participants, Lang::Fr) => "Participants",
            (Metric::LocalOrganisers, Lang::Fr) => "Acteurs locaux organisateurs",
            (Metric::Attendees, Lang::En) => "People present",
            (Metric::ExpectedAttendees, Lang::En) => "People expected",
            (Metric::Speakers, Lang::En) => "Speakers",
            (Metric::OnlineViewers, Lang::En) => "People who watched the live streams",
            (Metric::CourseRegistrations, Lang::En) => "Online course registrations",
            (Metric::OnlineCourses, Lang::En) => "Online courses",
            (Metric::Contributors, Lang::En) => "Contributors",
            (Metric::Countries, Lang::En) => "Countries represented",
            (Metric::Venues, Lang::En) => "Venues",
            (Metric::Cities, Lang::En) => "Cities",
            (Metric::Participants, Lang::En) => "Participants",
            (Metric::LocalOrganisers, Lang::En) => "Local organisers",
        }
    }
}

/// The local NECs organised through the year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalEditions {
    pub description: Text,
    pub figures: Vec<Figure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<Disagreement>,
}
