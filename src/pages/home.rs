use leptos::prelude::*;

use crate::components::{current_lang, pieces_view, text_view, DataView, EditionNotice, Page, Subject};
use crate::data::use_programme;
use crate::describe::text_piece;
use crate::locale::Lang;
use crate::model::Programme;
use crate::routes::Route;

crate::texts! {
    title: "Accueil", "Home";
    lead: "Le rendez-vous des acteurs d’un numérique d’intérêt général, ouvert, inclusif, accessible, durable, souverain et éthique, à l’initiative de l’Agence nationale de la cohésion des territoires.",
        "The gathering of everyone working for a digital world in the public interest: open, inclusive, accessible, sustainable, sovereign and ethical, convened by the French national agency for territorial cohesion (ANCT).";
    sections: "Rubriques", "Sections";
    programme_hint: "Journées, temps forts, thématiques, formats et informations pratiques.", "Days, highlights, themes, formats and practical information.";
    charter: "La charte", "The charter";
    charter_hint: "Les cinq engagements des organisateurs et des partenaires.", "The five commitments of the organisers and partners.";
    editions: "Les éditions depuis 2018", "The editions since 2018";
    editions_hint: "Villes, lieux et chiffres de chaque édition nationale, et les NEC locaux.", "Cities, venues and figures of each national edition, and the local NECs.";
    edition: "Édition", "Edition";
    dates: "Dates", "Dates";
    venue: "Lieu", "Venue";
    themes: "Thématiques", "Themes";
}

/// « Le programme 2023 », "The 2023 programme": the current edition's, its year once loaded.
fn programme_card(lang: Lang, year: Option<i32>) -> String {
    match (lang, year) {
        (Lang::Fr, Some(year)) => format!("Le programme {year}"),
        (Lang::En, Some(year)) => format!("The {year} programme"),
        (Lang::Fr, None) => "Le programme".to_owned(),
        (Lang::En, None) => "The programme".to_owned(),
    }
}

/// « L’édition 2023 en un coup d’œil », "The 2023 edition at a glance".
fn at_a_glance(lang: Lang, year: Option<i32>) -> String {
    match (lang, year) {
        (Lang::Fr, Some(year)) => format!("L’édition {year} en un coup d’œil"),
        (Lang::En, Some(year)) => format!("The {year} edition at a glance"),
        (Lang::Fr, None) => "L’édition en cours en un coup d’œil".to_owned(),
        (Lang::En, None) => "The current edition at a glance".to_owned(),
    }
}

/// `/`: the current edition at a glance, and the way to each section.
#[component]
pub fn HomePage() -> impl IntoView {
    let programme = use_programme(None);
    let lang = current_lang();
    let t = texts(lang);
    let year = move || programme.with(|p| p.as_ref().and_then(|p| p.as_ref().ok()).map(|p| p.edition.year));
    view! {
        <Page heading="Numérique en Commun[s]" title=t.title>
            <p class="lead">{t.lead}</p>
            // The sections first: they do not wait for the data, so nothing moves under the reader when the edition appears (no layout shift).
            <nav aria-labelledby="rubriques" class="sections">
                <h2 id="rubriques">{t.sections}</h2>
                <ul class="cards">
                    <li>
                        <a href=lang.path(Route::Programme.path())>{move || programme_card(lang, year())}</a>
                        <p>{t.programme_hint}</p>
                    </li>
                    <li>
                        <a href=lang.path(Route::Charter.path())>{t.charter}</a>
                        <p>{t.charter_hint}</p>
                    </li>
                    <li>
                        <a href=lang.path(Route::Editions.path())>{t.editions}</a>
                        <p>{t.editions_hint}</p>
                    </li>
                </ul>
            </nav>
            <section aria-labelledby="edition-courante">
                <h2 id="edition-courante">{move || at_a_glance(lang, year())}</h2>
                <DataView resource=programme what=Subject::CurrentEdition render=|p| view! { <AtAGlance programme=p /> } />
            </section>
        </Page>
    }
}

#[component]
fn AtAGlance(programme: std::sync::Arc<Programme>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let first = programme.days.iter().map(|d| d.date).min();
    let last = programme.days.iter().map(|d| d.date).max();
    let dates = first.zip(last).map(|(a, b)| lang.date_span(a, b)).unwrap_or_default();
    let number = format!("{}, {}", lang.edition_ordinal(programme.edition.number), programme.edition.city);
    let themes = lang.list_pieces(programme.themes.iter().map(|t| text_piece(&t.name, lang)).collect());
    view! {
        <dl class="facts">
            <dt>{t.edition}</dt>
            <dd>{number}</dd>
            <dt>{t.dates}</dt>
            <dd>{dates}</dd>
            <dt>{t.venue}</dt>
            <dd>{format!("{}, {}", programme.venue.name, programme.venue.address)}</dd>
            <dt>{t.themes}</dt>
            <dd>{pieces_view(themes, lang)}</dd>
        </dl>
        <p>{text_view(&programme.edition.summary, lang)}</p>
        <EditionNotice programme=programme.clone() />
    }
}
