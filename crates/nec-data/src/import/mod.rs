//! `nec-data import`: a programme's items from a spreadsheet (CSV: `csv`, `items`) or from a
//! conference tool's schedule export (c3voc's schedule.json: `schedule`; frab's schedule.xml:
//! `schedule_xml`), checked by the same
//! validation as every data file. Native only, no web dependency.

pub mod csv;
pub mod items;
pub mod schedule;
pub mod schedule_xml;

use crate::load::{parse, DataError};
use crate::model::{Item, Programme, Text};

/// The programme with its items replaced by the spreadsheet's, validated as `nec-data check`
/// validates, or the problems in French: the CSV's with line and column, the validation's with
/// the line of the item they concern. An imported item keeps the links the programme gave the
/// same id (the spreadsheet has no column for them), and the English of its title and
/// description where their French has not changed (the spreadsheet is French).
pub fn import_csv(programme: &Programme, bytes: &[u8]) -> Result<Programme, Vec<String>> {
    let imported = items::items_from_csv(bytes).map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let (lines, items): (Vec<usize>, Vec<Item>) = imported.into_iter().unzip();
    let items = items
        .into_iter()
        .map(|mut item| {
            if let Some(before) = programme.items.iter().find(|i| i.id == item.id) {
                item.links.clone_from(&before.links);
                keep_english(&mut item.title, &before.title);
                keep_english(&mut item.description, &before.description);
            }
            item
        })
        .collect();
    merged(programme, items, |i| format!("ligne {}", lines[i]))
}

/// `text` gets the English `before` had, when it has none and says the same in French.
fn keep_english(text: &mut Text, before: &Text) {
    if text.en.is_none() && text.fr == before.fr {
        text.en.clone_from(&before.en);
    }
}

/// The programme with its items replaced by a schedule export's events (schedule.json, or
/// schedule.xml when the text starts with `<`), each citing `source` (the export, which the
/// programme must declare), validated; and how many events were left out (rejected, drafts).
/// Problems name the event's id.
pub fn import_schedule(programme: &Programme, text: &str, source: &str) -> Result<(Programme, usize), Vec<String>> {
    let (items, left_out) = if text.trim_start_matches('\u{feff}').trim_start().starts_with('<') {
        schedule_xml::items_from_schedule_xml(text, source)?
    } else {
        schedule::items_from_schedule(text, source)?
    };
    let ids: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
    merged(programme, items, |i| format!("événement « {} »", ids[i])).map(|p| (p, left_out))
}

fn merged(programme: &Programme, items: Vec<Item>, locate: impl Fn(usize) -> String) -> Result<Programme, Vec<String>> {
    let count = items.len();
    let mut next = programme.clone();
    next.items = items;
    let json = serde_json::to_string(&next).map_err(|e| vec![format!("écriture impossible ({e})")])?;
    match parse::<Programme>(&json) {
        Ok(checked) => Ok(checked),
        Err(DataError::Invalid(problems)) => Err(problems
            .iter()
            .map(|problem| match item_index(&problem.path).filter(|i| *i < count) {
                Some(i) => format!("{} : {}", locate(i), problem.message),
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
