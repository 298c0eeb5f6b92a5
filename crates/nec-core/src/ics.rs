//! iCalendar (RFC 5545) export of programme items, for the personal agenda.
//!
//! Hand-written rather than built on the `icalendar` crate: the crate forces chrono's
//! `clock`/`wasmbind` features and `uuid` with `getrandom`, and its writer neither removes
//! control characters nor measures folds in octets; this writer needs none of that.
//! No web dependency: it compiles and is tested natively, and runs in the browser.
//!
//! Times are written in UTC (`Z`), so no time-zone table is needed. An item without a start
//! time is never exported, an item without an end gets no `DTEND`, and `LOCATION` is written
//! only where `Programme::place_of` knows the place: nothing is invented.

use std::fmt::Write as _;

use chrono::{DateTime, Datelike, FixedOffset, Timelike, Utc};

use crate::locale::Lang;
use crate::model::{Item, ItemStatus, Programme};

/// The media type to give the downloaded file.
pub const MEDIA_TYPE: &str = "text/calendar;charset=utf-8";

/// A `data:` URL holding a calendar, for a download link that needs no script or server.
pub fn data_url(calendar: &str) -> String {
    format!("data:{MEDIA_TYPE},{}", crate::filters::encode_component(calendar))
}

/// Names the software that wrote the calendar, as RFC 5545 requires.
const PRODID: &str = "-//ANCT//Numérique en Commun[s]//FR";

/// The domain that makes UIDs globally unique (the event's website).
const UID_DOMAIN: &str = "numerique-en-communs.fr";

/// Longest physical line, in octets, without the CRLF (RFC 5545, 3.1).
const FOLD_AT: usize = 75;

/// One calendar holding every item of `items` that has a start time, in the order given.
///
/// Items without a start are skipped, and an item given twice is written once. With no timed
/// item the calendar has no event: offer the download only when [`exportable`] holds for one.
/// `base_url` is the site's origin, e.g. `https://example.org` (a trailing `/` is ignored);
/// `stamp` is the time of the export (`DTSTAMP`).
pub fn calendar(programme: &Programme, items: &[&Item], base_url: &str, stamp: DateTime<Utc>) -> String {
    let items: Vec<(&Item, u32)> = items.iter().map(|item| (*item, 0)).collect();
    sequenced_calendar(programme, &items, base_url, stamp)
}

/// [`calendar`], each item with its `SEQUENCE`: how many times it moved since the visitor chose
/// it (`agenda::Chosen::sequence`), so a calendar app that has it replaces the old time.
pub fn sequenced_calendar(programme: &Programme, items: &[(&Item, u32)], base_url: &str, stamp: DateTime<Utc>) -> String {
    let name = format!("{} – mon programme", programme.edition.name);
    let mut writer = Writer::new(&name);
    // A linear scan: an agenda holds tens of items, and a hash set would weigh on the wasm.
    let mut seen: Vec<&str> = Vec::new();
    for (item, sequence) in items {
        if !seen.contains(&item.id.as_str()) {
            seen.push(&item.id);
            writer.event(programme, item, base_url, stamp, *sequence, None);
        }
    }
    writer.finish()
}

/// Where an item stands in a published schedule: cancelled when the data marks it so (it stays in
/// the feed, so calendar apps strike it out rather than lose it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Confirmed,
    Cancelled,
}

/// An item of a published calendar, with its revision (`SEQUENCE`, raised each time what a
/// calendar app shows of it changes) and its status.
pub struct Published<'a> {
    pub item: &'a Item,
    pub sequence: u32,
    pub status: Status,
}

/// A calendar to subscribe to (`webcal:`), named `name`: every timed item given, each with its
/// `SEQUENCE` and `STATUS`, and a refresh interval for the apps that follow it (12 hours).
pub fn feed(programme: &Programme, name: &str, items: &[Published], base_url: &str, stamp: DateTime<Utc>) -> String {
    let mut writer = Writer::new(name);
    writer.raw("REFRESH-INTERVAL;VALUE=DURATION", "PT12H");
    writer.raw("X-PUBLISHED-TTL", "PT12H");
    for entry in items {
        writer.event(programme, entry.item, base_url, stamp, entry.sequence, Some(entry.status));
    }
    writer.finish()
}

