use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{current_lang, text_view, DataTable, DataView, Numbered, Page, RowHeader, Subject};
use crate::data::{use_data, CATALOGUE};
use crate::locale::Lang;
use crate::model::Catalogue;

crate::texts! {
    heading: "Données ouvertes", "Open data";
    lead: "Tout ce que ce site affiche vient de quelques fichiers publics, que chacun peut télécharger, réutiliser et vérifier, comme le prévoit l’",
        "Everything this site shows comes from a few public files, which anyone can download, reuse and check, as ";
    lead_link: "engagement ", "commitment ";
    lead_link_after: " de la charte", " of the charter";
    lead_after: ".", " provides.";
    licence: "Licence de tous les fichiers : ", "Licence of all the files: ";
    schemas: ". Chaque fichier JSON suit un schéma JSON (2020-12) produit à partir des types du code du site et vérifié par ses tests.",
        ". Each JSON file follows a JSON Schema (2020-12) generated from the types in the site’s code and checked by its tests.";
    caption: "Fichiers de données", "Data files";
    column_file: "Fichier", "File";
    column_content: "Contenu", "Contents";
    column_format: "Format", "Format";
    column_size: "Taille", "Size";
    column_schema: "Schéma JSON", "JSON Schema";
    no_schema: "sans objet", "none";
    csv: "Les chiffres des éditions sont aussi offerts en CSV (séparateur virgule, UTF-8), une ligne par chiffre avec le texte dont il vient.",
        "The editions’ figures are also offered as CSV (comma-separated, UTF-8), one row per figure with the text it comes from.";
}

/// « Schéma (8,0 Kio) », "Schema (8.0 KiB)".
fn schema_link(lang: Lang, bytes: u64) -> String {
    match lang {
        Lang::Fr => format!("Schéma ({})", lang.bytes(bytes)),
        Lang::En => format!("Schema ({})", lang.bytes(bytes)),
    }
}

/// `/donnees`: every data file on offer, with its size, format, JSON Schema and licence.
#[component]
pub fn OpenDataPage() -> impl IntoView {
    let catalogue = use_data::<Catalogue>(CATALOGUE);
    let lang = current_lang();
    let t = texts(lang);
    view! {
        <Page heading=t.heading title=t.heading>
            <p class="lead">
                {t.lead}<a href=lang.path("/charte#engagement-3")>{t.lead_link}<Numbered number=3 lang/>{t.lead_link_after}</a>{t.lead_after}
            </p>
            <DataView resource=catalogue what=Subject::DataList render=|c| view! { <CatalogueTable catalogue=c/> }/>
        </Page>
    }
}

#[component]
fn CatalogueTable(catalogue: Arc<Catalogue>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let licence = catalogue.licence.clone();
    let rows = catalogue
        .files
        .iter()
        .map(|f| {
            let link = view! { <a href=format!("/data/{}", f.path) download=f.path.clone() type=f.media_type.clone()>{f.path.clone()}</a> };
            view! {
                <tr>
                    <RowHeader>{link}</RowHeader>
                    <td>{text_view(&f.title, lang)}</td>
                    <td>{if f.media_type == "text/csv" { "CSV" } else { "JSON" }}</td>
                    <td class="number">{lang.bytes(f.bytes)}</td>
                    <td>{match &f.schema {
                        Some(s) => view! {
                            <a href=format!("/data/{}", s.path) download=s.path.rsplit('/').next().unwrap_or("schema.json").to_owned()
                                type="application/schema+json">{schema_link(lang, s.bytes)}</a>
                        }.into_any(),
                        None => view! { {t.no_schema} }.into_any(),
                    }}</td>
                </tr>
            }
        })
        .collect_view();
    let columns = [t.column_file, t.column_content, t.column_format, t.column_size, t.column_schema].map(String::from).to_vec();
    view! {
        <p>
            {t.licence}<a href=licence.url.clone() hreflang="fr">{text_view(&licence.label, lang)}</a>
            {t.schemas}
        </p>
        <DataTable caption_id="fichiers-caption" caption=t.caption columns>
            {rows}
        </DataTable>
        <p>{t.csv}</p>
    }
}
