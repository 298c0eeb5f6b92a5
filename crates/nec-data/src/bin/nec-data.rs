//! `nec-data check <dir or file>…`: validates the site's data files and prints every problem;
//! for a folder, also checks that the derived files (schemas, CSV, catalogue) are up to date.
//! `nec-data export <dir>`: writes those derived files.
//! `nec-data diff <old> <new>`: what changed from one programme to the next, in French; fails when
//! a published id disappears.
//! `nec-data publish <old> <new> [--date YYYY-MM-DD]`: records in NEW what changed since OLD.
//! `nec-data import <file.csv|schedule.json|schedule.xml> <programme.json>`: the programme's items
//! from a spreadsheet or a conference tool's export.
//!
//! Exit status: 0 when all is sound, 1 when a problem was found, 2 on a usage error.

#[path = "nec-data/cli.rs"]
mod cli;

#[path = "nec-data/diff.rs"]
mod diff;

#[path = "nec-data/import.rs"]
mod import;

#[path = "nec-data/publish.rs"]
mod publish;

/// Writes a programme as `import` and `publish` do: serde's pretty JSON and a final newline; or
/// the problem, in French, with the file's name.
fn write_programme(path: &std::path::Path, programme: &nec_data::model::Programme) -> Result<(), String> {
    let text = serde_json::to_string_pretty(programme).map_err(|error| format!("écriture impossible ({error})"))? + "\n";
    std::fs::write(path, text).map_err(|error| format!("{}: écriture impossible ({error})", path.display()))
}

fn main() -> std::process::ExitCode {
    cli::main()
}
