use leptos::prelude::*;

use crate::components::announcer::use_announcer;
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
            <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20" class="toggle__icon">
                <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.5L12 17.3l-5.9 3.2 1.3-6.5L2.5 9.4l6.6-.8z"/>
            </svg>
            "Mon programme"
            <span class="visually-hidden">{format!(" : {title}")}</span>
        </button>
    }
}
