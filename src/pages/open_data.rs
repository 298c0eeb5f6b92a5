use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{DataTable, DataView, Page, RowHeader};
use crate::data::{use_data, CATALOGUE};
use crate::format;
use crate::model::Catalogue;

/// `/donnees`: every data file on offer, with its size, format, JSON Schema and licence.
#[component]
pub fn OpenDataPage() -> impl IntoView {
    let catalogue = use_data::<Catalogue>(CATALOGUE);
    view! {
        <Page heading="Données ouvertes" title="Données ouvertes">
            <p class="lead">
                "Tout ce que ce site affiche vient de quelques fichiers publics, que chacun peut télécharger, réutiliser et vérifier, comme le prévoit l’"
                <A href="/charte#engagement-3">"engagement n°3 de la charte"</A>"."
            </p>
            <DataView resource=catalogue what="la liste des données" render=|c| view! { <CatalogueTable catalogue=c/> }/>
        </Page>
    }
}

#[component]
fn CatalogueTable(catalogue: Arc<Catalogue>) -> impl IntoView {
    let licence = catalogue.licence.clone();
    let rows = catalogue.files.iter().map(|f| {
        let link = view! { <a href=format!("/data/{}", f.path) download=f.path.clone() type=f.media_type.clone()>{f.path.clone()}</a> };
        view! {
            <tr>
                <RowHeader>{link}</RowHeader>
                <td>{f.title.clone()}</td>
                <td>{if f.media_type == "text/csv" { "CSV" } else { "JSON" }}</td>
                <td class="number">{format::bytes(f.bytes)}</td>
                <td>{match &f.schema {
                    Some(s) => view! {
                        <a href=format!("/data/{}", s.path) download=s.path.rsplit('/').next().unwrap_or("schema.json").to_owned()
                            type="application/schema+json">{format!("Schéma ({})", format::bytes(s.bytes))}</a>
                    }.into_any(),
                    None => view! { "sans objet" }.into_any(),
                }}</td>
            </tr>
        }
    }).collect_view();
    view! {
        <p>
            "Licence de tous les fichiers : "<a href=licence.url.clone() hreflang="fr">{licence.label.clone()}</a>
            ". Chaque fichier JSON suit un schéma JSON (2020-12) produit à partir des types du code du site et vérifié par ses tests."
        </p>
        <DataTable caption_id="fichiers-caption" caption="Fichiers de données"
            columns=["Fichier", "Contenu", "Format", "Taille", "Schéma JSON"].map(String::from).to_vec()>
            {rows}
        </DataTable>
        <p>"Les chiffres des éditions sont aussi offerts en CSV (séparateur virgule, UTF-8), une ligne par chiffre avec le texte dont il vient."</p>
    }
}
