use std::sync::Arc;

use leptos::prelude::*;

use super::{current_lang, DataTable, RowHeader};
use crate::history::CHART_METRICS;
use crate::model::EditionsFile;

crate::texts! {
    caption: "Participation par édition, en nombre de personnes", "Participation by edition, in number of people";
    edition: "Édition", "Edition";
    missing: "non communiqué", "not available";
}

/// The charted figures of every edition as a data table (also shown by the partner widget).
#[component]
pub fn ParticipationTable(file: Arc<EditionsFile>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    view! {
        <DataTable
            caption_id="participation-table"
            class="participation-table"
            caption=t.caption
            columns=std::iter::once(t.edition.to_owned()).chain(CHART_METRICS.iter().map(|m| m.label(lang).to_owned())).collect()
        >
            {file
                .editions
                .iter()
                .map(|e| {
                    view! {
                        <tr>
                            <RowHeader>{format!("{} — {}", e.year, e.cities())}</RowHeader>
                            {CHART_METRICS
                                .iter()
                                .map(|m| match e.figure(*m) {
                                    Some(f) => view! { <td class="number">{lang.amount(f.value, f.qualifier)}</td> }.into_any(),
                                    None => view! { <td class="missing">{t.missing}</td> }.into_any(),
                                })
                                .collect_view()}
                        </tr>
                    }
                })
                .collect_view()}
        </DataTable>
    }
}
