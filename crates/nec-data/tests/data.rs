//! The shipped data and the validation pass, tested natively.
//!
//! Each bad case starts from the shipped file, breaks one thing (or several), and asserts the
//! JSON path and the French message a data maintainer would read.

use std::path::Path;
use std::process::Command;

use nec_data::load::{parse, DataError, MAX_FILE_BYTES};
use nec_data::model::{Access, Charter, EditionsFile, Metric, Programme};
use nec_data::validate::Problem;
use serde_json::{json, Value};

fn shipped(name: &str) -> String {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("public/data").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn shipped_value(name: &str) -> Value {
    serde_json::from_str(&shipped(name)).expect("shipped data is JSON")
}

/// The problems found in `value` once parsed as `T`.
fn problems_of<T: serde::de::DeserializeOwned + nec_data::validate::Validate + std::fmt::Debug>(value: &Value) -> Vec<Problem> {
    match parse::<T>(&value.to_string()) {
        Ok(_) => Vec::new(),
        Err(error) => error.problems().to_vec(),
    }
}

/// Asserts that exactly one problem sits at `path` and that its message contains `words`.
fn assert_problem(problems: &[Problem], path: &str, words: &str) {
    let at_path: Vec<&Problem> = problems.iter().filter(|p| p.path == path).collect();
    assert_eq!(at_path.len(), 1, "expected one problem at {path}, got {problems:#?}");
    assert!(at_path[0].message.contains(words), "at {path}: {:?} should contain {words:?}", at_path[0].message);
}

fn item_index(programme: &Value, id: &str) -> usize {
    programme["items"].as_array().unwrap().iter().position(|i| i["id"] == id).unwrap()
}

// ------------------------------------------------------------------ shipped data

#[test]
fn shipped_programme_is_valid_and_holds_the_seed_facts() {
    let programme: Programme = parse(&shipped("programme-2023.json")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(programme.edition.year, 2023);
    assert_eq!(programme.edition.status, "Programme annoncé le 26 juillet 2023, alors « en cours de construction »");
    let dates: Vec<String> = programme.days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(dates, ["2023-10-18", "2023-10-19", "2023-10-20"]);

    let evening = programme.items.iter().find(|i| i.id == "grande-soiree").unwrap();
    assert_eq!(evening.start.unwrap().to_rfc3339(), "2023-10-19T19:00:00+02:00");
    assert_eq!(evening.end.unwrap().to_rfc3339(), "2023-10-20T01:00:00+02:00");
    let lunch = programme.items.iter().find(|i| i.id == "dejeuner-cloture").unwrap();
    assert_eq!(lunch.access, Access::Free);

    let invitation_only = programme.items.iter().filter(|i| i.access == Access::InvitationOnly).count();
    assert_eq!(invitation_only, 3, "the three off-day gatherings");
    assert!(
        programme.items.iter().filter(|i| i.access == Access::InvitationOnly).all(|i| i.speakers.is_empty()),
        "the DINUM organises the off-day gatherings (« organisés par »): it is not their speaker"
    );
    let dinum: Vec<&str> =
        programme.items.iter().filter(|i| i.id.starts_with("dinum-")).map(|i| i.access.label(nec_data::locale::Lang::Fr)).collect();
    assert_eq!(dinum, ["Non précisé par les sources"; 3], "no text says who may attend the DINUM's presentations");
    let cocktail = programme.items.iter().find(|i| i.id == "cocktail-jeudi").unwrap();
    assert_eq!(programme.place_of(cocktail), None, "no text says where the cocktail is");
    assert_eq!(programme.registration.disagreements[0].accounts.len(), 2, "« réservé aux agents publics » and « accès à tous et toutes »");
    let welcomes: Vec<String> = programme
        .items
        .iter()
        .filter(|i| i.title == "Accueil NEC")
        .filter_map(|i| programme.namesake_day(i))
        .map(|d| d.to_string())
        .collect();
    assert_eq!(welcomes, ["2023-10-19", "2023-10-20"], "two welcomes, told apart by their day");
    assert_eq!(programme.namesake_day(evening), None, "a title of its own needs no day");

    let communs = programme.theme("communs-souverainete").unwrap();
    assert_eq!(
        communs.lead_partner.as_ref().map(|t| t.as_str()),
        Some("la DINUM"),
        "« la DINUM portera spécifiquement l’une des 5 thématiques »"
    );
    assert_eq!(programme.themes.len(), 5);
    let durations: Vec<(&str, &[u32])> = programme.formats.iter().map(|f| (f.id.as_str(), f.durations_minutes.as_slice())).collect();
    assert_eq!(
        durations,
        [("atelier", &[90, 180][..]), ("pitch", &[60][..]), ("pleniere", &[60][..]), ("masterclass", &[90][..]), ("retex", &[45][..])]
    );
    assert_eq!(programme.venue.transport, ["Tram C", "Tram D"]);
    assert_eq!(programme.registration.links.len(), 2);
    assert_eq!(programme.meals.len(), 2);
}

#[test]
fn shipped_editions_keep_both_accounts_of_2021_and_every_figure_has_a_source() {
    let file: EditionsFile = parse(&shipped("editions.json")).unwrap_or_else(|e| panic!("{e}"));
    let years: Vec<i32> = file.editions.iter().map(|e| e.year).collect();
    assert_eq!(years, [2018, 2019, 2020, 2021, 2022, 2023]);
    let cities: Vec<&str> = file.editions.iter().map(|e| e.city()).collect();
    assert_eq!(cities, ["Nantes", "Marseille", "Lyon", "Sud Charente", "Lens", "Bordeaux"]);

    let e2021 = &file.editions[3];
    let places: Vec<&str> = e2021.locations.iter().map(|l| l.city.as_str()).collect();
    assert_eq!(places, ["Sud Charente", "Angoulême"]);
    assert_ne!(e2021.locations[0].sources, e2021.locations[1].sources);

    let e2022 = &file.editions[4];
    assert_eq!(e2022.figure(Metric::Attendees).unwrap().value, 1800);
    assert_eq!(e2022.figure(Metric::OnlineViewers).unwrap().value, 6000);
    assert_eq!(e2022.dates.as_ref().unwrap().start.to_string(), "2022-09-28");
    assert!(file.editions[2].figure(Metric::Attendees).is_none(), "2020 was online only");

    let local = &file.local_editions;
    let value = |metric| local.figures.iter().find(|f| f.metric == metric).unwrap().value;
    assert_eq!((value(Metric::Cities), value(Metric::Participants)), (22, 2000));
}

#[test]
fn shipped_charter_has_five_engagements_once_each_and_the_licence() {
    let charter: Charter = parse(&shipped("charter.json")).unwrap_or_else(|e| panic!("{e}"));
    let numbers: Vec<u32> = charter.engagements.iter().map(|e| e.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    assert_eq!(charter.engagements[4].title, "Miser sur des écosystèmes numériques frugaux et responsables");
    assert_eq!(charter.licence.name, "CC BY-SA 4.0 FR");
    assert_eq!(charter.licence.engagement, 3);
}

// ------------------------------------------------------------------ bad programmes

#[test]
fn duplicate_item_id_is_reported_at_the_repeat() {
    let mut p = shipped_value("programme-2023.json");
    let first = p["items"][0]["id"].clone();
    p["items"][1]["id"] = first;
    assert_problem(&problems_of::<Programme>(&p), "$.items[1]", "l’identifiant « off-beta-tour » est déjà utilisé");
}

#[test]
fn unknown_theme_and_format_references_are_reported() {
    let mut p = shipped_value("programme-2023.json");
    let i = item_index(&p, "pleniere-jeudi");
    p["items"][i]["theme"] = json!("astrologie");
    p["items"][i]["format"] = json!("concert");
    let problems = problems_of::<Programme>(&p);
    assert_problem(&problems, &format!("$.items[{i}].theme"), "la thématique « astrologie » n’existe pas");
    assert_problem(&problems, &format!("$.items[{i}].format"), "le format « concert » n’existe pas");
}

#[test]
fn end_before_start_is_reported() {
    let mut p = shipped_value("programme-2023.json");
    let i = item_index(&p, "dejeuner-cloture");
    p["items"][i]["end"] = json!("2023-10-20T12:00:00+02:00");
    assert_problem(&problems_of::<Programme>(&p), &format!("$.items[{i}].end"), "n’est pas après le début");
}

#[test]
fn item_outside_the_edition_days_is_reported() {
    let mut p = shipped_value("programme-2023.json");
    let i = item_index(&p, "accueil-vendredi");
    p["items"][i]["start"] = json!("2023-11-02T09:00:00+01:00");
    let problems = problems_of::<Programme>(&p);
    assert!(problems.iter().any(|pb| pb.path == format!("$.items[{i}].start") && pb.message.contains("en dehors des journées")));
    assert!(problems.iter().any(|pb| pb.message.contains("ne tombe pas le 2023-10-20")), "{problems:#?}");
}

/// Found by crates/nec-data/tests/fuzz.rs: on chrono's last date (+262142-12-31) there is no "day after the
/// last day" to bound the edition, and the validation panicked instead of reporting.
#[test]
fn a_day_on_the_last_representable_date_is_reported_not_a_panic() {
    let mut p = shipped_value("programme-2023.json");
    p["days"][0]["date"] = json!("+262142-12-31");
    assert_problem(&problems_of::<Programme>(&p), "$.days[0].date", "le +262142-12-31 ne tombe pas en 2023");

    // The edition moved wholesale to that year is coherent, hence valid.
    let mut p = shipped_value("programme-2023.json");
    p["edition"]["year"] = json!(262_142);
    p["days"] = json!([{ "date": "+262142-12-31", "kind": "main", "title": "Dernier jour", "sources": ["001_a3c5aaa8cae7ab30.txt"] }]);
    p["meals"] = json!([]);
    p["items"] = json!([{
        "id": "fin", "title": "Fin", "kind": "session", "day": "+262142-12-31", "start": "+262142-12-31T23:59:59Z",
        "description": "La dernière seconde.", "access": "free", "sources": ["001_a3c5aaa8cae7ab30.txt"]
    }]);
    assert_eq!(problems_of::<Programme>(&p), []);
}

#[test]
fn unknown_day_is_reported() {
    let mut p = shipped_value("programme-2023.json");
    p["items"][0]["day"] = json!("2023-10-21");
    assert_problem(&problems_of::<Programme>(&p), "$.items[0].day", "le 2023-10-21 n’est pas une journée du programme");
}

#[test]
fn http_and_javascript_links_are_refused() {
    let mut p = shipped_value("programme-2023.json");
    p["registration"]["links"][0]["url"] = json!("http://numerique-en-communs.fr/vous-inscrire/");
    p["registration"]["links"][1]["url"] = json!("javascript:alert(1)");
    let problems = problems_of::<Programme>(&p);
    assert_problem(&problems, "$.registration.links[0].url", "doit être une adresse https:// complète");
    assert_problem(&problems, "$.registration.links[1].url", "« javascript:alert(1) »");
}

#[test]
fn empty_required_text_is_reported() {
    let mut p = shipped_value("programme-2023.json");
    p["items"][0]["title"] = json!("   ");
    p["venue"]["address"] = json!("");
    let problems = problems_of::<Programme>(&p);
    assert_problem(&problems, "$.items[0].title", "le texte est vide");
    assert_problem(&problems, "$.venue.address", "le texte est vide");
}

#[test]
fn a_source_is_cited_for_a_reader_never_by_its_file_name() {
    let mut p = shipped_value("programme-2023.json");
    p["sources"][0]["citation"] = json!({ "fr": "voir 000_22f8608ab421fdf8.txt", "en": "see the file" });
    p["sources"][1]["citation"] = json!("  ");
    let problems = problems_of::<Programme>(&p);
    assert_problem(&problems, "$.sources[0].citation", "pas le nom du fichier");
    assert_problem(&problems, "$.sources[1].citation", "le texte est vide");
    p["sources"][1].as_object_mut().unwrap().remove("citation");
    assert!(matches!(parse::<Programme>(&p.to_string()), Err(DataError::Unreadable(_))), "a source without citation is refused");
}

#[test]
fn undeclared_source_is_reported() {
    let mut p = shipped_value("programme-2023.json");
    p["items"][2]["sources"] = json!(["999_inconnu.txt"]);
    assert_problem(&problems_of::<Programme>(&p), "$.items[2].sources[0]", "la source « 999_inconnu.txt » n’est pas déclarée");
}

#[test]
fn a_time_without_a_day_and_an_end_without_a_start_are_reported() {
    let mut p = shipped_value("programme-2023.json");
    let dated = item_index(&p, "accueil-jeudi");
    p["items"][dated].as_object_mut().unwrap().remove("day");
    let undated = item_index(&p, "dinum-startups-etat");
    p["items"][undated]["end"] = json!("2023-10-19T15:00:00+02:00");
    let problems = problems_of::<Programme>(&p);
    assert_problem(&problems, &format!("$.items[{dated}].day"), "doit avoir une journée");
    assert_problem(&problems, &format!("$.items[{undated}].start"), "une heure de fin est donnée sans heure de début");
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let mut p = shipped_value("programme-2023.json");
    for item in p["items"].as_array_mut().unwrap() {
        item["description"] = json!("");
    }
    let count = p["items"].as_array().unwrap().len();
    let problems = problems_of::<Programme>(&p);
    assert_eq!(problems.len(), count, "{problems:#?}");
    assert!(problems.iter().all(|pb| pb.path.ends_with(".description")));
}

#[test]
fn wrong_type_is_reported_with_its_path() {
    let mut p = shipped_value("programme-2023.json");
    p["items"][3]["start"] = json!(42);
    let Err(DataError::Unreadable(problem)) = parse::<Programme>(&p.to_string()) else { panic!("accepted a number as a time") };
    assert_eq!(problem.path, "$.items[3].start");
    assert!(problem.message.starts_with("valeur inattendue"), "{problem}");
}

#[test]
fn time_without_offset_is_refused() {
    let mut p = shipped_value("programme-2023.json");
    p["items"][3]["start"] = json!("2023-10-19T09:00:00");
    let Err(DataError::Unreadable(problem)) = parse::<Programme>(&p.to_string()) else { panic!("accepted a time without offset") };
    assert_eq!(problem.path, "$.items[3].start");
}

#[test]
fn truncated_files_are_not_json() {
    let text = shipped("programme-2023.json");
    for broken in [&text[..text.len() / 2], "", "   "] {
        let Err(DataError::Unreadable(problem)) = parse::<Programme>(broken) else { panic!("accepted {broken:.20}") };
        assert_eq!(problem.path, "$");
        assert!(problem.message.starts_with("le fichier n’est pas du JSON valide (ligne"), "{problem}");
    }
}

#[test]
fn an_html_page_is_recognised_as_such() {
    for page in ["<!DOCTYPE html><html lang=\"fr\"></html>", "\u{feff}\n  <html><body>Erreur</body></html>", "<?xml version=\"1.0\"?>"] {
        let error = parse::<Programme>(page).expect_err("accepted a web page");
        assert_eq!(error, DataError::Html);
        assert_eq!(
            error.problems(),
            [Problem { path: "$".into(), message: "le fichier est une page web (HTML), pas des données JSON".into() }]
        );
    }
}

#[test]
fn a_file_over_one_mebibyte_is_refused_unread() {
    let text = shipped("programme-2023.json");
    let padded = |size: usize| {
        let at = text.find("\"title\": \"").unwrap() + "\"title\": \"".len();
        format!("{}{}{}", &text[..at], "x".repeat(size - text.len()), &text[at..])
    };
    assert!(parse::<Programme>(&padded(MAX_FILE_BYTES)).is_ok(), "exactly the maximum is accepted");
    let error = parse::<Programme>(&padded(5 * 1024 * 1024)).expect_err("accepted 5 Mio");
    assert_eq!(error, DataError::TooLarge(5 * 1024 * 1024));
    assert_eq!(error.to_string(), "$ : le fichier pèse 5,0 Mio, plus que le maximum accepté (1,0 Mio)");
    // Even when it is not JSON at all: the size is checked first.
    assert_eq!(parse::<Programme>(&"<".repeat(MAX_FILE_BYTES + 1)).err(), Some(DataError::TooLarge(MAX_FILE_BYTES + 1)));
}

#[test]
fn unknown_field_is_reported() {
    let mut p = shipped_value("programme-2023.json");
    p["venue"]["parking"] = json!("oui");
    let Err(DataError::Unreadable(problem)) = parse::<Programme>(&p.to_string()) else { panic!("accepted an unknown field") };
    assert_eq!(problem.path, "$.venue.parking");
    assert!(problem.message.contains("unknown field"), "{problem}");
}

#[test]
fn bad_contact_email_is_reported() {
    let mut p = shipped_value("programme-2023.json");
    p["days"][0]["contact_email"] = json!("communication at dinum");
    assert_problem(&problems_of::<Programme>(&p), "$.days[0].contact_email", "n’est pas une adresse électronique");
}

// ------------------------------------------------------------------ bad charter and editions

#[test]
fn charter_with_a_repeated_engagement_or_a_licence_pointing_nowhere_is_reported() {
    let mut c = shipped_value("charter.json");
    c["engagements"][4]["number"] = json!(4);
    c["licence"]["engagement"] = json!(9);
    c["licence"]["url"] = json!("http://creativecommons.org/licenses/by-sa/4.0/");
    let problems = problems_of::<Charter>(&c);
    assert_problem(&problems, "$.engagements[4]", "l’identifiant « 4 » est déjà utilisé");
    assert_problem(&problems, "$.licence.engagement", "l’engagement n°9 n’existe pas");
    assert_problem(&problems, "$.licence.url", "https://");
}

#[test]
fn editions_with_a_repeated_year_a_zero_figure_or_reversed_dates_are_reported() {
    let mut e = shipped_value("editions.json");
    e["editions"][1]["year"] = json!(2018);
    e["editions"][0]["figures"][0]["value"] = json!(0);
    e["editions"][4]["dates"]["end"] = json!("2022-09-01");
    e["editions"][5]["figures"][1]["source"] = json!("inconnu.txt");
    let problems = problems_of::<EditionsFile>(&e);
    assert_problem(&problems, "$.editions[1]", "l’identifiant « 2018 » est déjà utilisé");
    assert_problem(&problems, "$.editions[0].figures[0].value", "ne peut pas être zéro");
    assert_problem(&problems, "$.editions[4].dates.end", "la date de fin précède la date de début");
    assert_problem(&problems, "$.editions[5].figures[1].source", "la source « inconnu.txt » n’est pas déclarée");
}

// ------------------------------------------------------------------ derived files and schemas

fn data_dir() -> std::path::PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("public/data")
}

#[test]
fn derived_files_are_up_to_date() {
    for file in nec_data::export::derived_files(&data_dir()).unwrap() {
        let on_disk = std::fs::read_to_string(data_dir().join(&file.path)).unwrap_or_default();
        assert!(on_disk == file.content, "public/data/{} is stale: run `cargo run --bin nec-data -- export public/data`", file.path);
    }
}

#[test]
fn generated_schemas_accept_the_shipped_data_and_refuse_bad_data() {
    let schema = |name: &str| {
        let text = std::fs::read_to_string(data_dir().join("schemas").join(name)).unwrap();
        jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
    };
    for (data, schema_name) in [
        ("editions.json", "editions.schema.json"),
        ("charter.json", "charter.schema.json"),
        ("programme-2023.json", "programme.schema.json"),
        ("catalogue.json", "catalogue.schema.json"),
    ] {
        let validator = schema(schema_name);
        let errors: Vec<String> = validator.iter_errors(&shipped_value(data)).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{data} against {schema_name}: {errors:#?}");
    }
    let programme = schema("programme.schema.json");
    let mut wrong = shipped_value("programme-2023.json");
    wrong["items"][0]["access"] = json!("vip");
    assert!(!programme.is_valid(&wrong), "unknown access value");
    let mut extra = shipped_value("charter.json");
    extra["engagements"][0]["couleur"] = json!("bleu");
    assert!(!schema("charter.schema.json").is_valid(&extra), "unknown field");
}

#[test]
fn the_csv_has_a_row_per_figure_of_editions_json() {
    let csv = std::fs::read_to_string(data_dir().join("editions-chiffres.csv")).unwrap();
    let editions = shipped_value("editions.json");
    let figures: usize = editions["editions"].as_array().unwrap().iter().map(|e| e["figures"].as_array().unwrap().len()).sum::<usize>()
        + editions["local_editions"]["figures"].as_array().unwrap().len();
    assert_eq!(csv.lines().count(), figures + 1);
    assert!(csv.starts_with("annee,edition,ville,indicateur,qualificatif,valeur,libelle,source\r\n"));
    assert!(csv.contains(",plus de,1000,") && csv.contains(",environ,20,"), "approximations stay approximate: {csv}");
    assert!(csv.contains("Angoulême"), "both accounts of the 2021 place: {csv}");
}

#[test]
fn an_approximation_is_said_by_the_qualifier_not_the_label() {
    let mut e = shipped_value("editions.json");
    e["local_editions"]["figures"][0]["label"] = json!("acteurs locaux (« une vingtaine »)");
    assert_problem(&problems_of::<EditionsFile>(&e), "$.local_editions.figures[0].label", "dites-le par « qualifier »");
    e["local_editions"]["figures"][0]["qualifier"] = json!("roughly");
    assert!(matches!(parse::<EditionsFile>(&e.to_string()), Err(DataError::Unreadable(_))), "an unknown qualifier is refused");
}

#[test]
fn a_disagreement_has_two_accounts_each_with_its_source() {
    let mut p = shipped_value("programme-2023.json");
    p["registration"]["disagreements"][0]["accounts"].as_array_mut().unwrap().pop();
    p["registration"]["disagreements"][0]["accounts"][0]["sources"] = json!([]);
    let problems = problems_of::<Programme>(&p);
    assert_problem(&problems, "$.registration.disagreements[0].accounts", "au moins deux versions");
    assert_problem(&problems, "$.registration.disagreements[0].accounts[0].sources", "aucune source");
}

// ------------------------------------------------------------------ the nec-data command

fn nec_data(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_nec-data")).args(args).output().expect("runs nec-data");
    let text = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap_or(-1), text)
}

#[test]
fn nec_data_accepts_the_shipped_data() {
    let dir = concat!(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."), "/public/data");
    let (code, output) = nec_data(&["check", dir]);
    assert_eq!(code, 0, "{output}");
    assert!(output.contains("Données valides : 5 fichiers vérifiés."), "{output}");
}

/// Writes `files` to a fresh folder, runs `nec-data check` on it, and removes it.
fn nec_data_on(files: &[(&str, String)]) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("nec-data-{}-{}", std::process::id(), files[0].0));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let result = nec_data(&["check", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    result
}

#[test]
fn nec_data_reports_every_problem_with_file_and_path_and_fails() {
    let mut p = shipped_value("programme-2023.json");
    p["edition"]["year"] = json!(2031);
    p["items"][0]["links"] = json!([{ "label": "x", "url": "http://example.org" }]);
    let (code, output) = nec_data_on(&[
        ("programme-2031.json", p.to_string()),
        ("editions.json", shipped("editions.json")),
        ("charter.json", "{\"title\": ".to_owned()),
    ]);
    assert_eq!(code, 1, "{output}");
    assert!(output.contains("charter.json: $ : le fichier n’est pas du JSON valide (ligne 1, colonne 10)"), "{output}");
    assert!(output.contains("programme-2031.json: $.items[0].links[0].url : le lien « http://example.org »"), "{output}");
    assert!(output.contains("programme-2031.json: $.days[0].date : le 2023-10-18 ne tombe pas en 2031"), "{output}");
    assert!(output.contains("editions.json: $.editions[5].programme : le fichier programme-2023.json est introuvable"), "{output}");
    assert!(output.contains("6 problèmes trouvés."), "{output}");
}

#[test]
fn nec_data_checks_that_a_programme_belongs_to_an_edition() {
    let mut e = shipped_value("editions.json");
    e["editions"].as_array_mut().unwrap().pop();
    e["current"] = json!(2022);
    e["editions"][4]["programme"] = json!("programme-2023.json");
    let (code, output) = nec_data_on(&[
        ("programme-2023.json", shipped("programme-2023.json")),
        ("editions.json", e.to_string()),
        ("charter.json", shipped("charter.json")),
    ]);
    assert_eq!(code, 1, "{output}");
    assert!(output.contains("programme-2023.json: $.edition.year : l’édition 2023 est absente de editions.json"), "{output}");
    assert!(output.contains("$.editions[4].programme : programme-2023.json est le programme de 2023, pas de 2022"), "{output}");
}

#[test]
fn nec_data_checks_single_files_named_after_their_kind() {
    let dir = std::env::temp_dir().join(format!("nec-data-{}-single", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut c = shipped_value("charter.json");
    c["licence"]["url"] = json!("http://creativecommons.org/licenses/by-sa/4.0/deed.fr");
    let files = [
        ("charter-http-link.json", c.to_string()),
        ("editions-copy.json", shipped("editions.json")),
        ("programme-essai.json", "<!doctype html>".to_owned()),
        ("programme.json", shipped("programme-2023.json")),
        ("chartes.json", shipped("charter.json")),
    ];
    for (name, text) in &files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let paths: Vec<String> = files.iter().map(|(name, _)| dir.join(name).display().to_string()).collect();
    let (code, output) = nec_data(&[&["check"], paths.iter().map(String::as_str).collect::<Vec<_>>().as_slice()].concat());
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 1, "{output}");
    assert!(output.contains("charter-http-link.json: $.licence.url : le lien « http://creativecommons.org"), "{output}");
    assert!(!output.contains("editions-copy.json"), "a valid editions file under another name: {output}");
    assert!(output.contains("programme-essai.json: $ : le fichier est une page web (HTML), pas des données JSON"), "{output}");
    assert!(output.contains("programme.json: $ : nom de fichier inconnu"), "a programme needs its year: {output}");
    assert!(output.contains("chartes.json: $ : nom de fichier inconnu"), "{output}");
    assert!(output.contains("4 problèmes trouvés."), "{output}");
}

#[test]
fn nec_data_without_arguments_prints_its_usage() {
    let (code, output) = nec_data(&[]);
    assert_eq!(code, 2);
    assert!(output.contains("usage : nec-data check"));
}

// ------------------------------------------------------------------ translations (issue 10)

#[test]
fn a_text_may_carry_its_english_and_the_checks_see_both_forms() {
    let mut p = shipped_value("programme-2023.json");
    p["items"][0]["title"] = serde_json::json!({ "fr": "Plénière d’ouverture", "en": "Opening plenary" });
    p["themes"][0]["name"] = serde_json::json!({ "fr": "Données & territoire" });
    assert_eq!(problems_of::<Programme>(&p), [], "both forms are valid");
    let parsed: Programme = parse(&p.to_string()).expect("valid");
    assert_eq!(parsed.items[0].title.en.as_deref(), Some("Opening plenary"));
    assert_eq!(&*parsed.items[0].title, "Plénière d’ouverture", "French stays the reference");

    // The French is required and checked as before; a typo in a key or an empty English is reported at its path.
    p["items"][0]["title"] = serde_json::json!({ "fr": " ", "en": "Opening plenary" });
    assert_problem(&problems_of::<Programme>(&p), "$.items[0].title", "le texte est vide");
    p["items"][0]["title"] = serde_json::json!({ "fr": "Plénière", "eng": "Plenary" });
    assert!(
        problems_of::<Programme>(&p).iter().any(|e| e.path.starts_with("$.items[0].title") && e.message.contains("eng")),
        "{:#?}",
        problems_of::<Programme>(&p)
    );
    p["items"][0]["title"] = serde_json::json!({ "en": "Plenary" });
    assert!(
        problems_of::<Programme>(&p).iter().any(|e| e.path.starts_with("$.items[0].title") && e.message.contains("fr")),
        "{:#?}",
        problems_of::<Programme>(&p)
    );
}

// ---------------------------------------------------------------- English content (issue 25)

/// Data texts that stay French on English pages, shown in `lang="fr"`: proper names of bodies,
/// services and places. Any other text (`model::Text`) a data file holds needs its `en`.
const FRENCH_NAMES: &[&str] = &[
    "Agence nationale de la cohésion des territoires (ANCT)",
    "Bordeaux Métropole",
    "la Mednum",
    "CNNum",
    "Opendata France",
    "IGN",
    "DINUM",
    "Banque des Territoires",
    "Tchap",
    "Démarches Simplifiées",
    "Château de la Mercerie",
    "Stade Bollaert",
    "Palais de la Bourse",
    "CC BY-SA 4.0 FR",
];

/// Every `Text` of `value` (found through the file's JSON Schema, so a new text field is covered
/// the day it is added) with no English translation: (JSON path, French).
fn untranslated(value: &Value, schema: &Value, defs: &Value, path: &str, out: &mut Vec<(String, String)>, seen: &mut usize) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        if name == "Text" {
            *seen += 1;
            match value {
                Value::String(fr) => out.push((path.to_owned(), fr.clone())),
                Value::Object(text) if text.get("en").is_none() => {
                    out.push((path.to_owned(), text["fr"].as_str().unwrap_or_default().to_owned()))
                }
                _ => {}
            }
            return;
        }
        return untranslated(value, &defs[name], defs, path, out, seen);
    }
    if value.is_null() {
        return;
    }
    if let Some(branches) = schema.get("anyOf").or_else(|| schema.get("oneOf")).and_then(Value::as_array) {
        for branch in branches.iter().filter(|b| b.get("$ref").is_some()) {
            untranslated(value, branch, defs, path, out, seen);
        }
    }
    if let (Some(properties), Some(object)) = (schema.get("properties").and_then(Value::as_object), value.as_object()) {
        for (key, sub) in properties {
            if let Some(inner) = object.get(key) {
                untranslated(inner, sub, defs, &format!("{path}.{key}"), out, seen);
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, inner) in array.iter().enumerate() {
            untranslated(inner, items, defs, &format!("{path}[{i}]"), out, seen);
        }
    }
}

#[test]
fn every_data_text_an_english_page_shows_is_translated_or_a_proper_name() {
    let mut names_used: std::collections::BTreeSet<&&str> = std::collections::BTreeSet::new();
    for (file, schema) in
        [("programme-2023.json", "programme"), ("editions.json", "editions"), ("charter.json", "charter"), ("catalogue.json", "catalogue")]
    {
        let schema = shipped_value(&format!("schemas/{schema}.schema.json"));
        let (mut missing, mut seen) = (Vec::new(), 0);
        untranslated(&shipped_value(file), &schema, &schema["$defs"], "$", &mut missing, &mut seen);
        assert!(seen >= 4, "{file}: only {seen} texts found: the schema walk is broken");
        let missing: Vec<_> = missing
            .into_iter()
            .filter(|(_, fr)| {
                let name = FRENCH_NAMES.iter().find(|n| **n == fr.as_str());
                names_used.extend(name);
                name.is_none()
            })
            .collect();
        assert!(missing.is_empty(), "{file}: texts with no \"en\" translation, and not a listed proper name: {missing:#?}");
    }
    let unused: Vec<_> = FRENCH_NAMES.iter().filter(|n| !names_used.contains(n)).collect();
    assert!(unused.is_empty(), "proper names listed but no longer in the data: {unused:?}");
}

#[test]
fn a_translation_is_never_the_french_text_left_as_is() {
    // `"en": "Tram C"` is a translation that happens to be the same; a whole French sentence is not.
    for file in ["programme-2023.json", "editions.json", "charter.json", "catalogue.json"] {
        let text = shipped(file);
        let value: Value = serde_json::from_str(&text).unwrap();
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Object(o) => {
                    if let (Some(Value::String(fr)), Some(Value::String(en))) = (o.get("fr"), o.get("en")) {
                        assert!(fr != en || !fr.contains(' ') || fr.len() < 8, "{file}: « {fr} » is not translated");
                        assert!(!en.contains('«') && !en.contains(" :"), "{file}: French marks in the English « {en} »");
                    }
                    stack.extend(o.values());
                }
                Value::Array(a) => stack.extend(a),
                _ => {}
            }
        }
    }
}
