//! The record of published changes (issue 21, point 3): `nec-data publish`, its validation, its
//! words in both languages and the Atom feed. The shipped record holds only the announcement of
//! 26 July 2023 (seed 001); every change here is synthetic (tests/fixtures/changes/, tests only).

use std::process::Command;

use nec_data::load::parse;
use nec_data::locale::Lang;
use nec_data::model::{ChangeKind, Programme};
use nec_data::publications::{describe, item_history, problems};
use nec_data::site::feed::atom;
use serde_json::{json, Value};

const SHIPPED: &str = include_str!("../../../public/data/programme-2023.json");
const STEP_1: &str = include_str!("../../../tests/fixtures/changes/programme-synthetique-etape-1.json");
const TWO: &str = include_str!("../../../tests/fixtures/changes/programme-synthetique-2-publications.json");
const FEED_FIXTURE: &str = "tests/fixtures/changes/modifications-synthetiques.atom";
const ORIGIN: &str = "https://nec.invalid";

fn programme(text: &str) -> Programme {
    parse(text).expect("valid")
}

/// The second synthetic publication's programme, made from the first.
fn step_2() -> Value {
    let mut p: Value = serde_json::from_str(STEP_1).unwrap();
    let i = p["items"].as_array().unwrap().iter().position(|i| i["id"] == "dejeuner-cloture").unwrap();
    p["items"][i]["title"] = json!({ "fr": "Déjeuner de clôture (synthétique)", "en": "Closing lunch (synthetic)" });
    p["items"][i]["end"] = json!("2023-10-20T20:00:00+02:00");
    p
}

fn nec_data(args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_nec-data")).args(args).output().expect("nec-data runs");
    (output.status.success(), String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr))
}

#[test]
fn the_shipped_record_is_the_announcement_alone() {
    let p = programme(SHIPPED);
    assert_eq!(p.publications.len(), 1);
    let announcement = &p.publications[0];
    assert_eq!(announcement.date.to_string(), "2023-07-26");
    assert!(announcement.changes.is_empty(), "no change after the announcement is known");
    assert_eq!(announcement.sources, ["001_a3c5aaa8cae7ab30.txt"]);
}

