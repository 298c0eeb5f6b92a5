use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{current_lang, Page};
use crate::routes::Route;

crate::texts! {
    heading: "Plan du site", "Site map";
    home: "Accueil", "Home";
    programme: "Le programme de l’édition en cours", "The current edition’s programme";
    programme_hint: " : les journées, la recherche et les filtres ; chaque élément a sa page.", ": the days, the search and the filters; each item has its own page.";
    changes: "Modifications du programme", "Changes to the programme";
    changes_hint: " : chaque publication, datée, et ce qu’elle a changé", ": each publication, dated, and what it changed";
    practical: "Informations pratiques", "Practical information";
    practical_hint: " : lieu, horaires, accès, inscription et repas", ": venue, hours, getting there, registration and meals";
    my_programme: "Mon programme", "My programme";
    my_programme_hint: " : votre sélection, son fichier d’agenda et son lien de partage", ": your selection, its calendar file and its sharing link";
    charter: "La charte", "The charter";
    charter_hint: " : les cinq engagements", ": the five commitments";
    editions: "Les éditions depuis 2018", "The editions since 2018";
    editions_hint: " : villes, lieux et chiffres ; chaque édition a sa page.", ": cities, venues and figures; each edition has its own page.";
    open_data: "Données ouvertes", "Open data";
    open_data_hint: " : les fichiers du site, leurs schémas et leur licence", ": the site’s files, their schemas and their licence";
    embed: "Intégrer NEC sur votre site", "Embed NEC on your site";
    embed_hint: " : le programme, la charte ou l’historique dans vos pages", ": the programme, the charter or the history in your pages";
    privacy: "Données personnelles", "Personal data";
    accessibility: "Déclaration d’accessibilité", "Accessibility statement";
}

/// `/plan-du-site`: every section of the site in one list, a second way to reach each page
/// besides the main navigation (RGAA 12.1).
#[component]
pub fn SiteMapPage() -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    view! {
        <Page heading=t.heading title=t.heading>
            <ul class="site-map">
                <li>
                    <A href=lang.path(Route::Home.path())>{t.home}</A>
                </li>
                <li>
                    <A href=lang.path(Route::Programme.path())>{t.programme}</A>
                    {t.programme_hint}
                    <ul>
                        <li>
                            <A href=lang.path(Route::PracticalInfo.path())>{t.practical}</A>
                            {t.practical_hint}
                        </li>
                        <li>
                            <A href=lang.path(Route::MyProgramme.path())>{t.my_programme}</A>
                            {t.my_programme_hint}
                        </li>
                        <li>
                            <A href=lang.path(Route::ProgrammeChanges.path())>{t.changes}</A>
                            {t.changes_hint}
                        </li>
                    </ul>
                </li>
                <li>
                    <A href=lang.path(Route::Charter.path())>{t.charter}</A>
                    {t.charter_hint}
                </li>
                <li>
                    <A href=lang.path(Route::Editions.path())>{t.editions}</A>
                    {t.editions_hint}
                </li>
                <li>
                    <A href=lang.path(Route::OpenData.path())>{t.open_data}</A>
                    {t.open_data_hint}
                </li>
                <li>
                    <A href=lang.path(Route::Embed.path())>{t.embed}</A>
                    {t.embed_hint}
                </li>
                <li>
                    <A href=lang.path(Route::Privacy.path())>{t.privacy}</A>
                </li>
                <li>
                    <A href=lang.path(Route::Accessibility.path())>{t.accessibility}</A>
                </li>
                <li>
                    <A href=lang.path(Route::SiteMap.path())>{t.heading}</A>
                </li>
            </ul>
        </Page>
    }
}
