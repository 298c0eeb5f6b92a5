use leptos::prelude::*;

/// Content shown on demand (WAI-ARIA disclosure pattern, built on the native `<details>` and
/// `<summary>`, which give the button role, the expanded state and the keyboard for free).
#[component]
pub fn Disclosure(
    /// The always-visible label of the button.
    summary: &'static str,
    /// Words for screen readers after the label, saying whose content it is when a page holds
    /// several alike (« Description » of each session).
    #[prop(optional)]
    about: Option<AnyView>,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <details class=class>
            <summary>{summary}{about.map(|about| view! { <super::VisuallyHidden>{about}</super::VisuallyHidden> })}</summary>
            {children()}
        </details>
    }
}
