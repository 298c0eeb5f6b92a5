//! The data the site shows, as typed Rust: one struct per JSON file in `public/data/`.
//!
//! No web dependency here: this module, `validate` and `load` compile and test natively.
//! Every fact keeps the seed text it comes from (`sources`), so a reader can check it.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::locale::Lang;

/// A text of the data, in French, with an optional English translation. In JSON it is either a
/// string (French, as every file was written) or `{ "fr": "…", "en": "…" }` with `en` optional.
/// It reads as its French text (`Deref<Target = str>`): search, sorting, the calendar export and
/// validation keep working on French; views ask [`Text::get`] for the page's language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Text {
    pub fr: String,
    pub en: Option<String>,
}

impl Text {
    /// The French text, which every text has.
    pub fn as_str(&self) -> &str {
        &self.fr
    }

    /// The text in `lang` if there is one, else the French, with the language it is really in:
    /// when that differs from the page's, the view marks it `lang="fr"` (RGAA 8.7).
    pub fn get(&self, lang: Lang) -> (&str, Lang) {
        match (lang, self.en.as_deref()) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => (en, Lang::En),
            _ => (&self.fr, Lang::Fr),
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.fr
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.fr)
    }
}

impl From<&str> for Text {
    fn from(fr: &str) -> Self {
        Text { fr: fr.to_owned(), en: None }
    }
}

impl From<String> for Text {
    fn from(fr: String) -> Self {
        Text { fr, en: None }
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.fr == other
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        *self == other.fr
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.fr == *other
    }
}

/// The object form of a [`Text`]: a typo such as `"eng"` is an error, not a lost translation.
#[derive(Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct Translated {
    /// The French text, always required: French is the site's first language.
    fr: String,
    /// Its English translation, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    en: Option<String>,
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.en {
            None => serializer.serialize_str(&self.fr),
            Some(en) => Translated { fr: self.fr.clone(), en: Some(en.clone()) }.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> serde::de::Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("un texte, ou un objet { \"fr\": …, \"en\": … }")
            }
            fn visit_str<E: serde::de::Error>(self, fr: &str) -> Result<Text, E> {
                Ok(Text::from(fr))
            }
            fn visit_string<E: serde::de::Error>(self, fr: String) -> Result<Text, E> {
                Ok(Text { fr, en: None })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Text, A::Error> {
                let Translated { fr, en } = Translated::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                if en.as_deref().is_some_and(|en| en.trim().is_empty()) {
                    return Err(serde::de::Error::custom("la traduction anglaise « en » est vide : retirez-la ou remplissez-la"));
                }
                Ok(Text { fr, en })
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Un texte en français, ou un objet avec sa traduction anglaise facultative.",
            "anyOf": [{ "type": "string" }, generator.subschema_for::<Translated>()]
        })
    }
}

/// One of the source texts the data was taken from (a file of `shared/seeds/`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The seed file name, used as the reference everywhere else (the data, the CSV), never shown
    /// as a citation.
    pub id: String,
    /// What the text is, in French: a summary for the catalogue.
    pub title: String,
    /// The title the text gives itself, quoted as written (French), if it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// How a reader weighs it: who speaks, what kind of text, only as far as the text says so
    /// (« entretien avec Caroline Corbal (ANCT), non daté »). Shown after the headline and
    /// before the date.
    pub citation: Text,
    /// Publication date, when the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_day")]
    pub date: Option<NaiveDate>,
}

/// The catalogue entries of `ids`, in that order; an unknown id (which validation rejects) is left out.
pub fn cite(catalogue: &[Source], ids: &[String]) -> Vec<Source> {
    ids.iter().filter_map(|id| catalogue.iter().find(|s| &s.id == id).cloned()).collect()
}

/// A remark on the data, such as two sources that disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: Text,
    /// The figure the note qualifies, if any: such notes go under the figures' table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    pub sources: Vec<String>,
}

/// An external link. Always `https:`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: Text,
    pub url: String,
}

// ---------------------------------------------------------------- editions.json

