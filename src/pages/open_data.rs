use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{current_lang, text_view, DataTable, DataView, Numbered, Page, RowHeader, Subject};
use crate::data::use_data;
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
    subscribe: "S’abonner au programme", "Subscribe to the programme";
    subscribe_lead: "Abonné, votre agenda suit le programme : il ajoute, déplace ou barre les éléments quand le programme change, sans rien télécharger de nouveau. Seuls les éléments dont l’horaire est annoncé y figurent ; les autres apparaîtront quand il le sera.",
        "Once subscribed, your calendar follows the programme: it adds, moves or strikes out items when the programme changes, with nothing new to download. Only the items whose time is announced are in it; the others will appear once it is.";
    subscribe_link: "S’abonner : ", "Subscribe: ";
    phones: "Sur un téléphone : sur iPhone, touchez le lien et confirmez l’abonnement dans Calendrier. Sur Android, Google Agenda ne s’abonne pas depuis un lien : sur un ordinateur, dans Google Agenda, choisissez « Autres agendas », « À partir de l’URL », et collez l’adresse du calendrier (celle du tableau ci-dessus) ; il apparaîtra ensuite sur le téléphone.",
        "On a phone: on an iPhone, tap the link and confirm the subscription in Calendar. On Android, Google Calendar does not subscribe from a link: on a computer, in Google Calendar, choose “Other calendars”, “From URL”, and paste the calendar’s address (the one in the table above); it then appears on the phone.";
    apps: "Dans une application de conférence", "In a conference app";
    apps_lead: "Le programme est aussi publié aux formats que lisent les applications de conférence : schedule.xml (frab) et schedule.json (c3voc). Dans Giggity (Android) ou ConfClerk (ordinateur), ajoutez un programme à partir d’une adresse et collez : ",
        "The programme is also published in the formats conference apps read: schedule.xml (frab) and schedule.json (c3voc). In Giggity (Android) or ConfClerk (computer), add a schedule from an address and paste: ";
    apps_fahrplan: ". EventFahrplan est publié en une version par événement : une version pour NEC se construit à partir de la même adresse. Les éléments sans horaire n’y figurent pas ; un élément sans heure de fin annoncée y a une durée nulle.",
        ". EventFahrplan is published as one version per event: a version for NEC can be built from the same address. Items without a time are not included; an item without an announced end has a zero duration.";
}

/// The format column: « iCalendar », « XML (frab) », « CSV », « JSON ».
fn format_name(media_type: &str) -> &'static str {
    match media_type {
        "text/csv" => "CSV",
        "text/calendar" => "iCalendar",
        "application/xml" => "XML (frab)",
        _ => "JSON",
    }
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
    let catalogue = use_data::<Catalogue>();
    let lang = current_lang();
    let t = texts(lang);
    view! {
        <Page heading=t.heading title=t.heading>
            <p class="lead">
                {t.lead}<a href=lang.path("/charte#engagement-3")>{t.lead_link}<Numbered number=3 lang />{t.lead_link_after}</a>
                {t.lead_after}
            </p>
            <DataView resource=catalogue what=Subject::DataList render=|c| view! { <CatalogueTable catalogue=c /> } />
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
            let link = view! {
                <a href=format!("/data/{}", f.path) download=f.path.clone() type=f.media_type.clone()>
                    {f.path.clone()}
                </a>
            };
            view! {
                <tr>
                    <RowHeader>{link}</RowHeader>
                    <td>{text_view(&f.title, lang)}</td>
                    <td>{format_name(&f.media_type)}</td>
                    <td class="number">{lang.bytes(f.bytes)}</td>
                    <td>
                        {match &f.schema {
                            Some(s) => {
                                view! {
                                    <a
                                        href=format!("/data/{}", s.path)
                                        download=s.path.rsplit('/').next().unwrap_or("schema.json").to_owned()
                                        type="application/schema+json"
                                    >
                                        {schema_link(lang, s.bytes)}
                                    </a>
                                }
                                    .into_any()
                            }
                            None => view! { {t.no_schema} }.into_any(),
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let columns = [t.column_file, t.column_content, t.column_format, t.column_size, t.column_schema].map(String::from).to_vec();
    view! {
        <p>
            {t.licence}<a href=licence.url.clone() hreflang="fr">
                {text_view(&licence.label, lang)}
            </a> {t.schemas}
        </p>
        <DataTable caption_id="fichiers-caption" class="files-table" caption=t.caption columns>
            {rows}
        </DataTable>
        <p>{t.csv}</p>
        <Exports catalogue />
    }
}

/// The calendars to subscribe to (`webcal:` at this site's address) and the conference-app
/// schedule, when the build wrote them (scripts/prerender.mjs, `nec-data exports`).
#[component]
fn Exports(catalogue: Arc<Catalogue>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let origin = crate::data::site_origin();
    let host = origin.split_once("://").map_or("", |(_, host)| host).to_string();
    let calendars: Vec<_> = catalogue.files.iter().filter(|f| f.media_type == "text/calendar").cloned().collect();
    let schedule = catalogue.files.iter().any(|f| f.path == "schedule.xml");
    let any = !calendars.is_empty();
    let links = calendars
        .into_iter()
        .map(|f| {
            view! {
                <li>
                    <a href=format!("webcal://{host}/data/{}", f.path)>{t.subscribe_link}{text_view(&f.title, lang)}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        {any
            .then(|| {
                view! {
                    <h2>{t.subscribe}</h2>
                    <p>{t.subscribe_lead}</p>
                    <ul>{links}</ul>
                    <p>{t.phones}</p>
                }
            })}
        {schedule
            .then(|| {
                view! {
                    <h2>{t.apps}</h2>
                    <p>{t.apps_lead}<code>{format!("{origin}/data/schedule.xml")}</code>{t.apps_fahrplan}</p>
                }
            })}
    }
}
