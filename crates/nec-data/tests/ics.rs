//! The iCalendar export, read back with a real parser (the `icalendar` crate's).
//!
//! Every test starts from the shipped 2023 programme; the hostile ones change one item.

use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use icalendar::{CalendarDateTime, Component, DatePerhapsTime, Event, EventLike};
use nec_data::ics;
use nec_data::model::{Item, Link, Programme};

const BASE: &str = "https://nec.example.org";

fn programme() -> Programme {
    let text = include_str!("../../../public/data/programme-2023.json");
    nec_data::load::parse::<Programme>(text).expect("shipped programme is valid")
}

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2023, 9, 1, 8, 30, 5).single().expect("a valid instant")
}

fn item<'a>(programme: &'a Programme, id: &str) -> &'a Item {
    programme.items.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("no item {id}"))
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("an RFC 3339 instant")
}

/// The whole programme, exported as the personal agenda.
fn export_all(programme: &Programme) -> String {
    let items: Vec<&Item> = programme.items.iter().collect();
    ics::calendar(programme, &items, BASE, stamp())
}

/// Parses the text with the icalendar crate, failing the test on a parse error.
fn parse(text: &str) -> icalendar::Calendar {
    icalendar::Calendar::from_str(text).unwrap_or_else(|e| panic!("not iCalendar: {e}\n{text}"))
}

fn events(text: &str) -> Vec<Event> {
    parse(text).events().cloned().collect()
}

fn utc_of(value: Option<DatePerhapsTime>) -> Option<DateTime<Utc>> {
    match value? {
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(instant)) => Some(instant),
        other => panic!("expected a UTC date-time, got {other:?}"),
    }
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).single().expect("a valid instant")
}

/// The unfolded content lines, for assertions on the exact written form.
fn content_lines(text: &str) -> Vec<String> {
    icalendar::parser::unfold(text).split("\r\n").map(str::to_owned).collect()
}

/// Asserts the physical form RFC 5545 requires: CRLF after every line, at most 75 octets,
/// continuation lines starting with one space, no control character, valid UTF-8 per line.
fn assert_well_formed(text: &str) {
    assert!(text.ends_with("\r\n"), "the last line must end with CRLF");
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at octet {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at octet {i}");
        }
    }
    for line in text.strip_suffix("\r\n").unwrap_or(text).split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.is_empty(), "empty line");
        // A fold adds one space; the content itself may go on with a space (the round-trip
        // tests check that such a space survives unfolding).
        assert!(!line.starts_with('\t'), "folds use a space: {line:?}");
        assert!(!line.chars().any(|c| (c < ' ' && c != '\t') || c == '\u{7f}'), "control character in {line:?}");
        // Each physical line is a `&str` here, so a split UTF-8 character would have failed
        // the split already; check the octets too, independently of Rust's slicing.
        assert!(std::str::from_utf8(line.as_bytes()).is_ok());
    }
}

/// A title no one should write, and that must come back as written.
fn hostile_text() -> String {
    let accented = "éàçêœ".repeat(60);
    assert_eq!(accented.chars().count(), 300);
    format!("Atelier ; « communs », \\ chemin\\n\nsecond line \"quoted\" <script>alert('x')</script> 🎉👩🏽‍💻 {accented}")
}

#[test]
fn every_timed_item_of_the_2023_programme_becomes_one_event() {
    let programme = programme();
    let events = events(&export_all(&programme));
    let timed: Vec<&Item> = programme.items.iter().filter(|i| i.start.is_some()).collect();
    assert_eq!(timed.len(), 5, "the shipped data has five timed items");
    assert_eq!(events.len(), timed.len());
    for (event, item) in events.iter().zip(&timed) {
        assert_eq!(event.get_uid(), Some(ics::uid(&programme, item).as_str()));
        assert_eq!(event.get_summary(), Some(item.title.as_str()));
        assert_eq!(utc_of(event.get_start()), item.start.map(|s| s.with_timezone(&Utc)));
    }
}

#[test]
fn untimed_items_are_skipped_and_get_no_calendar_of_their_own() {
    let programme = programme();
    let text = export_all(&programme);
    for untimed in programme.items.iter().filter(|i| i.start.is_none()) {
        assert!(!ics::exportable(untimed));
        assert_eq!(ics::item_calendar(&programme, untimed, BASE, stamp()), None, "{}", untimed.id);
        assert!(!text.contains(&ics::uid(&programme, untimed)), "{} must not be exported", untimed.id);
    }
}

