use leptos::prelude::*;

use super::VisuallyHidden;
use crate::locale::Lang;

/// « n° 3 » for the eye, « numéro 3 » for the ear: speech engines read « n°3 » "n trois" (issue
/// 26), so the sign is hidden from them and its word given instead.
#[component]
pub fn Numbered(number: u32, lang: Lang) -> impl IntoView {
    let (sign, word) = match lang {
        Lang::Fr => ("n°", "numéro"),
        Lang::En => ("no.", "number"),
    };
    // The space outside both spans: a space at the end of one is dropped from the accessible
    // name (« numéro3 » on a braille display).
    view! {
        <span aria-hidden="true">{sign}</span>
        <VisuallyHidden>{word}</VisuallyHidden>
        "\u{a0}"
        {number}
    }
}

/// « Engagement n°3 : », "Commitment no. 3: ", before an engagement's title (the charter page,
/// the widget).
pub fn engagement_label(lang: Lang, number: u32) -> impl IntoView {
    let (word, colon) = match lang {
        Lang::Fr => ("Engagement ", "\u{a0}: "),
        Lang::En => ("Commitment ", ": "),
    };
    view! {
        {word}
        <Numbered number lang />
        {colon}
    }
}
