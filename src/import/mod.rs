//! `nec-data import`: a programme's items from a spreadsheet (CSV, `csv` and `items`), checked
//! by the same validation as every data file. Native only, no web dependency.

pub mod csv;
pub mod items;

use crate::load::{parse, DataError};
use crate::model::Programme;

/// The programme with its items replaced by the imported ones, validated as `nec-data check`
/// validates, or the problems in French: the CSV's with line and column, the validation's with
/// the line of the item they concern. An imported item keeps the links the programme gave the
/// same id (the spreadsheet has no column for them).
pub fn import_csv(programme: &Programme, bytes: &[u8]) -> Result<Programme, Vec<String>> {
    let imported = items::items_from_csv(bytes).map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let mut next = programme.clone();
    next.items = imported
        .iter()
        .map(|(_, item)| {
            let mut item = item.clone();
            if let Some(before) = programme.items.iter().find(|i| i.id == item.id) {
                item.links.clone_from(&before.links);
            }
            item
        })
        .collect();
    let json = serde_json::to_string(&next).map_err(|e| vec![format!("écriture impossible ({e})")])?;
    match parse::<Programme>(&json) {
        Ok(checked) => Ok(checked),
        Err(DataError::Invalid(problems)) => Err(problems
            .iter()
            .map(|problem| match item_index(&problem.path).and_then(|i| imported.get(i)) {
                Some((line, _)) => format!("ligne {line} : {}", problem.message),
                None => problem.to_string(),
            })
            .collect()),
        Err(error) => Err(error.problems().iter().map(ToString::to_string).collect()),
    }
}

/// `3` for `$.items[3].start`.
fn item_index(path: &str) -> Option<usize> {
    path.strip_prefix("$.items[")?.split(']').next()?.parse().ok()
}
