//! What calendar and conference apps read, written by the release build into `data/` beside the
//! data files (`nec-data exports`) and listed on `/donnees` (the built catalogue): a calendar of
//! the whole programme and one per theme, to subscribe to (`webcal:`); the schedule for
//! Giggity, EventFahrplan, ConfClerk and other frab readers, as `schedule.xml` (frab/c3voc XML)
//! and `schedule.json` (c3voc "schedule2").
//!
//! Only timed items can be placed in a calendar or a schedule: an item without a start is left
//! out of all of them (the programme pages list it, « Horaire à préciser »). An item without an
//! end has no `DTEND` in a calendar and, in a schedule, which requires one, a zero duration
//! (`00:00`, end = start): the end is not invented.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde_json::{json, Value};

use super::sequences::{fnv, sequence, Ledger};
use super::{escape, Site};
use crate::ics::{self, Published, Status};
use crate::model::{Item, ItemKind, Programme, Text};

/// A file of the exports: its name in `data/`, what it is (for the catalogue), its content.
pub struct Export {
    pub path: String,
    pub title: Text,
    pub media_type: &'static str,
    pub content: String,
}

/// An item's status in the exports: a cancelled item (issue 21) stays in every feed and schedule,
/// marked cancelled.
pub fn status(item: &Item) -> Status {
    if item.status == crate::model::ItemStatus::Cancelled {
        Status::Cancelled
    } else {
        Status::Confirmed
    }
}

fn text(fr: String, en: String) -> Text {
    Text { fr, en: Some(en) }
}

/// The timed items, in time order (their order in the data among equal starts).
pub fn timed(programme: &Programme) -> Vec<&Item> {
    let mut items: Vec<&Item> = programme.items.iter().filter(|i| ics::exportable(i)).collect();
    items.sort_by_key(|i| i.start);
    items
}

/// The whole programme's calendar file name, e.g. `programme-2023.ics`; a theme's adds its id.
pub fn calendar_path(programme: &Programme, theme: Option<&str>) -> String {
    match theme {
        Some(id) => format!("programme-{}-{id}.ics", programme.edition.year),
        None => format!("programme-{}.ics", programme.edition.year),
    }
}

/// Every export, in the order `/donnees` lists them.
pub fn all(site: &Site, ledger: &Ledger, stamp: DateTime<Utc>) -> Vec<Export> {
    let p = site.programme;
    let feed = |name: &str, items: Vec<&Item>| {
        let entries: Vec<Published> =
            items.into_iter().map(|item| Published { item, sequence: sequence(ledger, item), status: status(item) }).collect();
        ics::feed(p, name, &entries, site.origin, stamp)
    };
    let year = p.edition.year;
    let mut exports = vec![Export {
        path: calendar_path(p, None),
        title: text(
            format!("Le programme {year} en calendrier (iCalendar), à suivre dans votre agenda : les éléments dont l’horaire est annoncé"),
            format!("The {year} programme as a calendar (iCalendar), to follow in your calendar app: the items whose time is announced"),
        ),
        media_type: "text/calendar",
        content: feed(&format!("{} – programme", p.edition.name), timed(p)),
    }];
    for theme in &p.themes {
        let items = timed(p).into_iter().filter(|i| i.theme.as_deref() == Some(theme.id.as_str())).collect();
        exports.push(Export {
            path: calendar_path(p, Some(&theme.id)),
            // In English only where the theme's name is: French shown on an English page is
            // marked as French (text_view), never mixed into an English sentence.
            title: Text {
                fr: format!("La thématique « {} » en calendrier", theme.name.fr),
                en: theme.name.en.as_ref().map(|en| format!("The “{en}” theme as a calendar")),
            },
            media_type: "text/calendar",
            content: feed(&format!("{} – {}", p.edition.name, theme.name.fr), items),
        });
    }
    exports.push(Export {
        path: "schedule.xml".into(),
        title: text(
            "Le programme pour les applications de conférence (frab XML : Giggity, EventFahrplan, ConfClerk)".into(),
            "The programme for conference apps (frab XML: Giggity, EventFahrplan, ConfClerk)".into(),
        ),
        media_type: "application/xml",
        content: schedule_xml(site),
    });
    exports.push(Export {
        path: "schedule.json".into(),
        title: text("Le même programme en JSON (c3voc « schedule2 »)".into(), "The same programme as JSON (c3voc “schedule2”)".into()),
        media_type: "application/json",
        content: schedule_json(site),
    });
    exports
}

