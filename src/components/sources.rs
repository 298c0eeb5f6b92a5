use leptos::prelude::*;

use super::current_lang;
use crate::locale::Lang;

/// "Source : …" beside a fact (inline): the seed texts it comes from, by file name.
#[component]
pub fn Sources(sources: Vec<String>) -> impl IntoView {
    let label = match (current_lang(), sources.len() > 1) {
        (Lang::Fr, true) => "(sources : ",
        (Lang::Fr, false) => "(source : ",
        (Lang::En, true) => "(sources: ",
        (Lang::En, false) => "(source: ",
    };
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
