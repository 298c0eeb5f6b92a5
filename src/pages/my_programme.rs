use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::my_programme_changes::unknown_view;
use crate::agenda::{in_time_order, overlaps, parse_shared, share_value, SHARE_PARAM};
use crate::chosen::Chosen;
use crate::components::announcer::use_announcer;
use crate::components::{current_lang, focus_if_lost, text_view, CopyButton, DataView, ItemSummary, Page, Subject};
use crate::data::use_programme;
use crate::describe::when_words;
use crate::filters::encode_component;
use crate::ics;
use crate::locale::Lang;
use crate::model::{Item, Programme};
use crate::routes::Route;
use crate::storage::{other_selections, use_agenda, StorageStatus};

crate::texts! {
    heading: "Mon programme", "My programme";
    restored: "Votre programme précédent est rétabli.", "Your previous programme is back.";
    replaced: "Votre programme a été remplacé par le programme partagé. ", "Your programme was replaced by the shared one. ";
    restore: "Rétablir mon programme précédent", "Restore my previous programme";
    empty_before: "Votre programme est vide. Dans le ", "Your programme is empty. In the ";
    empty_link: "programme", "programme";
    empty_after: ", le bouton « Mon programme » de chaque élément l’ajoute ici. Rien n’est envoyé : la sélection reste sur cet appareil.",
        ", each item’s “My programme” button adds it here. Nothing is sent anywhere: the selection stays on this device.";
    storage_unavailable: "Votre navigateur ne permet pas d’enregistrer « Mon programme » sur cet appareil : la sélection sera perdue en fermant la page. Le lien de partage permet de la garder.",
        "Your browser does not let this site keep “My programme” on this device: the selection will be lost when you close the page. The share link lets you keep it.";
    storage_corrupt: "La sélection enregistrée sur cet appareil était illisible : « Mon programme » repart de zéro.",
        "The selection kept on this device could not be read: “My programme” starts again from scratch.";
    overlaps: "Attention : horaires qui se chevauchent", "Warning: overlapping times";
    keep_and_share: "Garder et partager", "Keep and share";
    download: "Télécharger mon programme pour mon agenda (.ics)", "Download my programme for my calendar (.ics)";
    download_past: "Télécharger mon programme pour mon agenda, à ses dates passées (.ics)", "Download my programme for my calendar, on its past dates (.ics)";
    share_label: "Lien de partage de mon programme", "Share link to my programme";
    copy_link: "Copier le lien", "Copy the link";
    shared_heading: "Programme partagé avec vous", "Programme shared with you";
    shared_empty: "Ce lien ne contient aucun élément du programme.", "This link contains no programme item.";
    add: "Ajouter à mon programme", "Add to my programme";
    import: "Importer dans mon programme", "Import into my programme";
    replace: "Remplacer mon programme par celui-ci", "Replace my programme with this one";
    dismiss: "Ne pas importer", "Do not import";
}

/// `/mon-programme`: the visitor's chosen items in time order, overlaps, sharing, calendar export;
/// and a shared selection (`?partage=…`) offered for import, never imported silently.
#[component]
pub fn MyProgrammePage() -> impl IntoView {
    let programme = use_programme(None);
    let t = texts(current_lang());
    view! {
        <Page heading=t.heading title=t.heading>
            <DataView resource=programme what=Subject::MyProgramme render=|p| view! { <MyProgramme programme=p /> } />
        </Page>
    }
}

#[component]
fn MyProgramme(programme: Arc<Programme>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let agenda = use_agenda();
    let query = use_query_map();
    let shared = Memo::new(move |_| query.with(|q| q.get(SHARE_PARAM)));
    let p = programme.clone();
    // A choice of the former format, or from a share link, gets what it is now as its past.
    {
        let p = programme.clone();
        Effect::new(move |_| agenda.fill(&p));
    }
    // Taking an item out (or importing) re-renders the list, reusing its elements: a focused
    // toggle would silently name another item, or be gone. Focus goes to the count instead.
    Effect::new(move |first: Option<()>| {
        agenda.chosen.track();
        if first.is_some() {
            focus_if_lost("selection-count", Some("ol.items"));
        }
    });
    let announcer = use_announcer();
    let undo = move |_| {
        agenda.undo_replace();
        announcer.say(t.restored);
    };
    let year = programme.edition.year;
    view! {
        <StorageNotice />
        <OtherEditions current=year />
        {move || {
            agenda
                .replaced
                .get()
                .map(|_| {
                    view! {
                        <p class="notice" role="status">
                            {t.replaced}
                            <button type="button" class="button button--secondary" on:click=undo>
                                {t.restore}
                            </button>
                        </p>
                    }
                })
        }}
        {move || shared.get().map(|value| view! { <SharedSelection programme=p.clone() value /> })}
        {move || {
            let chosen = agenda.chosen.get();
            if chosen.is_empty() {
                view! { <p>{t.empty_before}<a href=lang.path(Route::Programme.path())>{t.empty_link}</a>{t.empty_after}</p> }.into_any()
            } else {
                view! { <Selection programme=programme.clone() chosen /> }.into_any()
            }
        }}
    }
}