/// A stable UUID made from a name (two FNV-1a hashes; version 8, "custom"): an item keeps its
/// `guid` from one build to the next, so apps keep a favourite.
pub fn guid(name: &str) -> String {
    let (a, b) = (fnv(name.as_bytes(), 1), fnv(name.as_bytes(), 2));
    let b = (b & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
    format!("{:08x}-{:04x}-8{:03x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xffff, a & 0xfff, b >> 48, b & 0xffff_ffff_ffff)
}

/// A stable positive numeric id (frab's `id`), from the item's id.
fn numeric_id(item: &Item) -> u32 {
    (fnv(item.id.as_bytes(), 3) % 9_000_000) as u32 + 1
}

/// One day of the schedule: its number (1…), date, first start and last end.
struct ScheduleDay<'a> {
    index: usize,
    date: NaiveDate,
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    items: Vec<&'a Item>,
}

fn end_of(item: &Item) -> Option<DateTime<FixedOffset>> {
    item.end.filter(|e| Some(*e) > item.start).or(item.start)
}

fn days(programme: &Programme) -> Vec<ScheduleDay<'_>> {
    let mut days: Vec<ScheduleDay> = Vec::new();
    for item in timed(programme) {
        let (Some(start), Some(end)) = (item.start, end_of(item)) else { continue };
        let date = item.day.unwrap_or(start.date_naive());
        match days.iter_mut().find(|d| d.date == date) {
            Some(day) => {
                day.start = day.start.min(start);
                day.end = day.end.max(end);
                day.items.push(item);
            }
            None => days.push(ScheduleDay { index: 0, date, start, end, items: vec![item] }),
        }
    }
    days.sort_by_key(|d| d.date);
    for (i, day) in days.iter_mut().enumerate() {
        day.index = i + 1;
    }
    days
}

/// Where an item is: the venue where the sources place it, else « Lieu à préciser ».
fn room(programme: &Programme, item: &Item) -> String {
    programme.place_of(item).map_or_else(|| "Lieu à préciser".to_owned(), |v| v.name.clone())
}

fn slug(programme: &Programme, item: &Item) -> String {
    let id: String = item.id.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    format!("nec{}-{}", programme.edition.year, id.trim_matches('-'))
}

fn minutes(item: &Item) -> i64 {
    match (item.start, end_of(item)) {
        (Some(s), Some(e)) => (e - s).num_minutes(),
        _ => 0,
    }
}

fn item_type(programme: &Programme, item: &Item) -> String {
    match item.format.as_deref().and_then(|f| programme.format(f)) {
        Some(format) => format.name.fr.clone(),
        None => crate::format::capitalised(kind_word(item.kind)),
    }
}

fn kind_word(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Session => "session",
        ItemKind::Welcome => "accueil",
        ItemKind::Meal => "repas",
        ItemKind::Party => "soirée",
        ItemKind::Gathering => "rencontre",
    }
}

fn track(programme: &Programme, item: &Item) -> (String, String) {
    match item.theme.as_deref().and_then(|t| programme.theme(t)) {
        Some(theme) => (theme.name.fr.clone(), theme.id.clone()),
        None => (String::new(), "programme".into()),
    }
}

fn url(site: &Site, item: &Item) -> String {
    format!("{}/programme/{}", site.origin, item.id)
}

/// The schedule's version: a fingerprint of the events it holds, which changes with them.
fn version(site: &Site) -> String {
    let events: Vec<String> = timed(site.programme).iter().map(|i| super::sequences::fingerprint(site.programme, i)).collect();
    format!("{:016x}", fnv(events.concat().as_bytes(), 0))
}

/// `schedule.xml`, frab's format as c3voc's schema defines it.
pub fn schedule_xml(site: &Site) -> String {
    let p = site.programme;
    let days = days(p);
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n");
    x += &format!("  <generator name=\"nec-data\" version=\"{}\"/>\n", env!("CARGO_PKG_VERSION"));
    x += &format!("  <url>{}/data/schedule.xml</url>\n  <version>{}</version>\n  <conference>\n", site.origin, version(site));
    x += &format!("    <title>{}</title>\n    <acronym>nec{}</acronym>\n", escape(&p.edition.name), p.edition.year);
    if let (Some(first), Some(last)) = (days.first(), days.last()) {
        x += &format!("    <start>{}</start>\n    <end>{}</end>\n", first.start.to_rfc3339(), last.end.to_rfc3339());
    }
    x += &format!("    <days>{}</days>\n    <base_url>{}/</base_url>\n    <url>{}/</url>\n", days.len(), site.origin, site.origin);
    for theme in &p.themes {
        x += &format!("    <track name=\"{}\" slug=\"{}\"/>\n", escape(&theme.name.fr), escape(&theme.id));
    }
    x += "  </conference>\n";
    for day in &days {
        x += &format!(
            "  <day index=\"{}\" date=\"{}\" start=\"{}\" end=\"{}\">\n",
            day.index,
            day.date,
            day.start.to_rfc3339(),
            day.end.to_rfc3339()
        );
        let mut rooms: Vec<String> = day.items.iter().map(|i| room(p, i)).collect();
        rooms.dedup();
        rooms.sort();
        rooms.dedup();
        for name in rooms {
            x += &format!("    <room name=\"{}\">\n", escape(&name));
            for item in day.items.iter().filter(|i| room(p, i) == name) {
                x += &event_xml(site, item, &name);
            }
            x += "    </room>\n";
        }
        x += "  </day>\n";
    }
    x += "</schedule>\n";
    x
}

