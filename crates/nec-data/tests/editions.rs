//! Editions as data (issue 21): `editions.json` says which edition is current and names each
//! edition's programme file. Publishing a new programme is a data file and an entry, checked by
//! `nec-data`, with no Rust change: proved here with a SYNTHETIC edition, 2099
//! (tests/fixtures/edition-2099/, made up for tests, never shipped).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Value};

const FIXTURE: &str = concat!(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."), "/tests/fixtures/edition-2099");
const SHIPPED: &str = concat!(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."), "/public/data");

fn nec_data(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_nec-data")).args(args).output().expect("runs nec-data");
    let text = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap_or(-1), text)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().map(Result::unwrap) {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The shipped data, with `change` applied to its editions.json, in a fresh folder.
fn data_with(name: &str, change: impl FnOnce(&mut Value, &Path)) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nec-editions-{}-{name}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    copy_dir(Path::new(SHIPPED), &dir);
    let mut editions: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("editions.json")).unwrap()).unwrap();
    change(&mut editions, &dir);
    std::fs::write(dir.join("editions.json"), serde_json::to_string_pretty(&editions).unwrap()).unwrap();
    dir
}

/// What an organiser does to publish the synthetic 2099 programme: its file beside the others,
/// its edition in editions.json (with its source), and 2099 made current.
fn publish_2099(editions: &mut Value, dir: &Path) {
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(Path::new(FIXTURE).join("edition-2099.json")).unwrap()).unwrap();
    editions["sources"].as_array_mut().unwrap().push(fixture["source"].clone());
    editions["editions"].as_array_mut().unwrap().push(fixture["edition"].clone());
    editions["current"] = json!(2099);
    std::fs::copy(Path::new(FIXTURE).join("programme-2099-synthetique.json"), dir.join("programme-2099-synthetique.json")).unwrap();
}

#[test]
fn a_new_edition_is_published_with_data_only_and_passes_nec_data_check() {
    let dir = data_with("publish", publish_2099);
    let path = dir.to_str().unwrap();
    let (code, output) = nec_data(&["check", path]);
    assert_eq!(code, 1, "the derived files are stale until exported: {output}");
    assert!(output.contains("fichier dérivé absent ou périmé"), "{output}");
    let (code, output) = nec_data(&["export", path]);
    assert_eq!(code, 0, "{output}");
    let (code, output) = nec_data(&["check", path]);
    assert_eq!(code, 0, "{output}");
    assert!(output.contains("Données valides : 6 fichiers vérifiés."), "{output}");
    let catalogue = std::fs::read_to_string(dir.join("catalogue.json")).unwrap();
    assert!(catalogue.contains("\"path\": \"programme-2099-synthetique.json\""), "{catalogue}");
    assert!(catalogue.contains("Le programme 2099 :") && catalogue.contains("Le programme 2023 :"), "{catalogue}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_site_heads_and_sitemap_follow_the_current_edition() {
    let dir = data_with("site", publish_2099);
    let out = dir.join("built");
    std::fs::create_dir_all(&out).unwrap();
    let pages = json!([
        { "route": "/programme", "title": "Programme 2099" },
        { "route": "/programme/ouverture-synthetique", "title": "Ouverture synthétique 2099" },
        { "route": "/editions/2099/programme", "title": "Programme 2099" },
        { "route": "/editions/2023/programme", "title": "Programme 2023" },
        { "route": "/en/editions/2023/programme/grande-soiree", "title": "NEC evening party" },
    ]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_nec-data"))
        .args(["site", dir.to_str().unwrap(), out.to_str().unwrap()])
        .env("NEC_SITE_ORIGIN", "https://nec-web.invalid")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), pages.to_string().as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let result: Value = serde_json::from_slice(&output.stdout).unwrap();
    let head = |route: &str| result["heads"][route].as_str().unwrap().to_owned();
    let canonical = |route: &str| format!(r#"<link rel="canonical" href="https://nec-web.invalid{route}">"#);

    assert!(head("/programme").contains("Programme 2099 de Numérique en Commun[s] à Villesynthétique"), "{}", head("/programme"));
    assert!(head("/programme").contains(&canonical("/programme")));
    assert!(head("/editions/2099/programme").contains(&canonical("/programme")), "the current edition's stays canonical at /programme");
    let past = head("/editions/2023/programme");
    assert!(past.contains("Programme 2023 de Numérique en Commun[s] à Bordeaux"), "{past}");
    assert!(past.contains(&canonical("/editions/2023/programme")), "{past}");
    let party = head("/en/editions/2023/programme/grande-soiree");
    assert!(party.contains(&canonical("/en/editions/2023/programme/grande-soiree")), "{party}");
    assert!(party.contains("Numérique en Commun[s] 2023 programme, Bordeaux") || party.contains("NEC evening party"), "{party}");

    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://nec-web.invalid/editions/2023/programme</loc>"), "{sitemap}");
    assert!(sitemap.contains("<loc>https://nec-web.invalid/editions/2023/programme/grande-soiree</loc>"), "{sitemap}");
    assert!(sitemap.contains("<loc>https://nec-web.invalid/programme</loc>"), "{sitemap}");
    assert!(!sitemap.contains("/editions/2099/programme"), "a page canonical elsewhere is not listed: {sitemap}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn nec_data_says_when_the_current_edition_or_a_programme_file_is_wrong() {
    type Change = fn(&mut Value, &Path);
    let cases: [(&str, Change, &str); 5] = [
        ("absent", |e, _| e["current"] = json!(2100), "$.current : l’édition courante 2100 est absente de la liste des éditions"),
        ("sans-programme", |e, _| e["current"] = json!(2022), "$.current : l’édition courante 2022 n’a pas de programme"),
        (
            "introuvable",
            |e, _| e["editions"][5]["programme"] = json!("programme-2023-bis.json"),
            "$.editions[5].programme : le fichier programme-2023-bis.json est introuvable à côté de editions.json",
        ),
        ("chemin", |e, _| e["editions"][5]["programme"] = json!("../programme-2023.json"), "n’est pas un nom de programme"),
        (
            "autre-annee",
            |e, _| e["editions"][4]["programme"] = json!("programme-2023.json"),
            "$.editions[4].programme : programme-2023.json est le programme de 2023, pas de 2022",
        ),
    ];
    for (name, change, message) in cases {
        let dir = data_with(name, change);
        let (code, output) = nec_data(&["check", dir.to_str().unwrap()]);
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(code, 1, "{name}: {output}");
        assert!(output.contains(message), "{name}: {output}");
    }
}

#[test]
fn the_shipped_data_names_2023_current_with_its_programme() {
    let editions: nec_data::model::EditionsFile =
        nec_data::load::parse(&std::fs::read_to_string(Path::new(SHIPPED).join("editions.json")).unwrap()).unwrap();
    assert_eq!(editions.current, 2023);
    assert_eq!(editions.programme_file(None), Some((2023, "programme-2023.json")));
    assert_eq!(editions.programmes().collect::<Vec<_>>(), [(2023, "programme-2023.json")]);
}
