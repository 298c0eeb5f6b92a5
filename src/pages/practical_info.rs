use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{current_lang, text_view, DataView, Disagreements, EditionNotice, Page, Quoted, Sources, Subject};
use crate::data::use_programme;
use crate::format;
use crate::locale::Lang;
use crate::model::{cite, Cost, Programme};
use crate::phase::Phase;
use crate::routes::Route;

crate::texts! {
    heading: "Informations pratiques", "Practical information";
    venue: "Lieu", "Venue";
    hours: "Horaires", "Opening hours";
    getting_there: "Comment y aller ?", "Getting there";
    registration: "Inscription", "Registration";
    meals: "Repas", "Meals";
    free: "gratuit. ", "free. ";
    paid: "contribution financière. ", "financial contribution. ";
    partners_heading: "Organisateurs et partenaires", "Organisers and partners";
    organised_by: "Organisé par ", "Organised by ";
    in_partnership: ", en partenariat avec :", ", in partnership with:";
    see_programme: "Voir le programme", "See the programme";
    registration_closed: "Les inscriptions sont closes : cette édition est passée.", "Registration is closed: this edition is over.";
}

/// « Jeudi 19 octobre 2023 : », "Thursday 19 October 2023: ".
fn meal_day(lang: Lang, day: chrono::NaiveDate) -> String {
    match lang {
        Lang::Fr => format!("{} : ", format::capitalised(&format::long_date(day))),
        Lang::En => format!("{}: ", lang.long_date(day)),
    }
}

/// The separator before item `i` of `len` in a running list: « , » then « et », ", " then "and".
fn separator(lang: Lang, i: usize, len: usize) -> &'static str {
    match (lang, i) {
        (_, 0) => "",
        (Lang::Fr, i) if i + 1 == len => " et ",
        (Lang::En, i) if i + 1 == len => " and ",
        _ => ", ",
    }
}

/// `/infos-pratiques`: venue, hours, transport, registration, meals and partners of the 2023 edition.
#[component]
pub fn PracticalInfoPage() -> impl IntoView {
    let programme = use_programme(None);
    let t = texts(current_lang());
    view! {
        <Page heading=t.heading title=t.heading>
            <DataView resource=programme what=Subject::PracticalInfo render=|p| view! { <PracticalInfo programme=p /> } />
        </Page>
    }
}

#[component]
fn PracticalInfo(programme: Arc<Programme>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let p = programme;
    // Names of French places, bodies and events: not translated, so marked French on an English page (RGAA 8.7).
    let names_lang = (lang == Lang::En).then_some("fr");
    let transport = p
        .venue
        .transport
        .iter()
        .enumerate()
        .map(|(i, means)| {
            view! {
                {separator(lang, i, p.venue.transport.len())}
                {text_view(means, lang)}
            }
        })
        .collect_view();
    let organisers = p
        .partners
        .organisers
        .iter()
        .enumerate()
        .map(|(i, o)| {
            view! {
                {separator(lang, i, p.partners.organisers.len())}
                {text_view(&o.name, lang)}
            }
        })
        .collect_view();
    view! {
        <EditionNotice programme=p.clone() />
        <h2>{t.venue}</h2>
        <address lang=names_lang>{p.venue.name.clone()}<br />{p.venue.address.clone()}</address>
        <dl class="facts">
            <dt>{t.hours}</dt>
            <dd>{format!("{} – {}", lang.time(p.venue.opens), lang.time(p.venue.closes))}</dd>
            <dt>{t.getting_there}</dt>
            <dd>{transport}</dd>
        </dl>
        <h2>{t.registration}</h2>
        <p>
            <Quoted text=p.registration.conditions.clone() />
            " "
            <Sources sources=cite(&p.sources, &p.registration.sources) />
        </p>
        <Disagreements disagreements=p.registration.disagreements.clone() catalogue=p.sources.clone() />
        // No live « S’inscrire » for an edition that is over.
        {if crate::clock::phase(&p) == Phase::After {
            view! {
                <p>
                    <strong>{t.registration_closed}</strong>
                </p>
            }
                .into_any()
        } else {
            view! {
                <ul class="links">
                    {p
                        .registration
                        .links
                        .iter()
                        .map(|l| {
                            view! {
                                <li>
                                    <a class="button" href=l.url.clone()>
                                        {text_view(&l.label, lang)}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
        <h2>{t.meals}</h2>
        <ul>
            {p
                .meals
                .iter()
                .map(|m| {
                    view! {
                        <li>
                            <strong>{meal_day(lang, m.day)}</strong>
                            {match m.cost {
                                Cost::Free => t.free,
                                Cost::PaidContribution => t.paid,
                            }}
                            {text_view(&m.text, lang)}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <h2>{t.partners_heading}</h2>
        <p>{t.organised_by}{organisers}{t.in_partnership}</p>
        <ul class="partners">
            {p
                .partners
                .partners
                .iter()
                .map(|partner| match &partner.url {
                    Some(url) => {
                        view! {
                            <li>
                                <a href=url.clone()>{text_view(&partner.name, lang)}</a>
                            </li>
                        }
                            .into_any()
                    }
                    None => view! { <li>{text_view(&partner.name, lang)}</li> }.into_any(),
                })
                .collect_view()}
        </ul>
        {p.partners.associated_events.iter().map(|e| view! { <p>{text_view(e, lang)}</p> }).collect_view()}
        <p>
            <a href=p.edition.website.url.clone()>{text_view(&p.edition.website.label, lang)}</a>
        </p>
        <p>
            <a href=lang.path(Route::Programme.path())>{t.see_programme}</a>
        </p>
        <p>
            <Sources sources=p.sources.clone() />
        </p>
    }
}
