use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{DataView, Page, Quoted, Sources};
use crate::data::{use_data, PROGRAMME};
use crate::format;
use crate::model::{Cost, Programme};

/// `/infos-pratiques`: venue, hours, transport, registration, meals and partners of the 2023 edition.
#[component]
pub fn PracticalInfoPage() -> impl IntoView {
    let programme = use_data::<Programme>(PROGRAMME);
    view! {
        <Page heading="Informations pratiques" title="Informations pratiques">
            <DataView resource=programme what="les informations pratiques" render=|p| view! { <PracticalInfo programme=p/> }/>
        </Page>
    }
}

#[component]
fn PracticalInfo(programme: Arc<Programme>) -> impl IntoView {
    let p = programme;
    let organisers: Vec<String> = p.partners.organisers.iter().map(|o| o.name.clone()).collect();
    view! {
        <p class="notice"><strong>{p.edition.status.clone()}</strong></p>
        <h2>"Lieu"</h2>
        <address>{p.venue.name.clone()}<br/>{p.venue.address.clone()}</address>
        <dl class="facts">
            <div><dt>"Horaires"</dt><dd>{format!("{} – {}", format::time(p.venue.opens), format::time(p.venue.closes))}</dd></div>
            <div><dt>"Comment y aller ?"</dt><dd>{format::list(&p.venue.transport)}</dd></div>
        </dl>
        <h2>"Inscription"</h2>
        <p><Quoted text=p.registration.conditions.clone()/></p>
        <ul class="links">
            {p.registration.links.iter().map(|l| view! { <li><a class="button" href=l.url.clone()>{l.label.clone()}</a></li> }).collect_view()}
        </ul>
        <h2>"Repas"</h2>
        <ul>
            {p.meals.iter().map(|m| view! {
                <li>
                    <strong>{format!("{} : ", format::capitalised(&format::long_date(m.day)))}</strong>
                    {match m.cost { Cost::Free => "gratuit. ", Cost::PaidContribution => "contribution financière. " }}
                    {m.text.clone()}
                </li>
            }).collect_view()}
        </ul>
        <h2>"Organisateurs et partenaires"</h2>
        <p>"Organisé par "{format::list(&organisers)}", en partenariat avec :"</p>
        <ul class="partners">
            {p.partners.partners.iter().map(|partner| match &partner.url {
                Some(url) => view! { <li><a href=url.clone()>{partner.name.clone()}</a></li> }.into_any(),
                None => view! { <li>{partner.name.clone()}</li> }.into_any(),
            }).collect_view()}
        </ul>
        {p.partners.associated_events.iter().map(|e| view! { <p>{e.clone()}</p> }).collect_view()}
        <p><a href=p.edition.website.url.clone()>{p.edition.website.label.clone()}</a></p>
        <p><A href="/programme">"Voir le programme"</A></p>
        <p><Sources sources=p.sources.iter().map(|s| s.id.clone()).collect()/></p>
    }
}
