use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{current_lang, pieces_view, text_view, DataView, Page, Subject};
use crate::data::use_programme;
use crate::locale::Lang;
use crate::model::{Programme, Publication};
use crate::publications::describe;
use crate::routes::Route;

crate::texts! {
    heading: "Modifications du programme", "Changes to the programme";
    title: "Modifications du programme 2023", "Changes to the 2023 programme";
    feed: "S’abonner aux modifications (fil Atom, en français)", "Subscribe to the changes (Atom feed, in French)";
    no_item_change: "Aucun élément du programme n’a changé dans cette publication.", "No programme item changed in this publication.";
    back: "Retour au programme", "Back to the programme";
}

/// « Publication du 2 octobre 2023 », "Published on 2 October 2023".
fn published_on(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Publication du ",
        Lang::En => "Published on ",
    }
}

/// What the record says as a whole: nothing since the announcement, or how many publications.
fn summary(programme: &Programme, lang: Lang) -> String {
    let with_changes = programme.publications.iter().filter(|p| !p.changes.is_empty()).count();
    let first = programme.publications.first().map(|p| lang.day_month_year(p.date));
    match (lang, with_changes, first) {
        (Lang::Fr, 0, Some(first)) => format!("Aucune modification n’a été publiée depuis l’annonce du programme, le {first}."),
        (Lang::En, 0, Some(first)) => format!("No change has been published since the programme was announced on {first}."),
        (Lang::Fr, 0, None) => "Aucune modification n’a été publiée.".to_owned(),
        (Lang::En, 0, None) => "No change has been published.".to_owned(),
        (Lang::Fr, 1, _) => "1 publication a modifié le programme ; la plus récente vient en premier.".to_owned(),
        (Lang::Fr, n, _) => format!("{n} publications ont modifié le programme ; la plus récente vient en premier."),
        (Lang::En, 1, _) => "1 publication changed the programme; the latest comes first.".to_owned(),
        (Lang::En, n, _) => format!("{n} publications changed the programme; the latest comes first."),
    }
}

/// `/modifications-du-programme`: each publication of the programme, dated, newest first, with
/// what it changed in words (a cancelled item is « Annulée », never a colour alone).
#[component]
pub fn ProgrammeChangesPage() -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let programme = use_programme(None);
    view! {
        <Page heading=t.heading title=t.title>
            <DataView resource=programme what=Subject::Programme render=move |p| view! { <Publications programme=p /> } />
            <p>
                <a href=crate::publications::FEED rel="external" type="application/atom+xml" hreflang="fr">
                    {t.feed}
                </a>
            </p>
            <p>
                <a href=lang.path(Route::Programme.path())>{t.back}</a>
            </p>
        </Page>
    }
}

#[component]
fn Publications(programme: Arc<Programme>) -> impl IntoView {
    let lang = current_lang();
    let count = programme.publications.len();
    let sections = programme.publications.iter().enumerate().rev().map(|(i, p)| publication_view(p, i + 1, lang)).collect_view();
    view! {
        <p>{summary(&programme, lang)}</p>
        {(count > 0)
            .then(|| {
                view! {
                    <ol class="publications" reversed>
                        {sections}
                    </ol>
                }
            })}
    }
}

fn publication_view(publication: &Publication, rank: usize, lang: Lang) -> impl IntoView {
    let t = texts(lang);
    let changes = publication.changes.iter().map(|c| view! { <li>{pieces_view(describe(c, lang, true), lang)}</li> }).collect_view();
    view! {
        <li id=format!("publication-{rank}")>
            <h2>{published_on(lang)}<time datetime=publication.date.to_string()>{lang.day_month_year(publication.date)}</time></h2>
            {publication.note.as_ref().map(|note| view! { <p>{text_view(note, lang)}</p> })}
            {if publication.changes.is_empty() {
                view! { <p>{t.no_item_change}</p> }.into_any()
            } else {
                view! { <ul>{changes}</ul> }.into_any()
            }}
        </li>
    }
}
