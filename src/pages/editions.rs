use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{BarChart, DataView, Page, ParticipationTable, Quoted, Sources};
use crate::data::{use_data, EDITIONS};
use crate::format;
use crate::history::{Series, CHART_METRICS};
use crate::model::{Edition, EditionsFile, Figure};

/// `/editions`: the timeline of national editions, the participation chart and its table, the local NECs.
#[component]
pub fn EditionsPage() -> impl IntoView {
    let editions = use_data::<EditionsFile>(EDITIONS);
    view! {
        <Page heading="Les éditions de NEC" title="Les éditions depuis 2018">
            <DataView resource=editions what="l’historique des éditions" render=|e| view! { <EditionsContent file=e/> }/>
        </Page>
    }
}

#[component]
fn EditionsContent(file: Arc<EditionsFile>) -> impl IntoView {
    let local = file.local_editions.clone();
    view! {
        <p class="lead">"Depuis 2018, une édition nationale par an, chaque fois dans une ville différente. Chaque chiffre renvoie au texte dont il vient."</p>
        <section aria-labelledby="chronologie">
            <h2 id="chronologie">"Chronologie"</h2>
            <ol class="timeline">
                {file.editions.iter().map(|e| view! { <TimelineEntry edition=e.clone()/> }).collect_view()}
            </ol>
        </section>
        <Participation file=file.clone()/>
        <section aria-labelledby="nec-locaux">
            <h2 id="nec-locaux">"Les NEC locaux"</h2>
            <p>{local.description.clone()}</p>
            <FigureList figures=local.figures.clone()/>
            {local.notes.iter().map(|n| view! { <p class="note"><Quoted text=n.text.clone()/>" "<Sources sources=n.sources.clone()/></p> }).collect_view()}
        </section>
    }
}

/// "Sud Charente — Château de la Mercerie"
fn place(edition: &Edition) -> String {
    edition.locations.first().map_or_else(String::new, |l| match &l.venue {
        Some(venue) => format!("{} — {venue}", l.city),
        None => l.city.clone(),
    })
}

/// One edition in the timeline: year, city and venue, format, dates, figures; its heading links to its page.
#[component]
fn TimelineEntry(edition: Edition) -> impl IntoView {
    let heading_id = format!("edition-{}", edition.year);
    let labelled_by = heading_id.clone();
    view! {
        <li class="edition">
            <article aria-labelledby=labelled_by>
                <h3 id=heading_id><A href=format!("/editions/{}", edition.year)>{format!("{} — {}", edition.year, edition.city())}</A></h3>
                <EditionFacts edition=edition.clone()/>
                // Figures as one line here; each with its source on the edition's own page.
                <p class="figures-inline"><FiguresSentence figures=edition.figures.clone()/></p>
            </article>
        </li>
    }
}

/// Where, how and when an edition took place, with every account of the place and its sources.
#[component]
pub fn EditionFacts(edition: Edition) -> impl IntoView {
    let ordinal = edition.number.map(|n| if n == 1 { "1re édition".to_owned() } else { format!("{n}e édition") });
    let (first, others) = match edition.locations.split_first() {
        Some((first, others)) => (Some(first.clone()), others.to_vec()),
        None => (None, Vec::new()),
    };
    view! {
        <dl class="facts">
            {ordinal.map(|o| view! { <div><dt>"Édition"</dt><dd>{o}</dd></div> })}
            {first.map(|l| view! { <div><dt>"Lieu"</dt><dd>{place(&edition)}" "<Sources sources=l.sources.clone()/></dd></div> })}
            {others.into_iter().map(|l| view! {
                <div><dt>"Lieu selon une autre source"</dt><dd>{l.city.clone()}" "<Sources sources=l.sources.clone()/></dd></div>
            }).collect_view()}
            <div><dt>"Format"</dt><dd>{edition.mode.label_fr()}</dd></div>
            {edition.dates.clone().map(|d| view! {
                <div><dt>"Dates"</dt><dd>{format::date_span(d.start, d.end)}" "<Sources sources=d.sources.clone()/></dd></div>
            })}
        </dl>
    }
}

/// « 850 personnes présentes ; 120 intervenants & intervenantes & contributeurs ; 3 lieux dans Nantes. »
/// A label quoting its source (« plus de 1 000 ») keeps its `<q>` (RGAA 9.4).
#[component]
fn FiguresSentence(figures: Vec<Figure>) -> impl IntoView {
    let last = figures.len().saturating_sub(1);
    figures
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let separator = if i == last { "." } else { " ; " };
            view! { {format::number(f.value)}" "<Quoted text=f.label/>{separator} }
        })
        .collect_view()
}

/// The notes on an edition, each with its sources.
#[component]
pub fn EditionNotes(edition: Edition) -> impl IntoView {
    edition.notes.iter().map(|n| view! { <p class="note"><Quoted text=n.text.clone()/>" "<Sources sources=n.sources.clone()/></p> }).collect_view()
}

/// The figures of an edition, each with the source's own words and file.
#[component]
pub fn FigureList(figures: Vec<Figure>) -> impl IntoView {
    view! {
        <ul class="figures">
            {figures.into_iter().map(|f| view! {
                <li>
                    <strong class="figure__value">{format::number(f.value)}</strong>
                    " "<Quoted text=f.label.clone()/>" "
                    <Sources sources=vec![f.source.clone()]/>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The participation chart (one small bar chart per metric) and the same numbers as a table.
#[component]
fn Participation(file: Arc<EditionsFile>) -> impl IntoView {
    let series: Vec<Series> = CHART_METRICS.iter().map(|m| Series::of(&file, *m)).collect();
    let table_notes: Vec<String> = file
        .editions
        .iter()
        .flat_map(|e| {
            e.notes.iter().filter(|n| n.metric.is_some_and(|m| CHART_METRICS.contains(&m))).map(move |n| format!("{} : {}", e.year, n.text))
        })
        .collect();
    view! {
        <section aria-labelledby="participation">
            <h2 id="participation">"Participation par édition"</h2>
            <div class="charts">
                {series.iter().map(|s| {
                    let trend_id = format!("tendance-{}", s.metric.id());
                    view! {
                        // RGAA 1.9: a figure with a caption has role="figure" and a name matching the caption.
                        <figure class="chart-figure" role="figure" aria-label=s.metric.label_fr()>
                            <figcaption>{s.metric.label_fr()}</figcaption>
                            <BarChart series=s.clone() label=format!("{} par édition, graphique en barres", s.metric.label_fr()) description_id=trend_id.clone()/>
                            <p id=trend_id class="chart-trend">{s.trend()}</p>
                        </figure>
                    }
                }).collect_view()}
            </div>
            <p class="note">"« n.c. » : non communiqué, les sources ne donnent pas ce chiffre."</p>
            <ParticipationTable file=file.clone()/>
            <ul class="table-notes">
                {table_notes.into_iter().map(|n| view! { <li><Quoted text=n/></li> }).collect_view()}
                <li>"Données : "<a href="/data/editions.json" type="application/json">"editions.json"</a>", "<a href="/data/editions-chiffres.csv" type="text/csv">"tous les chiffres en CSV"</a>"."</li>
            </ul>
        </section>
    }
}
