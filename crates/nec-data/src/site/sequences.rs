//! The revision of each item as calendar apps see it (`SEQUENCE`), kept in
//! `public/data/calendriers.json`: for each item, a fingerprint of its event as the calendar files
//! write it (title, times, place, description, links, categories) and its sequence number.
//! `nec-data export` writes it from the previous one, raising an item's number when its
//! fingerprint changed, and `nec-data check` fails while it is out of date: a subscriber's app
//! replaces an event only when its `SEQUENCE` grew. An item once listed stays listed.

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::ics;
use crate::model::{Item, Programme};

pub const LEDGER_PATH: &str = "calendriers.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub empreinte: String,
    pub sequence: u32,
}

/// Item id → its entry.
pub type Ledger = BTreeMap<String, Entry>;

/// FNV-1a, 64 bits: a fingerprint, not a secret.
pub fn fnv(bytes: &[u8], seed: u64) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325 ^ seed, |hash, b| (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// What a calendar app is given of the item, without the export's time: empty for an item
/// without a time (none is written).
pub fn fingerprint(programme: &Programme, item: &Item) -> String {
    let stamp = Utc.timestamp_opt(0, 0).single().unwrap_or_default();
    let text = ics::item_calendar(programme, item, "https://site", stamp).unwrap_or_default();
    format!("{:016x}", fnv(text.as_bytes(), 0))
}

/// The ledger after `previous`: each item's number raised where its fingerprint changed, new
/// items at 0, items no longer in the programme kept as they were.
pub fn updated(previous: &Ledger, programme: &Programme) -> Ledger {
    let mut ledger = previous.clone();
    for item in &programme.items {
        let empreinte = fingerprint(programme, item);
        match ledger.get_mut(&item.id) {
            Some(entry) if entry.empreinte == empreinte => {}
            Some(entry) => {
                entry.empreinte = empreinte;
                entry.sequence += 1;
            }
            None => {
                ledger.insert(item.id.clone(), Entry { empreinte, sequence: 0 });
            }
        }
    }
    ledger
}

/// An item's sequence number; 0 for an item the ledger does not know yet.
pub fn sequence(ledger: &Ledger, item: &Item) -> u32 {
    ledger.get(&item.id).map_or(0, |e| e.sequence)
}

/// The ledger as the file holds it.
pub fn to_json(ledger: &Ledger) -> String {
    serde_json::to_string_pretty(ledger).unwrap_or_default() + "\n"
}
