use std::sync::Arc;

use leptos::prelude::*;

use super::{ConfigurationProblems, Heading, widget_section};
use crate::components::announcer::use_announcer;
use crate::components::{Disclosure, VisuallyHidden, When};
use crate::data::PROGRAMME;
use crate::filters::{by_day, matching_in_order, search_index, Filters, PAGE_SIZE};
use crate::format;
use crate::model::Programme;
use crate::describe::{day_heading, item_facts, when_words};
use crate::widget_options::{unknown_filters, WidgetOptions};

/// The programme, narrowed to the partner's days, themes and formats, with a search of its own
/// and items shown a page at a time; each item links to its page on the site.
#[component]
pub fn ProgrammeWidget(options: Arc<WidgetOptions>, site: String, data: String) -> impl IntoView {
    let level = options.heading_level;
    let render = move |programme: Arc<Programme>| view! { <ProgrammeList programme options=options.clone() site=site.clone()/> };
    widget_section("Programme de Numérique en Commun[s] 2023", level, PROGRAMME, data, "le programme", render)
}

#[component]
fn ProgrammeList(programme: Arc<Programme>, options: Arc<WidgetOptions>, site: String) -> impl IntoView {
    let unknown: Vec<String> = unknown_filters(&options, &programme).iter().map(ToString::to_string).collect();
    let index = Arc::new(search_index(&programme));
    let text = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE_SIZE);
    let results = {
        let (programme, index, options) = (programme.clone(), index.clone(), options.clone());
        Memo::new(move |_| {
            matching_in_order(&programme, &index, &Filters { text: text.get(), ..options.filters() })
        })
    };
    let announcer = use_announcer();
    let count = move || {
        let n = results.with(Vec::len);
        match n {
            0 => "Aucun élément ne correspond : essayez un autre mot.".to_owned(),
            1 => "1 élément.".to_owned(),
            n if n > shown.get() => format!("{n} éléments, dont {} affichés.", shown.get()),
            n => format!("{n} éléments."),
        }
    };
    let section = NodeRef::<leptos::html::Div>::new();
    let show_more = move |_| {
        let first_new = shown.get_untracked();
        shown.update(|s| *s += PAGE_SIZE);
        announcer.say(format!("{} éléments affichés.", shown.get_untracked().min(results.with_untracked(Vec::len))));
        // Focus moves to the first item just shown, so a keyboard user goes on reading from there.
        request_animation_frame(move || {
            let Some(list) = section.get_untracked() else { return };
            if let Ok(Some(link)) = list.query_selector(&format!("[data-position=\"{first_new}\"] a")) {
                if let Ok(link) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(link) {
                    let _ = link.focus();
                }
            }
        });
    };
    let selection = selection_sentence(&programme, &options);
    let (item_level, day_level) = (options.heading(2), options.heading(1));
    let p = programme.clone();
    let site_for_items = site.clone();
    // Each shown item with its position among the results (`data-position`, for « Afficher plus »).
    let groups = move || {
        let mut position = 0..;
        results
            .with(|found| by_day(&p, found.iter().take(shown.get()).copied()))
            .into_iter()
            .map(|(day, items)| (day, items.into_iter().map(|i| (position.next().unwrap_or_default(), i)).collect::<Vec<_>>()))
            .collect::<Vec<_>>()
    };
    let p = programme.clone();
    let all_url = format!("{site}{}", crate::filters::programme_url(&options.filters()));
    view! {
        <ConfigurationProblems problems=unknown/>
        <p class="nec-note"><strong>{programme.edition.status.clone()}</strong>" — horaires à l’heure de Paris."</p>
        {selection.map(|s| view! { <p class="nec-note">{s}</p> })}
        <form class="nec-search" role="search" aria-label="Rechercher dans ce programme" on:submit=|ev| ev.prevent_default()>
            <label for="nec-recherche">"Rechercher"</label>
            <input id="nec-recherche" type="search" autocomplete="off" aria-describedby="nec-recherche-aide"
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    shown.set(PAGE_SIZE);
                }/>
            <p id="nec-recherche-aide" class="nec-hint">"Titre, description, intervenants ou thématique ; accents facultatifs."</p>
        </form>
        <p class="nec-count" role="status">{count}</p>
        <div node_ref=section>
            {move || groups().into_iter().map(|(day, items)| {
                let heading = day_heading(&p, day);
                let p = p.clone();
                let site = site_for_items.clone();
                view! {
                    <Heading level=day_level>{heading}</Heading>
                    <ol class="nec-items">
                        {items.into_iter().map(|(position, i)| {
                            let item = p.items[i].clone();
                            let href = format!("{site}/programme/{}", item.id);
                            let facts = item_facts(&p, &item);
                            let (words, title, description) = (when_words(&item), item.title.clone(), item.description.clone());
                            view! {
                                <li class="nec-item" data-position=position.to_string()>
                                    <Heading level=item_level><a href=href><VisuallyHidden>{words}</VisuallyHidden>{title}</a></Heading>
                                    <p class="nec-when" aria-hidden="true"><When item/></p>
                                    <p class="nec-facts">{facts}</p>
                                    <Disclosure summary="Description" class="nec-details"><p>{description}</p></Disclosure>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
            }).collect_view()}
        </div>
        {move || (results.with(Vec::len) > shown.get()).then(|| view! {
            <button type="button" class="nec-button" on:click=show_more>
                {format!("Afficher {} éléments de plus", PAGE_SIZE.min(results.with(Vec::len) - shown.get()))}
            </button>
        })}
        <p><a href=all_url>"Tout le programme sur le site de Numérique en Commun[s]"</a></p>
    }
}

/// « Sélection : thématique Écologie & soutenabilité ; jour jeudi 19 octobre 2023. »
fn selection_sentence(programme: &Programme, options: &WidgetOptions) -> Option<String> {
    let mut parts = Vec::new();
    let names = |ids: &[String], name: &dyn Fn(&str) -> Option<String>| ids.iter().filter_map(|id| name(id)).collect::<Vec<_>>();
    let themes = names(&options.themes, &|id| programme.theme(id).map(|t| t.name.clone()));
    let days = names(&options.days, &|id| {
        id.parse::<chrono::NaiveDate>().ok().map(format::long_date).or_else(|| (id == crate::filters::UNDATED).then(|| "date à préciser".to_owned()))
    });
    let formats = names(&options.formats, &|id| programme.format(id).map(|f| f.name.clone()));
    for (one, many, list) in [("thématique", "thématiques", themes), ("jour", "jours", days), ("format", "formats", formats)] {
        if !list.is_empty() {
            parts.push(format!("{} {}", if list.len() > 1 { many } else { one }, format::list(&list)));
        }
    }
    (!parts.is_empty()).then(|| format!("Sélection : {}.", parts.join(" ; ")))
}