/// `editions.json`: the national editions since 2018 and the local NECs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EditionsFile {
    pub sources: Vec<Source>,
    pub editions: Vec<Edition>,
    pub local_editions: LocalEditions,
}

/// One national edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Disagreement {
    /// What they disagree on: « Qui peut venir ».
    pub about: Text,
    /// Each account, at least two.
    pub accounts: Vec<Account>,
}

/// One side of a [`Disagreement`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub text: Text,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalEditions {
    pub description: Text,
    pub figures: Vec<Figure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<Disagreement>,
}

// ---------------------------------------------------------------- charter.json

/// `charter.json`: the five engagements of the NEC charter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Charter {
    pub sources: Vec<Source>,
    pub title: Text,
    pub introduction: Text,
    pub engagements: Vec<Engagement>,
    pub licence: Licence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Engagement {
    pub number: u32,
    pub title: Text,
    pub text: Text,
    pub sources: Vec<String>,
}

/// The licence engagement n°3 names for everything NEC produces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Licence {
    pub name: String,
    pub url: String,
    pub engagement: u32,
    pub sources: Vec<String>,
}

// ---------------------------------------------------------------- programme-YYYY.json

/// `programme-2023.json`: one edition's programme and practical information.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub sources: Vec<Source>,
    pub edition: EditionInfo,
    pub venue: Venue,
    pub registration: Registration,
    pub meals: Vec<MealCondition>,
    pub days: Vec<Day>,
    pub themes: Vec<Theme>,
    pub formats: Vec<Format>,
    pub items: Vec<Item>,
    pub partners: Partners,
}