/// A calendar holding one item, or `None` when the item has no start time.
pub fn item_calendar(programme: &Programme, item: &Item, base_url: &str, stamp: DateTime<Utc>) -> Option<String> {
    if !exportable(item) {
        return None;
    }
    let name = format!("{} – {}", programme.edition.name, item.title);
    let mut writer = Writer::new(&name);
    writer.event(programme, item, base_url, stamp, 0, None);
    Some(writer.finish())
}

/// Whether the item can go in a calendar: it needs a start time iCalendar can write
/// (years 0 to 9999).
pub fn exportable(item: &Item) -> bool {
    item.start.is_some_and(writable)
}

/// The item's `UID`, e.g. `nec-2023-grande-soiree@numerique-en-communs.fr`: the same at every
/// export, so a calendar app updates the event instead of adding a copy.
pub fn uid(programme: &Programme, item: &Item) -> String {
    format!("nec-{}-{}@{UID_DOMAIN}", programme.edition.year, item.id)
}

/// Download name for one item, e.g. `nec-2023-grande-soiree.ics`.
pub fn item_file_name(programme: &Programme, item: &Item) -> String {
    format!("nec-{}-{}.ics", programme.edition.year, slug(&item.id))
}

/// Download name for the personal agenda, e.g. `nec-2023-mon-programme.ics`.
pub fn agenda_file_name(programme: &Programme) -> String {
    format!("nec-{}-mon-programme.ics", programme.edition.year)
}

/// Builds the text, one content line at a time.
struct Writer {
    out: String,
    /// The unfolded line being built, reused between lines.
    line: String,
}

impl Writer {
    fn new(name: &str) -> Self {
        let mut writer = Writer { out: String::new(), line: String::new() };
        writer.raw("BEGIN", "VCALENDAR");
        writer.raw("VERSION", "2.0");
        writer.raw("PRODID", PRODID);
        writer.raw("CALSCALE", "GREGORIAN");
        writer.raw("METHOD", "PUBLISH");
        writer.text("X-WR-CALNAME", name);
        writer
    }

    fn finish(mut self) -> String {
        self.raw("END", "VCALENDAR");
        self.out
    }

    /// One VEVENT, or nothing when the item has no writable start.
    /// `sequence`: its `SEQUENCE` (0, never moved, is left out of a personal calendar);
    /// `published`: its status in a calendar people subscribe to, where `SEQUENCE` and `STATUS` are
    /// always written.
    fn event(
        &mut self,
        programme: &Programme,
        item: &Item,
        base_url: &str,
        stamp: DateTime<Utc>,
        sequence: u32,
        published: Option<Status>,
    ) {
        let Some(start) = item.start.filter(|s| writable(*s)) else { return };
        // RFC 5545 wants DTEND after DTSTART; an end that is not is left out rather than fixed.
        let end = item.end.filter(|e| writable(*e) && *e > start);

        self.raw("BEGIN", "VEVENT");
        self.text("UID", &uid(programme, item));
        self.raw("DTSTAMP", &utc(stamp));
        if sequence > 0 || published.is_some() {
            self.raw("SEQUENCE", &sequence.to_string());
        }
        // A cancelled item stays in the file, marked: the calendar app then cancels its copy.
        if item.status == ItemStatus::Cancelled || published == Some(Status::Cancelled) {
            self.raw("STATUS", "CANCELLED");
        } else if published.is_some() {
            self.raw("STATUS", "CONFIRMED");
        }
        self.raw("DTSTART", &utc(start.with_timezone(&Utc)));
        if let Some(end) = end {
            self.raw("DTEND", &utc(end.with_timezone(&Utc)));
        }
        self.text("SUMMARY", &item.title);
        self.text("DESCRIPTION", &description(item));
        // Only where the sources place the item (`Programme::place_of`): a place is never guessed.
        if let Some(venue) = programme.place_of(item) {
            self.text("LOCATION", &format!("{}, {}", venue.name, venue.address));
        }
        self.raw("URL", &item_url(base_url, &item.id));
        let categories: Vec<&str> = [
            item.theme.as_deref().and_then(|id| programme.theme(id)).map(|t| t.name.as_str()),
            item.format.as_deref().and_then(|id| programme.format(id)).map(|f| f.name.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !categories.is_empty() {
            self.start_line("CATEGORIES");
            for (i, category) in categories.iter().enumerate() {
                if i > 0 {
                    self.line.push(',');
                }
                escape_into(&mut self.line, category);
            }
            self.end_line();
        }
        self.raw("END", "VEVENT");
    }

    /// A property whose value needs no escaping (dates, keywords, URIs).
    fn raw(&mut self, name: &str, value: &str) {
        self.start_line(name);
        self.line.push_str(value);
        self.end_line();
    }

    /// A TEXT property: the value is escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.start_line(name);
        escape_into(&mut self.line, value);
        self.end_line();
    }

    fn start_line(&mut self, name: &str) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
    }

