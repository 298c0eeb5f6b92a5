//! `nec-data publish <ancien.json> <nouveau.json> [--date AAAA-MM-JJ]`: records in NEW what
//! changed since OLD (the version last published) as one more entry of `publications`, dated today
//! or `--date`, and rewrites NEW. Refuses, writing nothing, when either file is invalid, nothing
//! changed, or a published id disappeared (as `diff` does).

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use nec_data::diff::{describe, diff, Change};
use nec_data::model::Publication;
use nec_data::publications::from_diff;

pub fn run(old: &Path, new: &Path, date: Option<&str>) -> ExitCode {
    let date = match date.map(nec_data::model::dates::parse_day) {
        None => today(),
        Some(Some(date)) => date,
        Some(None) => {
            println!("--date : une date AAAA-MM-JJ est attendue (2023-10-02).");
            return ExitCode::from(2);
        }
    };
    let (Some(before), Some(mut after)) = (crate::diff::read(old), crate::diff::read(new)) else {
        println!("Publication impossible : corrigez d’abord les problèmes ci-dessus.");
        return ExitCode::FAILURE;
    };
    let changes = diff(&before, &after);
    if let Some(gone) = changes.iter().find(|c| matches!(c, Change::Removed { .. })) {
        println!(
            "{}: problème : l’identifiant publié « {} » disparaît ; marquez la séance annulée (\"status\": \"cancelled\") plutôt \
             que de la supprimer. Rien n’a été écrit.",
            new.display(),
            gone.id()
        );
        return ExitCode::FAILURE;
    }
    if changes.is_empty() {
        println!("Aucune modification depuis {} : rien à publier.", old.display());
        return ExitCode::FAILURE;
    }
    if after.publications.last().is_some_and(|last| last.date > date) {
        println!("La dernière publication enregistrée est postérieure au {date} : rien n’a été écrit.");
        return ExitCode::FAILURE;
    }
    for change in &changes {
        println!("- {}", describe(change));
    }
    let entry = Publication { date, note: None, changes: from_diff(&changes), sources: Vec::new() };
    let count = changes.len();
    drop(changes);
    after.publications.push(entry);
    write(new, &after, date, count)
}

/// Today on Paris's clock.
fn today() -> NaiveDate {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let now = chrono::DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(0), 0).unwrap_or_default();
    nec_data::tz::in_paris(now.fixed_offset()).date_naive()
}

fn write(path: &Path, programme: &nec_data::model::Programme, date: NaiveDate, count: usize) -> ExitCode {
    if let Err(problem) = crate::write_programme(path, programme) {
        println!("{problem}");
        return ExitCode::FAILURE;
    }
    let changes = if count == 1 { "1 modification".to_owned() } else { format!("{count} modifications") };
    println!("Publication du {date} enregistrée dans {} : {changes}.", path.display());
    ExitCode::SUCCESS
}
