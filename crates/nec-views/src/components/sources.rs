use leptos::prelude::*;

use super::{current_lang, text_view, Quoted};
use crate::locale::Lang;
use crate::model::{cite, Disagreement, Source};

/// "(source : …)" beside a fact (inline): each text it comes from as a reader can weigh it, its
/// own title quoted, what it is and who speaks as far as it says, and its date:
/// « (source : « Numérique en Commun[s] à Bordeaux », fiche évènement sur la DINUM, partenaire
/// de l’édition 2023, 26 juillet 2023) ». The file names stay in the data and the CSV.
#[component]
pub fn Sources(sources: Vec<Source>) -> impl IntoView {
    let lang = current_lang();
    let (label, separator) = match (lang, sources.len() > 1) {
        (Lang::Fr, true) => ("(sources : ", " ; "),
        (Lang::Fr, false) => ("(source : ", " ; "),
        (Lang::En, true) => ("(sources: ", "; "),
        (Lang::En, false) => ("(source: ", "; "),
    };
    view! {
        <span class="sources">
            {label}
            {sources
                .into_iter()
                .enumerate()
                .map(|(i, s)| {
                    view! {
                        {(i > 0).then_some(separator)}
                        <Citation source=s />
                    }
                })
                .collect_view()} ")"
        </span>
    }
}

/// One source: « title », what it is, date. The title is French: `lang="fr"` on an English page.
#[component]
pub fn Citation(source: Source) -> impl IntoView {
    let lang = current_lang();
    let (open, close) = match lang {
        Lang::Fr => ("«\u{202F}", "\u{202F}»"),
        Lang::En => ("“", "”"),
    };
    view! {
        {source
            .headline
            .map(|h| {
                view! {
                    {open}
                    <cite lang=(lang != Lang::Fr).then_some("fr")>{h}</cite>
                    {close}
                    ", "
                }
            })}
        {text_view(&source.citation, lang)}
        {source.date.map(|d| format!(", {}", lang.day_month_year(d)))}
    }
}

/// Where the sources say different things: what they disagree on, then each account in its own
/// words (quotations as `<q>`) with its own sources. Neither is chosen for the reader.
#[component]
pub fn Disagreements(disagreements: Vec<Disagreement>, catalogue: Vec<Source>) -> impl IntoView {
    disagreements
        .into_iter()
        .map(|d| {
            view! {
                <div class="disagreement">
                    <p>
                        <Quoted text=d.about />
                    </p>
                    <ul>
                        {d
                            .accounts
                            .into_iter()
                            .map(|a| {
                                view! {
                                    <li>
                                        <Quoted text=a.text />
                                        " "
                                        <Sources sources=cite(&catalogue, &a.sources) />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
        .collect_view()
}
