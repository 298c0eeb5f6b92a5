use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::agenda::{in_time_order, overlaps, parse_shared, share_value, SHARE_PARAM};
use crate::components::announcer::use_announcer;
use crate::components::{focus_if_lost, AgendaToggle, CopyButton, DataView, Page, VisuallyHidden};
use crate::data::{use_data, PROGRAMME};
use crate::filters::encode_component;
use crate::format;
use crate::ics;
use crate::model::{Item, Programme};
use crate::components::When;
use crate::describe::{item_facts, when_words};
use crate::format::capitalised;
use crate::storage::{use_agenda, StorageStatus};

/// `/mon-programme`: the visitor's chosen items in time order, overlaps, sharing, calendar export;
/// and a shared selection (`?partage=…`) offered for import, never imported silently.
#[component]
pub fn MyProgrammePage() -> impl IntoView {
    let programme = use_data::<Programme>(PROGRAMME);
    view! {
        <Page heading="Mon programme" title="Mon programme">
            <DataView resource=programme what="mon programme" render=|p| view! { <MyProgramme programme=p/> }/>
        </Page>
    }
}

#[component]
fn MyProgramme(programme: Arc<Programme>) -> impl IntoView {
    let agenda = use_agenda();
    let query = use_query_map();
    let shared = Memo::new(move |_| query.with(|q| q.get(SHARE_PARAM)));
    let p = programme.clone();
    // Taking an item out (or importing) re-renders the list, reusing its elements: a focused
    // toggle would silently name another item, or be gone. Focus goes to the count instead.
    Effect::new(move |first: Option<()>| {
        agenda.ids.track();
        if first.is_some() {
            focus_if_lost("selection-count", Some("ol.items"));
        }
    });
    let announcer = use_announcer();
    let undo = move |_| {
        agenda.undo_replace();
        announcer.say("Votre programme précédent est rétabli.");
    };
    view! {
        <StorageNotice/>
        {move || agenda.replaced.get().map(|_| view! {
            <p class="notice" role="status">
                "Votre programme a été remplacé par le programme partagé. "
                <button type="button" class="button button--secondary" on:click=undo>"Rétablir mon programme précédent"</button>
            </p>
        })}
        {move || shared.get().map(|value| view! { <SharedSelection programme=p.clone() value/> })}
        {move || {
            let ids = agenda.ids.get();
            if ids.is_empty() {
                view! {
                    <p>"Votre programme est vide. Dans le "<A href="/programme">"programme"</A>", le bouton « Mon programme » de chaque élément l’ajoute ici. Rien n’est envoyé : la sélection reste sur cet appareil."</p>
                }
                .into_any()
            } else {
                view! { <Selection programme=programme.clone() ids/> }.into_any()
            }
        }}
    }
}

/// Tells the visitor when the selection cannot be kept on this device.
#[component]
fn StorageNotice() -> impl IntoView {
    let agenda = use_agenda();
    move || match agenda.status.get() {
        StorageStatus::Saved => None,
        StorageStatus::Unavailable => Some(view! {
            <p class="notice" role="status">"Votre navigateur ne permet pas d’enregistrer « Mon programme » sur cet appareil : la sélection sera perdue en fermant la page. Le lien de partage permet de la garder."</p>
        }.into_any()),
        StorageStatus::WasCorrupt => Some(view! {
            <p class="notice" role="status">"La sélection enregistrée sur cet appareil était illisible : « Mon programme » repart de zéro."</p>
        }.into_any()),
    }
}