#[test]
fn the_evening_party_is_written_in_utc_and_ends_after_midnight_local_time() {
    let programme = programme();
    let party = item(&programme, "grande-soiree");
    let text = ics::item_calendar(&programme, party, BASE, stamp()).expect("the party has a start");
    let lines = content_lines(&text);
    assert!(lines.contains(&"DTSTART:20231019T170000Z".to_owned()), "{text}");
    assert!(lines.contains(&"DTEND:20231019T230000Z".to_owned()), "{text}");
    let events = events(&text);
    assert_eq!(events.len(), 1);
    assert_eq!(utc_of(events[0].get_start()), Some(utc(2023, 10, 19, 17, 0)));
    assert_eq!(utc_of(events[0].get_end()), Some(utc(2023, 10, 19, 23, 0)));
}

#[test]
fn items_without_an_end_get_neither_dtend_nor_duration() {
    let programme = programme();
    let welcome = item(&programme, "accueil-jeudi");
    assert!(welcome.end.is_none());
    let text = ics::item_calendar(&programme, welcome, BASE, stamp()).expect("the welcome has a start");
    let event = &events(&text)[0];
    assert_eq!(utc_of(event.get_start()), Some(utc(2023, 10, 19, 7, 0)));
    assert_eq!(event.get_end(), None);
    assert!(!content_lines(&text).iter().any(|l| l.starts_with("DTEND") || l.starts_with("DURATION")), "{text}");
    // And in the whole agenda: as many DTEND as items with an end.
    let all = export_all(&programme);
    let with_end = programme.items.iter().filter(|i| i.start.is_some() && i.end.is_some()).count();
    assert_eq!(content_lines(&all).iter().filter(|l| l.starts_with("DTEND")).count(), with_end);
    assert!(!all.contains("DURATION"));
}

#[test]
fn an_end_that_is_not_after_the_start_is_left_out_rather_than_fixed() {
    let mut programme = programme();
    let party = programme.items.iter_mut().find(|i| i.id == "grande-soiree").expect("party");
    party.end = Some(at("2023-10-19T18:00:00+02:00"));
    let text = ics::item_calendar(&programme, item(&programme, "grande-soiree"), BASE, stamp()).expect("timed");
    assert_eq!(events(&text)[0].get_end(), None);
    assert_eq!(utc_of(events(&text)[0].get_start()), Some(utc(2023, 10, 19, 17, 0)));
}

#[test]
fn uids_are_stable_between_exports_and_unique() {
    let programme = programme();
    let uids = |text: &str| -> Vec<String> { events(text).iter().filter_map(|e| e.get_uid().map(str::to_owned)).collect() };
    let first = uids(&export_all(&programme));
    let later = {
        let items: Vec<&Item> = programme.items.iter().collect();
        uids(&ics::calendar(&programme, &items, "https://other.example", utc(2024, 1, 1, 0, 0)))
    };
    assert_eq!(first, later, "UIDs depend on neither the export time nor the site address");
    let mut unique = first.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), first.len(), "{first:?}");
    assert!(first.contains(&"nec-2023-grande-soiree@numerique-en-communs.fr".to_owned()), "{first:?}");
    // The one-item calendar uses the same UID as the agenda.
    let single = ics::item_calendar(&programme, item(&programme, "grande-soiree"), BASE, stamp()).expect("timed");
    assert_eq!(uids(&single), vec!["nec-2023-grande-soiree@numerique-en-communs.fr".to_owned()]);
}

#[test]
fn an_item_listed_twice_is_exported_once() {
    let programme = programme();
    let party = item(&programme, "grande-soiree");
    let text = ics::calendar(&programme, &[party, party], BASE, stamp());
    assert_eq!(events(&text).len(), 1);
}

#[test]
fn the_calendar_header_names_the_event_in_french() {
    let programme = programme();
    let text = export_all(&programme);
    let lines = content_lines(&text);
    assert_eq!(lines[0], "BEGIN:VCALENDAR");
    for expected in ["VERSION:2.0", "PRODID:-//ANCT//Numérique en Commun[s]//FR", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        assert!(lines.contains(&expected.to_owned()), "missing {expected}");
    }
    let calendar = parse(&text);
    assert_eq!(calendar.get_name(), Some("Numérique en Commun[s] 2023 – mon programme"));
    let single = ics::item_calendar(&programme, item(&programme, "grande-soiree"), BASE, stamp()).expect("timed");
    assert_eq!(parse(&single).get_name(), Some("Numérique en Commun[s] 2023 – Grande soirée NEC"), "{single}");
}

