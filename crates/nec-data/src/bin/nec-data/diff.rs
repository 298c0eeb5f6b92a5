//! `nec-data diff OLD NEW`: what changed from one version of a programme to the next, in French,
//! one line a change; fails when a published id disappears (see `nec_data::diff`).

use std::path::Path;
use std::process::ExitCode;

use nec_data::diff::{describe, diff, Change};
use nec_data::load::parse;
use nec_data::model::Programme;

/// Reads and checks a programme as `check` does; prints its problems when it is not valid.
pub fn read(path: &Path) -> Option<Programme> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            println!("{}: $ : lecture impossible ({error})", path.display());
            return None;
        }
    };
    match parse::<Programme>(&text) {
        Ok(programme) => Some(programme),
        Err(error) => {
            for problem in error.problems() {
                println!("{}: {problem}", path.display());
            }
            None
        }
    }
}

pub fn run(old: &Path, new: &Path) -> ExitCode {
    let (Some(before), Some(after)) = (read(old), read(new)) else {
        println!("Comparaison impossible : corrigez d’abord les problèmes ci-dessus.");
        return ExitCode::FAILURE;
    };
    let changes = diff(&before, &after);
    if changes.is_empty() {
        println!("Aucune modification.");
        return ExitCode::SUCCESS;
    }
    println!("Modifications de {} à {} :", old.display(), new.display());
    for change in &changes {
        println!("- {}", describe(change));
    }
    match changes.len() {
        1 => println!("1 modification."),
        n => println!("{n} modifications."),
    }
    let gone: Vec<&Change> = changes.iter().filter(|c| matches!(c, Change::Removed { .. })).collect();
    for change in &gone {
        println!(
            "{}: problème : l’identifiant publié « {} » disparaît ; des visiteurs l’ont peut-être choisi. Gardez la séance et \
             marquez-la annulée (\"status\": \"cancelled\") plutôt que de la supprimer.",
            new.display(),
            change.id()
        );
    }
    if gone.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
