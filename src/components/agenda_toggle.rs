use leptos::prelude::*;

use super::announcer::use_announcer;
use super::{current_lang, VisuallyHidden};
use crate::locale::Lang;
use crate::model::Text;
use crate::storage::use_agenda;

/// Adds an item to "Mon programme" or takes it out: a toggle button (`aria-pressed`, WAI-ARIA
/// button pattern) whose name includes the item's title and stays the same in both states.
/// The title is in the page's language if translated, else in French, marked `lang="fr"` inside
/// the name (the announcement, a plain string, cannot say its language).
#[component]
pub fn AgendaToggle(id: String, title: Text) -> impl IntoView {
    let lang = current_lang();
    let (words, title_lang) = title.get(lang);
    let title = words.to_owned();
    let marked = (title_lang != lang).then_some(title_lang.code());
    let agenda = use_agenda();
    let announcer = use_announcer();
    let chosen = {
        let id = id.clone();
        Memo::new(move |_| agenda.ids.with(|ids| ids.contains(&id)))
    };
    let on_click = {
        let title = title.clone();
        move |_| {
            let added = agenda.toggle(&id);
            announcer.say(match (lang, added) {
                (Lang::Fr, true) => format!("« {title} » ajouté à mon programme."),
                (Lang::Fr, false) => format!("« {title} » retiré de mon programme."),
                (Lang::En, true) => format!("“{title}” added to my programme."),
                (Lang::En, false) => format!("“{title}” removed from my programme."),
            });
        }
    };
    view! {
        <button type="button" class="toggle" aria-pressed=move || if chosen.get() { "true" } else { "false" } on:click=on_click>
            // The star is in the DOM, not drawn by CSS, so the state still shows without styles (RGAA 10.2).
            <span class="toggle__star" aria-hidden="true">{move || if chosen.get() { "★" } else { "☆" }}</span>
            {if lang == Lang::En { "My programme" } else { "Mon programme" }}
            <VisuallyHidden>
                {if lang == Lang::En { ": " } else { " : " }}
                // An element only when the title needs its own `lang`: lists stay light.
                {match marked {
                    Some(code) => view! { <span lang=code>{title}</span> }.into_any(),
                    None => title.into_any(),
                }}
            </VisuallyHidden>
        </button>
    }
}
