use leptos::prelude::*;

use super::announcer::use_announcer;
use super::Disclosure;
use crate::data::LoadError;

/// The error state of a view (`role="alert"`): what went wrong in French, the details, and a retry button.
#[component]
pub fn ErrorAlert(
    /// What could not be loaded, e.g. "le programme".
    what: &'static str,
    error: LoadError,
    /// Called by the retry button.
    on_retry: Callback<()>,
) -> impl IntoView {
    let retrying = RwSignal::new(false);
    let announcer = use_announcer();
    let problems: Vec<String> = match &error {
        LoadError::Data(data) => data.problems().iter().take(10).map(ToString::to_string).collect(),
        _ => Vec::new(),
    };
    let more = match &error {
        LoadError::Data(data) => data.problems().len().saturating_sub(10),
        _ => 0,
    };
    view! {
        <div class="alert" role="alert">
            <p class="alert__title">{format!("Impossible d’afficher {what}.")}</p>
            <p>{error.message()}</p>
            {(!problems.is_empty()).then(|| view! {
                <Disclosure summary="Détails techniques" class="alert__details">
                    <ul>{problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view()}</ul>
                    {(more > 0).then(|| view! { <p>{format!("… et {more} autre(s).")}</p> })}
                </Disclosure>
            })}
            <button
                type="button"
                class="button"
                aria-disabled=move || retrying.get().then_some("true")
                on:click=move |_| {
                    if !retrying.get_untracked() {
                        retrying.set(true);
                        announcer.say("Nouvelle tentative en cours…");
                        on_retry.run(());
                    }
                }
            >
                {move || if retrying.get() { "Nouvelle tentative en cours…" } else { "Réessayer" }}
            </button>
        </div>
    }
}
