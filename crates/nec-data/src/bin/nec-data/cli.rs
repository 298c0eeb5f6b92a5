//! The checker itself (see `nec-data.rs`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use nec_data::export::derived_files;
use nec_data::load::{parse, DataError};
use nec_data::model::{Catalogue, Charter, EditionsFile, Programme};
use nec_data::validate::Problem;

#[path = "site.rs"]
mod site;

const USAGE: &str =
    "usage : nec-data check <dossier ou fichier JSON>… | nec-data export <dossier> | nec-data diff <ancien.json> <nouveau.json> \
                     | nec-data publish <ancien.json> <nouveau.json> [--date AAAA-MM-JJ] \
                     | nec-data import <fichier.csv, schedule.json ou schedule.xml> <programme-AAAA.json> \
                     | nec-data exports|site <dossier de données> <dossier construit>";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((command, paths)) if command == "check" && !paths.is_empty() => check_all(paths),
        Some((command, [dir])) if command == "export" => export(Path::new(dir)),
        Some((command, [old, new])) if command == "diff" => crate::diff::run(Path::new(old), Path::new(new)),
        Some((command, [old, new])) if command == "publish" => crate::publish::run(Path::new(old), Path::new(new), None),
        Some((command, [old, new, flag, date])) if command == "publish" && flag == "--date" => {
            crate::publish::run(Path::new(old), Path::new(new), Some(date))
        }
        Some((command, [csv, programme])) if command == "import" => crate::import::run(Path::new(csv), Path::new(programme)),
        Some((command, [data, out])) if command == "site" => site::main(Path::new(data), Path::new(out)),
        Some((command, [data, out])) if command == "exports" => site::exports(Path::new(data), Path::new(out)),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn check_all(paths: &[String]) -> ExitCode {
    let mut files = Vec::new();
    for path in paths.iter().map(PathBuf::from) {
        if path.is_dir() {
            match data_files(&path) {
                Ok(found) => files.extend(found),
                Err(message) => {
                    eprintln!("{}: {message}", path.display());
                    return ExitCode::from(2);
                }
            }
        } else {
            files.push(path);
        }
    }
    let mut problem_count = 0;
    for dir in paths.iter().map(Path::new).filter(|p| p.is_dir()) {
        problem_count += stale_derived_files(dir);
    }
    let mut editions: Option<(PathBuf, EditionsFile)> = None;
    let mut programmes: Vec<(PathBuf, Programme)> = Vec::new();
    for file in &files {
        let report = |problems: &[Problem]| {
            for problem in problems {
                println!("{}: {problem}", file.display());
            }
            problems.len()
        };
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(error) => {
                problem_count += report(&[Problem { path: "$".into(), message: format!("lecture impossible ({error})") }]);
                continue;
            }
        };
        let outcome: Result<(), DataError> = match kind(file) {
            Some("editions") => parse::<EditionsFile>(&text).map(|e| editions = Some((file.clone(), e))),
            Some("charter") => parse::<Charter>(&text).map(drop),
            Some("catalogue") => parse::<Catalogue>(&text).map(drop),
            Some("programme") => parse::<Programme>(&text).map(|p| programmes.push((file.clone(), p))),
            // Derived (`nec-data export`): compared above; here, only read.
            Some("calendriers") => serde_json::from_str::<nec_data::site::sequences::Ledger>(&text)
                .map(drop)
                .map_err(|e| DataError::Unreadable(Problem { path: "$".into(), message: format!("JSON illisible ({e})") })),
            _ => Err(DataError::Unreadable(Problem {
                path: "$".into(),
                message: "nom de fichier inconnu : editions.json, charter.json, catalogue.json ou programme-AAAA.json attendu".into(),
            })),
        };
        if let Err(error) = outcome {
            problem_count += report(&error.problems());
        }
    }
    // A programme must belong to an edition of the history, and each edition's programme file
    // must be there, for its year.
    if let Some((path, editions)) = &editions {
        // A variant (`editions-<anything>.json`, a fixture) is checked alone.
        if path.file_name().is_some_and(|n| n == "editions.json") {
            problem_count += named_programmes(path, editions, &mut programmes);
        }
        for (file, programme) in &programmes {
            if !editions.editions.iter().any(|e| e.year == programme.edition.year) {
                println!("{}: $.edition.year : l’édition {} est absente de editions.json", file.display(), programme.edition.year);
                problem_count += 1;
            }
        }
    }
    if problem_count == 0 {
        match files.len() {
            1 => println!("Données valides : 1 fichier vérifié."),
            n => println!("Données valides : {n} fichiers vérifiés."),
        }
        ExitCode::SUCCESS
    } else {
        match problem_count {
            1 => println!("1 problème trouvé."),
            n => println!("{n} problèmes trouvés."),
        }
        ExitCode::FAILURE
    }
}