#[component]
fn Selection(programme: Arc<Programme>, ids: Vec<String>) -> impl IntoView {
    let items = in_time_order(&programme, &ids);
    let clashes: Vec<(Item, Item)> = overlaps(&items).into_iter().map(|(a, b)| (a.clone(), b.clone())).collect();
    let origin = window().location().origin().unwrap_or_default();
    let share_url = format!("{origin}/mon-programme?{SHARE_PARAM}={}", encode_component(&share_value(&ids)));
    let stamp = crate::clock::now_utc();
    let timed = items.iter().filter(|i| ics::exportable(i)).count();
    let calendar = ics::data_url(&ics::calendar(&programme, &items, &origin, stamp));
    let count = match items.len() {
        1 => "1 élément choisi.".to_owned(),
        n => format!("{n} éléments choisis, dans l’ordre du programme."),
    };
    let owned: Vec<Item> = items.iter().map(|i| (*i).clone()).collect();
    view! {
        <p id="selection-count" tabindex="-1">{count}</p>
        {(!clashes.is_empty()).then(|| view! {
            <div class="warning" role="note" aria-labelledby="chevauchements">
                <h2 id="chevauchements">"Attention : horaires qui se chevauchent"</h2>
                <ul>
                    {clashes.into_iter().map(|(a, b)| view! {
                        <li>{format!("« {} » ({}) et « {} » ({})", a.title, short_when(&a), b.title, short_when(&b))}</li>
                    }).collect_view()}
                </ul>
            </div>
        })}
        <ol class="items">
            {owned.into_iter().map(|item| {
                let facts = item_facts(&programme, &item);
                let (words, title) = (when_words(&item), item.title.clone());
                view! {
                    <li class="item">
                        <h2 class="item__title"><A href=format!("/programme/{}", item.id)><VisuallyHidden>{words}</VisuallyHidden>{title}</A></h2>
                        <p class="item__when" aria-hidden="true">{item.day.map(|d| capitalised(&format::long_date(d)) + ", ")}<When item=item.clone()/></p>
                        <p class="item__facts">{facts}</p>
                        <AgendaToggle id=item.id.clone() title=item.title.clone()/>
                    </li>
                }
            }).collect_view()}
        </ol>
        <h2>"Garder et partager"</h2>
        <p>
            <a class="button" href=calendar download=ics::agenda_file_name(&programme)>"Télécharger mon programme pour mon agenda (.ics)"</a>
        </p>
        <p class="hint">{format!("Le fichier contient les {timed} élément(s) dont l’horaire est connu, à l’heure de Paris.")}</p>
        <div class="share">
            <label for="lien-partage">"Lien de partage de mon programme"</label>
            <input id="lien-partage" type="url" readonly value=share_url.clone()/>
            <CopyButton label="Copier le lien" text=share_url/>
        </div>
    }
}

/// « jeudi 19 octobre, 19 h – 1 h »
fn short_when(item: &Item) -> String {
    let day = item.day.map(format::day_month).unwrap_or_default();
    match (item.start, item.end) {
        (Some(s), Some(e)) => format!("{day}, {} – {}", format::event_time(s), format::event_time(e)),
        (Some(s), None) => format!("{day}, {}", format::event_time(s)),
        _ => day,
    }
}

/// A selection someone shared: listed, then imported only if the visitor asks, by adding or replacing.
#[component]
fn SharedSelection(programme: Arc<Programme>, value: String) -> impl IntoView {
    let agenda = use_agenda();
    let announcer = use_announcer();
    let navigate = use_navigate();
    let (known, unknown) = parse_shared(&value, &programme);
    let items: Vec<Item> = in_time_order(&programme, &known).into_iter().cloned().collect();
    let import = move |replace: bool| {
        let known = known.clone();
        let navigate = navigate.clone();
        move |_| {
            let mut ids = if replace { Vec::new() } else { agenda.ids.get_untracked() };
            let before = ids.len();
            for id in &known {
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
            let added = ids.len() - if replace { 0 } else { before };
            if replace {
                agenda.replace(ids);
            } else {
                agenda.set(ids);
            }
            announcer.say(format!("Programme partagé importé : {added} élément(s) ajouté(s)."));
            navigate("/mon-programme", NavigateOptions { replace: true, ..NavigateOptions::default() });
        }
    };
    let has_own = agenda.ids.with_untracked(|ids| !ids.is_empty());
    let dismiss = {
        let navigate = use_navigate();
        move |_| {
            navigate("/mon-programme", NavigateOptions { replace: true, ..NavigateOptions::default() });
            focus_if_lost("selection-count", None);
        }
    };
    view! {
        <section class="shared" aria-labelledby="programme-partage">
            <h2 id="programme-partage">"Programme partagé avec vous"</h2>
            {(unknown > 0).then(|| view! { <p>{format!("{unknown} élément(s) du lien n’existent pas dans le programme et sont ignorés.")}</p> })}
            {if items.is_empty() {
                view! { <p>"Ce lien ne contient aucun élément du programme."</p> }.into_any()
            } else {
                view! { <ul>{items.iter().map(|i| view! { <li>{format!("{}{}", when_words(i), i.title)}</li> }).collect_view()}</ul> }.into_any()
            }}
            <p class="actions">
                {(!items.is_empty()).then(|| view! {
                    <button type="button" class="button" on:click=import(false)>
                        {if has_own { "Ajouter à mon programme" } else { "Importer dans mon programme" }}
                    </button>
                })}
                {(has_own && !items.is_empty()).then(|| view! {
                    <button type="button" class="button button--secondary" on:click=import(true)>"Remplacer mon programme par celui-ci"</button>
                })}
                <button type="button" class="button button--secondary" on:click=dismiss>"Ne pas importer"</button>
            </p>
        </section>
    }
}
