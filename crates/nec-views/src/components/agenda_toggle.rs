use leptos::prelude::*;

use super::announcer::use_announcer;
use super::{current_lang, VisuallyHidden};
use crate::chosen::Chosen;
use crate::locale::Pieces;
use crate::model::Text;
use crate::storage::use_agenda;
use chrono::NaiveDate;

crate::texts! {
    my_programme: "Mon programme", "My programme";
    added: " ajouté à mon programme.", " added to my programme.";
    removed: " retiré de mon programme.", " removed from my programme.";
}

/// Adds an item to "Mon programme" or takes it out: a toggle button (`aria-pressed`, WAI-ARIA
/// button pattern) whose name includes the item's title and stays the same in both states.
/// The title is in the page's language if translated, else in French, marked `lang="fr"` inside
/// the name and inside the announcement.
#[component]
pub fn AgendaToggle(
    /// The item as the page shows it (`Chosen::of`): what Mon programme keeps when it is chosen.
    choice: Chosen,
    title: Text,
    /// The item's day when another item has the same title (`Programme::namesake_day`).
    namesake_day: Option<NaiveDate>,
) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let day = namesake_day.map(|d| format!(" ({})", lang.long_date(d))).unwrap_or_default();
    let (words, title_lang) = title.get(lang);
    let title = words.to_owned();
    let marked = (title_lang != lang).then_some(title_lang.code());
    let agenda = use_agenda();
    let announcer = use_announcer();
    let chosen = {
        let id = choice.id.clone();
        Memo::new(move |_| agenda.ids.with(|ids| ids.contains(&id)))
    };
    let on_click = {
        let (title, day) = (title.clone(), day.clone());
        move |_| {
            let added = agenda.toggle(choice.clone());
            let (open, shut) = lang.words().quotes;
            let done = if added { t.added } else { t.removed };
            // « Accueil NEC » (jeudi 19 octobre 2023) ajouté à mon programme.
            let mut message = Pieces::of(open, lang);
            message.push(&title, title_lang).push(shut, lang).push(&day, lang).push(done, lang);
            announcer.say_pieces(message);
        }
    };
    // The title is an element of its own only when it needs its own `lang`: lists stay light.
    view! {
        <button type="button" class="toggle" aria-pressed=move || if chosen.get() { "true" } else { "false" } on:click=on_click>
            // The star is in the DOM, not drawn by CSS, so the state still shows without styles (RGAA 10.2).
            <span class="toggle__star" aria-hidden="true">
                {move || if chosen.get() { "★" } else { "☆" }}
            </span>
            {t.my_programme}
            <VisuallyHidden>
                {lang.words().colon}
                {match marked {
                    Some(code) => view! { <span lang=code>{title}</span> }.into_any(),
                    None => title.into_any(),
                }} {(!day.is_empty()).then_some(day.clone())}
            </VisuallyHidden>
        </button>
    }
}