    /// Folds the built line into the output: at most 75 octets per physical line, the
    /// continuation lines starting with a space, never inside a UTF-8 character.
    fn end_line(&mut self) {
        let mut used = 0;
        for c in self.line.chars() {
            let size = c.len_utf8();
            if used + size > FOLD_AT {
                self.out.push_str("\r\n ");
                used = 1;
            }
            self.out.push(c);
            used += size;
        }
        self.out.push_str("\r\n");
    }
}

/// The description, then the access condition, the speakers and the links, as the programme
/// page shows them.
fn description(item: &Item) -> String {
    let mut text = item.description.trim_end().to_owned();
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str("Accès : ");
    text.push_str(item.access.label(Lang::Fr));
    if !item.speakers.is_empty() {
        text.push_str("\nIntervenants : ");
        text.push_str(&crate::format::list(&item.speakers));
    }
    for link in &item.links {
        text.push('\n');
        text.push_str(&link.label);
        text.push_str(" : ");
        text.push_str(&link.url);
    }
    text
}

/// Appends `value` escaped as RFC 5545 TEXT: `\`, `;`, `,` are backslashed, line breaks
/// (LF, CRLF or CR) become `\n`, and other control characters, which TEXT forbids, are dropped.
fn escape_into(out: &mut String, value: &str) {
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\t' => out.push('\t'),
            c if c < ' ' || c == '\u{7f}' => {}
            c => out.push(c),
        }
    }
}

/// `{base_url}/programme/{id}`, the id percent-encoded and control characters dropped, so the
/// value is a URI whatever the data holds.
fn item_url(base_url: &str, id: &str) -> String {
    let mut url: String = base_url.trim_end_matches('/').chars().filter(|c| !c.is_control() && *c != ' ').collect();
    url.push_str("/programme/");
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            url.push(char::from(byte));
        } else {
            let _ = write!(url, "%{byte:02X}");
        }
    }
    url
}

/// A file-name-safe form of an id: lowercase ASCII letters, digits and single dashes.
fn slug(id: &str) -> String {
    let mut slug = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "element".to_owned()
    } else {
        slug
    }
}

/// iCalendar writes years with four digits.
fn writable(instant: DateTime<FixedOffset>) -> bool {
    (0..=9999).contains(&instant.with_timezone(&Utc).year())
}

/// `YYYYMMDDTHHMMSSZ`, written by hand: chrono's formatting machinery is large in wasm.
fn utc(instant: DateTime<Utc>) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        instant.year(),
        instant.month(),
        instant.day(),
        instant.hour(),
        instant.minute(),
        instant.second()
    )
}