#[test]
fn the_export_time_is_the_dtstamp_of_every_event() {
    let programme = programme();
    let text = export_all(&programme);
    for event in events(&text) {
        assert_eq!(event.get_timestamp(), Some(stamp()));
    }
    assert!(content_lines(&text).contains(&"DTSTAMP:20230901T083005Z".to_owned()));
}

#[test]
fn event_fields_come_from_the_programme() {
    let mut programme = programme();
    // No timed item has a theme in the shipped data: give the plenary one.
    let plenary = programme.items.iter_mut().find(|i| i.id == "pleniere-jeudi").expect("plenary");
    plenary.theme = Some(programme.themes[0].id.clone());
    plenary.speakers = vec!["Ada".to_owned(), "Grace".to_owned(), "Margaret".to_owned()];
    plenary.links = vec![Link { label: "Replay".into(), url: "https://example.org/replay".to_owned() }];
    let plenary = item(&programme, "pleniere-jeudi");
    let text = ics::item_calendar(&programme, plenary, BASE, stamp()).expect("timed");
    let event = &events(&text)[0];

    assert_eq!(event.get_summary(), Some(plenary.title.as_str()));
    assert_eq!(event.get_location(), Some("Palais de la Bourse, 17 place de la Bourse 33076 Bordeaux"));
    assert_eq!(event.get_url(), Some("https://nec.example.org/programme/pleniere-jeudi"));
    let format = programme.format("pleniere").expect("the plenary format").name.clone();
    assert_eq!(event.get_categories(), Some(vec![programme.themes[0].name.fr.clone(), format.to_string()]));
    let description = event.get_description().expect("a description");
    assert_eq!(
        description,
        format!(
            "{}\n\nAccès : Sur inscription\nIntervenants : Ada, Grace et Margaret\nReplay : https://example.org/replay",
            plenary.description
        )
    );
}

#[test]
fn the_venue_is_the_location_only_where_the_sources_place_the_item() {
    let programme = programme();
    let text = export_all(&programme);
    for event in events(&text) {
        let id = event.get_uid().and_then(|u| u.strip_prefix("nec-2023-")).and_then(|u| u.split('@').next());
        let item = item(&programme, id.expect("our UID"));
        let expected = programme.place_of(item).map(|v| format!("{}, {}", v.name, v.address));
        assert_eq!(event.get_location().map(str::to_owned), expected, "{}", item.id);
    }
    // The evening party runs past closing time: its place is not known, so none is written.
    let party = ics::item_calendar(&programme, item(&programme, "grande-soiree"), BASE, stamp()).expect("timed");
    assert_eq!(events(&party)[0].get_location(), None);
    assert!(!party.contains("LOCATION"));
}

#[test]
fn items_without_theme_or_format_have_no_categories() {
    let programme = programme();
    let party = item(&programme, "grande-soiree");
    assert!(party.theme.is_none() && party.format.is_none());
    let text = ics::item_calendar(&programme, party, BASE, stamp()).expect("timed");
    assert_eq!(events(&text)[0].get_categories(), None);
    assert!(events(&text)[0].get_description().expect("description").ends_with("Accès : Sur inscription"));
}

#[test]
fn hostile_text_comes_back_identical_through_a_real_parser() {
    let mut programme = programme();
    let hostile = hostile_text();
    programme.edition.name = hostile.clone();
    programme.venue.name = hostile.clone();
    programme.themes[0].name = format!("{hostile}, second").into(); // a comma inside one category
    let theme = programme.themes[0].id.clone();
    let plenary = programme.items.iter_mut().find(|i| i.id == "pleniere-jeudi").expect("plenary");
    plenary.title = hostile.clone().into();
    plenary.description = hostile.clone().into();
    plenary.speakers = vec![hostile.clone()];
    plenary.theme = Some(theme);

    let plenary = item(&programme, "pleniere-jeudi");
    let text = ics::item_calendar(&programme, plenary, BASE, stamp()).expect("timed");
    assert_well_formed(&text);
    let calendar = parse(&text);
    assert_eq!(calendar.get_name(), Some(format!("{hostile} – {hostile}").as_str()));
    let event = calendar.events().next().expect("one event");
    assert_eq!(event.get_summary(), Some(hostile.as_str()));
    assert_eq!(event.get_location().map(str::to_owned), Some(format!("{hostile}, {}", programme.venue.address)));
    let format = programme.format("pleniere").expect("the plenary format").name.clone();
    assert_eq!(event.get_categories(), Some(vec![format!("{hostile}, second"), format.to_string()]));
    assert_eq!(event.get_description().map(str::to_owned), Some(format!("{hostile}\n\nAccès : Sur inscription\nIntervenants : {hostile}")));
    // The script is data, not markup: it is kept verbatim, never interpreted.
    assert!(text.contains("<script>"));
}

