use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{DataView, Page, Sources};
use crate::data::{use_data, CHARTER};
use crate::model::Charter;

/// `/charte`: the five engagements, each with a stable anchor (`#engagement-3`).
#[component]
pub fn CharterPage() -> impl IntoView {
    let charter = use_data::<Charter>(CHARTER);
    view! {
        <Page heading="La charte de NEC" title="La charte">
            <DataView resource=charter what="la charte" render=|c| view! { <CharterContent charter=c/> }/>
        </Page>
    }
}

#[component]
fn CharterContent(charter: Arc<Charter>) -> impl IntoView {
    let licence = charter.licence.clone();
    view! {
        <p class="lead">{charter.introduction.clone()}</p>
        <ol class="engagements">
            {charter.engagements.iter().map(|e| view! {
                <li id=format!("engagement-{}", e.number)>
                    <h2>{format!("Engagement n°{} : {}", e.number, e.title)}</h2>
                    <p>{e.text.clone()}</p>
                    <p><Sources sources=e.sources.clone()/></p>
                </li>
            }).collect_view()}
        </ol>
        <section aria-labelledby="licence">
            <h2 id="licence">"Licence"</h2>
            <p>
                {format!("Conformément à l’engagement n°{}, les ressources produites sont diffusées sous la licence ", licence.engagement)}
                <a href=licence.url.clone() hreflang="fr">{licence.name.clone()}</a>"."
            </p>
        </section>
        {(!charter.notes.is_empty()).then(|| view! {
            <section aria-labelledby="notes-charte">
                <h2 id="notes-charte">"Notes sur les sources"</h2>
                <ul>{charter.notes.iter().map(|n| view! { <li>{n.text.clone()}" "<Sources sources=n.sources.clone()/></li> }).collect_view()}</ul>
            </section>
        })}
    }
}
