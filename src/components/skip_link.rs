use leptos::prelude::*;

use super::page::focus_by_id;

/// "Aller au contenu": the first Tab stop; moves focus to `<main>` (WCAG 2.4.1 bypass blocks).
#[component]
pub fn SkipLink() -> impl IntoView {
    // Focus is moved by hand: the router would otherwise treat the hash link as a navigation.
    let skip = |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        focus_by_id("contenu");
    };
    view! { <a class="skip-link" href="#contenu" on:click=skip>"Aller au contenu"</a> }
}