impl Programme {
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }
    pub fn format(&self, id: &str) -> Option<&Format> {
        self.formats.iter().find(|f| f.id == id)
    }
    pub fn day(&self, date: NaiveDate) -> Option<&Day> {
        self.days.iter().find(|d| d.date == date)
    }
    /// The items of a day, in time order; items without a time come last.
    pub fn items_on(&self, date: NaiveDate) -> Vec<&Item> {
        let mut items: Vec<&Item> = self.items.iter().filter(|i| i.day == Some(date)).collect();
        items.sort_by_key(|i| (i.start.is_none(), i.start));
        items
    }
    /// Where an item takes place, as far as the sources say: the venue for an item of a main day
    /// that fits its opening hours; otherwise unknown, never guessed (the evening party runs past
    /// closing time, the off-day gatherings are only said to be in the city, an item with no time
    /// may be anywhere).
    pub fn place_of(&self, item: &Item) -> Option<&Venue> {
        let main_day = item.day.and_then(|d| self.day(d)).is_some_and(|d| d.kind == DayKind::Main);
        let within_hours = match (item.start, item.end) {
            (Some(start), end) => {
                let end = end.unwrap_or(start);
                start.time() >= self.venue.opens && end.date_naive() == start.date_naive() && end.time() <= self.venue.closes
            }
            // No time, no place: the Thursday lunch and cocktail are not said to be at the venue.
            (None, _) => false,
        };
        (main_day && within_hours).then_some(&self.venue)
    }

    /// The item's day when another item has the same title (« Accueil NEC » on Thursday and on
    /// Friday): what tells them apart in a page title, a button's name, an announcement (RGAA 8.6).
    pub fn namesake_day(&self, item: &Item) -> Option<NaiveDate> {
        item.day.filter(|_| self.items.iter().any(|other| other.id != item.id && other.title.fr == item.title.fr))
    }

    /// Items announced without a day.
    pub fn undated_items(&self) -> Vec<&Item> {
        self.items.iter().filter(|i| i.day.is_none()).collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EditionInfo {
    pub year: i32,
    pub number: u32,
    pub name: String,
    pub city: String,
    pub summary: Text,
    /// "Programme en cours de construction", as the sources warn.
    pub status: Text,
    pub website: Link,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Venue {
    pub name: String,
    pub address: String,
    /// Opening hours ("9h - 19h" in the source).
    #[serde(deserialize_with = "dates::time")]
    pub opens: NaiveTime,
    #[serde(deserialize_with = "dates::time")]
    pub closes: NaiveTime,
    pub transport: Vec<Text>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// Conditions, e.g. "inscription obligatoire".
    pub conditions: Text,
    pub links: Vec<Link>,
    pub sources: Vec<String>,
    /// Where the sources disagree on who may come.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<Disagreement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MealCondition {
    #[serde(deserialize_with = "dates::day")]
    pub day: NaiveDate,
    pub text: Text,
    pub cost: Cost,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Cost {
    Free,
    PaidContribution,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Day {
    #[serde(deserialize_with = "dates::day")]
    pub date: NaiveDate,
    pub kind: DayKind,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Whom to write to, e.g. to join the invitation-only off day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// The informal day before the event.
    Off,
    Main,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub name: Text,
    /// The partner who leads the theme, where a source names one, with its article as the
    /// sentence needs it: « la DINUM » (« la DINUM portera spécifiquement l’une des 5 thématiques »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_partner: Option<Text>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Format {
    pub id: String,
    pub name: Text,
    /// The usual durations, in minutes (an atelier lasts 90 or 180).
    pub durations_minutes: Vec<u32>,
    pub sources: Vec<String>,
}

/// Anything on the programme: a session, the welcome, a meal, the evening party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub title: Text,
    pub kind: ItemKind,
    /// The day, when announced.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_day")]
    pub day: Option<NaiveDate>,
    /// Start time with its offset, when announced.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_instant")]
    pub start: Option<DateTime<FixedOffset>>,
    /// End time, when announced. May fall on the next day (the evening ends at 01:00).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_instant")]
    pub end: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    pub description: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
    pub access: Access,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Session,
    Welcome,
    Meal,
    Party,
    Gathering,
}

/// Who may attend an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Access {
    /// Open to registered participants.
    Registration,
    InvitationOnly,
    PaidContribution,
    /// Free for participants (the Friday lunch).
    Free,
    /// The sources do not say who may attend.
    NotStated,
}

impl Access {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Access::Registration, Lang::Fr) => "Sur inscription",
            (Access::InvitationOnly, Lang::Fr) => "Sur invitation",
            (Access::PaidContribution, Lang::Fr) => "Contribution financière demandée",
            (Access::Free, Lang::Fr) => "Gratuit pour les participants",
            (Access::NotStated, Lang::Fr) => "Non précisé par les sources",
            (Access::NotStated, Lang::En) => "Not stated in the sources",
            (Access::Registration, Lang::En) => "Registration required",
            (Access::InvitationOnly, Lang::En) => "By invitation",
            (Access::PaidContribution, Lang::En) => "Financial contribution requested",
            (Access::Free, Lang::En) => "Free for participants",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Partners {
    pub organisers: Vec<Partner>,
    pub partners: Vec<Partner>,
    /// Events held alongside, e.g. Digital Society, Digital Cities.
    pub associated_events: Vec<Text>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

// ---------------------------------------------------------------- catalogue.json

/// `catalogue.json`: the open-data files on offer, generated by `nec-data export`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The licence of every file, as engagement n°3 of the charter names it.
    pub licence: Link,
    pub files: Vec<CatalogueFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    /// Path relative to the data folder, e.g. `editions.json`.
    pub path: String,
    pub title: Text,
    pub media_type: String,
    pub bytes: u64,
    /// The JSON Schema the file follows, for JSON files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<SchemaFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SchemaFile {
    pub path: String,
    pub bytes: u64,
}

// ---------------------------------------------------------------- dates and times

/// How the data's dates and times are read: `AAAA-MM-JJ`, `HH:MM[:SS[.fraction]]`, RFC 3339. By
/// hand rather than chrono's generic parser: what chrono writes back, no more, and 5 KiB brotli
/// less in the wasm.
pub mod dates {
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
        if !(4..=9).contains(&year_digits)
            || (negative.is_none() && year_digits != 4)
            || b[year_digits] != b'-'
            || b[year_digits + 3] != b'-'
        {
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
                // On bytes: a multi-byte character must give None, never a panic (tests/fuzz.rs).
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

    pub fn optional_instant<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        read(deserializer, parse_instant, "une date et heure RFC 3339 (2023-10-19T09:00:00+02:00)")
    }
}

// ---------------------------------------------------------------- budgets.json (repository root)

/// The number after `"key":` in a JSON text, read when compiling (a missing key or a value that
/// is not a whole number fails the build): the page states a budget without the wasm carrying
/// the file or a parser for it. The first match counts, so a key must first appear at the top
/// level (a test compares every value with serde's reading).
pub const fn json_number(json: &str, key: &str) -> u32 {
    let (json, key) = (json.as_bytes(), key.as_bytes());
    let mut at = 0;
    while at + key.len() + 3 <= json.len() {
        let mut matches = json[at] == b'"' && json[at + key.len() + 1] == b'"' && json[at + key.len() + 2] == b':';
        let mut i = 0;
        while matches && i < key.len() {
            matches = json[at + 1 + i] == key[i];
            i += 1;
        }
        if matches {
            let mut digit = at + key.len() + 3;
            while digit < json.len() && json[digit] == b' ' {
                digit += 1;
            }
            let mut value = 0;
            let start = digit;
            while digit < json.len() && json[digit].is_ascii_digit() {
                value = value * 10 + (json[digit] - b'0') as u32;
                digit += 1;
            }
            assert!(digit > start, "budgets.json: not a whole number");
            return value;
        }
        at += 1;
    }
    panic!("budgets.json: key not found")
}

/// The weight budgets every route must keep, enforced by the browser tests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Budgets {
    pub description: String,
    /// What a route needs for its content to paint (its prerendered page and the style sheet),
    /// brotli-compressed, in KiB.
    pub content_before_wasm_brotli_kib: u32,
    /// First load of a route read without using the app (its page, style sheet and boot module,
    /// and the service worker's copy), brotli-compressed, in KiB.
    pub first_load_brotli_kib: u32,
    /// Requests of the page itself.
    pub requests: u32,
    /// Requests of the service worker during a first visit (its offline copy).
    pub service_worker_requests: u32,
    pub dom_elements: u32,
    /// What starting the app adds (its glue and wasm, the data it loads, the worker's copy of the
    /// rest), brotli-compressed, in KiB.
    pub app_start_brotli_kib: u32,
    /// Requests of that start: the page's and the worker's.
    pub app_start_requests: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_read_when_compiling_are_serdes() {
        let file = include_str!("../budgets.json");
        let b: Budgets = serde_json::from_str(file).expect("budgets.json");
        let read = |key| json_number(file, key);
        assert_eq!(read("content_before_wasm_brotli_kib"), b.content_before_wasm_brotli_kib);
        assert_eq!(read("first_load_brotli_kib"), b.first_load_brotli_kib);
        assert_eq!(read("requests"), b.requests);
        assert_eq!(read("service_worker_requests"), b.service_worker_requests);
        assert_eq!(read("dom_elements"), b.dom_elements);
        assert_eq!(read("app_start_brotli_kib"), b.app_start_brotli_kib);
        assert_eq!(json_number(r#"{"a": 12, "b":3}"#, "b"), 3);
    }

    fn text(json: &str) -> Result<Text, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn a_text_is_a_string_or_a_translated_object() {
        assert_eq!(text(r#""Plénière""#), Ok(Text::from("Plénière")));
        let both = text(r#"{ "fr": "Plénière", "en": "Plenary" }"#).unwrap();
        assert_eq!(both.get(Lang::En), ("Plenary", Lang::En));
        assert_eq!(both.get(Lang::Fr), ("Plénière", Lang::Fr));
        let french_only = text(r#"{ "fr": "Plénière" }"#).unwrap();
        assert_eq!(french_only.get(Lang::En), ("Plénière", Lang::Fr), "no translation: French, and said so");
        assert_eq!(&*both, "Plénière", "reads as French everywhere else");
        for json in [r#"{"fr":"Plénière","en":"Plenary"}"#, r#""Plénière""#] {
            assert_eq!(serde_json::to_string(&text(json).unwrap()).unwrap(), json, "written back as read");
        }
    }

    #[test]
    fn dates_and_times_read_what_chrono_writes_and_no_more() {
        use chrono::{NaiveDate, NaiveTime};
        for text in ["2023-10-19", "2024-02-29", "0001-01-01", "9999-12-31", "+262142-12-31", "-0001-01-01", "+10000-01-01"] {
            let day = dates::parse_day(text).unwrap();
            assert_eq!(serde_json::to_string(&day).unwrap(), format!("\"{text}\""), "written back as read");
            assert_eq!(text.parse::<NaiveDate>().ok(), Some(day));
        }
        for text in
            ["2023-02-29", "2023-1-19", "10000-01-01", "+262144-01-01", " 2023-10-19", "2023-10-19T09:00:00", "20231019", "", "+", "-"]
        {
            assert_eq!(dates::parse_day(text), None, "{text}");
        }
        for text in ["09:00:00", "23:59:59", "00:00:00", "19:30:00.500", "08:15:00.123456789"] {
            let time = dates::parse_time(text).unwrap();
            assert_eq!(serde_json::to_string(&time).unwrap(), format!("\"{text}\""), "written back as read");
            assert_eq!(text.parse::<NaiveTime>().ok(), Some(time));
        }
        assert_eq!(dates::parse_time("09:00"), NaiveTime::from_hms_opt(9, 0, 0));
        for text in ["24:00:00", "9:00:00", "09:60:00", "09:00:0", "09:00:00.", "09:00:00.1234567890", "09h00", "09:00:00Z"] {
            assert_eq!(dates::parse_time(text), None, "{text}");
        }
        #[derive(Deserialize)]
        struct Timed {
            #[serde(default, deserialize_with = "dates::optional_instant")]
            start: Option<chrono::DateTime<chrono::FixedOffset>>,
        }
        let item = |start: &str| serde_json::from_str::<Timed>(&format!(r#"{{"start":{start}}}"#));
        for text in ["2023-10-19T09:00:00+02:00", "2023-10-19T17:00:00Z", "2023-10-19T09:00:00.250-05:30", "+262142-12-31T23:59:59Z"] {
            let at = dates::parse_instant(text).unwrap();
            assert_eq!(serde_json::to_string(&at).unwrap(), format!("\"{text}\""), "written back as read");
        }
        assert_eq!(dates::parse_instant("2023-10-19T17:00:00+00:00"), dates::parse_instant("2023-10-19T17:00:00Z"));
        for text in [
            "2023-10-19T09:00+02:00",
            "2023-10-19T09:00:00",
            "2023-10-19T09:00:00+0200",
            "2023-10-19T09:00:00+24:00",
            "2023-10-19",
            "2023-10-19T",
            // A multi-byte character where the offset starts (found by tests/fuzz.rs).
            "2023-10-19T09:00:00€0:00",
            "2023-10-19T09:00:0é+02:00",
            "2023-10-19Té",
        ] {
            assert_eq!(dates::parse_instant(text), None, "{text}");
        }
        let at = item(r#""2023-10-19T17:00:00Z""#).map(|i| i.start).map_err(|e| e.to_string());
        assert_eq!(at, Ok(Some(chrono::DateTime::parse_from_rfc3339("2023-10-19T19:00:00+02:00").unwrap())));
        assert_eq!(item("null").map(|i| i.start).map_err(|e| e.to_string()), Ok(None), "null is absent");
        let bad = item(r#""19 octobre 2023""#).map(|i| i.start).unwrap_err().to_string();
        assert!(bad.contains(r#"invalid value: string "19 octobre 2023", expected une date et heure RFC 3339"#), "{bad}");
    }

    #[test]
    fn a_bad_text_is_an_error() {
        assert!(text(r#"{ "en": "Plenary" }"#).unwrap_err().contains("missing field `fr`"));
        assert!(text(r#"{ "fr": "Plénière", "eng": "Plenary" }"#).unwrap_err().contains("unknown field `eng`"));
        assert!(text(r#"{ "fr": "Plénière", "en": " " }"#).unwrap_err().contains("traduction anglaise"));
        assert!(text("12").unwrap_err().contains("un texte, ou un objet"));
    }
}
