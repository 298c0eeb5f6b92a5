use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{DataView, Page, Sources};
use crate::data::{use_data, EDITIONS};
use crate::format;
use crate::model::{Edition, EditionsFile, Figure};

/// `/editions`: every national edition since 2018, with its figures and sources, then the local NECs.
#[component]
pub fn EditionsPage() -> impl IntoView {
    let editions = use_data::<EditionsFile>(EDITIONS);
    view! {
        <Page heading="Les éditions de NEC".into() title="Les éditions depuis 2018".into()>
            <DataView resource=editions what="l’historique des éditions" render=|e| view! { <EditionsContent file=e/> }/>
        </Page>
    }
}

#[component]
fn EditionsContent(file: Arc<EditionsFile>) -> impl IntoView {
    let local = file.local_editions.clone();
    view! {
        <ol class="timeline">
            {file.editions.iter().map(|e| view! { <EditionEntry edition=e.clone()/> }).collect_view()}
        </ol>
        <section aria-labelledby="nec-locaux">
            <h2 id="nec-locaux">"Les NEC locaux"</h2>
            <p>{local.description.clone()}</p>
            <FigureList figures=local.figures.clone()/>
            {local.notes.iter().map(|n| view! { <p class="note">{n.text.clone()}</p> }).collect_view()}
        </section>
    }
}

#[component]
fn EditionEntry(edition: Edition) -> impl IntoView {
    let heading_id = format!("edition-{}", edition.year);
    let heading_id_ref = heading_id.clone();
    let ordinal = edition.number.map(|n| if n == 1 { "1re édition".to_owned() } else { format!("{n}e édition") });
    let [first, others @ ..] = edition.locations.as_slice() else { return ().into_any() };
    let place = match &first.venue {
        Some(venue) => format!("{} — {venue}", first.city),
        None => first.city.clone(),
    };
    let other_accounts: Vec<_> = others.to_vec();
    view! {
        <li class="edition">
            <article aria-labelledby=heading_id_ref>
                <h2 id=heading_id>{format!("{} — {}", edition.year, edition.city())}</h2>
                <dl class="facts">
                    {ordinal.map(|o| view! { <div><dt>"Édition"</dt><dd>{o}</dd></div> })}
                    <div><dt>"Lieu"</dt><dd>{place}" "<Sources sources=first.sources.clone()/></dd></div>
                    {other_accounts.into_iter().map(|l| view! {
                        <div><dt>"Lieu selon une autre source"</dt><dd>{l.city.clone()}" "<Sources sources=l.sources.clone()/></dd></div>
                    }).collect_view()}
                    <div><dt>"Format"</dt><dd>{edition.mode.label_fr()}</dd></div>
                    {edition.dates.clone().map(|d| view! {
                        <div><dt>"Dates"</dt><dd>{format::date_span(d.start, d.end)}</dd></div>
                    })}
                </dl>
                <FigureList figures=edition.figures.clone()/>
                {edition.notes.iter().map(|n| view! { <p class="note">{n.text.clone()}" "<Sources sources=n.sources.clone()/></p> }).collect_view()}
            </article>
        </li>
    }
    .into_any()
}

/// The figures of an edition, each with the source's words and file.
#[component]
fn FigureList(figures: Vec<Figure>) -> impl IntoView {
    view! {
        <ul class="figures">
            {figures.into_iter().map(|f| view! {
                <li>
                    <strong class="figure__value">{format::number(f.value)}</strong>
                    " "{f.label.clone()}
                    " "<Sources sources=vec![f.source.clone()]/>
                </li>
            }).collect_view()}
        </ul>
    }
}
