use leptos::prelude::*;

/// Text for screen readers only (the "visually hidden" technique, not `display: none`, which
/// would hide it from them too): e.g. the day and time before an item's title.
#[component]
pub fn VisuallyHidden(children: Children) -> impl IntoView {
    view! { <span class="visually-hidden">{children()}</span> }
}
