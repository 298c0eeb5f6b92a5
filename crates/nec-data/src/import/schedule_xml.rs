//! The events of frab's `schedule.xml` (c3voc's XSD: tests/fixtures/c3voc/schedule.xml.xsd, as
//! frab, pretalx and the c3voc tools write it), read as the same events as `schedule.json`:
//!
//! - `<slug>` (else the `guid` attribute) → `id`; `<title>`; `<abstract>` (else `<description>`);
//! - `<date>` (RFC 3339, any offset) → the start, and `<duration>` (`HH:MM` or `HH:MM:SS`, none if
//!   zero) → the end;
//! - `<track>`, a track's name, → the `slug` the conference declares for it (else the name);
//! - `<persons><person>` → speakers; `<links><link href>` → links; `<type>` as in the JSON.
//!
//! The XML has no state: every event is on the programme. A DTD is refused (roxmltree's default),
//! so an export cannot expand entities. Problems give the line of the event.

use roxmltree::{Document, Node};

use super::schedule::{items_from_events, Event, Localized, Participant, Reference, Track};
use crate::model::{dates, Item};

/// The items of a `schedule.xml`, each citing `source`, and how many events were left out (none:
/// the format has no state); or the problems, in French, with their line.
pub fn items_from_schedule_xml(text: &str, source: &str) -> Result<(Vec<Item>, usize), Vec<String>> {
    let document = Document::parse(text).map_err(|error| vec![format!("XML illisible ({error})")])?;
    let root = document.root_element();
    if !root.has_tag_name("schedule") {
        return Err(vec![format!("ligne 1 : l’élément racine est <{}>, pas <schedule>", root.tag_name().name())]);
    }
    let tracks: Vec<(String, String)> = root
        .children()
        .filter(|n| n.has_tag_name("conference"))
        .flat_map(|c| c.children().filter(|n| n.has_tag_name("track")))
        .filter_map(|t| Some((t.attribute("name")?.to_owned(), t.attribute("slug")?.to_owned())))
        .collect();
    let (mut events, mut problems) = (Vec::new(), Vec::new());
    for node in root.descendants().filter(|n| n.has_tag_name("event")) {
        let line = document.text_pos_at(node.range().start).row;
        match event(node, &tracks) {
            Ok(event) => events.push((format!("ligne {line}"), event)),
            Err(problem) => problems.push(format!("ligne {line} : {problem}")),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    items_from_events(events, source)
}

/// One `<event>` as the JSON's event, or what is wrong with it.
fn event(node: Node, tracks: &[(String, String)]) -> Result<Event, String> {
    let title = text(node, "title").ok_or("<event> sans <title>")?;
    let date = text(node, "date").ok_or_else(|| format!("« {title} » : pas de <date> (date et heure de début, RFC 3339)"))?;
    let start =
        dates::parse_instant(&date).ok_or_else(|| format!("« {title} » : <date> « {date} » n’est pas une date et heure RFC 3339"))?;
    let duration = text(node, "duration").unwrap_or_default();
    let minutes = minutes(&duration).ok_or_else(|| format!("« {title} » : <duration> « {duration} » n’est pas une durée HH:MM"))?;
    let slug = text(node, "slug").or_else(|| node.attribute("guid").map(str::to_owned));
    if slug.is_none() {
        return Err(format!("« {title} » : ni <slug> ni attribut guid : l’élément n’aurait pas d’identifiant"));
    }
    let track =
        text(node, "track").map(|name| Track { slug: tracks.iter().find(|(n, _)| *n == name).map_or(name, |(_, slug)| slug.clone()) });
    Ok(Event {
        slug,
        guid: node.attribute("guid").map(str::to_owned),
        kind: text(node, "type"),
        start: start.to_rfc3339(),
        end: (minutes > 0).then(|| (start + chrono::Duration::minutes(minutes)).to_rfc3339()),
        summary: text(node, "abstract").or_else(|| text(node, "description")).map(Localized::Text),
        track,
        participants: children(node, "persons", "person").filter_map(|p| Some(Participant { name: own_text(p)? })).collect(),
        links: children(node, "links", "link")
            .filter_map(|l| Some(Reference { url: l.attribute("href")?.to_owned(), title: own_text(l) }))
            .collect(),
        state: None,
        title,
    })
}

/// The trimmed text of `node`'s child `<name>`, if not empty.
fn text(node: Node, name: &str) -> Option<String> {
    own_text(node.children().find(|n| n.has_tag_name(name))?)
}

fn own_text(node: Node) -> Option<String> {
    let text: String = node.descendants().filter(Node::is_text).filter_map(|t| t.text()).collect();
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

/// The `<item>` elements of `node`'s `<list>`.
fn children<'a, 'input>(node: Node<'a, 'input>, list: &'a str, item: &'a str) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
    node.children().filter(move |n| n.has_tag_name(list)).flat_map(move |l| l.children().filter(move |n| n.has_tag_name(item)))
}

/// Minutes of `HH:MM` or `HH:MM:SS` (none or empty: 0).
fn minutes(duration: &str) -> Option<i64> {
    if duration.is_empty() {
        return Some(0);
    }
    let parts: Vec<i64> = duration.split(':').map(|p| p.parse().ok().filter(|n: &i64| *n >= 0)).collect::<Option<_>>()?;
    match parts[..] {
        [hours, minutes] | [hours, minutes, _] if minutes < 60 => Some(hours * 60 + minutes),
        _ => None,
    }
}
