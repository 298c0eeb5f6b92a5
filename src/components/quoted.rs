use leptos::prelude::*;

use crate::format::quotation_parts;

/// A text from the data whose « quotations » of the sources become `<q>` elements (RGAA 9.4);
/// the marks are drawn back by CSS (`q { quotes: … }`), so the text reads the same.
#[component]
pub fn Quoted(#[prop(into)] text: String) -> impl IntoView {
    quotation_parts(&text)
        .into_iter()
        .map(|(quote, part)| {
            let part = part.to_owned();
            if quote { view! { <q>{part}</q> }.into_any() } else { part.into_any() }
        })
        .collect_view()
}
