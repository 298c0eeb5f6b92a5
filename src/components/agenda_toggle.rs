use leptos::prelude::*;

use super::announcer::use_announcer;
use super::VisuallyHidden;
use crate::storage::use_agenda;

/// Adds an item to "Mon programme" or takes it out: a toggle button (`aria-pressed`, WAI-ARIA
/// button pattern) whose name includes the item's title and stays the same in both states.
#[component]
pub fn AgendaToggle(id: String, title: String) -> impl IntoView {
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
            announcer.say(if added {
                format!("« {title} » ajouté à mon programme.")
            } else {
                format!("« {title} » retiré de mon programme.")
            });
        }
    };
    view! {
        <button type="button" class="toggle" aria-pressed=move || if chosen.get() { "true" } else { "false" } on:click=on_click>
            // The star is in the DOM, not drawn by CSS, so the state still shows without styles (RGAA 10.2).
            <span class="toggle__star" aria-hidden="true">{move || if chosen.get() { "★" } else { "☆" }}</span>
            "Mon programme"
            <VisuallyHidden>{format!(" : {title}")}</VisuallyHidden>
        </button>
    }
}
