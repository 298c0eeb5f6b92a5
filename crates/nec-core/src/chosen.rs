//! "Mon programme" as stored: for each chosen item, what it was when chosen (title, times, place,
//! cancelled or not), so that a change made since is said, never silently taken (issue 21, point
//! 4); and what became of each choice in today's programme. No web dependency.
//!
//! Stored format (localStorage `agenda::STORAGE_KEY`), a JSON array of
//! `{ "id": …, "was": { "title": …, "day": …, "start": …, "end": …, "place": …, "cancelled": true },
//! "sequence": 1 }`, `was` and `sequence` optional. The format before it, an array of ids
//! (`["grande-soiree"]`), is read too, each id becoming a choice whose past is not known yet: the
//! first programme it meets fills it in (`fill`). Nothing is dropped.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{dates, Item, ItemStatus, Programme, Text};

/// One chosen item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chosen {
    pub id: String,
    /// What the item was when chosen (or when the visitor last kept it as it became).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub was: Option<Snapshot>,
    /// How many moves the visitor kept: the `SEQUENCE` of its calendar event.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub sequence: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Chosen {
    /// A choice whose past is not known yet (the former format, a share link before `fill`).
    pub fn id(id: &str) -> Self {
        Chosen { id: id.to_owned(), was: None, sequence: 0 }
    }

    /// A choice made now, of `item` as the programme shows it.
    pub fn of(programme: &Programme, item: &Item) -> Self {
        Chosen { id: item.id.clone(), was: Some(Snapshot::of(programme, item)), sequence: 0 }
    }
}

/// An item as it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_day")]
    pub day: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_instant")]
    pub start: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_instant")]
    pub end: Option<DateTime<FixedOffset>>,
    /// The venue's name, where the programme places the item (`Programme::place_of`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub cancelled: bool,
}

impl Snapshot {
    pub fn of(programme: &Programme, item: &Item) -> Self {
        Snapshot {
            title: item.title.clone(),
            day: item.day,
            start: item.start,
            end: item.end,
            place: programme.place_of(item).map(|v| v.name.clone()),
            cancelled: item.status == ItemStatus::Cancelled,
        }
    }

    /// The snapshot as an item, to show what it was with the usual views (`When`).
    pub fn as_item(&self, id: &str) -> Item {
        Item {
            id: id.to_owned(),
            title: self.title.clone(),
            kind: crate::model::ItemKind::Session,
            day: self.day,
            start: self.start,
            end: self.end,
            format: None,
            theme: None,
            description: Text::default(),
            speakers: Vec::new(),
            access: crate::model::Access::NotStated,
            links: Vec::new(),
            sources: Vec::new(),
            status: if self.cancelled { ItemStatus::Cancelled } else { ItemStatus::Scheduled },
        }
    }
}

/// One stored entry: an id (the former format) or a choice. Read by a visitor, as `Text` is,
/// rather than `#[serde(untagged)]`, whose buffering weighs on the wasm.
struct Stored(Chosen);

impl<'de> Deserialize<'de> for Stored {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StoredVisitor;
        impl<'de> serde::de::Visitor<'de> for StoredVisitor {
            type Value = Stored;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an id or a choice")
            }
            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<Stored, E> {
                Ok(Stored(Chosen::id(id)))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Stored, A::Error> {
                Chosen::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Stored)
            }
        }
        deserializer.deserialize_any(StoredVisitor)
    }
}

/// Reads a stored selection, either format (or both mixed); `None` when the text is corrupt.
/// Repeats are dropped with a hash set (the first one kept): the text may be anything up to the
/// storage quota.
pub fn parse_stored(text: &str) -> Option<Vec<Chosen>> {
    let entries: Vec<Stored> = serde_json::from_str(text).ok()?;
    let mut seen = HashSet::with_capacity(entries.len());
    let chosen = entries.into_iter().map(|Stored(chosen)| chosen);
    Some(chosen.filter(|c| seen.insert(c.id.clone())).collect())
}

pub fn to_stored(chosen: &[Chosen]) -> String {
    serde_json::to_string(chosen).unwrap_or_else(|_| "[]".to_owned())
}

/// Gives each choice whose past is unknown the item it names as `programme` shows it; returns
/// whether any was filled (then store the selection again).
pub fn fill(programme: &Programme, chosen: &mut [Chosen]) -> bool {
    let mut filled = false;
    for choice in chosen.iter_mut().filter(|c| c.was.is_none()) {
        if let Some(item) = programme.items.iter().find(|i| i.id == choice.id) {
            choice.was = Some(Snapshot::of(programme, item));
            filled = true;
        }
    }
    filled
}

/// What became of a choice.
#[derive(Debug, PartialEq)]
pub enum Fate<'a> {
    /// As it was (or its past is not known yet).
    Same(&'a Item),
    /// Changed since: moved (day or times), renamed, or in another place; `was` says how it was.
    Changed { item: &'a Item, was: &'a Snapshot, moved: bool, renamed: bool, place: bool },
    /// Cancelled since it was chosen.
    Cancelled { item: &'a Item, was: Option<&'a Snapshot> },
    /// No longer on the programme; `was` is what it was, when known.
    Gone { was: Option<&'a Snapshot> },
}

pub fn fate<'a>(programme: &'a Programme, chosen: &'a Chosen) -> Fate<'a> {
    let Some(item) = programme.items.iter().find(|i| i.id == chosen.id) else { return Fate::Gone { was: chosen.was.as_ref() } };
    let Some(was) = &chosen.was else { return Fate::Same(item) };
    if item.status == ItemStatus::Cancelled && !was.cancelled {
        return Fate::Cancelled { item, was: Some(was) };
    }
    let now = Snapshot::of(programme, item);
    let moved = (was.day, was.start, was.end) != (now.day, now.start, now.end);
    let (renamed, place) = (was.title != now.title, was.place != now.place);
    if moved || renamed || place {
        Fate::Changed { item, was, moved, renamed, place }
    } else {
        Fate::Same(item)
    }
}

/// The visitor keeps a changed choice as it is now: it stops being reported, and a move counts
/// in its calendar event's `SEQUENCE`.
pub fn keep(programme: &Programme, chosen: &mut Chosen) {
    if let Fate::Changed { moved: true, .. } = fate(programme, chosen) {
        chosen.sequence = chosen.sequence.saturating_add(1);
    }
    if let Some(item) = programme.items.iter().find(|i| i.id == chosen.id) {
        chosen.was = Some(Snapshot::of(programme, item));
    }
}

/// The `SEQUENCE` of the choice's calendar event: the moves kept, and one more for a move not
/// kept yet (the calendar app must replace the old time all the same).
pub fn sequence(programme: &Programme, chosen: &Chosen) -> u32 {
    let pending = matches!(fate(programme, chosen), Fate::Changed { moved: true, .. });
    chosen.sequence.saturating_add(u32::from(pending))
}

#[cfg(test)]
#[path = "chosen_tests.rs"]
mod tests;
