use leptos::prelude::*;

use super::{current_lang, text_view};
use crate::model::Programme;
use crate::phase::{took_place, Phase};

/// What a page about the programme says first: once the edition is over, that it took place; then
/// what the sources said of its programme, dated. `data-phase` tells the boot script which clock
/// the page was written by (scripts/shipped/boot.js).
#[component]
pub fn EditionNotice(
    programme: std::sync::Arc<Programme>,
    /// Words after the status (« — horaires à l’heure de Paris. »).
    #[prop(optional)]
    after: &'static str,
) -> impl IntoView {
    let lang = current_lang();
    let phase = crate::clock::phase(&programme);
    let status = text_view(&programme.edition.status, lang);
    match phase.eq(&Phase::After).then(|| took_place(&programme, lang)).flatten() {
        Some(past) => view! {
            <p class="notice" data-phase=phase.code()>
                <strong>{past}</strong>
                " "
                {status}
                {after}
            </p>
        }
        .into_any(),
        None => view! {
            <p class="notice" data-phase=phase.code()>
                <strong>{status}</strong>
                {after}
            </p>
        }
        .into_any(),
    }
}
