use std::sync::Arc;

use leptos::prelude::*;

use super::{DataTable, RowHeader};
use crate::format;
use crate::history::CHART_METRICS;
use crate::model::EditionsFile;

/// The charted figures of every edition as a data table (also shown by the partner widget).
#[component]
pub fn ParticipationTable(file: Arc<EditionsFile>) -> impl IntoView {
    view! {
        <DataTable caption_id="participation-table" caption="Participation par édition, en nombre de personnes"
            columns=std::iter::once("Édition".to_owned()).chain(CHART_METRICS.iter().map(|m| m.label_fr().to_owned())).collect()>
            {file.editions.iter().map(|e| view! {
                <tr>
                    <RowHeader>{format!("{} — {}", e.year, e.city())}</RowHeader>
                    {CHART_METRICS.iter().map(|m| match e.figure(*m) {
                        Some(f) => view! { <td class="number">{format::number(f.value)}</td> }.into_any(),
                        None => view! { <td class="missing">"non communiqué"</td> }.into_any(),
                    }).collect_view()}
                </tr>
            }).collect_view()}
        </DataTable>
    }
}
