//! The events of a conference tool's schedule export, c3voc's `schedule.json` (version 2, as
//! pretalx and frab-compatible tools write it: tests/fixtures/c3voc/schedule.schema.json), as
//! programme items:
//!
//! - `slug` → `id`; `title`; `abstract` (a text, or `{ "fr": …, "en": … }`) → `description`;
//! - `start`, `end` (any offset) → on Paris's clock, the day being the start's day in Paris;
//! - `track.slug` → `theme`; `participants[].name` → `speakers`; `links[]` → `links`;
//! - `state`: `CANCELED` and `WITHDRAWN` → `"status": "cancelled"`; `REJECTED`, `DRAFT`,
//!   `SUBMITTED` and `DELETED` are not on a programme and are left out (and counted);
//! - `BREAK` meta events → meals, other meta events → gatherings, every other event a session.
//!
//! Access is not in the format (`not_stated`); every item cites the export as its source, which
//! the programme must declare in its `sources`.

use serde::Deserialize;

use crate::model::{dates, Access, Item, ItemKind, ItemStatus, Link, Text};

#[derive(Deserialize)]
struct File {
    schedule: Schedule,
}

#[derive(Deserialize)]
struct Schedule {
    #[serde(default)]
    events: Vec<Event>,
}

/// One event of an export, as both formats give it (`schedule_xml` fills it from the XML).
#[derive(Deserialize)]
pub(super) struct Event {
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub guid: Option<String>,
    pub title: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    pub start: String,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default, rename = "abstract")]
    pub summary: Option<Localized>,
    #[serde(default)]
    pub track: Option<Track>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub links: Vec<Reference>,
    #[serde(default)]
    pub state: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum Localized {
    Text(String),
    Map(std::collections::BTreeMap<String, String>),
}

#[derive(Deserialize)]
pub(super) struct Track {
    pub slug: String,
}

#[derive(Deserialize)]
pub(super) struct Participant {
    pub name: String,
}

#[derive(Deserialize)]
pub(super) struct Reference {
    pub url: String,
    #[serde(default)]
    pub title: Option<String>,
}

/// The items of a schedule export, each citing `source`, and how many events were left out
/// (rejected, drafts…); or the problem, in French, with where it is.
pub fn items_from_schedule(text: &str, source: &str) -> Result<(Vec<Item>, usize), Vec<String>> {
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    let file: File = serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        vec![format!("$.{} : export illisible ({})", path.trim_start_matches('.'), error.inner())]
    })?;
    items_from_events(file.schedule.events.into_iter().enumerate().map(|(i, event)| (format!("$.schedule.events[{i}]"), event)), source)
}

/// The items of an export's events, each with where it is in the export (for the problems).
pub(super) fn items_from_events(
    events: impl IntoIterator<Item = (String, Event)>,
    source: &str,
) -> Result<(Vec<Item>, usize), Vec<String>> {
    let (mut items, mut left_out, mut problems) = (Vec::new(), 0, Vec::new());
    for (here, event) in events {
        let state = event.state.as_deref().unwrap_or("CONFIRMED").to_ascii_uppercase();
        if ["REJECTED", "DRAFT", "SUBMITTED", "DELETED"].contains(&state.as_str()) {
            left_out += 1;
            continue;
        }
        let instant = |field: &str, value: &str| {
            dates::parse_instant(value)
                .map(crate::tz::in_paris)
                .ok_or_else(|| format!("{here}.{field} : « {value} » n’est pas une date et heure RFC 3339"))
        };
        let start = instant("start", &event.start);
        let end = event.end.as_deref().map(|end| instant("end", end)).transpose();
        let (start, end) = match (start, end) {
            (Ok(start), Ok(end)) => (start, end),
            (start, end) => {
                problems.extend(start.err());
                problems.extend(end.err());
                continue;
            }
        };
        let Some(id) = event.slug.or(event.guid).filter(|id| !id.trim().is_empty()) else {
            problems.push(format!("{here}.slug : ni « slug » ni « guid » : l’élément n’aurait pas d’identifiant"));
            continue;
        };
        let description = match event.summary {
            Some(Localized::Text(fr)) => Text::from(fr),
            Some(Localized::Map(map)) => Text {
                fr: map.get("fr").or_else(|| map.values().next()).cloned().unwrap_or_default(),
                en: map.get("en").filter(|en| !en.trim().is_empty()).cloned(),
            },
            None => Text::default(),
        };
        let kind = match event.kind.as_deref().map(str::to_ascii_uppercase).as_deref() {
            Some("BREAK") => ItemKind::Meal,
            Some("META") => ItemKind::Gathering,
            _ => ItemKind::Session,
        };
        items.push(Item {
            id,
            title: Text::from(event.title),
            kind,
            day: Some(start.date_naive()),
            start: Some(start),
            end,
            format: None,
            theme: event.track.map(|t| t.slug),
            description,
            speakers: event.participants.into_iter().map(|p| p.name).collect(),
            access: Access::NotStated,
            links: event
                .links
                .into_iter()
                .map(|l| Link { label: Text::from(l.title.unwrap_or_else(|| l.url.clone())), url: l.url })
                .collect(),
            sources: vec![source.to_owned()],
            status: if matches!(state.as_str(), "CANCELED" | "CANCELLED" | "WITHDRAWN") {
                ItemStatus::Cancelled
            } else {
                ItemStatus::Scheduled
            },
        });
    }
    if problems.is_empty() {
        Ok((items, left_out))
    } else {
        Err(problems)
    }
}
