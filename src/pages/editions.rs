use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{current_lang, text_view, BarChart, DataView, Disagreements, Page, ParticipationTable, Quoted, Sources, Subject};
use crate::data::use_data;
use crate::history::{Series, CHART_METRICS};
use crate::locale::Lang;
use crate::model::{cite, Edition, EditionsFile, Figure, Note, Source};

crate::texts! {
    heading: "Les éditions de NEC", "The NEC editions";
    title: "Les éditions depuis 2018", "The editions since 2018";
    lead: "Depuis 2018, une édition nationale par an, chaque fois dans une ville différente. Chaque chiffre renvoie au texte dont il vient.",
        "Since 2018, one national edition a year, each time in a different city. Every figure refers to the text it comes from.";
    timeline: "Chronologie", "Timeline";
    local: "Les NEC locaux", "Local NECs";
    edition: "Édition", "Edition";
    place: "Lieu", "Venue";
    other_place: "Lieu selon une autre source", "Venue according to another source";
    format: "Format", "Format";
    dates: "Dates", "Dates";
    figure_separator: " ; ", "; ";
    participation: "Participation par édition", "Participation by edition";
    missing_note: "« n.c. » : non communiqué, les sources ne donnent pas ce chiffre.", "“n/a”: not available, the sources do not give this figure.";
    note_separator: " : ", ": ";
    data: "Données : ", "Data: ";
    all_figures_csv: "tous les chiffres en CSV", "all the figures as CSV";
}

/// « Personnes présentes par édition, graphique en barres »
fn chart_label(lang: Lang, metric: &str) -> String {
    match lang {
        Lang::Fr => format!("{metric} par édition, graphique en barres"),
        Lang::En => format!("{metric} by edition, bar chart"),
    }
}

/// `/editions`: the timeline of national editions, the participation chart and its table, the local NECs.
#[component]
pub fn EditionsPage() -> impl IntoView {
    let editions = use_data::<EditionsFile>();
    let t = texts(current_lang());
    view! {
        <Page heading=t.heading title=t.title>
            <DataView resource=editions what=Subject::EditionsHistory render=|e| view! { <EditionsContent file=e /> } />
        </Page>
    }
}

#[component]
fn EditionsContent(file: Arc<EditionsFile>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let local = file.local_editions.clone();
    let catalogue = file.sources.clone();
    view! {
        <p class="lead">{t.lead}</p>
        <section aria-labelledby="chronologie">
            <h2 id="chronologie">{t.timeline}</h2>
            <ol class="timeline">
                {file.editions.iter().map(|e| view! { <TimelineEntry edition=e.clone() catalogue=catalogue.clone() /> }).collect_view()}
            </ol>
        </section>
        <Participation file=file.clone() />
        <section aria-labelledby="nec-locaux">
            <h2 id="nec-locaux">{t.local}</h2>
            <p>{text_view(&local.description, lang)}</p>
            <FigureList figures=local.figures.clone() catalogue=catalogue.clone() />
            <Notes notes=local.notes.clone() catalogue=catalogue.clone() />
            <Disagreements disagreements=local.disagreements.clone() catalogue=catalogue.clone() />
        </section>
    }
}

/// "Sud Charente — Château de la Mercerie", "Lyon — Online": a venue that is no name is translated.
fn place(edition: &Edition, lang: Lang) -> impl IntoView {
    edition.locations.first().map(|l| match &l.venue {
        Some(venue) => view! {
            {format!("{} — ", l.city)}
            {text_view(venue, lang)}
        }
        .into_any(),
        None => l.city.clone().into_any(),
    })
}

/// One edition in the timeline: year, city and venue, format, dates, figures; its heading links to its page.
#[component]
fn TimelineEntry(edition: Edition, catalogue: Vec<Source>) -> impl IntoView {
    let lang = current_lang();
    let heading_id = format!("edition-{}", edition.year);
    let labelled_by = heading_id.clone();
    view! {
        <li class="edition">
            <article aria-labelledby=labelled_by>
                <h3 id=heading_id>
                    <a href=lang.path(&format!("/editions/{}", edition.year))>{format!("{} — {}", edition.year, edition.city())}</a>
                </h3>
                <EditionFacts edition=edition.clone() catalogue />
                // Figures as one line here; each with its source on the edition's own page.
                <p class="figures-inline">
                    <FiguresSentence figures=edition.figures.clone() />
                </p>
            </article>
        </li>
    }
}