fn event_xml(site: &Site, item: &Item, room: &str) -> String {
    let p = site.programme;
    let Some(start) = item.start else { return String::new() };
    let minutes = minutes(item);
    let (track, _) = track(p, item);
    let mut e = format!("      <event id=\"{}\" guid=\"{}\">\n", numeric_id(item), guid(&ics::uid(p, item)));
    e += &format!("        <room>{}</room>\n        <title>{}</title>\n", escape(room), escape(&item.title));
    e += &format!("        <type>{}</type>\n        <date>{}</date>\n", escape(&item_type(p, item)), start.to_rfc3339());
    e += &format!(
        "        <start>{}</start>\n        <duration>{:02}:{:02}</duration>\n",
        start.format("%H:%M"),
        minutes / 60,
        minutes % 60
    );
    e += &format!("        <abstract>{}</abstract>\n        <slug>{}</slug>\n", escape(&item.description), slug(p, item));
    e += &format!("        <track>{}</track>\n        <language>fr</language>\n", escape(&track));
    e += &format!("        <description>{}</description>\n", escape(&details(item)));
    e += "        <persons>\n";
    for speaker in &item.speakers {
        e += &format!("          <person guid=\"{}\">{}</person>\n", guid(&format!("personne:{speaker}")), escape(speaker));
    }
    e += "        </persons>\n        <links>\n";
    for link in &item.links {
        e += &format!("          <link href=\"{}\">{}</link>\n", escape(&link.url), escape(&link.label));
    }
    e += &format!("        </links>\n        <url>{}</url>\n      </event>\n", url(site, item));
    e
}

/// Who may come, and a missing end said in words.
fn details(item: &Item) -> String {
    let mut text = format!("Accès : {}.", item.access.label(crate::locale::Lang::Fr));
    if item.end.is_none() {
        text.push_str(" Heure de fin non annoncée.");
    }
    text
}

/// `schedule.json`, c3voc's "schedule2" JSON.
pub fn schedule_json(site: &Site) -> String {
    let p = site.programme;
    let days = days(p);
    let rooms: Vec<String> = {
        let mut r: Vec<String> = timed(p).iter().map(|i| room(p, i)).collect();
        r.sort();
        r.dedup();
        r
    };
    let events: Vec<Value> = timed(p)
        .into_iter()
        .map(|item| {
            let name = room(p, item);
            let (_, track) = track(p, item);
            let kind = match (item.kind, item.format.as_deref()) {
                (_, Some("atelier")) => "WORKSHOP",
                (ItemKind::Session, _) => "TALK",
                _ => "OTHER",
            };
            json!({
                "guid": guid(&ics::uid(p, item)),
                "start": item.start.map(|s| s.to_rfc3339()),
                "end": end_of(item).map(|e| e.to_rfc3339()),
                "room": { "name": name, "guid": guid(&format!("salle:{name}")) },
                "slug": slug(p, item),
                "url": url(site, item),
                "title": item.title.fr,
                "subtitle": null,
                "track": { "slug": track },
                "type": kind,
                "language": "fr",
                "abstract": item.description.fr,
                "description": details(item),
                "participants": item.speakers.iter().map(|s| json!({ "name": s, "guid": guid(&format!("personne:{s}")) })).collect::<Vec<_>>(),
                "links": item.links.iter().map(|l| json!({ "url": l.url, "title": l.label.fr, "type": "WEB" })).collect::<Vec<_>>(),
                "state": if status(item) == Status::Cancelled { "CANCELED" } else { "CONFIRMED" },
            })
        })
        .collect();
    let value = json!({
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": { "name": "nec-data", "version": env!("CARGO_PKG_VERSION") },
        "schedule": {
            "version": version(site),
            "url": format!("{}/data/schedule.json", site.origin),
            "conference": {
                "acronym": format!("nec{}", p.edition.year),
                "title": p.edition.name,
                "start": days.first().map(|d| d.start.to_rfc3339()),
                "end": days.last().map(|d| d.end.to_rfc3339()),
                "url": format!("{}/", site.origin),
                "languages": ["fr"],
                "days": days.iter().map(|d| json!({ "index": d.index, "date": d.date.to_string(), "start": d.start.to_rfc3339(), "end": d.end.to_rfc3339() })).collect::<Vec<_>>(),
                "rooms": rooms.iter().map(|r| json!({ "name": r, "guid": guid(&format!("salle:{r}")) })).collect::<Vec<_>>(),
                "tracks": p.themes.iter().map(|t| json!({ "name": t.name.fr, "slug": t.id })).collect::<Vec<_>>(),
            },
            "events": events,
        }
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

/// How many items of the programme no export can hold (no time).
pub fn untimed_count(programme: &Programme) -> usize {
    programme.items.len() - timed(programme).len()
}
