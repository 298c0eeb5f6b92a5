use leptos::prelude::*;

use super::current_lang;
use crate::format::quotation_parts;
use crate::model::Text;

/// A text from the data whose « quotations » of the sources become `<q>` elements (RGAA 9.4);
/// the marks are drawn back by CSS (`q { quotes: … }`), so the text reads the same. In the page's
/// language if translated, else in French inside `lang="fr"`.
#[component]
pub fn Quoted(#[prop(into)] text: Text) -> impl IntoView {
    let lang = current_lang();
    let (words, in_lang) = text.get(lang);
    let parts = quotation_parts(words)
        .into_iter()
        .map(|(quote, part)| {
            let part = part.to_owned();
            if quote {
                view! { <q>{part}</q> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view();
    if in_lang == lang {
        parts.into_any()
    } else {
        view! { <span lang=in_lang.code()>{parts}</span> }.into_any()
    }
}