/// Where, how and when an edition took place, with every account of the place and its sources.
#[component]
pub fn EditionFacts(edition: Edition, catalogue: Vec<Source>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let ordinal = edition.number.map(|n| lang.edition_ordinal(n));
    let (first, others) = match edition.locations.split_first() {
        Some((first, others)) => (Some(first.clone()), others.to_vec()),
        None => (None, Vec::new()),
    };
    view! {
        <dl class="facts">
            {ordinal
                .map(|o| {
                    view! {
                        <dt>{t.edition}</dt>
                        <dd>{o}</dd>
                    }
                })}
            {first
                .map(|l| {
                    view! {
                        <dt>{t.place}</dt>
                        <dd>{place(&edition, lang)}" "<Sources sources=cite(&catalogue, &l.sources) /></dd>
                    }
                })}
            {others
                .into_iter()
                .map(|l| {
                    view! {
                        <dt>{t.other_place}</dt>
                        <dd>{l.city.clone()}" "<Sources sources=cite(&catalogue, &l.sources) /></dd>
                    }
                })
                .collect_view()} <dt>{t.format}</dt><dd>{edition.mode.label(lang)}</dd>
            {edition
                .dates
                .clone()
                .map(|d| {
                    view! {
                        <dt>{t.dates}</dt>
                        <dd>{lang.date_span(d.start, d.end)}" "<Sources sources=cite(&catalogue, &d.sources) /></dd>
                    }
                })}
        </dl>
    }
}

/// « 850 personnes présentes ; 120 intervenants & intervenantes & contributeurs ; 3 lieux dans Nantes. »
/// A label quoting its source (« plus de 1 000 ») keeps its `<q>` (RGAA 9.4).
#[component]
fn FiguresSentence(figures: Vec<Figure>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let last = figures.len().saturating_sub(1);
    figures
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let separator = if i == last { "." } else { t.figure_separator };
            view! {
                {lang.amount(f.value, f.qualifier)}
                " "
                <Quoted text=f.label />
                {separator}
            }
        })
        .collect_view()
}

/// Notes (an edition's, or the local editions'), each with its sources.
#[component]
pub fn Notes(notes: Vec<Note>, catalogue: Vec<Source>) -> impl IntoView {
    notes
        .iter()
        .map(|n| {
            view! {
                <p class="note">
                    <Quoted text=n.text.clone() />
                    " "
                    <Sources sources=cite(&catalogue, &n.sources) />
                </p>
            }
        })
        .collect_view()
}

/// The figures of an edition, each with the source's own words and its citation.
#[component]
pub fn FigureList(figures: Vec<Figure>, catalogue: Vec<Source>) -> impl IntoView {
    let lang = current_lang();
    view! {
        <ul class="figures">
            {figures
                .into_iter()
                .map(|f| {
                    view! {
                        <li>
                            <strong class="figure__value">{lang.amount(f.value, f.qualifier)}</strong>
                            " "
                            <Quoted text=f.label.clone() />
                            " "
                            <Sources sources=cite(&catalogue, std::slice::from_ref(&f.source)) />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The participation chart (one small bar chart per metric) and the same numbers as a table.
#[component]
fn Participation(file: Arc<EditionsFile>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let series: Vec<Series> = CHART_METRICS.iter().map(|m| Series::of(&file, *m)).collect();
    let table_notes: Vec<_> = file
        .editions
        .iter()
        .flat_map(|e| {
            e.notes.iter().filter(|n| n.metric.is_some_and(|m| CHART_METRICS.contains(&m))).map(move |n| (e.year, n.text.clone()))
        })
        .collect();
    view! {
        <section aria-labelledby="participation">
            <h2 id="participation">{t.participation}</h2>
            <div class="charts">
                {series
                    .iter()
                    .map(|s| {
                        let trend_id = format!("tendance-{}", s.metric.id());
                        view! {
                            // RGAA 1.9: a figure with a caption has role="figure" and a name matching the caption.
                            <figure class="chart-figure" role="figure" aria-label=s.metric.label(lang)>
                                <figcaption>{s.metric.label(lang)}</figcaption>
                                <BarChart series=s.clone() label=chart_label(lang, s.metric.label(lang)) description_id=trend_id.clone() />
                                <p id=trend_id class="chart-trend">
                                    {s.trend(lang)}
                                </p>
                            </figure>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="note">{t.missing_note}</p>
            <ParticipationTable file=file.clone() />
            <ul class="table-notes">
                {table_notes
                    .into_iter()
                    .map(|(year, text)| view! { <li>{year.to_string()}{t.note_separator}<Quoted text /></li> })
                    .collect_view()}
                <li>
                    {t.data}<a href="/data/editions.json" type="application/json">
                        "editions.json"
                    </a>", "<a href="/data/editions-chiffres.csv" type="text/csv">
                        {t.all_figures_csv}
                    </a>"."
                </li>
            </ul>
        </section>
    }
}
