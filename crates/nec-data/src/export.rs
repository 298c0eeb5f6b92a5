//! Files derived from the data, generated natively by `nec-data export` and committed: the
//! JSON Schemas (from the Rust types, by schemars), the CSV of edition figures and the
//! catalogue the `/donnees` page lists, and each item's calendar revision (`calendriers.json`,
//! crates/nec-data/src/site/sequences.rs). A test keeps the committed copies up to date.

use std::path::Path;

use schemars::{schema_for, JsonSchema};

use crate::history::figures_csv;
use crate::load::parse;
use crate::model::{Catalogue, CatalogueFile, Charter, EditionsFile, Programme, SchemaFile};
use crate::site::sequences::{self, Ledger, LEDGER_PATH};

/// The data files and what they hold (French, then its English translation); each JSON file has a
/// schema named after its type.
const SOURCES: [(&str, (&str, &str), &str); 2] = [
    (
        "editions.json",
        (
            "Les éditions nationales depuis 2018 et les NEC locaux, avec leurs chiffres et leurs sources",
            "The national editions since 2018 and the local NECs, with their figures and their sources",
        ),
        "editions",
    ),
    (
        "charter.json",
        ("La charte de NEC : les cinq engagements et la licence", "The NEC charter: the five commitments and the licence"),
        "charter",
    ),
];
/// What a programme file holds, for its edition's year.
fn programme_title(year: i32) -> crate::model::Text {
    crate::model::Text {
        fr: format!("Le programme {year} : journées, éléments, thématiques, formats, lieu, inscription, repas, partenaires"),
        en: Some(format!("The {year} programme: days, items, themes, formats, venue, registration, meals, partners")),
    }
}
/// The CSV's title, French then English.
const CSV_TITLE: (&str, &str) = (
    "Tous les chiffres des éditions, une ligne par chiffre, avec sa source",
    "Every figure of the editions, one row per figure, with its source",
);

fn translated((fr, en): (&str, &str)) -> crate::model::Text {
    crate::model::Text { fr: fr.to_owned(), en: Some(en.to_owned()) }
}
pub const CSV_PATH: &str = "editions-chiffres.csv";
pub const CATALOGUE_PATH: &str = "catalogue.json";

/// A derived file: its path relative to the data folder and its content.
pub struct Derived {
    pub path: String,
    pub content: String,
}

fn schema_of<T: JsonSchema>() -> String {
    serde_json::to_string_pretty(&schema_for!(T)).unwrap_or_default() + "\n"
}

/// Every derived file, computed from the data folder as it is on disk.
pub fn derived_files(data_dir: &Path) -> Result<Vec<Derived>, String> {
    let read = |name: &str| std::fs::read_to_string(data_dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let editions: EditionsFile = parse(&read("editions.json")?).map_err(|e| format!("editions.json: {e}"))?;
    let charter: Charter = parse(&read("charter.json")?).map_err(|e| format!("charter.json: {e}"))?;

    let mut derived = vec![
        Derived { path: "schemas/editions.schema.json".into(), content: schema_of::<EditionsFile>() },
        Derived { path: "schemas/charter.schema.json".into(), content: schema_of::<Charter>() },
        Derived { path: "schemas/programme.schema.json".into(), content: schema_of::<Programme>() },
        Derived { path: "schemas/catalogue.schema.json".into(), content: schema_of::<Catalogue>() },
        Derived { path: CSV_PATH.into(), content: figures_csv(&editions) },
    ];
    // Each item's calendar revision, raised from the previous file where the item changed.
    // The calendars follow the current edition's programme.
    let (_, current) = editions.programme_file(None).ok_or("editions.json : l’édition courante n’a pas de programme")?;
    let programme: Programme = parse(&read(current)?).map_err(|e| format!("{current}: {e}"))?;
    let previous: Ledger = match std::fs::read_to_string(data_dir.join(LEDGER_PATH)) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| format!("{LEDGER_PATH}: {e}"))?,
        Err(_) => Ledger::default(),
    };
    derived.push(Derived { path: LEDGER_PATH.into(), content: sequences::to_json(&sequences::updated(&previous, &programme)) });
    let size_of_derived = |path: &str, derived: &[Derived]| derived.iter().find(|d| d.path == path).map_or(0, |d| d.content.len() as u64);

    let mut files = Vec::new();
    let programmes = editions.programmes().map(|(year, path)| (path, programme_title(year), "programme"));
    for (path, title, schema) in SOURCES.into_iter().map(|(path, title, schema)| (path, translated(title), schema)).chain(programmes) {
        let schema_path = format!("schemas/{schema}.schema.json");
        files.push(CatalogueFile {
            path: path.into(),
            title,
            media_type: "application/json".into(),
            bytes: read(path)?.len() as u64,
            schema: Some(SchemaFile { bytes: size_of_derived(&schema_path, &derived), path: schema_path }),
        });
    }
    files.push(CatalogueFile {
        path: CSV_PATH.into(),
        title: translated(CSV_TITLE),
        media_type: "text/csv".into(),
        bytes: size_of_derived(CSV_PATH, &derived),
        schema: None,
    });
    let catalogue =
        Catalogue { licence: crate::model::Link { label: charter.licence.name.as_str().into(), url: charter.licence.url }, files };
    derived.push(Derived {
        path: CATALOGUE_PATH.into(),
        content: serde_json::to_string_pretty(&catalogue).map_err(|e| e.to_string())? + "\n",
    });
    Ok(derived)
}
