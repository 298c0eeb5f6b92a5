use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::Page;

/// `/plan-du-site`: every section of the site in one list, a second way to reach each page
/// besides the main navigation (RGAA 12.1).
#[component]
pub fn SiteMapPage() -> impl IntoView {
    view! {
        <Page heading="Plan du site" title="Plan du site">
            <ul class="site-map">
                <li><A href="/">"Accueil"</A></li>
                <li>
                    <A href="/programme">"Programme 2023"</A>" : les journées, la recherche et les filtres ; chaque élément a sa page."
                    <ul>
                        <li><A href="/infos-pratiques">"Informations pratiques"</A>" : lieu, horaires, accès, inscription et repas"</li>
                        <li><A href="/mon-programme">"Mon programme"</A>" : votre sélection, son fichier d’agenda et son lien de partage"</li>
                    </ul>
                </li>
                <li><A href="/charte">"La charte"</A>" : les cinq engagements"</li>
                <li><A href="/editions">"Les éditions depuis 2018"</A>" : villes, lieux et chiffres ; chaque édition a sa page."</li>
                <li><A href="/donnees">"Données ouvertes"</A>" : les fichiers du site, leurs schémas et leur licence"</li>
                <li><A href="/integrer">"Intégrer NEC sur votre site"</A>" : le programme, la charte ou l’historique dans vos pages"</li>
                <li><A href="/donnees-personnelles">"Données personnelles"</A></li>
                <li><A href="/accessibilite">"Déclaration d’accessibilité"</A></li>
                <li><A href="/plan-du-site">"Plan du site"</A></li>
            </ul>
        </Page>
    }
}
