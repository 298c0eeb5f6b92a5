use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{DataView, Page};
use crate::data::{use_data, PROGRAMME};
use crate::format;
use crate::model::Programme;

/// `/`: the 2023 edition at a glance, and the way to each section.
#[component]
pub fn HomePage() -> impl IntoView {
    let programme = use_data::<Programme>(PROGRAMME);
    view! {
        <Page heading="Numérique en Commun[s]" title="Accueil">
            <p class="lead">
                "Le rendez-vous des acteurs d’un numérique d’intérêt général, ouvert, inclusif, accessible, durable, souverain et éthique, à l’initiative de l’Agence nationale de la cohésion des territoires."
            </p>
            // The sections first: they do not wait for the data, so nothing moves under the reader when the edition appears (no layout shift).
            <nav aria-labelledby="rubriques" class="sections">
                <h2 id="rubriques">"Rubriques"</h2>
                <ul class="cards">
                    <li><A href="/programme">"Le programme 2023"</A><p>"Journées, temps forts, thématiques, formats et informations pratiques."</p></li>
                    <li><A href="/charte">"La charte"</A><p>"Les cinq engagements des organisateurs et des partenaires."</p></li>
                    <li><A href="/editions">"Les éditions depuis 2018"</A><p>"Villes, lieux et chiffres de chaque édition nationale, et les NEC locaux."</p></li>
                </ul>
            </nav>
            <section aria-labelledby="edition-2023">
                <h2 id="edition-2023">"L’édition 2023 en un coup d’œil"</h2>
                <DataView resource=programme what="l’édition 2023" render=|p| view! { <AtAGlance programme=p/> }/>
            </section>
        </Page>
    }
}

#[component]
fn AtAGlance(programme: std::sync::Arc<Programme>) -> impl IntoView {
    let first = programme.days.iter().map(|d| d.date).min();
    let last = programme.days.iter().map(|d| d.date).max();
    let dates = first.zip(last).map(|(a, b)| format::date_span(a, b)).unwrap_or_default();
    let themes: Vec<String> = programme.themes.iter().map(|t| t.name.clone()).collect();
    view! {
        <dl class="facts">
            <div><dt>"Édition"</dt><dd>{format!("{}e édition, {}", programme.edition.number, programme.edition.city)}</dd></div>
            <div><dt>"Dates"</dt><dd>{dates}</dd></div>
            <div><dt>"Lieu"</dt><dd>{format!("{}, {}", programme.venue.name, programme.venue.address)}</dd></div>
            <div><dt>"Thématiques"</dt><dd>{format::list(&themes)}</dd></div>
        </dl>
        <p>{programme.edition.summary.clone()}</p>
        <p class="notice"><strong>{programme.edition.status.clone()}</strong></p>
    }
}