#[test]
fn line_breaks_are_normalised_and_other_control_characters_dropped() {
    let mut programme = programme();
    let party = programme.items.iter_mut().find(|i| i.id == "grande-soiree").expect("party");
    party.title = "a\r\nb\rc\nd\u{7}e\u{0}f\u{1b}[31mg\u{7f}h\ti".into();
    let text = ics::item_calendar(&programme, item(&programme, "grande-soiree"), BASE, stamp()).expect("timed");
    assert_well_formed(&text);
    assert!(content_lines(&text).contains(&"SUMMARY:a\\nb\\nc\\ndef[31mgh\ti".to_owned()), "{text}");
    assert_eq!(events(&text)[0].get_summary(), Some("a\nb\nc\ndef[31mgh\ti"));
}

#[test]
fn every_line_ends_with_crlf_and_holds_at_most_75_octets() {
    let programme = programme();
    assert_well_formed(&export_all(&programme));
    for item in &programme.items {
        if let Some(text) = ics::item_calendar(&programme, item, BASE, stamp()) {
            assert_well_formed(&text);
        }
    }
}

#[test]
fn folding_never_splits_a_character_whatever_its_width() {
    let mut programme = programme();
    // One-, two-, three- and four-octet characters, at every offset against the fold.
    for shift in 0..4 {
        let title = format!("{}{}", "x".repeat(shift), "aé€🎉".repeat(40));
        let party = programme.items.iter_mut().find(|i| i.id == "grande-soiree").expect("party");
        party.title = title.clone().into();
        let text = ics::item_calendar(&programme, item(&programme, "grande-soiree"), BASE, stamp()).expect("timed");
        assert_well_formed(&text);
        let folded = text.lines().filter(|l| l.starts_with(' ')).count();
        assert!(folded >= 3, "a {}-octet title must fold", title.len());
        assert_eq!(events(&text)[0].get_summary(), Some(title.as_str()));
    }
}

#[test]
fn a_line_of_75_octets_stays_whole_and_one_of_76_folds() {
    let mut programme = programme();
    let whole = format!("\r\nSUMMARY:{}\r\nDESCRIPTION", "t".repeat(67));
    let folded = format!("\r\nSUMMARY:{}\r\n t\r\n", "t".repeat(67));
    for (length, expected) in [(75, whole), (76, folded)] {
        let party = programme.items.iter_mut().find(|i| i.id == "grande-soiree").expect("party");
        party.title = "t".repeat(length - "SUMMARY:".len()).into();
        let text = ics::item_calendar(&programme, item(&programme, "grande-soiree"), BASE, stamp()).expect("timed");
        assert!(text.contains(&expected), "{length} octets:\n{text}");
    }
}

#[test]
fn special_characters_are_escaped_as_rfc_5545_writes_them() {
    // A lenient parser reads an unescaped `,` or `;` back unchanged, so check the written form.
    let mut programme = programme();
    let party = programme.items.iter_mut().find(|i| i.id == "grande-soiree").expect("party");
    party.title = "a;b,c\\d\ne:f\"g".into();
    let text = ics::item_calendar(&programme, item(&programme, "grande-soiree"), BASE, stamp()).expect("timed");
    assert!(content_lines(&text).contains(&"SUMMARY:a\\;b\\,c\\\\d\\ne:f\"g".to_owned()), "{text}");
    let plenary = ics::item_calendar(&programme, item(&programme, "pleniere-jeudi"), BASE, stamp()).expect("timed");
    let location = "LOCATION:Palais de la Bourse\\, 17 place de la Bourse 33076 Bordeaux";
    assert!(content_lines(&plenary).contains(&location.to_owned()), "{plenary}");
}