/// Says what the visitor chose for other editions, kept on this device, with a link to each
/// edition's programme, where those choices are shown: nothing chosen is lost from view when a
/// new edition becomes current (issue 21).
#[component]
fn OtherEditions(current: i32) -> impl IntoView {
    let lang = current_lang();
    let editions = other_selections(current);
    (!editions.is_empty()).then(|| {
        let items = editions
            .into_iter()
            .map(|(year, count)| {
                let chosen = match (lang, count) {
                    (Lang::Fr, 1) => "1 élément choisi".to_owned(),
                    (Lang::Fr, n) => format!("{n} éléments choisis"),
                    (Lang::En, 1) => "1 item chosen".to_owned(),
                    (Lang::En, n) => format!("{n} items chosen"),
                };
                let link = match lang {
                    Lang::Fr => format!("le programme {year}"),
                    Lang::En => format!("the {year} programme"),
                };
                let before = match lang {
                    Lang::Fr => format!("Édition {year} : {chosen}, dans "),
                    Lang::En => format!("{year} edition: {chosen}, in "),
                };
                view! { <li>{before}<a href=lang.path(&format!("/editions/{year}/programme"))>{link}</a>"."</li> }
            })
            .collect_view();
        let intro = match lang {
            Lang::Fr => "Gardé aussi sur cet appareil, pour d’autres éditions :",
            Lang::En => "Also kept on this device, for other editions:",
        };
        view! {
            <div class="notice">
                <p>{intro}</p>
                <ul>{items}</ul>
            </div>
        }
    })
}

/// Tells the visitor when the selection cannot be kept on this device.
#[component]
fn StorageNotice() -> impl IntoView {
    let agenda = use_agenda();
    let t = texts(current_lang());
    move || match agenda.status.get() {
        StorageStatus::Saved => None,
        StorageStatus::Unavailable => Some(
            view! {
                <p class="notice" role="status">
                    {t.storage_unavailable}
                </p>
            }
            .into_any(),
        ),
        StorageStatus::WasCorrupt => Some(
            view! {
                <p class="notice" role="status">
                    {t.storage_corrupt}
                </p>
            }
            .into_any(),
        ),
    }
}

#[component]
fn Selection(programme: Arc<Programme>, chosen: Vec<Chosen>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let ids: Vec<String> = chosen.iter().map(|c| c.id.clone()).collect();
    let items = in_time_order(&programme, &ids);
    let clashes: Vec<(Item, Item)> = overlaps(&items).into_iter().map(|(a, b)| (a.clone(), b.clone())).collect();
    let origin = crate::data::site_origin();
    // The link opens in the language it was shared in.
    let share_url = format!("{origin}{}?{SHARE_PARAM}={}", lang.path(Route::MyProgramme.path()), encode_component(&share_value(&ids)));
    let stamp = crate::clock::now_utc();
    let timed = items.iter().filter(|i| ics::exportable(i)).count();
    let sequenced: Vec<(&Item, u32)> = items
        .iter()
        .map(|item| (*item, chosen.iter().find(|c| c.id == item.id).map_or(0, |c| crate::chosen::sequence(&programme, c))))
        .collect();
    let calendar = ics::data_url(&ics::sequenced_calendar(&programme, &sequenced, &origin, stamp));
    let changed = super::my_programme_changes::changes(&programme, &chosen, lang);
    let count = match (lang, chosen.len()) {
        (Lang::Fr, 1) => "1 élément choisi.".to_owned(),
        (Lang::Fr, n) => format!("{n} éléments choisis, dans l’ordre du programme."),
        (Lang::En, 1) => "1 item chosen.".to_owned(),
        (Lang::En, n) => format!("{n} items chosen, in programme order."),
    };
    let quoted = |item: &Item| {
        let (open, close) = lang.words().quotes;
        view! {
            {open}
            {text_view(&item.title, lang)}
            {close}
            {format!(" ({})", short_when(item, lang))}
        }
    };
    let owned: Vec<Item> = items.iter().map(|i| (*i).clone()).collect();
    view! {
        <p id="selection-count" tabindex="-1" data-summary="">
            {count}
        </p>
        {changed}
        {(!clashes.is_empty())
            .then(|| {
                view! {
                    <div class="warning" role="note" aria-labelledby="chevauchements">
                        <h2 id="chevauchements">{t.overlaps}</h2>
                        <ul>
                            {clashes.into_iter().map(|(a, b)| view! { <li>{quoted(&a)}{lang.words().and}{quoted(&b)}</li> }).collect_view()}
                        </ul>
                    </div>
                }
            })}
        <ol class="items">
            {owned
                .into_iter()
                .map(|item| {
                    let page = format!("/programme/{}", item.id);
                    view! { <ItemSummary item programme=programme.clone() page query=None under_day=false /> }
                })
                .collect_view()}
        </ol>
        <h2>{t.keep_and_share}</h2>
        <p>
            <a class="button" href=calendar download=ics::agenda_file_name(&programme)>
                {if crate::clock::phase(&programme) == crate::phase::Phase::After { t.download_past } else { t.download }}
            </a>
        </p>
        <p class="hint">
            {match (lang, timed) {
                (Lang::Fr, 1) => "Le fichier contient le seul élément dont l’horaire est connu, à l’heure de Paris.".to_owned(),
                (Lang::Fr, _) => format!("Le fichier contient les {timed} éléments dont l’horaire est connu, à l’heure de Paris."),
                (Lang::En, 1) => "The file contains the 1 item whose time is known, in Paris time.".to_owned(),
                (Lang::En, _) => format!("The file contains the {timed} items whose time is known, in Paris time."),
            }}
        </p>
        <div class="share">
            <label for="lien-partage">{t.share_label}</label>
            <input id="lien-partage" type="url" readonly value=share_url.clone() />
            <CopyButton label=t.copy_link text=share_url />
        </div>
    }
}

