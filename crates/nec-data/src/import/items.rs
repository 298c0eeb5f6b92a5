//! Spreadsheet rows -> programme items (`nec-data import`). The header, documented in
//! docs/publier-le-programme.md, names the columns in any order:
//!
//! `id;titre;nature;jour;debut;fin;format;thematique;description;intervenants;acces;sources;statut`
//! (+ `titre_en`, `description_en`). Required: `id`, `titre`, `nature`, `description`, `sources`.
//! Days `AAAA-MM-JJ` or `JJ/MM/AAAA`; times `9:00`, `09:00`, `9h00` or `9 h`, on Paris's clock (an
//! end before the start is the next day); lists separated by `|`.

use chrono::{NaiveDate, NaiveTime};

use super::csv::{decode, records, CsvError, Field};
use crate::filters::fold;
use crate::model::{dates, Access, Item, ItemKind, ItemStatus, Text};

/// Every column a file may have.
pub const COLUMNS: [&str; 15] = [
    "id",
    "titre",
    "titre_en",
    "nature",
    "jour",
    "debut",
    "fin",
    "format",
    "thematique",
    "description",
    "description_en",
    "intervenants",
    "acces",
    "sources",
    "statut",
];
const REQUIRED: [&str; 5] = ["id", "titre", "nature", "description", "sources"];

/// The items of a CSV file, each with its line; or every problem found, with line and column.
pub fn items_from_csv(bytes: &[u8]) -> Result<Vec<(usize, Item)>, Vec<CsvError>> {
    let text = decode(bytes);
    let rows = records(&text).map_err(|e| vec![e])?;
    let Some((header, rows)) = rows.split_first() else {
        return Err(vec![CsvError { line: 1, column: 0, message: "fichier vide : la première ligne doit nommer les colonnes".into() }]);
    };
    let mut errors = Vec::new();
    let names: Vec<String> = header.iter().map(|f| fold(f.text.trim())).collect();
    for (field, name) in header.iter().zip(&names) {
        if !COLUMNS.contains(&name.as_str()) {
            errors.push(at(field, format!("colonne inconnue « {} » ; colonnes possibles : {}", field.text.trim(), COLUMNS.join(", "))));
        } else if names.iter().filter(|n| *n == name).count() > 1 {
            errors.push(at(field, format!("la colonne « {name} » est donnée deux fois")));
        }
    }
    for required in REQUIRED.iter().filter(|r| !names.iter().any(|n| n == *r)) {
        errors.push(CsvError { line: 1, column: 0, message: format!("colonne obligatoire absente : « {required} »") });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut items = Vec::new();
    for row in rows {
        let line = row.first().map_or(0, |f| f.line);
        if row.len() != header.len() {
            errors.push(CsvError {
                line,
                column: 0,
                message: format!("{} champs au lieu de {} (un séparateur en trop ou en moins ?)", row.len(), header.len()),
            });
            continue;
        }
        let cell = |name: &str| names.iter().position(|n| n == name).map(|i| &row[i]);
        match item(&cell) {
            Ok(item) => items.push((line, item)),
            Err(mut problems) => errors.append(&mut problems),
        }
    }
    if errors.is_empty() {
        Ok(items)
    } else {
        Err(errors)
    }
}

fn at(field: &Field, message: String) -> CsvError {
    CsvError { line: field.line, column: field.column, message }
}

fn item<'a>(cell: &dyn Fn(&str) -> Option<&'a Field>) -> Result<Item, Vec<CsvError>> {
    let mut errors = Vec::new();
    let text = |name: &str| cell(name).map(|f| f.text.trim().to_owned()).unwrap_or_default();
    let mut check = |name: &str, result: Result<(), String>| {
        if let (Err(message), Some(field)) = (result, cell(name)) {
            errors.push(at(field, format!("{name} : {message}")));
        }
    };
    for name in REQUIRED {
        check(name, if text(name).is_empty() { Err("champ obligatoire vide".into()) } else { Ok(()) });
    }
    let kind = choose(&text("nature"), KINDS);
    check("nature", kind.ok_or_else(|| possible(&text("nature"), KINDS)).map(drop));
    let access = if text("acces").is_empty() { Some(Access::NotStated) } else { choose(&text("acces"), ACCESS) };
    check("acces", access.ok_or_else(|| possible(&text("acces"), ACCESS)).map(drop));
    let status = if text("statut").is_empty() { Some(ItemStatus::Scheduled) } else { choose(&text("statut"), STATUS) };
    check("statut", status.ok_or_else(|| possible(&text("statut"), STATUS)).map(drop));
    let day = optional(&text("jour"), parse_day);
    check("jour", day.clone().map(drop).map_err(|v| format!("« {v} » n’est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA)")));
    let start = optional(&text("debut"), parse_time);
    check("debut", start.clone().map(drop).map_err(|v| format!("« {v} » n’est pas une heure (9:00, 09:00 ou 9h00)")));
    let end = optional(&text("fin"), parse_time);
    check("fin", end.clone().map(drop).map_err(|v| format!("« {v} » n’est pas une heure (9:00, 09:00 ou 9h00)")));
    let (day, start, end) = (day.ok().flatten(), start.ok().flatten(), end.ok().flatten());
    check("debut", if start.is_some() && day.is_none() { Err("une heure de début demande un jour (colonne jour)".into()) } else { Ok(()) });
    check("fin", if end.is_some() && start.is_none() { Err("une heure de fin demande une heure de début".into()) } else { Ok(()) });
    let start_at = day.zip(start).and_then(|(d, t)| crate::tz::from_paris(d.and_time(t)));
    // An end before the start is the next day (the evening party ends at 1:00).
    let end_at = day.zip(start).zip(end).and_then(|((d, s), e)| {
        let d = if e <= s { d.succ_opt()? } else { d };
        crate::tz::from_paris(d.and_time(e))
    });
    check(
        "debut",
        if day.zip(start).is_some() && start_at.is_none() {
            Err("cette heure n’existe pas à Paris ce jour-là (passage à l’heure d’été)".into())
        } else {
            Ok(())
        },
    );
    if !errors.is_empty() {
        return Err(errors);
    }
    let translated = |fr: &str, en: &str| Text { fr: text(fr), en: Some(text(en)).filter(|e| !e.is_empty()) };
    Ok(Item {
        id: text("id"),
        title: translated("titre", "titre_en"),
        kind: kind.unwrap_or(ItemKind::Session),
        day,
        start: start_at,
        end: end_at,
        format: Some(text("format")).filter(|f| !f.is_empty()),
        theme: Some(text("thematique")).filter(|t| !t.is_empty()),
        description: translated("description", "description_en"),
        speakers: list(&text("intervenants")),
        access: access.unwrap_or(Access::NotStated),
        links: Vec::new(),
        sources: list(&text("sources")),
        status: status.unwrap_or_default(),
    })
}

