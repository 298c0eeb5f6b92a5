use leptos::prelude::*;

use super::{as_written, current_lang, pieces_view};
use crate::locale::Pieces;

/// One choice among a few, as native radio buttons in a `<fieldset>` named by its `<legend>`
/// (RGAA 11.5): the arrows move and choose, with no script of ours.
#[component]
pub fn RadioGroup<T>(
    legend: &'static str,
    /// Unique on the page: the buttons' `name`, and the prefix of their ids (`{name}-{value}`).
    name: &'static str,
    /// (choice, its value in the form, label) of each button; the label's runs in another
    /// language get their `lang`.
    options: Vec<(T, &'static str, Pieces)>,
    selected: RwSignal<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let lang = current_lang();
    view! {
        <fieldset class="filter-group">
            <legend>{legend}</legend>
            {options
                .into_iter()
                .map(|(choice, value, label)| {
                    let id = format!("{name}-{value}");
                    let label_for = id.clone();
                    view! {
                        <label class="check" for=label_for>
                            <input
                                type="radio"
                                name=name
                                id=id
                                value=value
                                checked=as_written(move || selected.get() == choice)
                                prop:checked=move || selected.get() == choice
                                on:change=move |_| selected.set(choice)
                            />
                            {pieces_view(label, lang)}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
