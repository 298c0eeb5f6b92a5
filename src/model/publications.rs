//! `publications` in a programme file: the record of what each publication changed, newest last,
//! written by `nec-data publish OLD NEW` from `crate::diff` and shown on « Modifications du
//! programme », its Atom feed and each changed item's page.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{dates, Item, Text};

/// One publication of the programme: when, what it was, what it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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

/// When an item took place, as the record keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Slot {
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_day")]
    pub day: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_instant")]
    pub start: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_instant")]
    pub end: Option<DateTime<FixedOffset>>,
}

impl Slot {
    pub fn of(item: &Item) -> Self {
        Slot { day: item.day, start: item.start, end: item.end }
    }
}

/// One change to one item; `title` is the item's title after the change (before, if removed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum PublishedChange {
    Added { item: String, title: Text },
    Removed { item: String, title: Text },
    Cancelled { item: String, title: Text },
    Restored { item: String, title: Text },
    Moved { item: String, title: Text, from: Slot, to: Slot },
    Renamed { item: String, title: Text, from: Text },
    Place { item: String, title: Text, from: Option<String>, to: Option<String> },
    Details { item: String, title: Text, fields: Vec<String> },
}

impl PublishedChange {
    pub fn item(&self) -> &str {
        match self {
            PublishedChange::Added { item, .. }
            | PublishedChange::Removed { item, .. }
            | PublishedChange::Cancelled { item, .. }
            | PublishedChange::Restored { item, .. }
            | PublishedChange::Moved { item, .. }
            | PublishedChange::Renamed { item, .. }
            | PublishedChange::Place { item, .. }
            | PublishedChange::Details { item, .. } => item,
        }
    }

    pub fn title(&self) -> &Text {
        match self {
            PublishedChange::Added { title, .. }
            | PublishedChange::Removed { title, .. }
            | PublishedChange::Cancelled { title, .. }
            | PublishedChange::Restored { title, .. }
            | PublishedChange::Moved { title, .. }
            | PublishedChange::Renamed { title, .. }
            | PublishedChange::Place { title, .. }
            | PublishedChange::Details { title, .. } => title,
        }
    }
}