/// Checks the programme file each edition names, beside `editions.json`: it exists, is valid
/// (read here if it was not among the files checked) and is that edition's.
fn named_programmes(editions_path: &Path, editions: &EditionsFile, programmes: &mut Vec<(PathBuf, Programme)>) -> usize {
    let dir = editions_path.parent().unwrap_or(Path::new("."));
    let mut problems = 0;
    for (i, edition) in editions.editions.iter().enumerate() {
        let Some(name) = edition.programme.as_deref().filter(|n| nec_data::model::is_programme_file_name(n)) else { continue };
        let path = dir.join(name);
        let same = |p: &PathBuf| p.file_name() == path.file_name() && p.parent().unwrap_or(Path::new(".")) == dir;
        if !programmes.iter().any(|(p, _)| same(p)) {
            match std::fs::read_to_string(&path).map(|text| parse::<Programme>(&text)) {
                Err(_) => {
                    println!(
                        "{}: $.editions[{i}].programme : le fichier {name} est introuvable à côté de editions.json",
                        editions_path.display()
                    );
                    problems += 1;
                    continue;
                }
                Ok(Err(error)) => {
                    for problem in error.problems() {
                        println!("{}: {problem}", path.display());
                        problems += 1;
                    }
                    continue;
                }
                Ok(Ok(programme)) => programmes.push((path.clone(), programme)),
            }
        }
        if let Some((_, programme)) = programmes.iter().find(|(p, _)| same(p)).filter(|(_, p)| p.edition.year != edition.year) {
            println!(
                "{}: $.editions[{i}].programme : {name} est le programme de {}, pas de {}",
                editions_path.display(),
                programme.edition.year,
                edition.year
            );
            problems += 1;
        }
    }
    problems
}

/// What a file holds, from its name: `charter.json`, or `charter-<anything>.json` for a variant
/// such as a test fixture; a programme is always `programme-<something>.json`.
fn kind(file: &Path) -> Option<&'static str> {
    let stem = file.file_stem()?.to_str()?;
    let base = stem.split('-').next()?;
    let kind = ["editions", "charter", "catalogue", "programme", "calendriers"].into_iter().find(|kind| *kind == base)?;
    let json = file.extension().is_some_and(|ext| ext == "json");
    (json && (kind != "programme" || stem != base)).then_some(kind)
}

/// The data files of a folder, in name order; it must hold editions.json and charter.json.
fn data_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("dossier illisible ({e})"))?;
    let mut files: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|entry| entry.path()).filter(|path| path.extension().is_some_and(|ext| ext == "json")).collect();
    files.sort();
    for required in ["editions.json", "charter.json"] {
        if !files.iter().any(|f| f.file_name().is_some_and(|n| n == required)) {
            return Err(format!("{required} est introuvable"));
        }
    }
    Ok(files)
}

/// Reports each derived file that differs from what `nec-data export` would write.
fn stale_derived_files(dir: &Path) -> usize {
    let Ok(derived) = derived_files(dir) else { return 0 }; // the data problems are reported below
    let mut stale = 0;
    for file in derived {
        let path = dir.join(&file.path);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(file.content.as_str()) {
            println!("{}: $ : fichier dérivé absent ou périmé ; lancez `nec-data export {}`", path.display(), dir.display());
            stale += 1;
        }
    }
    stale
}

fn export(dir: &Path) -> ExitCode {
    let derived = match derived_files(dir) {
        Ok(derived) => derived,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    for file in derived {
        let path = dir.join(&file.path);
        let written = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, &file.content));
        if let Err(error) = written {
            eprintln!("{}: {error}", path.display());
            return ExitCode::FAILURE;
        }
        println!("écrit : {}", path.display());
    }
    ExitCode::SUCCESS
}
