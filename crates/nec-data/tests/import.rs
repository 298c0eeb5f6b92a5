//! `nec-data import` from a spreadsheet (issue 21, point 5): the good files (UTF-8, Excel's
//! semicolon with BOM, Windows-1252) give the shipped programme back; each bad case is refused
//! with its line (and column where one field is at fault), and nothing is written.

use std::path::{Path, PathBuf};
use std::process::Command;

use nec_data::import::{csv, import_csv};
use nec_data::load::parse;
use nec_data::model::Programme;

const SHIPPED: &str = include_str!("../../../public/data/programme-2023.json");
const GOOD: &str = include_str!("../../../tests/fixtures/import/programme-2023.csv");
const HEADER: &str = "id,titre,nature,jour,debut,fin,description,acces,sources";

fn shipped() -> Programme {
    parse(SHIPPED).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/import").join(name)).unwrap()
}

#[test]
fn the_good_files_give_the_shipped_programme_back() {
    for name in ["programme-2023.csv", "programme-2023-excel-utf8.csv", "programme-2023-excel-windows-1252.csv"] {
        let imported = import_csv(&shipped(), &fixture(name)).unwrap_or_else(|problems| panic!("{name}: {problems:#?}"));
        assert_eq!(imported, shipped(), "{name}");
        assert_eq!(serde_json::to_value(&imported).unwrap(), serde_json::from_str::<serde_json::Value>(SHIPPED).unwrap(), "{name}");
    }
    let excel = fixture("programme-2023-excel-windows-1252.csv");
    assert!(std::str::from_utf8(&excel).is_err(), "really Windows-1252");
    assert!(fixture("programme-2023-excel-utf8.csv").starts_with(b"\xEF\xBB\xBF"), "really with a BOM");
}

#[test]
fn times_are_read_on_paris_clock_summer_and_winter() {
    let row = |day: &str, start: &str, end: &str| {
        format!("{HEADER}\ngrande-soiree,Grande soirée NEC,soirée,{day},{start},{end},x,inscription,001_a3c5aaa8cae7ab30.txt\n")
    };
    let items = nec_data::import::items::items_from_csv(row("2023-10-19", "19:00", "1:00").as_bytes()).unwrap();
    let party = &items[0].1;
    assert_eq!(party.start.unwrap().to_rfc3339(), "2023-10-19T19:00:00+02:00");
    assert_eq!(party.end.unwrap().to_rfc3339(), "2023-10-20T01:00:00+02:00", "an end before the start is the next day");
    // Synthetic winter day: UTC+1.
    let winter = nec_data::import::items::items_from_csv(row("05/12/2024", "9 h", "10h30").as_bytes()).unwrap();
    assert_eq!(winter[0].1.start.unwrap().to_rfc3339(), "2024-12-05T09:00:00+01:00");
    assert_eq!(winter[0].1.end.unwrap().to_rfc3339(), "2024-12-05T10:30:00+01:00");
}

/// The problems of importing `csv` into the shipped programme.
fn problems(csv: &str) -> Vec<String> {
    import_csv(&shipped(), csv.as_bytes()).expect_err("refused")
}

fn assert_one(csv: &str, expected: &str) {
    let problems = problems(csv);
    assert!(problems.iter().any(|p| p.starts_with(expected)), "expected « {expected}… » in {problems:#?}");
}

const OK_ROW: &str = "pleniere-jeudi,Plénière,séance,2023-10-19,11:30,,Plénière.,inscription,001_a3c5aaa8cae7ab30.txt";

