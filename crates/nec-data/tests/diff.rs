//! `nec-data diff OLD NEW` and the `diff` module behind it (issue 21, point 3).
//!
//! OLD is the shipped 2023 programme; NEW is synthetic, made from it in each test (tests only:
//! the changes are not real).

use std::process::Command;

use nec_data::diff::{describe, diff, Change};
use nec_data::load::parse;
use nec_data::model::Programme;
use serde_json::{json, Value};

const SHIPPED: &str = include_str!("../../../public/data/programme-2023.json");

fn shipped() -> Value {
    serde_json::from_str(SHIPPED).unwrap()
}

fn item(p: &Value, id: &str) -> usize {
    p["items"].as_array().unwrap().iter().position(|i| i["id"] == id).unwrap()
}

/// The synthetic next version: one of each kind of change.
fn changed() -> Value {
    let mut p = shipped();
    let i = item(&p, "pleniere-jeudi");
    p["items"][i]["start"] = json!("2023-10-19T14:00:00+02:00"); // moved
    let i = item(&p, "grande-soiree");
    p["items"][i]["status"] = json!("cancelled");
    let i = item(&p, "dejeuner-cloture");
    p["items"][i]["title"] = json!("Déjeuner de clôture (synthétique)"); // renamed
    p["items"][i]["end"] = json!("2023-10-20T20:00:00+02:00"); // past closing time: place unknown
    let i = item(&p, "accueil-vendredi");
    p["items"][i]["description"] = json!("Description synthétique.");
    let i = item(&p, "dinum-startups-etat");
    p["items"].as_array_mut().unwrap().remove(i);
    let mut added = p["items"][item(&p, "dinum-outils-interministeriels")].clone();
    added["id"] = json!("atelier-synthetique");
    added["title"] = json!("Atelier synthétique");
    p["items"].as_array_mut().unwrap().push(added);
    p
}

fn programme(value: &Value) -> Programme {
    parse(&value.to_string()).expect("valid")
}

#[test]
fn every_kind_of_change_is_listed_in_french() {
    let (old, new) = (programme(&shipped()), programme(&changed()));
    let lines: Vec<String> = diff(&old, &new).iter().map(describe).collect();
    assert_eq!(
        lines,
        [
            "Déplacé : « Plénière » (pleniere-jeudi) : jeudi 19 octobre 2023, 11 h 30 → jeudi 19 octobre 2023, 14 h 00",
            "Annulé : « Grande soirée NEC » (grande-soiree), qui était prévu jeudi 19 octobre 2023, 19 h 00 – 1 h 00 le lendemain",
            "Modifié : « Accueil NEC » (accueil-vendredi) : description",
            "Déplacé : « Déjeuner de clôture (synthétique) » (dejeuner-cloture) : vendredi 20 octobre 2023, 12 h 30 – 15 h 00 → \
             vendredi 20 octobre 2023, 12 h 30 – 20 h 00",
            "Renommé : « Déjeuner de clôture » → « Déjeuner de clôture (synthétique) » (dejeuner-cloture)",
            "Lieu changé : « Déjeuner de clôture (synthétique) » (dejeuner-cloture) : Palais de la Bourse → lieu non précisé",
            "Ajouté : « Atelier synthétique » (atelier-synthetique), date à préciser",
            "Retiré : « L’approche Startups d’État auprès des acteurs publics territoriaux » (dinum-startups-etat), qui était prévu \
             date à préciser",
        ]
    );
}

#[test]
fn the_same_programme_or_the_same_instants_in_utc_are_no_change() {
    let old = programme(&shipped());
    assert_eq!(diff(&old, &old), []);
    let mut in_utc = shipped();
    let i = item(&in_utc, "grande-soiree");
    in_utc["items"][i]["start"] = json!("2023-10-19T17:00:00Z");
    assert_eq!(diff(&old, &programme(&in_utc)), [], "the same instant, written in UTC");
    let mut restored = shipped();
    let i = item(&restored, "grande-soiree");
    restored["items"][i]["status"] = json!("cancelled");
    let cancelled = programme(&restored);
    assert!(matches!(diff(&cancelled, &old)[..], [Change::Restored { .. }]));
}

fn nec_data(args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_nec-data")).args(args).output().expect("nec-data runs");
    (output.status.success(), String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr))
}

#[test]
fn nec_data_diff_lists_the_changes_and_fails_when_a_published_id_disappears() {
    let dir = std::env::temp_dir().join(format!("nec-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (old, new) = (dir.join("programme-ancien.json"), dir.join("programme-nouveau.json"));
    std::fs::write(&old, SHIPPED).unwrap();
    std::fs::write(&new, changed().to_string()).unwrap();
    let (ok, out) = nec_data(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(!ok, "an id disappeared: {out}");
    assert!(out.contains("Annulé : « Grande soirée NEC » (grande-soiree)"), "{out}");
    assert!(out.contains("8 modifications."), "{out}");
    assert!(out.contains("l’identifiant publié « dinum-startups-etat » disparaît"), "{out}");
    assert!(out.contains("\"status\": \"cancelled\""), "says what to do instead: {out}");

    // Cancelled instead of removed: listed, and accepted.
    let mut kept = changed();
    let original = shipped()["items"][item(&shipped(), "dinum-startups-etat")].clone();
    kept["items"].as_array_mut().unwrap().push(original);
    let i = item(&kept, "dinum-startups-etat");
    kept["items"][i]["status"] = json!("cancelled");
    std::fs::write(&new, kept.to_string()).unwrap();
    let (ok, out) = nec_data(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(ok, "{out}");
    assert!(out.contains("Annulé : « L’approche Startups d’État"), "{out}");

    let (ok, out) = nec_data(&["diff", old.to_str().unwrap(), old.to_str().unwrap()]);
    assert!(ok && out.contains("Aucune modification."), "{out}");

    // An invalid NEW is reported with its problems, as `check` does.
    let mut broken = shipped();
    broken["items"][0]["status"] = json!("reporte");
    std::fs::write(&new, broken.to_string()).unwrap();
    let (ok, out) = nec_data(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(!ok && out.contains("$.items[0].status"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}
