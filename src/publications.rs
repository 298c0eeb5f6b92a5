//! The record of published changes (`publications` in a programme file): made from
//! `crate::diff`'s changes by `nec-data publish`, checked, and put in words in both languages for
//! « Modifications du programme », its Atom feed and an item's page. No web dependency.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::diff::Change;
use crate::format::lowercased;
use crate::locale::{Lang, Pieces};
use crate::model::{Programme, Publication, PublishedChange, Slot, Text};
use crate::validate::Problem;

/// The page that lists the publications (without its language prefix).
pub const CHANGES_PAGE: &str = "/modifications-du-programme";
/// Their Atom feed, in French, at the site's root (written by `nec-data site`).
pub const FEED: &str = "/modifications-du-programme.atom";

/// The record's form of `crate::diff`'s changes.
pub fn from_diff(changes: &[Change]) -> Vec<PublishedChange> {
    let titled = |item: &crate::model::Item| (item.id.clone(), item.title.clone());
    changes
        .iter()
        .map(|change| match change {
            Change::Added { new } => {
                let (item, title) = titled(new);
                PublishedChange::Added { item, title }
            }
            Change::Removed { old } => {
                let (item, title) = titled(old);
                PublishedChange::Removed { item, title }
            }
            Change::Cancelled { new, .. } => {
                let (item, title) = titled(new);
                PublishedChange::Cancelled { item, title }
            }
            Change::Restored { new, .. } => {
                let (item, title) = titled(new);
                PublishedChange::Restored { item, title }
            }
            Change::Moved { old, new } => {
                let (item, title) = titled(new);
                PublishedChange::Moved { item, title, from: Slot::of(old), to: Slot::of(new) }
            }
            Change::Renamed { old, new } => {
                let (item, title) = titled(new);
                PublishedChange::Renamed { item, title, from: old.title.clone() }
            }
            Change::PlaceChanged { new, from, to } => {
                let (item, title) = titled(new);
                PublishedChange::Place { item, title, from: from.map(str::to_owned), to: to.map(str::to_owned) }
            }
            Change::Details { new, fields } => {
                let (item, title) = titled(new);
                PublishedChange::Details { item, title, fields: fields.iter().map(|f| (*f).to_owned()).collect() }
            }
        })
        .collect()
}

/// The publications, newest first.
pub fn newest_first(programme: &Programme) -> Vec<&Publication> {
    let mut all: Vec<&Publication> = programme.publications.iter().collect();
    all.sort_by_key(|p| std::cmp::Reverse(p.date));
    all
}

/// What the record says changed about one item, newest first, with the date of each change.
pub fn item_history<'a>(programme: &'a Programme, id: &str) -> Vec<(NaiveDate, &'a PublishedChange)> {
    newest_first(programme).into_iter().flat_map(|p| p.changes.iter().filter(|c| c.item() == id).map(move |c| (p.date, c))).collect()
}

/// When an item takes place, in words: « jeudi 19 octobre 2023, 9 h 00 – 10 h 30 ».
pub fn slot_words(slot: &Slot, lang: Lang) -> String {
    let Some(day) = slot.day else { return lowercased(lang.words().undated) };
    let day = lang.long_date(day);
    match (slot.start, slot.end) {
        (Some(start), Some(end)) => format!("{day}, {} – {}", lang.event_time(start), lang.event_time(end)),
        (Some(start), None) => format!("{day}, {}", lang.event_time(start)),
        _ => format!("{day}, {}", lowercased(lang.words().untimed)),
    }
}

crate::texts! {
    added: "Ajoutée", "Added";
    removed: "Retirée du programme", "Removed from the programme";
    cancelled: "Annulée", "Cancelled";
    restored: "Rétablie", "Restored";
    moved: "Déplacée", "Moved";
    renamed: "Renommée", "Renamed";
    place: "Lieu changé", "Venue changed";
    details: "Précisions modifiées", "Details changed";
    before: "avant ", "was ";
    now: ", désormais ", ", now ";
    no_place: "lieu non précisé", "venue not given";
}

fn quoted(text: &Text, lang: Lang) -> Pieces {
    let (open, close) = if lang == Lang::Fr { ("« ", " »") } else { ("“", "”") };
    let mut pieces = Pieces::of(open, lang);
    pieces.extend(crate::describe::text_piece(text, lang)).push(close, lang);
    pieces
}

