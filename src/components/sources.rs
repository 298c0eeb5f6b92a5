use leptos::prelude::*;

/// "Source : …" under a fact: the seed texts it comes from, by file name.
#[component]
pub fn Sources(sources: Vec<String>) -> impl IntoView {
    let label = if sources.len() > 1 { "Sources : " } else { "Source : " };
    view! {
        <p class="sources">
            {label}
            {sources.into_iter().enumerate().map(|(i, s)| view! {
                {(i > 0).then_some(", ")}
                <cite>{s}</cite>
            }).collect_view()}
        </p>
    }
}