#[test]
fn the_url_joins_the_base_without_a_double_slash_and_encodes_odd_ids() {
    let mut programme = programme();
    let party = item(&programme, "grande-soiree");
    let text = ics::item_calendar(&programme, party, "https://nec.example.org/", stamp()).expect("timed");
    assert_eq!(events(&text)[0].get_url(), Some("https://nec.example.org/programme/grande-soiree"));

    let party = programme.items.iter_mut().find(|i| i.id == "grande-soiree").expect("party");
    party.id = "soirée du 19/10 ?#".to_owned();
    let party = item(&programme, "soirée du 19/10 ?#");
    let text = ics::item_calendar(&programme, party, BASE, stamp()).expect("timed");
    assert_eq!(events(&text)[0].get_url(), Some("https://nec.example.org/programme/soir%C3%A9e%20du%2019%2F10%20%3F%23"));
    assert_eq!(ics::item_file_name(&programme, party), "nec-2023-soir-e-du-19-10.ics");
}

#[test]
fn download_names_are_short_and_stable() {
    let programme = programme();
    assert_eq!(ics::item_file_name(&programme, item(&programme, "grande-soiree")), "nec-2023-grande-soiree.ics");
    assert_eq!(ics::agenda_file_name(&programme), "nec-2023-mon-programme.ics");
    let mut odd = item(&programme, "grande-soiree").clone();
    odd.id = "///".to_owned();
    assert_eq!(ics::item_file_name(&programme, &odd), "nec-2023-element.ics");
    assert_eq!(ics::MEDIA_TYPE, "text/calendar;charset=utf-8");
}

#[test]
fn an_agenda_without_any_timed_item_is_still_a_readable_calendar() {
    let programme = programme();
    let untimed: Vec<&Item> = programme.items.iter().filter(|i| i.start.is_none()).collect();
    let text = ics::calendar(&programme, &untimed, BASE, stamp());
    assert_well_formed(&text);
    assert!(events(&text).is_empty());
    assert!(ics::calendar(&programme, &[], BASE, stamp()).ends_with("END:VCALENDAR\r\n"));
}

#[test]
fn dates_icalendar_cannot_write_are_skipped_without_panicking() {
    let mut programme = programme();
    let far = NaiveDate::from_ymd_opt(12023, 10, 19)
        .and_then(|d| d.and_hms_opt(19, 0, 0))
        .and_then(|d| d.and_local_timezone(FixedOffset::east_opt(7200).expect("offset")).single())
        .expect("chrono represents year 12023");
    let party = programme.items.iter_mut().find(|i| i.id == "grande-soiree").expect("party");
    party.start = Some(far);
    let party = item(&programme, "grande-soiree");
    assert!(!ics::exportable(party));
    assert_eq!(ics::item_calendar(&programme, party, BASE, stamp()), None);
    assert_eq!(events(&export_all(&programme)).len(), 4);
}

/// Issue 21: a cancelled item stays in the calendar, marked cancelled; one that moved since the
/// visitor chose it carries a higher SEQUENCE, so a calendar app replaces its copy.
#[test]
fn a_cancelled_item_is_marked_and_a_moved_one_sequenced() {
    let mut programme = programme();
    // Synthetic: the party cancelled.
    programme.items.iter_mut().find(|i| i.id == "grande-soiree").unwrap().status = nec_data::model::ItemStatus::Cancelled;
    let (party, welcome) = (item(&programme, "grande-soiree"), item(&programme, "accueil-jeudi"));
    let text = ics::sequenced_calendar(&programme, &[(party, 0), (welcome, 2)], BASE, stamp());
    assert_well_formed(&text);
    let events = events(&text);
    assert_eq!(events[0].property_value("STATUS"), Some("CANCELLED"));
    assert_eq!(events[0].get_status(), Some(icalendar::EventStatus::Cancelled));
    assert_eq!(events[0].property_value("SEQUENCE"), None, "never moved: no SEQUENCE, 0 by default");
    assert_eq!(events[1].property_value("STATUS"), None);
    assert_eq!(events[1].property_value("SEQUENCE"), Some("2"));
    assert_eq!(ics::calendar(&programme, &[welcome], BASE, stamp()), ics::sequenced_calendar(&programme, &[(welcome, 0)], BASE, stamp()));
}

// ------------------------------------------------------------ published calendars (issue 22)

