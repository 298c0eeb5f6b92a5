//! `publications` in a programme file: the record of what each publication changed, newest last,
//! written by `nec-data publish OLD NEW` from `crate::diff` and shown on « Modifications du
//! programme », its Atom feed and each changed item's page.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{dates, Item, Text};

/// One publication of the programme: when, what it was, what it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Publication {
    #[serde(deserialize_with = "dates::day")]
    pub date: NaiveDate,
    /// What this publication was, when the sources say (« Annonce du programme… »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<PublishedChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// What an item was, or is, in the part a change is about: its times (moved), its title
/// (renamed), its place (place); every field optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Slot {
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_day")]
    pub day: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_instant")]
    pub start: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_instant")]
    pub end: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

impl Slot {
    /// An item's times.
    pub fn of(item: &Item) -> Self {
        Slot { day: item.day, start: item.start, end: item.end, ..Slot::default() }
    }
}

/// What happened to an item in a publication (`crate::diff`'s kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Cancelled,
    Restored,
    Moved,
    Renamed,
    Place,
    Details,
}

/// One change to one item; `title` is the item's title after the change (before, if removed).
/// A plain struct, not a tagged enum: serde's tagged enums cost the wasm several KiB.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PublishedChange {
    pub kind: ChangeKind,
    pub item: String,
    pub title: Text,
    /// Before: the times (moved), the title (renamed), the place (place, absent if not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Slot>,
    /// After, as `from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Slot>,
    /// Details: the other fields that changed, named in French (« description »…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}