#[test]
fn each_bad_case_gives_its_line_and_column() {
    // 1. An empty file.
    assert_one("", "ligne 1 : fichier vide");
    // 2. A required column missing.
    assert_one("id,titre,nature,description\n", "ligne 1 : colonne obligatoire absente : « sources »");
    // 3. An unknown column (a typo), at its column.
    assert_one(&format!("{HEADER},salle\n"), "ligne 1, colonne 10 (J) : colonne inconnue « salle »");
    // 4. A field too many (an unquoted comma in a description).
    assert_one(
        &format!("{HEADER}\n{OK_ROW}\nx,Titre,séance,2023-10-19,9:00,,Un, deux,inscription,s\n"),
        "ligne 3 : 10 champs au lieu de 9",
    );
    // 5. A quote never closed, at the field it opens.
    assert_one(&format!("{HEADER}\n{OK_ROW}\nx,\"Titre,séance\n"), "ligne 3, colonne 2 (B) : guillemet ouvert jamais fermé");
    // 6. A date that is not one.
    assert_one(
        &format!("{HEADER}\n{OK_ROW}\nx,T,séance,31/02/2023,,,d,inscription,001_a3c5aaa8cae7ab30.txt\n"),
        "ligne 3, colonne 4 (D) : jour : « 31/02/2023 » n’est pas une date",
    );
    // 7. A time that is not one.
    assert_one(
        &format!("{HEADER}\nx,T,séance,2023-10-19,midi,,d,inscription,001_a3c5aaa8cae7ab30.txt\n"),
        "ligne 2, colonne 5 (E) : debut : « midi » n’est pas une heure",
    );
    // 8. An unknown kind, with the possible values.
    assert_one(
        &format!("{HEADER}\nx,T,conférence,2023-10-19,,,d,inscription,001_a3c5aaa8cae7ab30.txt\n"),
        "ligne 2, colonne 3 (C) : nature : « conférence » n’est pas reconnu ; valeurs possibles : session, seance",
    );
    // 9. An unknown access.
    assert_one(
        &format!("{HEADER}\nx,T,séance,2023-10-19,,,d,payant,001_a3c5aaa8cae7ab30.txt\n"),
        "ligne 2, colonne 8 (H) : acces : « payant » n’est pas reconnu",
    );
    // 10. A required field left empty.
    assert_one(
        &format!("{HEADER}\n,T,séance,2023-10-19,,,d,inscription,001_a3c5aaa8cae7ab30.txt\n"),
        "ligne 2, colonne 1 (A) : id : champ obligatoire vide",
    );
    // 11. An end without a start.
    assert_one(
        &format!("{HEADER}\nx,T,séance,2023-10-19,,12:00,d,inscription,001_a3c5aaa8cae7ab30.txt\n"),
        "ligne 2, colonne 6 (F) : fin : une heure de fin demande",
    );
    // 12. The same id twice: found by the validation, given the line of the repeat.
    assert_one(&format!("{HEADER}\n{OK_ROW}\n{OK_ROW}\n"), "ligne 3 : l’identifiant « pleniere-jeudi » est déjà utilisé");
    // 13. A day outside the edition: the validation again, at its line.
    assert_one(
        &format!("{HEADER}\n{OK_ROW}\nx,T,séance,2023-11-02,,,d,inscription,001_a3c5aaa8cae7ab30.txt\n"),
        "ligne 3 : le 2023-11-02 n’est pas une journée du programme",
    );
    // 14. An undeclared source.
    assert_one(&format!("{HEADER}\nx,T,séance,2023-10-19,,,d,inscription,inconnue.txt\n"), "ligne 2 : ");
    // 15. The hour that does not exist in Paris (spring forward).
    assert_one(
        &format!("{HEADER}\nx,T,séance,2023-03-26,2:30,,d,inscription,001_a3c5aaa8cae7ab30.txt\n"),
        "ligne 2, colonne 5 (E) : debut : cette heure n’existe pas",
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let csv = format!("{HEADER}\nx,T,conférence,2023-13-01,9:00,,d,payant,001_a3c5aaa8cae7ab30.txt\ny,,séance,,,,d,inscription,s\n");
    let problems = problems(&csv);
    assert!(problems.len() >= 4, "{problems:#?}");
    assert!(problems.iter().any(|p| p.starts_with("ligne 3, colonne 2 (B) : titre")), "{problems:#?}");
}

#[test]
fn the_csv_reader_never_panics_on_odd_bytes() {
    for bytes in [&b"\xff\xfe\x00a"[..], b"\"", b"\"\"\"", b";;;\r", b"\r\r\n\n", b"a\rb", b"\xEF\xBB\xBF", b"\x81\x8d\x8f"] {
        let _ = csv::records(&csv::decode(bytes));
        let _ = import_csv(&shipped(), bytes);
    }
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nec-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn nec_data_import_writes_only_a_valid_programme() {
    let (csv_path, target) = (temp("programme.csv"), temp("programme-2023.json"));
    std::fs::write(&target, SHIPPED).unwrap();
    // The plenary moved in the spreadsheet.
    let edited = GOOD.replace("pleniere-jeudi,Plénière,,séance,2023-10-19,11:30", "pleniere-jeudi,Plénière,,séance,2023-10-19,14:00");
    assert_ne!(edited, GOOD, "the fixture has the plenary at 11:30");
    std::fs::write(&csv_path, &edited).unwrap();
    let run = |args: &[&Path]| {
        let out = Command::new(env!("CARGO_BIN_EXE_nec-data")).arg("import").args(args).output().unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let (ok, out) = run(&[&csv_path, &target]);
    assert!(ok, "{out}");
    assert!(
        out.contains("Déplacé : « Plénière » (pleniere-jeudi) : jeudi 19 octobre 2023, 11 h 30 → jeudi 19 octobre 2023, 14 h 00"),
        "{out}"
    );
    let written: Programme = parse(&std::fs::read_to_string(&target).unwrap()).expect("what import writes is valid");
    assert_eq!(written.items.iter().find(|i| i.id == "pleniere-jeudi").unwrap().start.unwrap().to_rfc3339(), "2023-10-19T14:00:00+02:00");

    // A bad file: every problem printed with the file and its line, nothing written.
    std::fs::write(&target, SHIPPED).unwrap();
    std::fs::write(&csv_path, format!("{HEADER}\n{OK_ROW}\n{OK_ROW}\n")).unwrap();
    let (ok, out) = run(&[&csv_path, &target]);
    assert!(!ok);
    assert!(out.contains(&format!("{}: ligne 3 : ", csv_path.display())), "{out}");
    assert!(out.contains("rien n’a été écrit"), "{out}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), SHIPPED, "untouched");
    let _ = std::fs::remove_dir_all(csv_path.parent().unwrap());
}

/// A conference tool's export (c3voc's schedule.json, as pretalx writes it): the shipped timed
/// items written in UTC, with synthetic states (one CANCELED, one REJECTED).
#[test]
fn a_schedule_export_is_imported_on_paris_clock_with_its_states() {
    let text =
        std::fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/import/schedule-2023.json"))
            .unwrap();
    let mut programme = shipped();
    let mut source = programme.sources[0].clone();
    source.id = "schedule-2023.json".into();
    programme.sources.push(source);
    let (imported, left_out) =
        nec_data::import::import_schedule(&programme, &text, "schedule-2023.json").unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(left_out, 1, "the rejected proposal is left out");
    let ids: Vec<&str> = imported.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["accueil-jeudi", "pleniere-jeudi", "grande-soiree", "accueil-vendredi", "dejeuner-cloture"]);
    let party = imported.items.iter().find(|i| i.id == "grande-soiree").unwrap();
    assert_eq!(party.start.unwrap().to_rfc3339(), "2023-10-19T19:00:00+02:00", "17:00Z read on Paris's clock");
    assert_eq!(party.day, chrono::NaiveDate::from_ymd_opt(2023, 10, 19));
    let lunch = imported.items.iter().find(|i| i.id == "dejeuner-cloture").unwrap();
    assert_eq!((lunch.kind, lunch.status), (nec_data::model::ItemKind::Meal, nec_data::model::ItemStatus::Cancelled));
    // What changed, as nec-data diff says it: the untimed items are not in the export.
    let lines: Vec<String> = nec_data::diff::diff(&programme, &imported).iter().map(nec_data::diff::describe).collect();
    assert!(lines.iter().any(|l| l.starts_with("Annulé : « Déjeuner de clôture »")), "{lines:#?}");
    assert!(lines.iter().any(|l| l.starts_with("Retiré : « Plénière") || l.starts_with("Retiré : « Déjeuner du jeudi »")), "{lines:#?}");

    // Without the export declared as a source, the validation says so, naming the event.
    let problems = nec_data::import::import_schedule(&shipped(), &text, "schedule-2023.json").unwrap_err();
    assert!(
        problems.iter().any(|p| p == "événement « accueil-jeudi » : la source « schedule-2023.json » n’est pas déclarée dans $.sources"),
        "{problems:#?}"
    );
    // A broken export: where, and why.
    let problems =
        nec_data::import::import_schedule(&programme, r#"{"schedule":{"events":[{"title":"x","start":"demain"}]}}"#, "s").unwrap_err();
    assert_eq!(problems, ["$.schedule.events[0].start : « demain » n’est pas une date et heure RFC 3339"]);
    let problems =
        nec_data::import::import_schedule(&programme, r#"{"schedule":{"events":[{"start":"2023-10-19T09:00:00Z"}]}}"#, "s").unwrap_err();
    assert!(problems[0].starts_with("$.schedule.events[0] : export illisible (missing field `title`"), "{problems:#?}");
}

/// frab's schedule.xml (c3voc's XSD; the fixture passes it, checked below when xmllint is
/// there): times in any offset on Paris's clock, durations as ends, a track's name as its
/// slug, persons and links; problems with their line.
#[test]
fn a_frab_schedule_xml_is_imported_on_paris_clock() {
    let fixture = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/import/schedule-2023.xml");
    let xsd = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/c3voc/schedule.xml.xsd");
    if let Ok(lint) = std::process::Command::new("xmllint").arg("--noout").arg("--schema").arg(&xsd).arg(&fixture).output() {
        assert!(lint.status.success(), "the fixture passes c3voc's XSD: {}", String::from_utf8_lossy(&lint.stderr));
    }
    let text = std::fs::read_to_string(&fixture).unwrap();
    let mut programme = shipped();
    let mut source = programme.sources[0].clone();
    source.id = "schedule-2023.xml".into();
    programme.sources.push(source);
    let (imported, left_out) =
        nec_data::import::import_schedule(&programme, &text, "schedule-2023.xml").unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(left_out, 0, "the XML has no states");
    let ids: Vec<&str> = imported.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["accueil-jeudi", "pleniere-jeudi", "grande-soiree", "accueil-vendredi", "dejeuner-cloture"]);
    let item = |id: &str| imported.items.iter().find(|i| i.id == id).unwrap();
    let plenary = item("pleniere-jeudi");
    assert_eq!(plenary.start.unwrap().to_rfc3339(), "2023-10-19T11:30:00+02:00", "09:30Z read on Paris's clock");
    assert_eq!(plenary.end, None, "a duration of 00:00 is no end");
    assert_eq!(plenary.theme.as_deref(), Some("communs-souverainete"), "the track's name, as the conference declares its slug");
    assert_eq!(plenary.speakers, ["Intervenante synthétique"]);
    assert_eq!(
        (plenary.links[0].url.as_str(), plenary.links[0].label.fr.as_str()),
        ("https://example.org/pleniere-jeudi", "Page synthétique")
    );
    let party = item("grande-soiree");
    assert_eq!(party.end.unwrap().to_rfc3339(), "2023-10-20T01:00:00+02:00", "19:00 plus 06:00, past midnight");
    assert_eq!(party.day, chrono::NaiveDate::from_ymd_opt(2023, 10, 19));
    assert_eq!(item("dejeuner-cloture").kind, nec_data::model::ItemKind::Meal, "BREAK is a meal");
    assert_eq!(item("dejeuner-cloture").description.fr, "Déjeuner de clôture.");

    // Broken exports: which line, and why; nothing imported.
    let problems = nec_data::import::import_schedule(&programme, "<schedule><day>", "s").unwrap_err();
    assert!(problems[0].starts_with("XML illisible ("), "{problems:#?}");
    let problems = nec_data::import::import_schedule(&programme, "<?xml version=\"1.0\"?>\n<agenda/>", "s").unwrap_err();
    assert_eq!(problems, ["ligne 1 : l’élément racine est <agenda>, pas <schedule>"]);
    let broken = text.replacen("<date>2023-10-19T09:30:00Z</date>", "<date>jeudi matin</date>", 1).replacen(
        "<duration>06:00</duration>",
        "<duration>6h</duration>",
        1,
    );
    let problems = nec_data::import::import_schedule(&programme, &broken, "schedule-2023.xml").unwrap_err();
    assert_eq!(
        problems,
        [
            "ligne 28 : « Plénière » : <date> « jeudi matin » n’est pas une date et heure RFC 3339",
            "ligne 45 : « Grande soirée NEC » : <duration> « 6h » n’est pas une durée HH:MM",
        ]
    );
    // An entity declaration is refused, not expanded.
    let bomb = "<?xml version=\"1.0\"?><!DOCTYPE schedule [<!ENTITY a \"aaaa\">]><schedule>&a;</schedule>";
    assert!(nec_data::import::import_schedule(&programme, bomb, "s").is_err());
}
