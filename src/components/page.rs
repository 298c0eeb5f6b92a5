use leptos::prelude::*;

/// One page: sets the document title and renders the page's only `h1`, then its content.
#[component]
pub fn Page(
    /// The visible heading.
    heading: String,
    /// The document title, unique per route; " — Numérique en Commun[s]" is appended.
    title: String,
    children: Children,
) -> impl IntoView {
    document().set_title(&format!("{title} — Numérique en Commun[s]"));
    view! {
        <h1 id="titre-page" tabindex="-1">{heading}</h1>
        {children()}
    }
}