#[test]
fn nec_data_publish_appends_what_changed_and_refuses_nothing_or_a_removal() {
    let dir = std::env::temp_dir().join(format!("nec-publish-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (old, new) = (dir.join("programme-publie.json"), dir.join("programme-nouveau.json"));
    std::fs::write(&old, STEP_1).unwrap();
    std::fs::write(&new, step_2().to_string()).unwrap();
    let args = |extra: &[&str]| -> Vec<String> {
        ["publish", old.to_str().unwrap(), new.to_str().unwrap()].iter().chain(extra).map(|s| s.to_string()).collect()
    };
    let run = |extra: &[&str]| {
        let a = args(extra);
        nec_data(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let (ok, out) = run(&["--date", "02/10/2023"]);
    assert!(!ok && out.contains("AAAA-MM-JJ"), "{out}");
    let (ok, out) = run(&["--date", "2023-10-02"]);
    assert!(ok, "{out}");
    assert!(out.contains("Renommé : « Déjeuner de clôture » → « Déjeuner de clôture (synthétique) »"), "{out}");
    assert!(out.contains("3 modifications"), "{out}");
    let written = programme(&std::fs::read_to_string(&new).unwrap());
    assert_eq!(written, programme(TWO), "the fixture is what `publish` writes");

    // Publishing the same file again: nothing changed since, nothing written.
    std::fs::copy(&new, &old).unwrap();
    let (ok, out) = run(&[]);
    assert!(!ok && out.contains("rien à publier"), "{out}");

    // A published id that disappears is refused.
    let mut gone: Value = serde_json::from_str(TWO).unwrap();
    gone["items"].as_array_mut().unwrap().retain(|i| i["id"] != "grande-soiree");
    std::fs::write(&new, gone.to_string()).unwrap();
    let (ok, out) = run(&["--date", "2023-10-03"]);
    assert!(!ok && out.contains("« grande-soiree » n’est plus au programme"), "{out}");
    assert_eq!(std::fs::read_to_string(&new).unwrap(), gone.to_string(), "nothing written");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn each_change_is_said_in_both_languages_and_cancelled_in_words() {
    let p = programme(TWO);
    let said = |lang| p.publications.iter().flat_map(|x| &x.changes).map(|c| describe(c, lang, true).plain()).collect::<Vec<_>>();
    assert_eq!(
        said(Lang::Fr),
        [
            "Déplacée : « Plénière » : avant jeudi 19 octobre 2023, 11 h 30, désormais jeudi 19 octobre 2023, 14 h 00",
            "Annulée : « Grande soirée NEC »",
            "Déplacée : « Déjeuner de clôture (synthétique) » : avant vendredi 20 octobre 2023, 12 h 30 – 15 h 00, désormais \
             vendredi 20 octobre 2023, 12 h 30 – 20 h 00",
            "Renommée : « Déjeuner de clôture » devient « Déjeuner de clôture (synthétique) »",
            "Lieu changé : « Déjeuner de clôture (synthétique) » : avant Palais de la Bourse, désormais lieu non précisé",
        ]
    );
    assert_eq!(said(Lang::En)[1], "Cancelled: “NEC evening party”");
    assert_eq!(said(Lang::En)[0], "Moved: “Plenary”: was Thursday 19 October 2023, 11:30, now Thursday 19 October 2023, 14:00");

    let history = item_history(&p, "dejeuner-cloture");
    assert_eq!(history.len(), 3);
    assert!(history.iter().all(|(date, _)| date.to_string() == "2023-10-02"));
    let on_its_page: Vec<String> = history.iter().map(|(_, c)| describe(c, Lang::Fr, false).plain()).collect();
    assert_eq!(on_its_page[1], "Renommée : avant « Déjeuner de clôture »");
    assert!(item_history(&p, "accueil-jeudi").is_empty());
}

#[test]
fn the_record_is_checked() {
    let mut p: Value = serde_json::from_str(TWO).unwrap();
    p["publications"][1]["date"] = json!("2023-11-01");
    p["publications"][2]["changes"][0]["item"] = json!("inconnu");
    p["publications"][0]["sources"] = json!(["999.txt"]);
    p["publications"].as_array_mut().unwrap().push(json!({ "date": "2023-12-01" }));
    let found: Vec<String> = problems(&serde_json::from_value(p).unwrap()).iter().map(|x| x.path.clone()).collect();
    assert_eq!(found, ["$.publications[0].sources[0]", "$.publications[2].date", "$.publications[3]", "$.publications[2].changes[0].item"]);
    let unknown_kind = TWO.replacen("\"kind\": \"moved\"", "\"kind\": \"reporte\"", 1);
    assert!(parse::<Programme>(&unknown_kind).is_err());
    assert_eq!(programme(TWO).publications[1].changes[1].kind, ChangeKind::Cancelled);
}

#[test]
fn the_atom_feed_has_one_entry_per_publication_newest_first() {
    let shipped = atom(ORIGIN, &programme(SHIPPED));
    let doc = roxmltree::Document::parse(&shipped).expect("well-formed");
    let entries: Vec<_> = doc.root_element().children().filter(|n| n.has_tag_name("entry")).collect();
    assert_eq!(entries.len(), 1);
    assert!(shipped.contains("<title>Publication du 26 juillet 2023</title>"), "{shipped}");
    assert!(shipped.contains("Aucune modification d’élément du programme."), "{shipped}");
    assert!(shipped.contains("<updated>2023-07-26T00:00:00+02:00</updated>"), "{shipped}");

    let synthetic = atom(ORIGIN, &programme(TWO));
    let doc = roxmltree::Document::parse(&synthetic).expect("well-formed");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().namespace(), Some("http://www.w3.org/2005/Atom"));
    let child = |name: &str| feed.children().find(|n| n.has_tag_name(name)).and_then(|n| n.text()).unwrap_or_default().to_owned();
    assert_eq!(child("id"), "https://nec.invalid/modifications-du-programme.atom");
    assert_eq!(child("updated"), "2023-10-02T00:00:00+02:00");
    let links: Vec<(&str, &str)> =
        feed.children().filter(|n| n.has_tag_name("link")).map(|n| (n.attribute("rel").unwrap(), n.attribute("href").unwrap())).collect();
    assert_eq!(
        links,
        [("self", "https://nec.invalid/modifications-du-programme.atom"), ("alternate", "https://nec.invalid/modifications-du-programme")]
    );
    let ids: Vec<String> = feed
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .map(|e| e.children().find(|n| n.has_tag_name("id")).and_then(|n| n.text()).unwrap().to_owned())
        .collect();
    assert_eq!(
        ids,
        ["publication-3", "publication-2", "publication-1"].map(|a| format!("https://nec.invalid/modifications-du-programme#{a}"))
    );
    assert!(synthetic.contains("<title>Publication du 1er septembre 2023 : 2 modifications</title>"), "{synthetic}");
    assert!(synthetic.contains("- Annulée : « Grande soirée NEC »"), "{synthetic}");

    // The copy the browser tests read with a real feed parser (tests/browser/feed.test.mjs).
    let fixture = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(FEED_FIXTURE);
    if std::env::var_os("NEC_UPDATE_FIXTURES").is_some() {
        std::fs::write(&fixture, &synthetic).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&fixture).unwrap_or_default(),
        synthetic,
        "run with NEC_UPDATE_FIXTURES=1 to rewrite {FEED_FIXTURE}"
    );
}
