use leptos::prelude::*;

/// "Source : …" beside a fact (inline): the seed texts it comes from, by file name.
#[component]
pub fn Sources(sources: Vec<String>) -> impl IntoView {
    let label = if sources.len() > 1 { "(sources : " } else { "(source : " };
    view! {
        <span class="sources">
            {label}
            {sources.into_iter().enumerate().map(|(i, s)| view! {
                {(i > 0).then_some(", ")}
                <cite>{s}</cite>
            }).collect_view()}
            ")"
        </span>
    }
}
