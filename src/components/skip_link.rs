use leptos::prelude::*;

/// "Aller au contenu": the first Tab stop; moves focus to `<main>` (WCAG 2.4.1 bypass blocks).
#[component]
pub fn SkipLink() -> impl IntoView {
    // Focus is moved by hand: the router would otherwise treat the hash link as a navigation.
    let skip = |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        if let Some(main) = document().get_element_by_id("contenu") {
            if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                let _ = main.focus();
            }
        }
    };
    view! { <a class="skip-link" href="#contenu" on:click=skip>"Aller au contenu"</a> }
}
