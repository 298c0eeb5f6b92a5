//! The record of published changes (`publications` in a programme file): made from
//! `crate::diff`'s changes by `nec-data publish`, checked, and put in words in both languages for
//! « Modifications du programme », its Atom feed and an item's page. No web dependency.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::diff::Change;
use crate::format::lowercased;
use crate::locale::{Lang, Pieces};
use crate::model::{ChangeKind, Programme, Publication, PublishedChange, Slot, Text};
use crate::validate::Problem;

/// The page that lists the publications (without its language prefix).
pub const CHANGES_PAGE: &str = "/modifications-du-programme";
/// Their Atom feed, in French, at the site's root (written by `nec-data site`).
pub const FEED: &str = "/modifications-du-programme.atom";

/// The record's form of `crate::diff`'s changes.
pub fn from_diff(changes: &[Change]) -> Vec<PublishedChange> {
    let place = |p: &Option<&str>| Slot { place: p.map(str::to_owned), ..Slot::default() };
    changes
        .iter()
        .map(|change| {
            let (kind, item, from, to, fields) = match change {
                Change::Added { new } => (ChangeKind::Added, *new, None, None, Vec::new()),
                Change::Removed { old } => (ChangeKind::Removed, *old, None, None, Vec::new()),
                Change::Cancelled { new, .. } => (ChangeKind::Cancelled, *new, None, None, Vec::new()),
                Change::Restored { new, .. } => (ChangeKind::Restored, *new, None, None, Vec::new()),
                Change::Moved { old, new } => (ChangeKind::Moved, *new, Some(Slot::of(old)), Some(Slot::of(new)), Vec::new()),
                Change::Renamed { old, new } => {
                    (ChangeKind::Renamed, *new, Some(Slot { title: Some(old.title.clone()), ..Slot::default() }), None, Vec::new())
                }
                Change::PlaceChanged { new, from, to } => (ChangeKind::Place, *new, Some(place(from)), Some(place(to)), Vec::new()),
                Change::Details { new, fields } => {
                    (ChangeKind::Details, *new, None, None, fields.iter().map(|f| (*f).to_owned()).collect())
                }
            };
            PublishedChange { kind, item: item.id.clone(), title: item.title.clone(), from, to, fields }
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
    newest_first(programme).into_iter().flat_map(|p| p.changes.iter().filter(|c| c.item == id).map(move |c| (p.date, c))).collect()
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
    becomes: " devient ", " is now ";
}

fn quoted(text: &Text, lang: Lang) -> Pieces {
    let (open, close) = lang.words().quotes;
    let mut pieces = Pieces::of(open, lang);
    pieces.extend(crate::describe::text_piece(text, lang)).push(close, lang);
    pieces
}

/// A change in words: « Déplacée : « Titre » : avant …, désormais … ». With `titled` false, for
/// the item's own page, the title is left out: « Déplacée : avant …, désormais … ».
pub fn describe(change: &PublishedChange, lang: Lang, titled: bool) -> Pieces {
    let t = texts(lang);
    let colon = lang.words().colon;
    let label = match change.kind {
        ChangeKind::Added => t.added,
        ChangeKind::Removed => t.removed,
        ChangeKind::Cancelled => t.cancelled,
        ChangeKind::Restored => t.restored,
        ChangeKind::Moved => t.moved,
        ChangeKind::Renamed => t.renamed,
        ChangeKind::Place => t.place,
        ChangeKind::Details => t.details,
    };
    let mut words = Pieces::of(label, lang);
    let (from, to) = (change.from.clone().unwrap_or_default(), change.to.clone().unwrap_or_default());
    let from_to = |from: String, to: String| Pieces::of(format!("{}{from}{}{to}", t.before, t.now), lang);
    let former = from.title.as_ref().unwrap_or(&change.title);
    let detail = match change.kind {
        ChangeKind::Moved => Some(from_to(slot_words(&from, lang), slot_words(&to, lang))),
        ChangeKind::Place => {
            let place = |s: &Slot| s.place.clone().unwrap_or_else(|| t.no_place.to_owned());
            Some(from_to(place(&from), place(&to)))
        }
        ChangeKind::Renamed if !titled => {
            let mut was = Pieces::of(t.before.to_owned(), lang);
            was.extend(quoted(former, lang));
            Some(was)
        }
        ChangeKind::Renamed => {
            let mut was = quoted(former, lang);
            was.push(t.becomes, lang).extend(quoted(&change.title, lang));
            words.push(colon, lang).extend(was);
            return words;
        }
        ChangeKind::Details => Some(Pieces::of(lang.list(&change.fields.iter().map(|f| field_name(f, lang)).collect::<Vec<_>>()), lang)),
        _ => None,
    };
    if titled {
        words.push(colon, lang).extend(quoted(&change.title, lang));
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
            if change.title.trim().is_empty() {
                push(format!("{at}.title"), "le texte est vide alors qu’il est obligatoire");
            }
            let removed = change.kind == ChangeKind::Removed;
            if !removed && !items.contains(change.item.as_str()) {
                missing.push(Problem {
                    path: format!("{at}.item"),
                    message: format!("« {} » n’est plus au programme : un élément publié est annulé, jamais supprimé", change.item),
                });
            }
        }
    }
    problems.extend(missing);
    problems
}