/// A change in words: « Déplacée : « Titre » : avant …, désormais … ». With `titled` false, for
/// the item's own page, the title is left out: « Déplacée : avant …, désormais … ».
pub fn describe(change: &PublishedChange, lang: Lang, titled: bool) -> Pieces {
    let t = texts(lang);
    let colon = if lang == Lang::Fr { " : " } else { ": " };
    let (label, title) = match change {
        PublishedChange::Added { title, .. } => (t.added, title),
        PublishedChange::Removed { title, .. } => (t.removed, title),
        PublishedChange::Cancelled { title, .. } => (t.cancelled, title),
        PublishedChange::Restored { title, .. } => (t.restored, title),
        PublishedChange::Moved { title, .. } => (t.moved, title),
        PublishedChange::Renamed { title, .. } => (t.renamed, title),
        PublishedChange::Place { title, .. } => (t.place, title),
        PublishedChange::Details { title, .. } => (t.details, title),
    };
    let mut words = Pieces::of(label, lang);
    let from_to = |from: String, to: String| Pieces::of(format!("{}{from}{}{to}", t.before, t.now), lang);
    let detail = match change {
        PublishedChange::Moved { from, to, .. } => Some(from_to(slot_words(from, lang), slot_words(to, lang))),
        PublishedChange::Place { from, to, .. } => {
            let place = |p: &Option<String>| p.clone().unwrap_or_else(|| t.no_place.to_owned());
            Some(from_to(place(from), place(to)))
        }
        PublishedChange::Renamed { from, .. } if !titled => {
            let mut was = Pieces::of(t.before.to_owned(), lang);
            was.extend(quoted(from, lang));
            Some(was)
        }
        PublishedChange::Renamed { from, .. } => {
            let mut was = quoted(from, lang);
            was.push(if lang == Lang::Fr { " devient " } else { " is now " }, lang).extend(quoted(title, lang));
            words.push(colon, lang).extend(was);
            return words;
        }
        PublishedChange::Details { fields, .. } => {
            Some(Pieces::of(lang.list(&fields.iter().map(|f| field_name(f, lang)).collect::<Vec<_>>()), lang))
        }
        _ => None,
    };
    if titled {
        words.push(colon, lang).extend(quoted(title, lang));
    }
    if let Some(detail) = detail {
        words.push(colon, lang).extend(detail);
    }
    words
}

fn field_name(field: &str, lang: Lang) -> String {
    let english = [
        ("description", "description"),
        ("intervenants", "speakers"),
        ("accès", "access"),
        ("nature", "kind"),
        ("format", "format"),
        ("thématique", "theme"),
        ("liens", "links"),
        ("sources", "sources"),
    ];
    match lang {
        Lang::Fr => field.to_owned(),
        Lang::En => english.iter().find(|(fr, _)| *fr == field).map_or(field, |(_, en)| en).to_owned(),
    }
}

/// The record's problems, with their JSON paths: dates in order, a publication that says
/// something, known items, declared sources.
pub fn problems(programme: &Programme) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |path: String, message: &str| problems.push(Problem { path, message: message.to_owned() });
    let mut missing = Vec::new();
    let sources: HashSet<&str> = programme.sources.iter().map(|s| s.id.as_str()).collect();
    let items: HashSet<&str> = programme.items.iter().map(|i| i.id.as_str()).collect();
    for (i, publication) in programme.publications.iter().enumerate() {
        let here = format!("$.publications[{i}]");
        if i > 0 && programme.publications[i - 1].date > publication.date {
            push(format!("{here}.date"), "les publications vont de la plus ancienne à la plus récente");
        }
        if publication.changes.is_empty() && publication.note.as_ref().is_none_or(|n| n.trim().is_empty()) {
            push(here.clone(), "une publication dit ce qu’elle a changé (changes) ou ce qu’elle était (note)");
        }
        for (j, id) in publication.sources.iter().enumerate() {
            if !sources.contains(id.as_str()) {
                push(format!("{here}.sources[{j}]"), "cette source n’est pas déclarée dans $.sources");
            }
        }
        for (j, change) in publication.changes.iter().enumerate() {
            let at = format!("{here}.changes[{j}]");
            if change.title().trim().is_empty() {
                push(format!("{at}.title"), "le texte est vide alors qu’il est obligatoire");
            }
            let removed = matches!(change, PublishedChange::Removed { .. });
            if !removed && !items.contains(change.item()) {
                missing.push(Problem {
                    path: format!("{at}.item"),
                    message: format!("« {} » n’est plus au programme : un élément publié est annulé, jamais supprimé", change.item()),
                });
            }
        }
    }
    problems.extend(missing);
    problems
}
