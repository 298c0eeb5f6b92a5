use leptos::prelude::*;

use super::page::focus_by_id;
use super::use_lang;
use crate::locale::Lang;

/// "Aller au contenu": the first Tab stop; moves focus to `<main>` (WCAG 2.4.1 bypass blocks).
#[component]
pub fn SkipLink() -> impl IntoView {
    // Focus is moved by hand: the router would otherwise treat the hash link as a navigation.
    let skip = |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        focus_by_id("contenu");
    };
    let lang = use_lang();
    let label = move || match lang.get() {
        Lang::Fr => "Aller au contenu",
        Lang::En => "Skip to content",
    };
    view! {
        <a class="skip-link" href="#contenu" on:click=skip>
            {label}
        </a>
    }
}