/// « 19 octobre, 19 h 00 – 1 h 00 », "19 October, 19:00 – 1:00"
pub(super) fn short_when(item: &Item, lang: Lang) -> String {
    let day = item.day.map(|d| lang.day_month(d)).unwrap_or_default();
    match (item.start, item.end) {
        (Some(s), Some(e)) => format!("{day}, {} – {}", lang.event_time(s), lang.event_time(e)),
        (Some(s), None) => format!("{day}, {}", lang.event_time(s)),
        _ => day,
    }
}

/// A selection someone shared: listed, then imported only if the visitor asks, by adding or replacing.
#[component]
fn SharedSelection(programme: Arc<Programme>, value: String) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let agenda = use_agenda();
    let announcer = use_announcer();
    let navigate = use_navigate();
    let (known, unknown) = parse_shared(&value, &programme);
    let unknown_list = (unknown > 0).then(|| unknown_view(&programme, &value, lang));
    let items: Vec<Item> = in_time_order(&programme, &known).into_iter().cloned().collect();
    let import = move |replace: bool| {
        let known = known.clone();
        let navigate = navigate.clone();
        let programme = programme.clone();
        move |_| {
            let mut ids = if replace { Vec::new() } else { agenda.chosen.get_untracked() };
            let before = ids.len();
            for id in &known {
                if !ids.iter().any(|c| &c.id == id) {
                    ids.push(programme.items.iter().find(|i| &i.id == id).map_or_else(|| Chosen::id(id), |i| Chosen::of(&programme, i)));
                }
            }
            let added = ids.len() - if replace { 0 } else { before };
            if replace {
                agenda.replace(ids);
            } else {
                agenda.set(ids);
            }
            announcer.say(match (lang, added) {
                (Lang::Fr, 0 | 1) => format!("Programme partagé importé : {added} élément ajouté."),
                (Lang::Fr, _) => format!("Programme partagé importé : {added} éléments ajoutés."),
                (Lang::En, 1) => "Shared programme imported: 1 item added.".to_owned(),
                (Lang::En, _) => format!("Shared programme imported: {added} items added."),
            });
            navigate(&lang.path(Route::MyProgramme.path()), NavigateOptions { replace: true, ..NavigateOptions::default() });
        }
    };
    let has_own = agenda.ids.with_untracked(|ids| !ids.is_empty());
    let dismiss = {
        let navigate = use_navigate();
        move |_| {
            navigate(&lang.path(Route::MyProgramme.path()), NavigateOptions { replace: true, ..NavigateOptions::default() });
            focus_if_lost("selection-count", None);
        }
    };
    view! {
        <section class="shared" aria-labelledby="programme-partage">
            <h2 id="programme-partage" data-summary="">
                {t.shared_heading}
            </h2>
            {unknown_list}
            {if items.is_empty() {
                view! { <p>{t.shared_empty}</p> }.into_any()
            } else {
                view! {
                    <ul>{items.iter().map(|i| view! { <li>{when_words(i, lang)}{text_view(&i.title, lang)}</li> }).collect_view()}</ul>
                }
                    .into_any()
            }}
            <p class="actions">
                {(!items.is_empty())
                    .then(|| {
                        view! {
                            <button type="button" class="button" on:click=import(false)>
                                {if has_own { t.add } else { t.import }}
                            </button>
                        }
                    })}
                {(has_own && !items.is_empty())
                    .then(|| {
                        view! {
                            <button type="button" class="button button--secondary" on:click=import(true)>
                                {t.replace}
                            </button>
                        }
                    })} <button type="button" class="button button--secondary" on:click=dismiss>
                    {t.dismiss}
                </button>
            </p>
        </section>
    }
}