const KINDS: &[(&str, ItemKind)] = &[
    ("session", ItemKind::Session),
    ("seance", ItemKind::Session),
    ("accueil", ItemKind::Welcome),
    ("welcome", ItemKind::Welcome),
    ("repas", ItemKind::Meal),
    ("meal", ItemKind::Meal),
    ("soiree", ItemKind::Party),
    ("party", ItemKind::Party),
    ("rencontre", ItemKind::Gathering),
    ("gathering", ItemKind::Gathering),
];
const ACCESS: &[(&str, Access)] = &[
    ("inscription", Access::Registration),
    ("registration", Access::Registration),
    ("invitation", Access::InvitationOnly),
    ("invitation_only", Access::InvitationOnly),
    ("contribution", Access::PaidContribution),
    ("paid_contribution", Access::PaidContribution),
    ("gratuit", Access::Free),
    ("free", Access::Free),
    ("non precise", Access::NotStated),
    ("not_stated", Access::NotStated),
];
const STATUS: &[(&str, ItemStatus)] = &[
    ("prevu", ItemStatus::Scheduled),
    ("scheduled", ItemStatus::Scheduled),
    ("annule", ItemStatus::Cancelled),
    ("cancelled", ItemStatus::Cancelled),
];

fn choose<T: Copy>(value: &str, table: &[(&str, T)]) -> Option<T> {
    let value = fold(value);
    table.iter().find(|(name, _)| *name == value).map(|(_, v)| *v)
}

fn possible<T>(value: &str, table: &[(&str, T)]) -> String {
    let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
    format!("« {value} » n’est pas reconnu ; valeurs possibles : {}", names.join(", "))
}

fn optional<T>(value: &str, parse: fn(&str) -> Option<T>) -> Result<Option<T>, String> {
    if value.is_empty() {
        Ok(None)
    } else {
        parse(value).map(Some).ok_or_else(|| value.to_owned())
    }
}

fn list(value: &str) -> Vec<String> {
    value.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// `2023-10-19` or `19/10/2023`.
fn parse_day(value: &str) -> Option<NaiveDate> {
    dates::parse_day(value).or_else(|| {
        let mut parts = value.split('/');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || !(1..=2).contains(&d.len()) || !(1..=2).contains(&m.len()) {
            return None;
        }
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    })
}

/// `9:00`, `09:00`, `09:00:00`, `9h00`, `9 h 30`, `9h`.
fn parse_time(value: &str) -> Option<NaiveTime> {
    let compact: String = value.chars().filter(|c| !c.is_whitespace()).map(|c| if c == 'h' || c == 'H' { ':' } else { c }).collect();
    let compact = if compact.ends_with(':') { format!("{compact}00") } else { compact };
    let padded = if compact.find(':') == Some(1) { format!("0{compact}") } else { compact };
    dates::parse_time(&padded)
}
