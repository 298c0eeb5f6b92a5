//! `programme-YYYY.json`: one edition's programme and practical information.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{dates, Disagreement, Link, Source, Text};
use crate::locale::Lang;

/// `programme-2023.json`: one edition's programme and practical information.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Programme {
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub sources: Vec<Source>,
    pub edition: EditionInfo,
    pub venue: Venue,
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub registration: Registration,
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub meals: Vec<MealCondition>,
    pub days: Vec<Day>,
    pub themes: Vec<Theme>,
    pub formats: Vec<Format>,
    pub items: Vec<Item>,
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub partners: Partners,
    /// What each publication changed, oldest first (`nec-data publish`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub publications: Vec<super::Publication>,
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EditionInfo {
    pub year: i32,
    pub number: u32,
    pub name: String,
    pub city: String,
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub summary: Text,
    /// "Programme en cours de construction", as the sources warn.
    pub status: Text,
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub website: Link,
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Venue {
    pub name: String,
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub address: String,
    /// Opening hours ("9h - 19h" in the source).
    #[serde(deserialize_with = "dates::time")]
    pub opens: NaiveTime,
    #[serde(deserialize_with = "dates::time")]
    pub closes: NaiveTime,
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub transport: Vec<Text>,
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MealCondition {
    #[serde(deserialize_with = "dates::day")]
    pub day: NaiveDate,
    pub text: Text,
    pub cost: Cost,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Cost {
    Free,
    PaidContribution,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Day {
    #[serde(deserialize_with = "dates::day")]
    pub date: NaiveDate,
    pub kind: DayKind,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub description: Option<Text>,
    /// Whom to write to, e.g. to join the invitation-only off day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub contact_email: Option<String>,
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// The informal day before the event.
    Off,
    Main,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub name: Text,
    /// The partner who leads the theme, where a source names one, with its article as the
    /// sentence needs it: « la DINUM » (« la DINUM portera spécifiquement l’une des 5 thématiques »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub lead_partner: Option<Text>,
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Format {
    pub id: String,
    pub name: Text,
    /// The usual durations, in minutes (an atelier lasts 90 or 180).
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub durations_minutes: Vec<u32>,
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub sources: Vec<String>,
}

/// Anything on the programme: a session, the welcome, a meal, the evening party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub links: Vec<Link>,
    #[cfg_attr(feature = "widget-only", serde(deserialize_with = "super::skipped"))]
    pub sources: Vec<String>,
    /// `"cancelled"` for an item that no longer takes place; absent while it does. A published
    /// item is cancelled, never deleted: visitors may have chosen it (`nec-data diff`).
    #[serde(default, skip_serializing_if = "ItemStatus::is_scheduled")]
    pub status: ItemStatus,
}

/// Whether an item still takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Takes place as announced (the default: the field is then left out).
    #[default]
    Scheduled,
    /// Cancelled by the organisers; kept on the programme, and said so.
    Cancelled,
}

impl ItemStatus {
    pub fn is_scheduled(&self) -> bool {
        *self == ItemStatus::Scheduled
    }

    /// « Annulé », "Cancelled": the words that say it, never a colour alone.
    pub fn label(self, lang: Lang) -> Option<&'static str> {
        match (self, lang) {
            (ItemStatus::Scheduled, _) => None,
            (ItemStatus::Cancelled, Lang::Fr) => Some("Annulé"),
            (ItemStatus::Cancelled, Lang::En) => Some("Cancelled"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Partners {
    pub organisers: Vec<Partner>,
    pub partners: Vec<Partner>,
    /// Events held alongside, e.g. Digital Society, Digital Cities.
    pub associated_events: Vec<Text>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}
