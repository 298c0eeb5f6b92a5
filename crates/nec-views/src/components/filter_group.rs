use std::sync::Arc;

use leptos::prelude::*;

use super::{as_written, current_lang, pieces_view};
use crate::filters::{filter_options, FilterList, Filters};
use crate::locale::Pieces;
use crate::model::Programme;

/// A group of checkboxes in a `<fieldset>` with its `<legend>` (RGAA 11.5, HTML grouping).
#[component]
fn FilterGroup(
    legend: &'static str,
    /// Unique on the page: prefixes the checkboxes' ids.
    name: &'static str,
    /// (value, label) of each option; the label's runs in another language get their `lang`.
    options: Vec<(String, Pieces)>,
    /// Whether a value is checked (reactive).
    checked: Callback<String, bool>,
    /// Called with the value of the checkbox the visitor changed.
    on_toggle: Callback<String>,
) -> impl IntoView {
    let lang = current_lang();
    view! {
        <fieldset class="filter-group">
            <legend>{legend}</legend>
            {options
                .into_iter()
                .map(|(value, label)| {
                    let for_checked = value.clone();
                    let is_checked = move || checked.run(for_checked.clone());
                    let id = format!("filtre-{name}-{value}");
                    let label_for = id.clone();
                    // An explicit for/id pair, not only nesting (RGAA test 11.1.1).
                    view! {
                        <label class="check" for=label_for>
                            <input
                                type="checkbox"
                                id=id
                                value=value.clone()
                                checked=as_written(is_checked.clone())
                                prop:checked=is_checked
                                on:change=move |_| on_toggle.run(value.clone())
                            />
                            // One flex item, whatever the runs of languages inside (a wrapper only when
                            // there are several: lists stay light).
                            {if label.0.len() > 1 {
                                view! { <span>{pieces_view(label, lang)}</span> }.into_any()
                            } else {
                                pieces_view(label, lang)
                            }}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The programme's filters, days then themes then formats, the same on every page, bound to one
/// `Filters` value: ticking a box calls `on_change` with the filters it makes.
#[component]
pub fn ProgrammeFilters(programme: Arc<Programme>, #[prop(into)] filters: Signal<Filters>, on_change: Callback<Filters>) -> impl IntoView {
    let lang = current_lang();
    FilterList::ALL
        .into_iter()
        .map(|list| {
            let checked = Callback::new(move |value: String| filters.with(|f| f.has(list, &value)));
            let on_toggle = Callback::new(move |value: String| on_change.run(filters.get_untracked().toggled(list, &value)));
            let options = filter_options(&programme, list, lang);
            view! { <FilterGroup legend=list.legend(lang) name=list.key() options checked on_toggle /> }
        })
        .collect_view()
}
