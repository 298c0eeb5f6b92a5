use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::{current_lang, Citation, DataView, Page, Subject};
use crate::data::use_data;
use crate::locale::Lang;
use crate::model::EditionsFile;
use crate::pages::editions::{EditionFacts, FigureList, Notes};
use crate::routes::Route;

crate::texts! {
    not_found: "Édition introuvable", "Edition not found";
    all_editions: "Toutes les éditions", "All editions";
    figures: "Chiffres", "Figures";
    sources: "Sources", "Sources";
    other_editions: "Autres éditions", "Other editions";
}

/// « Édition 2021 », "The 2021 edition"; with the city once known: « Édition 2021 — Lens ».
fn edition_heading(lang: Lang, year: i32, city: Option<&str>) -> String {
    match (lang, city) {
        (Lang::Fr, Some(city)) => format!("Édition {year} — {city}"),
        (Lang::Fr, None) => format!("Édition {year}"),
        (Lang::En, Some(city)) => format!("The {year} edition — {city}"),
        (Lang::En, None) => format!("The {year} edition"),
    }
}

/// The page for an address that names no edition, with the years there are.
fn no_such_edition(lang: Lang, years: &[String]) -> String {
    match lang {
        Lang::Fr => {
            format!("Aucune édition nationale ne correspond à cette adresse. Les éditions connues sont celles de {}.", lang.list(years))
        }
        Lang::En => format!("No national edition matches this address. The known editions are those of {}.", lang.list(years)),
    }
}

/// « Édition précédente : 2021, Lens », "Previous edition: 2021, Lens".
fn neighbour(lang: Lang, next: bool, year: i32, city: &str) -> String {
    match (lang, next) {
        (Lang::Fr, false) => format!("Édition précédente : {year}, {city}"),
        (Lang::Fr, true) => format!("Édition suivante : {year}, {city}"),
        (Lang::En, false) => format!("Previous edition: {year}, {city}"),
        (Lang::En, true) => format!("Next edition: {year}, {city}"),
    }
}

/// « Le programme de l’édition 2023 », "The programme of the 2023 edition".
fn programme_link(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Fr => format!("Le programme de l’édition {year}"),
        Lang::En => format!("The programme of the {year} edition"),
    }
}

/// `/editions/<year>`: one edition, its figures and the texts they come from.
#[component]
pub fn EditionPage() -> impl IntoView {
    let params = use_params_map();
    let year = Memo::new(move |_| params.read().get("year").and_then(|y| y.parse::<i32>().ok()));
    let editions = use_data::<EditionsFile>();
    let lang = current_lang();
    let t = texts(lang);
    // The heading needs the city, known once the data is in; until then the year alone.
    let heading = Signal::derive(move || {
        let Some(y) = year.get() else { return t.not_found.to_owned() };
        match editions.get() {
            Some(Ok(file)) => match file.editions.iter().find(|e| e.year == y) {
                Some(e) => edition_heading(lang, y, Some(e.city())),
                None => t.not_found.to_owned(),
            },
            _ => edition_heading(lang, y, None),
        }
    });
    view! {
        <Page heading=heading title=heading>
            <DataView resource=editions what=Subject::Edition render=move |file| view! { <EditionContent file year=year.get() /> } />
        </Page>
    }
}

#[component]
fn EditionContent(file: Arc<EditionsFile>, year: Option<i32>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let index = year.and_then(|y| file.editions.iter().position(|e| e.year == y));
    let Some(index) = index else {
        let years: Vec<String> = file.editions.iter().map(|e| e.year.to_string()).collect();
        return view! {
            <p>{no_such_edition(lang, &years)}</p>
            <p>
                <a href=lang.path(Route::Editions.path())>{t.all_editions}</a>
            </p>
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
        <EditionFacts edition=edition.clone() catalogue=file.sources.clone() />
        <Notes notes=edition.notes.clone() catalogue=file.sources.clone() />
        <h2>{t.figures}</h2>
        <FigureList figures=edition.figures.clone() catalogue=file.sources.clone() />
        // Each edition's programme at its own stable address, as editions.json names it.
        {edition
            .programme
            .is_some()
            .then(|| {
                view! {
                    <p>
                        <a href=lang.path(&crate::filters::programme_base(Some(edition.year)))>{programme_link(lang, edition.year)}</a>
                    </p>
                }
            })}
        <h2>{t.sources}</h2>
        <ul class="source-list">
            {used
                .into_iter()
                .map(|s| {
                    view! {
                        <li>
                            <Citation source=s />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <nav aria-label=t.other_editions class="pager">
            <ul>
                {previous
                    .map(|(y, city)| {
                        view! {
                            <li>
                                <a href=lang.path(&format!("/editions/{y}"))>{neighbour(lang, false, y, &city)}</a>
                            </li>
                        }
                    })} <li>
                    <a href=lang.path(Route::Editions.path())>{t.all_editions}</a>
                </li>
                {next
                    .map(|(y, city)| {
                        view! {
                            <li>
                                <a href=lang.path(&format!("/editions/{y}"))>{neighbour(lang, true, y, &city)}</a>
                            </li>
                        }
                    })}
            </ul>
        </nav>
    }
    .into_any()
}
