//! What changed between two versions of a programme, item by item (`nec-data diff OLD NEW`):
//! added, removed, cancelled, restored, moved, renamed, changed place, other details. Items are
//! matched by id, so a published id that disappears is a removal (which `nec-data diff` reports
//! as a problem: a visitor may have chosen it; mark it cancelled instead). No web dependency.

use crate::format;
use crate::model::{Item, ItemStatus, Programme};

/// One change to one item. `old` is the item as it was, `new` as it is now.
#[derive(Debug, Clone, PartialEq)]
pub enum Change<'a> {
    Added {
        new: &'a Item,
    },
    Removed {
        old: &'a Item,
    },
    Cancelled {
        old: &'a Item,
        new: &'a Item,
    },
    Restored {
        old: &'a Item,
        new: &'a Item,
    },
    Moved {
        old: &'a Item,
        new: &'a Item,
    },
    Renamed {
        old: &'a Item,
        new: &'a Item,
    },
    PlaceChanged {
        new: &'a Item,
        from: Option<&'a str>,
        to: Option<&'a str>,
    },
    /// Other fields changed, named in French (« description », « intervenants »…).
    Details {
        new: &'a Item,
        fields: Vec<&'static str>,
    },
}

impl Change<'_> {
    /// The id of the item that changed.
    pub fn id(&self) -> &str {
        match self {
            Change::Added { new } | Change::Details { new, .. } | Change::PlaceChanged { new, .. } => &new.id,
            Change::Removed { old } => &old.id,
            Change::Cancelled { new, .. } | Change::Restored { new, .. } | Change::Moved { new, .. } | Change::Renamed { new, .. } => {
                &new.id
            }
        }
    }
}

/// The changes from `old` to `new`: for each item of `new` in its order, what is new about it;
/// then the items of `old` that are gone, in their order.
pub fn diff<'a>(old: &'a Programme, new: &'a Programme) -> Vec<Change<'a>> {
    let mut changes = Vec::new();
    for item in &new.items {
        let Some(before) = old.items.iter().find(|o| o.id == item.id) else {
            changes.push(Change::Added { new: item });
            continue;
        };
        match (before.status, item.status) {
            (ItemStatus::Scheduled, ItemStatus::Cancelled) => changes.push(Change::Cancelled { old: before, new: item }),
            (ItemStatus::Cancelled, ItemStatus::Scheduled) => changes.push(Change::Restored { old: before, new: item }),
            _ => {}
        }
        if moved(before, item) {
            changes.push(Change::Moved { old: before, new: item });
        }
        if before.title != item.title {
            changes.push(Change::Renamed { old: before, new: item });
        }
        let (from, to) = (old.place_of(before).map(|v| v.name.as_str()), new.place_of(item).map(|v| v.name.as_str()));
        if from != to {
            changes.push(Change::PlaceChanged { new: item, from, to });
        }
        let fields = details(before, item);
        if !fields.is_empty() {
            changes.push(Change::Details { new: item, fields });
        }
    }
    for gone in old.items.iter().filter(|o| !new.items.iter().any(|n| n.id == o.id)) {
        changes.push(Change::Removed { old: gone });
    }
    changes
}

/// Whether the day or the times changed (the same instant written in another offset has not).
pub fn moved(old: &Item, new: &Item) -> bool {
    old.day != new.day || old.start != new.start || old.end != new.end
}

fn details(old: &Item, new: &Item) -> Vec<&'static str> {
    let checks = [
        (old.description != new.description, "description"),
        (old.speakers != new.speakers, "intervenants"),
        (old.access != new.access, "accès"),
        (old.kind != new.kind, "nature"),
        (old.format != new.format, "format"),
        (old.theme != new.theme, "thématique"),
        (old.links != new.links, "liens"),
        (old.sources != new.sources, "sources"),
    ];
    checks.into_iter().filter_map(|(changed, name)| changed.then_some(name)).collect()
}

/// When an item takes place, in French: « jeudi 19 octobre 2023, 9 h 00 – 10 h 30 »,
/// « jeudi 19 octobre 2023, horaire à préciser », « date à préciser ».
pub fn when(item: &Item) -> String {
    match (item.day, item.start, item.end) {
        (_, Some(start), Some(end)) => {
            let next_day =
                if crate::tz::in_paris(end).date_naive() != crate::tz::in_paris(start).date_naive() { " le lendemain" } else { "" };
            format!("{}, {} – {}{next_day}", day_of(start), format::event_time(start), format::event_time(end))
        }
        (_, Some(start), None) => format!("{}, {}", day_of(start), format::event_time(start)),
        (Some(day), None, _) => format!("{}, horaire à préciser", format::long_date(day)),
        (None, None, _) => "date à préciser".to_owned(),
    }
}

fn day_of(instant: chrono::DateTime<chrono::FixedOffset>) -> String {
    format::long_date(crate::tz::in_paris(instant).date_naive())
}

fn named(item: &Item) -> String {
    format!("« {} » ({})", item.title, item.id)
}

/// One line of French for a change.
pub fn describe(change: &Change) -> String {
    match change {
        Change::Added { new } => format!("Ajouté : {}, {}", named(new), when(new)),
        Change::Removed { old } => format!("Retiré : {}, qui était prévu {}", named(old), when(old)),
        Change::Cancelled { new, .. } => format!("Annulé : {}, qui était prévu {}", named(new), when(new)),
        Change::Restored { new, .. } => format!("Rétabli : {}, {}", named(new), when(new)),
        Change::Moved { old, new } => format!("Déplacé : {} : {} → {}", named(new), when(old), when(new)),
        Change::Renamed { old, new } => format!("Renommé : « {} » → « {} » ({})", old.title, new.title, new.id),
        Change::PlaceChanged { new, from, to } => {
            let place = |p: &Option<&str>| p.map_or_else(|| "lieu non précisé".to_owned(), str::to_owned);
            format!("Lieu changé : {} : {} → {}", named(new), place(from), place(to))
        }
        Change::Details { new, fields } => format!("Modifié : {} : {}", named(new), fields.join(", ")),
    }
}
