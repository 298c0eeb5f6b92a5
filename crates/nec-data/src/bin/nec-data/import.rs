//! `nec-data import <fichier.csv|schedule.json|schedule.xml> <programme-AAAA.json>`: replaces the
//! programme's items by the spreadsheet's (`.csv`) or the schedule export's (`.json` or `.xml`,
//! c3voc's and frab's formats, each
//! item citing the export's file name as its source), if the result passes the same validation
//! as `check`; prints what changed (`nec_data::diff`) and writes the file. On any problem, prints
//! them all and writes nothing.

use std::path::Path;
use std::process::ExitCode;

use nec_data::diff::{describe, diff};
use nec_data::import::{import_csv, import_schedule};
use nec_data::load::parse;
use nec_data::model::Programme;

pub fn run(source: &Path, target: &Path) -> ExitCode {
    let programme = match std::fs::read_to_string(target).map_err(|e| e.to_string()).and_then(|text| {
        parse::<Programme>(&text).map_err(|error| error.problems().iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
    }) {
        Ok(programme) => programme,
        Err(message) => {
            println!("{}: {message}", target.display());
            println!("Import impossible : le programme de destination doit d’abord être valide.");
            return ExitCode::FAILURE;
        }
    };
    let bytes = match std::fs::read(source) {
        Ok(bytes) => bytes,
        Err(error) => {
            println!("{}: lecture impossible ({error})", source.display());
            return ExitCode::FAILURE;
        }
    };
    let is_schedule = source.extension().is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("xml"));
    let imported = if is_schedule {
        let name = source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        import_schedule(&programme, &String::from_utf8_lossy(&bytes), &name).map(|(next, left_out)| {
            if left_out > 0 {
                match left_out {
                    1 => println!("1 événement refusé, en brouillon ou supprimé laissé de côté."),
                    n => println!("{n} événements refusés, en brouillon ou supprimés laissés de côté."),
                }
            }
            next
        })
    } else {
        import_csv(&programme, &bytes)
    };
    let next = match imported {
        Ok(next) => next,
        Err(problems) => {
            for problem in &problems {
                println!("{}: {problem}", source.display());
            }
            match problems.len() {
                1 => println!("1 problème trouvé ; rien n’a été écrit."),
                n => println!("{n} problèmes trouvés ; rien n’a été écrit."),
            }
            return ExitCode::FAILURE;
        }
    };
    let changes = diff(&programme, &next);
    for change in &changes {
        println!("- {}", describe(change));
    }
    if let Err(problem) = crate::write_programme(target, &next) {
        println!("{problem}");
        return ExitCode::FAILURE;
    }
    let items = match next.items.len() {
        1 => "1 élément importé".to_owned(),
        n => format!("{n} éléments importés"),
    };
    let changes = match changes.len() {
        0 => "aucune modification".to_owned(),
        1 => "1 modification".to_owned(),
        n => format!("{n} modifications"),
    };
    println!("{items} dans {} ; {changes}.", target.display());
    println!("Vérifiez maintenant avec `nec-data check` et comparez avec `nec-data diff` avant de publier.");
    ExitCode::SUCCESS
}
