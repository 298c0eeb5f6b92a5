use leptos::prelude::*;

/// One page: keeps the document title in step and renders the page's only `h1`, then its content.
#[component]
pub fn Page(
    /// The visible heading; may change once data has loaded.
    #[prop(into)]
    heading: Signal<String>,
    /// The document title, unique per route; " — Numérique en Commun[s]" is appended.
    #[prop(into)]
    title: Signal<String>,
    children: Children,
) -> impl IntoView {
    Effect::new(move |_| document().set_title(&format!("{} — Numérique en Commun[s]", title.get())));
    view! {
        <h1 id="titre-page" tabindex="-1">{heading}</h1>
        {children()}
    }
}
