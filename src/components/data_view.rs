use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;

use crate::components::{current_lang, focus_if_lost, offline_notice, ErrorAlert};
use crate::data::{offline_copy, LoadError};
use crate::locale::Lang;

/// Shows a data file's content once loaded: a polite loading message before, an alert with retry on
/// error, and « Données hors ligne du … » above the content when it is the offline copy.
#[component]
pub fn DataView<T, V, F>(
    resource: LocalResource<Result<Arc<T>, LoadError>>,
    /// What is loading, in French, e.g. "le programme" (`what_in` has the English).
    what: &'static str,
    /// Renders the loaded data.
    render: F,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(Arc<T>) -> V + Send + Sync + 'static,
{
    let lang = current_lang();
    let retried = StoredValue::new(false);
    let on_retry = Callback::new(move |()| {
        retried.set_value(true);
        resource.refetch();
    });
    view! {
        {move || match resource.get() {
            None => view! { <p class="loading" role="status">{loading(lang, what)}</p> }.into_any(),
            Some(Err(error)) => view! { <ErrorAlert what error on_retry/> }.into_any(),
            Some(Ok(data)) => {
                request_animation_frame(scroll_to_fragment);
                if retried.get_value() {
                    // The retry button that had focus is gone with the alert.
                    focus_if_lost("titre-page", None);
                }
                with_offline_notice(offline_copy(&data), lang, render(data).into_any())
            }
        }}
    }
}

/// The content, after « Données hors ligne du … » when it is the offline copy. Not generic, so
/// the wasm holds it once rather than once per data type.
fn with_offline_notice(offline: Option<Option<DateTime<FixedOffset>>>, lang: Lang, content: AnyView) -> AnyView {
    view! { {offline.map(|time| offline_notice(time, lang))} {content} }.into_any()
}

/// « Chargement du programme… », "Loading the programme…" (the site's views and the widget's).
pub fn loading(lang: Lang, what: &'static str) -> String {
    match lang {
        Lang::Fr => format!("Chargement {}…", crate::format::of(what)),
        Lang::En => format!("Loading {}…", what_in(Lang::En, what)),
    }
}

/// What a view loads, in `lang`: the French as given, or its English.
pub fn what_in(lang: Lang, what: &'static str) -> &'static str {
    match (lang, what) {
        (Lang::Fr, _) => what,
        (Lang::En, "le programme") => "the programme",
        (Lang::En, "mon programme") => "my programme",
        (Lang::En, "cet élément du programme") => "this programme item",
        (Lang::En, "les informations pratiques") => "the practical information",
        (Lang::En, "la charte") => "the charter",
        (Lang::En, "l’historique des éditions") => "the history of the editions",
        (Lang::En, "l’édition 2023") => "the 2023 edition",
        (Lang::En, "l’édition") => "the edition",
        (Lang::En, "la liste des données") => "the list of data files",
        (Lang::En, _) => "the data",
    }
}

/// A deep link such as `/charte#engagement-5` names an element that only exists once the data
/// has loaded, after the browser looked for it: scroll to it now. After a navigation inside the
/// app, `Page` gave focus to the `h1`, which this scroll leaves off screen: the place the visitor
/// asked for takes the focus instead, so reading and Tab go on from there.
fn scroll_to_fragment() {
    let Ok(hash) = window().location().hash() else { return };
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else { return };
    let Some(target) = document().get_element_by_id(id) else { return };
    target.scroll_into_view();
    if document().active_element().is_some_and(|e| e.id() == "titre-page") {
        if !target.has_attribute("tabindex") {
            let _ = target.set_attribute("tabindex", "-1");
        }
        if let Ok(target) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(target) {
            let _ = target.focus();
        }
    }
}
