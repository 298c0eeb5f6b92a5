use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{current_lang, engagement_label, text_view, DataView, Numbered, Original, Page, Sources, Subject};
use crate::data::use_data;
use crate::locale::Lang;
use crate::model::{cite, Charter};
use crate::routes::Route;

crate::texts! {
    heading: "La charte de NEC", "The NEC charter";
    title: "La charte", "The charter";
    licence: "Licence", "Licence";
    licence_after: ".", " licence.";
    notes: "Notes sur les sources", "Notes on the sources";
    applies: "Comment ce site applique la charte", "How this site applies the charter";
    free: "le site est gratuit et sans compte. Son niveau d’accessibilité et ce qui reste à faire sont décrits dans la ",
        "the site is free and needs no account. Its level of accessibility and what remains to be done are described in the ";
    statement: "déclaration d’accessibilité", "accessibility statement";
    open: "toutes les données du site sont publiées sous licence libre, avec leur schéma et leurs sources : ",
        "all the site’s data is published under a free licence, with its schemas and its sources: ";
    open_data: "les données ouvertes", "the open data";
    sober: "Aucun traceur, aucun cookie, aucune ressource chargée depuis un autre site : ces deux points sont aussi vérifiés par les tests.",
        "No tracker, no cookie, no resource loaded from another site: these two points are also checked by the tests.";
}

/// The licence sentence up to the licence's name.
fn licence_before(lang: Lang, number: u32) -> impl IntoView {
    let (before, after) = match lang {
        Lang::Fr => ("Conformément à l’engagement ", ", les ressources produites sont diffusées sous la licence "),
        Lang::En => ("In line with commitment ", ", the resources produced are released under the "),
    };
    view! {
        {before}
        <Numbered number lang />
        {after}
    }
}

/// The page budgets, as this site's part of engagement 5.
fn weight(lang: Lang) -> String {
    use budget::*;
    match lang {
        Lang::Fr => format!(
            "Chaque page arrive avec son contenu, lisible sans JavaScript : au plus {} Kio compressés suffisent pour l’afficher. Lue, elle pèse au plus {} Kio compressés à son premier chargement, copie hors ligne comprise, en {} requêtes au plus (et {} de plus pour la copie hors ligne), et affiche au plus {} éléments. Le thème, « Mon programme » et l’effacement des données gardées sur votre appareil fonctionnent sans elle ; l’application, qui fait fonctionner la recherche, les filtres et les formulaires, ne se télécharge qu’au premier usage de l’un d’eux : au plus {} Kio compressés de plus, données et copie hors ligne comprises. Ces budgets sont vérifiés à chaque construction du site. ",
            CONTENT_BEFORE_WASM, FIRST_LOAD, REQUESTS, SERVICE_WORKER_REQUESTS, DOM_ELEMENTS, APP_START
        ),
        Lang::En => format!(
            "Each page arrives with its content, readable without JavaScript: at most {} KiB compressed are enough to display it. Read, it weighs at most {} KiB compressed on its first load, offline copy included, in at most {} requests (and {} more for the offline copy), and displays at most {} elements. The theme, “My programme” and erasing the data kept on your device work without it; the application, which runs the search, filters and forms, is only downloaded when one of them is first used: at most {} KiB compressed more, data and offline copy included. These budgets are checked on every build of the site. ",
            CONTENT_BEFORE_WASM, FIRST_LOAD, REQUESTS, SERVICE_WORKER_REQUESTS, DOM_ELEMENTS, APP_START
        ),
    }
}

/// The budgets the browser tests enforce, read from budgets.json when compiling, so the page
/// states what the build checks (only these numbers reach the wasm).
mod budget {
    use crate::model::json_number;
    const FILE: &str = include_str!("../../budgets.json");
    pub const CONTENT_BEFORE_WASM: u32 = json_number(FILE, "content_before_wasm_brotli_kib");
    pub const FIRST_LOAD: u32 = json_number(FILE, "first_load_brotli_kib");
    pub const REQUESTS: u32 = json_number(FILE, "requests");
    pub const SERVICE_WORKER_REQUESTS: u32 = json_number(FILE, "service_worker_requests");
    pub const DOM_ELEMENTS: u32 = json_number(FILE, "dom_elements");
    pub const APP_START: u32 = json_number(FILE, "app_start_brotli_kib");
}

/// `/charte`: the five engagements, each with a stable anchor (`#engagement-3`).
#[component]
pub fn CharterPage() -> impl IntoView {
    let charter = use_data::<Charter>();
    let t = texts(current_lang());
    view! {
        <Page heading=t.heading title=t.title>
            <DataView resource=charter what=Subject::Charter render=|c| view! { <CharterContent charter=c /> } />
        </Page>
    }
}

#[component]
fn CharterContent(charter: Arc<Charter>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let licence = charter.licence.clone();
    view! {
        <p class="lead">{text_view(&charter.introduction, lang)}</p>
        <ol class="engagements">
            {charter
                .engagements
                .iter()
                .map(|e| {
                    view! {
                        <li id=format!("engagement-{}", e.number)>
                            <h2>{engagement_label(lang, e.number)}{text_view(&e.title, lang)}</h2>
                            <p>{text_view(&e.text, lang)}</p>
                            <Original texts=vec![e.title.clone(), e.text.clone()] />
                            <p>
                                <Sources sources=cite(&charter.sources, &e.sources) />
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <section aria-labelledby="licence">
            <h2 id="licence">{t.licence}</h2>
            <p>
                {licence_before(lang, licence.engagement)} <a href=licence.url.clone() hreflang="fr">
                    {licence.name.clone()}
                </a>{t.licence_after}
            </p>
        </section>
        <SiteCommitments />
        {(!charter.notes.is_empty())
            .then(|| {
                view! {
                    <section aria-labelledby="notes-charte">
                        <h2 id="notes-charte">{t.notes}</h2>
                        <ul>
                            {charter
                                .notes
                                .iter()
                                .map(|n| {
                                    view! { <li>{text_view(&n.text, lang)}" "<Sources sources=cite(&charter.sources, &n.sources) /></li> }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })}
    }
}

/// How this site applies engagements 1, 3 and 5, in statements a visitor can check.
#[component]
fn SiteCommitments() -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let weight = weight(lang);
    view! {
        <section aria-labelledby="ce-site">
            <h2 id="ce-site">{t.applies}</h2>
            <ul class="commitments">
                <li>
                    <strong>{engagement_label(lang, 1)}</strong>
                    {t.free}
                    <a href=lang.path(Route::Accessibility.path())>{t.statement}</a>
                    "."
                </li>
                <li>
                    <strong>{engagement_label(lang, 3)}</strong>
                    {t.open}
                    <a href=lang.path(Route::OpenData.path())>{t.open_data}</a>
                    "."
                </li>
                <li>
                    <strong>{engagement_label(lang, 5)}</strong>
                    {weight}
                    {t.sober}
                </li>
            </ul>
        </section>
    }
}
