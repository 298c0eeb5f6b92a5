use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;

use crate::components::{current_lang, focus_if_lost, offline_notice, translation_note, ErrorAlert};
use crate::data::{offline_copy, LoadError};
use crate::locale::Lang;

/// Shows a data file's content once loaded: a polite loading message before, an alert with retry on
/// error, and « Données hors ligne du … » above the content when it is the offline copy; on an
/// English page, the note that the data's texts are translated from French (`translation_note`).
#[component]
pub fn DataView<T, V, F>(
    resource: LocalResource<Result<Arc<T>, LoadError>>,
    /// What is loading.
    what: Subject,
    /// Renders the loaded data.
    render: F,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(Arc<T>) -> V + Send + Sync + 'static,
{
    let lang = current_lang();
    let location = leptos_router::hooks::use_location();
    let loaded = move |data: Arc<T>, retried: bool| {
        if !cfg!(feature = "ssr") {
            request_animation_frame(scroll_to_fragment);
        }
        if retried {
            // The retry button that had focus is gone with the alert.
            focus_if_lost("titre-page", None);
        }
        let note = translation_note(lang, &location);
        with_offline_notice(offline_copy(&data), lang, note, render(data).into_any())
    };
    load_states(resource, what, "loading", loaded)
}

/// The three states of a view of a data file, the site's (`DataView`) and the widget's alike:
/// « Chargement … » in a polite status (`loading_class`, which the takeover waits on), an alert
/// with a retry on error, then `loaded(data, retried)`, told whether a retry brought the data
/// (the button that had the focus is gone: the caller puts it back).
pub fn load_states<T, F>(
    resource: LocalResource<Result<Arc<T>, LoadError>>,
    what: Subject,
    loading_class: &'static str,
    loaded: F,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    F: Fn(Arc<T>, bool) -> AnyView + Send + Sync + 'static,
{
    let lang = current_lang();
    let retried = StoredValue::new(false);
    let on_retry = Callback::new(move |()| {
        retried.set_value(true);
        resource.refetch();
    });
    move || match resource.get() {
        None => view! {
            <p class=loading_class role="status">
                {loading(lang, what)}
            </p>
        }
        .into_any(),
        Some(Err(error)) => view! { <ErrorAlert what error on_retry /> }.into_any(),
        Some(Ok(data)) => loaded(data, retried.get_value()),
    }
}

/// The content, after « Données hors ligne du … » when it is the offline copy. Not generic, so
/// the wasm holds it once rather than once per data type.
fn with_offline_notice(offline: Option<Option<DateTime<FixedOffset>>>, lang: Lang, note: Option<AnyView>, content: AnyView) -> AnyView {
    view! {
        {offline.map(|time| offline_notice(time, lang))}
        {note}
        {content}
    }
    .into_any()
}

/// « Chargement du programme… », "Loading the programme…" (the site's views and the widget's).
pub fn loading(lang: Lang, what: Subject) -> String {
    match lang {
        Lang::Fr => format!("Chargement {}…", crate::format::of(what.words(lang))),
        Lang::En => format!("Loading {}…", what.words(lang)),
    }
}

/// What a view loads, named in its loading message and its alert: « Chargement du programme… »,
/// « Impossible d’afficher la charte. ». A type, so a new view cannot misspell its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Programme,
    MyProgramme,
    ProgrammeItem,
    PracticalInfo,
    Charter,
    EditionsHistory,
    Edition,
    /// The edition the home page sums up.
    CurrentEdition,
    DataList,
}

impl Subject {
    /// The subject with its article: « le programme », "the programme".
    pub fn words(self, lang: Lang) -> &'static str {
        use Subject::*;
        match (lang, self) {
            (Lang::Fr, Programme) => "le programme",
            (Lang::Fr, MyProgramme) => "mon programme",
            (Lang::Fr, ProgrammeItem) => "cet élément du programme",
            (Lang::Fr, PracticalInfo) => "les informations pratiques",
            (Lang::Fr, Charter) => "la charte",
            (Lang::Fr, EditionsHistory) => "l’historique des éditions",
            (Lang::Fr, Edition) => "l’édition",
            (Lang::Fr, CurrentEdition) => "l’édition 2023",
            (Lang::Fr, DataList) => "la liste des données",
            (Lang::En, Programme) => "the programme",
            (Lang::En, MyProgramme) => "my programme",
            (Lang::En, ProgrammeItem) => "this programme item",
            (Lang::En, PracticalInfo) => "the practical information",
            (Lang::En, Charter) => "the charter",
            (Lang::En, EditionsHistory) => "the history of the editions",
            (Lang::En, Edition) => "the edition",
            (Lang::En, CurrentEdition) => "the 2023 edition",
            (Lang::En, DataList) => "the list of data files",
        }
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
