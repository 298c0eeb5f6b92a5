//! Times written in any offset are shown on Paris's clock, in summer and in winter, and the
//! calendar files say the same instants (issue 21, point 2).
//!
//! Starts from the shipped 2023 programme; the winter edition is synthetic (the same programme
//! moved to December, tests only: never a real edition).

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use nec_data::load::parse;
use nec_data::model::Programme;
use nec_data::{format, ics};
use serde_json::Value;

const SHIPPED: &str = include_str!("../../../public/data/programme-2023.json");

/// The programme's text with every `start` and `end` rewritten by `rewrite`.
fn with_times(text: &str, rewrite: impl Fn(DateTime<FixedOffset>) -> String) -> String {
    let mut value: Value = serde_json::from_str(text).unwrap();
    for item in value["items"].as_array_mut().unwrap() {
        for field in ["start", "end"] {
            if let Some(Value::String(at)) = item.get(field) {
                let at = DateTime::parse_from_rfc3339(at).unwrap();
                item[field] = Value::String(rewrite(at));
            }
        }
    }
    value.to_string()
}

fn utc(at: DateTime<FixedOffset>) -> String {
    at.with_timezone(&Utc).format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Every item's times as shown, in order.
fn shown(programme: &Programme) -> Vec<(String, String, String)> {
    let time = |t: Option<DateTime<FixedOffset>>| t.map(format::event_time).unwrap_or_default();
    programme.items.iter().map(|i| (i.id.clone(), time(i.start), time(i.end))).collect()
}

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2023, 9, 1, 8, 30, 5).single().unwrap()
}

fn agenda_ics(programme: &Programme) -> String {
    let items: Vec<_> = programme.items.iter().collect();
    ics::calendar(programme, &items, "https://nec.example.org", stamp())
}

#[test]
fn a_programme_written_in_utc_is_shown_on_paris_clock() {
    let shipped: Programme = parse(SHIPPED).unwrap();
    let in_utc: Programme = parse(&with_times(SHIPPED, utc)).expect("the same programme, written in UTC, is valid");
    assert_eq!(shown(&in_utc), shown(&shipped));
    let party = in_utc.items.iter().find(|i| i.id == "grande-soiree").unwrap();
    assert_eq!(format::event_time(party.start.unwrap()), "19 h 00", "17:00Z is 19 h in Bordeaux in October");
    assert_eq!(party.start.unwrap().to_rfc3339(), "2023-10-19T19:00:00+02:00", "read into Paris's offset");
    assert_eq!(in_utc.place_of(party), shipped.place_of(party), "the venue's hours are Paris hours");
    assert_eq!(agenda_ics(&in_utc), agenda_ics(&shipped), "the same instants in the calendar");
}

#[test]
fn a_winter_edition_is_utc_plus_one_whatever_offset_it_is_written_in() {
    // Synthetic: the 2023 programme moved to December, when Paris is at UTC+1.
    let winter = SHIPPED.replace("2023-10-", "2023-12-").replace("+02:00", "+01:00");
    let written: Programme = parse(&winter).expect("the synthetic winter edition is valid");
    let in_utc: Programme = parse(&with_times(&winter, utc)).expect("written in UTC, it is valid");
    let in_summer_offset: Programme =
        parse(&with_times(&winter, |at| at.with_timezone(&FixedOffset::east_opt(7200).unwrap()).to_rfc3339())).unwrap();
    let october: Programme = parse(SHIPPED).unwrap();
    // The same wall-clock times as in October, however the file writes them.
    assert_eq!(shown(&written), shown(&october));
    assert_eq!(shown(&in_utc), shown(&october));
    assert_eq!(shown(&in_summer_offset), shown(&october));
    let party = in_utc.items.iter().find(|i| i.id == "grande-soiree").unwrap();
    assert_eq!(party.start.unwrap().to_rfc3339(), "2023-12-19T19:00:00+01:00");
    let calendar = agenda_ics(&in_utc);
    assert_eq!(calendar, agenda_ics(&written));
    assert!(calendar.contains("DTSTART:20231219T180000Z"), "19 h in Paris in December is 18:00 UTC");
}
