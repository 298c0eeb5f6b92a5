use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{DataView, Page, Sources};
use crate::data::{use_data, CHARTER};
use crate::model::{Budgets, Charter};

/// The budgets the browser tests enforce, compiled in so the page states what the build checks.
const BUDGETS: &str = include_str!("../../budgets.json");

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
        <SiteCommitments/>
        {(!charter.notes.is_empty()).then(|| view! {
            <section aria-labelledby="notes-charte">
                <h2 id="notes-charte">"Notes sur les sources"</h2>
                <ul>{charter.notes.iter().map(|n| view! { <li>{n.text.clone()}" "<Sources sources=n.sources.clone()/></li> }).collect_view()}</ul>
            </section>
        })}
    }
}

/// How this site applies engagements 1, 3 and 5, in statements a visitor can check.
#[component]
fn SiteCommitments() -> impl IntoView {
    let weight = serde_json::from_str::<Budgets>(BUDGETS).ok().map(|b| {
        format!(
            "Chaque page pèse au plus {} Kio compressés à son premier chargement, données et copie hors ligne comprises, en {} requêtes au plus (et {} de plus pour la copie hors ligne), et affiche au plus {} éléments : ces budgets sont vérifiés à chaque construction du site. ",
            b.first_load_brotli_kib, b.requests, b.service_worker_requests, b.dom_elements
        )
    });
    view! {
        <section aria-labelledby="ce-site">
            <h2 id="ce-site">"Comment ce site applique la charte"</h2>
            <ul class="commitments">
                <li>
                    <strong>"Engagement n°1 : "</strong>
                    "le site est gratuit et sans compte. Son niveau d’accessibilité et ce qui reste à faire sont décrits dans la "
                    <A href="/accessibilite">"déclaration d’accessibilité"</A>"."
                </li>
                <li>
                    <strong>"Engagement n°3 : "</strong>
                    "toutes les données du site sont publiées sous licence libre, avec leur schéma et leurs sources : "
                    <A href="/donnees">"les données ouvertes"</A>"."
                </li>
                <li>
                    <strong>"Engagement n°5 : "</strong>
                    {weight}
                    "Aucun traceur, aucun cookie, aucune ressource chargée depuis un autre site : ces deux points sont aussi vérifiés par les tests."
                </li>
            </ul>
        </section>
    }
}
