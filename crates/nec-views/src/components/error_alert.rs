use leptos::prelude::*;

use super::announcer::use_announcer;
use super::data_view::Subject;
use super::{current_lang, Disclosure};
use crate::data::LoadError;
use crate::locale::Lang;

crate::texts! {
    details: "Détails techniques", "Technical details";
    retrying: "Nouvelle tentative en cours…", "Trying again…";
    retry: "Réessayer", "Try again";
}

/// The error state of a view (`role="alert"`): what went wrong, the details (the checker's own
/// words, in French), and a retry button.
#[component]
pub fn ErrorAlert(
    /// What could not be loaded, e.g. "le programme".
    what: Subject,
    error: LoadError,
    /// Called by the retry button.
    on_retry: Callback<()>,
) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
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
            <p class="alert__title">
                {match lang {
                    Lang::Fr => format!("Impossible d’afficher {}.", what.words(lang)),
                    Lang::En => format!("Unable to show {}.", what.words(lang)),
                }}
            </p>
            <p>{error.message(lang)}</p>
            {(!problems.is_empty())
                .then(|| {
                    view! {
                        <Disclosure summary=t.details class="alert__details">
                            <ul lang="fr">
                                {problems
                                    .into_iter()
                                    .map(|p| {
                                        view! {
                                            <li>
                                                <code>{p}</code>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            {(more > 0)
                                .then(|| {
                                    view! {
                                        <p>
                                            {match lang {
                                                Lang::Fr if more == 1 => "… et 1 autre.".to_owned(),
                                                Lang::Fr => format!("… et {more} autres."),
                                                Lang::En => format!("… and {more} more."),
                                            }}
                                        </p>
                                    }
                                })}
                        </Disclosure>
                    }
                })}
            <button
                type="button"
                class="button"
                aria-disabled=move || retrying.get().then_some("true")
                on:click=move |_| {
                    if !retrying.get_untracked() {
                        retrying.set(true);
                        announcer.say(t.retrying);
                        on_retry.run(());
                    }
                }
            >
                {move || if retrying.get() { t.retrying } else { t.retry }}
            </button>
        </div>
    }
}
