//! schema.org JSON-LD for search engines (their Event rich results): the edition as an `Event`
//! on the pages that present it, each timed item as an `Event` whose `superEvent` is the
//! edition, in the page's language. Only what the data says: an item's place only where
//! `Programme::place_of` can tell, no end without one, free entry only as the sources say it.

use serde_json::{json, Value};

use super::{Site, EVENT_ID};
use crate::locale::Lang;
use crate::model::{DayKind, Item, Programme};
use crate::routes::Route;

/// « NEC est un événement gratuit » (001_a3c5aaa8cae7ab30.txt, « Inscription et repas »), and
/// the charter, « Les événements NEC sont gratuits » (002_68ca741a9dc257c3.txt): entry is free;
/// some meals are not (their items say so, `Access::PaidContribution`).
const FREE_ENTRY: bool = true;

/// The JSON-LD of a page (`path` without its language prefix), or `None` where it shows neither
/// the event nor a timed item.
pub fn for_page(site: &Site, path: &str, lang: Lang) -> Option<String> {
    let p = site.programme;
    let value = match path {
        "/" | "/infos-pratiques" => event(site, lang),
        "/programme" => {
            let mut graph = vec![event(site, lang)];
            graph.extend(p.items.iter().filter_map(|item| session(site, item, lang)));
            json!({ "@context": "https://schema.org", "@graph": graph })
        }
        _ => {
            let id = path.strip_prefix("/programme/")?;
            let mut value = session(site, p.items.iter().find(|i| i.id == id)?, lang)?;
            value["superEvent"] = event(site, lang);
            value
        }
    };
    let mut value = value;
    if value.get("@context").is_none() {
        value["@context"] = json!("https://schema.org");
    }
    // `</` cannot end the script element early: JSON allows `\/`.
    Some(serde_json::to_string(&value).ok()?.replace("</", "<\\/"))
}

/// The edition: name, days, place with its address, organisers, attendance mode, free entry.
pub fn event(site: &Site, lang: Lang) -> Value {
    let p = site.programme;
    let main_days: Vec<_> = p.days.iter().filter(|d| d.kind == DayKind::Main).map(|d| d.date).collect();
    let mut value = json!({
        "@type": "Event",
        "@id": format!("{}{EVENT_ID}", site.origin),
        "name": p.edition.name,
        "description": p.edition.summary.get(lang).0,
        "url": format!("{}{}", site.origin, lang.path(Route::Home.path())),
        "inLanguage": "fr",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place(p),
        "organizer": p.partners.organisers.iter().map(|o| {
            let mut org = json!({ "@type": "Organization", "name": o.name });
            if let Some(url) = &o.url { org["url"] = json!(url); }
            org
        }).collect::<Vec<_>>(),
        "image": format!("{}{}", site.origin, super::SHARE_IMAGE),
    });
    if let (Some(first), Some(last)) = (main_days.iter().min(), main_days.iter().max()) {
        value["startDate"] = json!(first.to_string());
        value["endDate"] = json!(last.to_string());
    }
    if FREE_ENTRY {
        value["isAccessibleForFree"] = json!(true);
    }
    value
}

/// The venue, its address split into street, postcode and city where it reads so.
fn place(p: &Programme) -> Value {
    json!({ "@type": "Place", "name": p.venue.name, "address": address(&p.venue.address, &p.edition.city) })
}

/// « 17 place de la Bourse 33076 Bordeaux » → street, postal code, locality; otherwise the
/// address as one street line with the edition's city.
pub fn address(text: &str, city: &str) -> Value {
    let words: Vec<&str> = text.split_whitespace().collect();
    let code = words.iter().rposition(|w| w.len() == 5 && w.bytes().all(|b| b.is_ascii_digit()));
    match code {
        Some(at) if at > 0 && at + 1 < words.len() => json!({
            "@type": "PostalAddress",
            "streetAddress": words[..at].join(" "),
            "postalCode": words[at],
            "addressLocality": words[at + 1..].join(" "),
        }),
        _ => json!({ "@type": "PostalAddress", "streetAddress": text, "addressLocality": city }),
    }
}

/// A timed item as an Event of the edition; `None` without a start (no time is invented).
pub fn session(site: &Site, item: &Item, lang: Lang) -> Option<Value> {
    let p = site.programme;
    let start = item.start?;
    let mut value = json!({
        "@type": "Event",
        "@id": format!("{}{}", site.origin, lang.path(&format!("/programme/{}", item.id))),
        "name": item.title.get(lang).0,
        "description": item.description.get(lang).0,
        "url": format!("{}{}", site.origin, lang.path(&format!("/programme/{}", item.id))),
        "startDate": start.to_rfc3339(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "superEvent": { "@id": format!("{}{EVENT_ID}", site.origin) },
    });
    if let Some(end) = item.end {
        value["endDate"] = json!(end.to_rfc3339());
    }
    // Where the sources do not say, the city only: never a guessed venue.
    value["location"] = match p.place_of(item) {
        Some(_) => place(p),
        None => {
            json!({ "@type": "Place", "name": p.edition.city, "address": { "@type": "PostalAddress", "addressLocality": p.edition.city } })
        }
    };
    Some(value)
}
