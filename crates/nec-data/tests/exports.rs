//! The conference-app exports (issue 22) checked against the public schemas they claim to
//! follow, copied in tests/fixtures/c3voc (from ../shared/standards/c3voc): `schedule.json` by a JSON Schema
//! validator (draft 06, formats checked); `schedule.xml` by xmllint in the browser suite
//! (tests/browser/open-web.test.mjs), and here by what a reader finds in it.

use chrono::{TimeZone, Utc};
use nec_data::model::{EditionsFile, Programme};
use nec_data::site::exports::{all, guid, schedule_json, schedule_xml, timed, untimed_count};
use nec_data::site::sequences::updated;
use nec_data::site::Site;
use serde_json::Value;

const ORIGIN: &str = "https://nec.invalid";

fn data() -> (Programme, EditionsFile) {
    (
        nec_data::load::parse(include_str!("../../../public/data/programme-2023.json")).expect("valid programme"),
        nec_data::load::parse(include_str!("../../../public/data/editions.json")).expect("valid editions"),
    )
}

fn standard(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/c3voc/{name}", concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).expect("a JSON schema")
}

/// The copies the tests read are the shared reference schemas, where a checkout has them.
#[test]
fn the_schema_copies_match_the_shared_standards() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    for name in ["schedule.schema.json", "schedule.xml.xsd"] {
        let Ok(shared) = std::fs::read(format!("{root}/../shared/standards/c3voc/{name}")) else { continue };
        let copy = std::fs::read(format!("{root}/tests/fixtures/c3voc/{name}")).expect("the copy");
        assert!(copy == shared, "tests/fixtures/c3voc/{name} differs from ../shared/standards/c3voc/{name}: copy it again");
    }
}

#[test]
fn schedule_json_follows_the_c3voc_schema() {
    let (programme, editions) = data();
    let site = Site { origin: ORIGIN, programme: &programme, editions: &editions, programmes: std::slice::from_ref(&programme) };
    let schema = standard("schedule.schema.json");
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles");
    let schedule: Value = serde_json::from_str(&schedule_json(&site)).expect("JSON");
    let errors: Vec<String> = validator.iter_errors(&schedule).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does fail on a broken schedule.
    let mut broken = schedule.clone();
    broken["schedule"]["conference"]["acronym"] = Value::from("N");
    broken["schedule"]["events"][0].as_object_mut().expect("an event").remove("url");
    let paths: Vec<String> = validator.iter_errors(&broken).map(|e| e.instance_path().to_string()).collect();
    assert!(paths.contains(&"/schedule/conference/acronym".to_owned()), "{paths:?}");
    assert!(paths.iter().any(|p| p.starts_with("/schedule/events/0")), "{paths:?}");

    let events = schedule["schedule"]["events"].as_array().expect("events");
    let timed = timed(&programme);
    assert_eq!(events.len(), timed.len());
    assert_eq!(events.len() + untimed_count(&programme), programme.items.len(), "untimed items are left out");
    let party = events.iter().find(|e| e["title"] == "Grande soirée NEC").expect("the party");
    assert_eq!(party["start"], "2023-10-19T19:00:00+02:00");
    assert_eq!(party["end"], "2023-10-20T01:00:00+02:00");
    assert_eq!(party["url"], "https://nec.invalid/programme/grande-soiree");
    assert_eq!(party["room"]["name"], "Lieu à préciser", "its place is not said");
    // No end announced: a zero duration, never a guessed one, and said in words.
    let plenary = events.iter().find(|e| e["slug"] == "nec2023-pleniere-jeudi").expect("the plenary");
    assert_eq!(plenary["start"], plenary["end"]);
    assert!(plenary["description"].as_str().unwrap_or_default().contains("Heure de fin non annoncée"));
    assert_eq!(plenary["room"]["name"], "Palais de la Bourse");
}

#[test]
fn schedule_xml_places_each_timed_item_in_its_day_and_room() {
    let (programme, editions) = data();
    let site = Site { origin: ORIGIN, programme: &programme, editions: &editions, programmes: std::slice::from_ref(&programme) };
    let xml = schedule_xml(&site);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>"));
    assert_eq!(xml.matches("<event ").count(), timed(&programme).len());
    assert!(xml.contains("<day index=\"1\" date=\"2023-10-19\" start=\"2023-10-19T09:00:00+02:00\" end=\"2023-10-20T01:00:00+02:00\">"));
    assert!(xml.contains("<day index=\"2\" date=\"2023-10-20\""));
    assert!(xml.contains("<title>Grande soirée NEC</title>"));
    assert!(xml.contains("<start>19:00</start>\n        <duration>06:00</duration>"));
    assert!(xml.contains("<start>12:30</start>\n        <duration>02:30</duration>"));
    assert!(xml.contains("<acronym>nec2023</acronym>"));
    // The same guid from one build to the next, in both files.
    assert_eq!(xml, schedule_xml(&site));
    let id = guid("nec-2023-grande-soiree@numerique-en-communs.fr");
    assert!(xml.contains(&format!("guid=\"{id}\"")) && schedule_json(&site).contains(&id));
    assert_eq!(id.len(), 36);
    assert_eq!(&id[14..15], "8");
}

#[test]
fn the_exports_are_listed_with_a_title_in_both_languages() {
    let (programme, editions) = data();
    let site = Site { origin: ORIGIN, programme: &programme, editions: &editions, programmes: std::slice::from_ref(&programme) };
    let stamp = Utc.with_ymd_and_hms(2023, 9, 1, 0, 0, 0).single().expect("instant");
    let exports = all(&site, &updated(&Default::default(), &programme), stamp);
    let paths: Vec<&str> = exports.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths.len(), 1 + programme.themes.len() + 2);
    assert_eq!(paths[0], "programme-2023.ics");
    assert!(paths.ends_with(&["schedule.xml", "schedule.json"]));
    for export in &exports {
        // A theme's calendar is named after the theme: in English only where its name is.
        let theme_name_in_english =
            programme.themes.iter().find(|t| export.path.ends_with(&format!("-{}.ics", t.id))).map(|t| t.name.en.is_some());
        assert_eq!(export.title.en.is_some(), theme_name_in_english.unwrap_or(true), "{}", export.path);
        assert!(!export.content.contains("127.0.0.1"));
    }
}