/// The whole programme as subscribers get it, each item at its ledger's sequence.
fn feed_of(programme: &Programme, ledger: &nec_data::site::sequences::Ledger) -> String {
    let site_editions: nec_data::model::EditionsFile =
        nec_data::load::parse(include_str!("../../../public/data/editions.json")).expect("shipped editions are valid");
    let site = nec_data::site::Site { origin: BASE, programme, editions: &site_editions, programmes: std::slice::from_ref(programme) };
    nec_data::site::exports::all(&site, ledger, stamp()).remove(0).content
}

#[test]
fn the_published_programme_holds_every_timed_item_with_its_sequence_and_status() {
    let programme = programme();
    let ledger = nec_data::site::sequences::updated(&Default::default(), &programme);
    let text = feed_of(&programme, &ledger);
    let events = events(&text);
    let timed: Vec<&Item> = programme.items.iter().filter(|i| i.start.is_some()).collect();
    assert_eq!(events.len(), timed.len());
    for (event, item) in events.iter().zip(&timed) {
        assert_eq!(event.get_uid(), Some(ics::uid(&programme, item).as_str()));
        assert_eq!(event.get_sequence(), Some(0));
        assert_eq!(event.get_status(), Some(icalendar::EventStatus::Confirmed));
    }
    let lines = content_lines(&text);
    assert!(lines.contains(&"REFRESH-INTERVAL;VALUE=DURATION:PT12H".to_owned()));
    assert!(lines.contains(&"X-WR-CALNAME:Numérique en Commun[s] 2023 – programme".to_owned()));
}

#[test]
fn a_changed_item_gets_a_higher_sequence_and_the_same_uid() {
    let mut programme = programme();
    let before = nec_data::site::sequences::updated(&Default::default(), &programme);
    let party = programme.items.iter_mut().find(|i| i.id == "grande-soiree").expect("the party");
    party.start = Some(at("2023-10-19T20:00:00+02:00"));
    let after = nec_data::site::sequences::updated(&before, &programme);
    assert_eq!(after["grande-soiree"].sequence, 1);
    assert_eq!(after["pleniere-jeudi"].sequence, 0, "an unchanged item keeps its number");
    // Unchanged again: the number stays.
    assert_eq!(nec_data::site::sequences::updated(&after, &programme), after);
    let events = events(&feed_of(&programme, &after));
    let party = events.iter().find(|e| e.get_uid() == Some("nec-2023-grande-soiree@numerique-en-communs.fr")).expect("still there");
    assert_eq!(party.get_sequence(), Some(1));
    assert_eq!(utc_of(party.get_start()), Some(utc(2023, 10, 19, 18, 0)));
}

#[test]
fn a_cancelled_item_is_written_cancelled() {
    let programme = programme();
    let item = item(&programme, "grande-soiree");
    let entry = ics::Published { item, sequence: 3, status: ics::Status::Cancelled };
    let text = ics::feed(&programme, "test", &[entry], BASE, stamp());
    let events = events(&text);
    assert_eq!(events[0].get_status(), Some(icalendar::EventStatus::Cancelled));
    assert_eq!(events[0].get_sequence(), Some(3));
}

#[test]
fn every_theme_has_a_calendar_that_parses_even_empty() {
    let programme = programme();
    let editions: nec_data::model::EditionsFile = nec_data::load::parse(include_str!("../../../public/data/editions.json")).expect("valid");
    let site =
        nec_data::site::Site { origin: BASE, programme: &programme, editions: &editions, programmes: std::slice::from_ref(&programme) };
    let ledger = nec_data::site::sequences::updated(&Default::default(), &programme);
    let exports = nec_data::site::exports::all(&site, &ledger, stamp());
    for theme in &programme.themes {
        let file = exports.iter().find(|e| e.path == format!("programme-2023-{}.ics", theme.id)).expect("a calendar per theme");
        let timed = programme.items.iter().filter(|i| i.start.is_some() && i.theme.as_deref() == Some(theme.id.as_str())).count();
        assert_eq!(events(&file.content).len(), timed, "{}", theme.id);
    }
}

#[test]
fn the_committed_ledger_is_up_to_date() {
    let programme = programme();
    let ledger: nec_data::site::sequences::Ledger =
        serde_json::from_str(include_str!("../../../public/data/calendriers.json")).expect("calendriers.json reads");
    assert_eq!(nec_data::site::sequences::updated(&ledger, &programme), ledger, "run `nec-data export public/data`");
}
