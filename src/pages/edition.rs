use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::{DataView, Page};
use crate::data::{use_data, EDITIONS, PROGRAMME_YEAR};
use crate::model::EditionsFile;
use crate::pages::editions::{EditionFacts, EditionNotes, FigureList};

/// `/editions/<year>`: one edition, its figures and the texts they come from.
#[component]
pub fn EditionPage() -> impl IntoView {
    let params = use_params_map();
    let year = Memo::new(move |_| params.read().get("year").and_then(|y| y.parse::<i32>().ok()));
    let editions = use_data::<EditionsFile>(EDITIONS);
    // The heading needs the city, known once the data is in; until then the year alone.
    let heading = Signal::derive(move || {
        let Some(y) = year.get() else { return "Édition introuvable".to_owned() };
        match editions.get() {
            Some(Ok(file)) => match file.editions.iter().find(|e| e.year == y) {
                Some(e) => format!("Édition {y} — {}", e.city()),
                None => "Édition introuvable".to_owned(),
            },
            _ => format!("Édition {y}"),
        }
    });
    view! {
        <Page heading=heading title=heading>
            <DataView resource=editions what="l’édition" render=move |file| view! { <EditionContent file year=year.get()/> }/>
        </Page>
    }
}

#[component]
fn EditionContent(file: Arc<EditionsFile>, year: Option<i32>) -> impl IntoView {
    let index = year.and_then(|y| file.editions.iter().position(|e| e.year == y));
    let Some(index) = index else {
        let years: Vec<String> = file.editions.iter().map(|e| e.year.to_string()).collect();
        return view! {
            <p>{format!("Aucune édition nationale ne correspond à cette adresse. Les éditions connues sont celles de {}.", crate::format::list(&years))}</p>
            <p><A href="/editions">"Toutes les éditions"</A></p>
        }
        .into_any();
    };
    let edition = file.editions[index].clone();
    let used: Vec<_> = file
        .sources
        .iter()
        .filter(|s| {
            edition.figures.iter().any(|f| f.source == s.id)
                || edition.locations.iter().any(|l| l.sources.contains(&s.id))
                || edition.notes.iter().any(|n| n.sources.contains(&s.id))
                || edition.dates.as_ref().is_some_and(|d| d.sources.contains(&s.id))
        })
        .cloned()
        .collect();
    let previous = index.checked_sub(1).and_then(|i| file.editions.get(i)).map(|e| (e.year, e.city().to_owned()));
    let next = file.editions.get(index + 1).map(|e| (e.year, e.city().to_owned()));
    view! {
        <EditionFacts edition=edition.clone()/>
        <EditionNotes edition=edition.clone()/>
        <h2>"Chiffres"</h2>
        <FigureList figures=edition.figures.clone()/>
        {(edition.year == PROGRAMME_YEAR).then(|| view! {
            <p><A href="/programme">{format!("Le programme de l’édition {}", edition.year)}</A></p>
        })}
        <h2>"Sources"</h2>
        <ul class="source-list">
            {used.into_iter().map(|s| view! {
                <li><cite>{s.id.clone()}</cite>" : "{s.title.clone()}{s.date.map(|d| format!(" ({})", crate::format::day_month_year(d)))}</li>
            }).collect_view()}
        </ul>
        <nav aria-label="Autres éditions" class="pager">
            <ul>
                {previous.map(|(y, city)| view! { <li><A href=format!("/editions/{y}")>{format!("Édition précédente : {y}, {city}")}</A></li> })}
                <li><A href="/editions">"Toutes les éditions"</A></li>
                {next.map(|(y, city)| view! { <li><A href=format!("/editions/{y}")>{format!("Édition suivante : {y}, {city}")}</A></li> })}
            </ul>
        </nav>
    }
    .into_any()
}
