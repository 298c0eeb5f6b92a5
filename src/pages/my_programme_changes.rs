//! Mon programme: what changed since each choice (moved, renamed, other place, cancelled, gone
//! from the programme), said in words with what it was, and the visitor keeps it or removes it
//! (`crate::chosen`). Nothing chosen is dropped without a word.

use std::sync::Arc;

use leptos::prelude::*;

use super::my_programme::short_when;
use crate::chosen::{fate, keep, Chosen, Fate, Snapshot};
use crate::components::announcer::use_announcer;
use crate::components::{text_view, VisuallyHidden};
use crate::locale::Lang;
use crate::model::{Item, Programme};
use crate::storage::use_agenda;

crate::texts! {
    heading: "Changé depuis votre choix", "Changed since you chose it";
    keep: "Garder", "Keep";
    remove: "Retirer", "Remove";
    stays: " Il reste dans votre liste, tel qu’il était, jusqu’à ce que vous le retiriez.", " It stays in your list, as it was, until you remove it.";
    kept: "Gardé dans mon programme, tel qu’il est maintenant.", "Kept in my programme, as it is now.";
    removed: "Retiré de mon programme.", "Removed from my programme.";
    unknown_id: "identifiant inconnu : ", "unknown id: ";
    has_changed: " a changé : ", " has changed: ";
    was_renamed: " a été renommé ", " was renamed ";
    new_title: " Nouveau titre : ", " New title: ";
    gone: " n’est plus au programme.", " is no longer on the programme.";
}

/// The most ids of a share link named one by one: the link is the visitor's, of any length.
const NAMED_AT_MOST: usize = 20;

/// The ids of a share link that the programme does not have, named: what the record of
/// publications says became of each (removed on …), else the id itself. Never dropped silently.
pub fn unknown_view(programme: &Programme, value: &str, lang: Lang) -> impl IntoView {
    let t = texts(lang);
    let unknown = crate::agenda::unknown_shared(value, programme);
    let n = unknown.len();
    let intro = match (lang, n) {
        (Lang::Fr, 1) => "1 élément du lien n’est pas dans le programme actuel ; il ne sera pas importé :".to_owned(),
        (Lang::Fr, _) => format!("{n} éléments du lien ne sont pas dans le programme actuel ; ils ne seront pas importés :"),
        (Lang::En, 1) => "1 item of the link is not in the current programme; it will not be imported:".to_owned(),
        (Lang::En, _) => format!("{n} items of the link are not in the current programme; they will not be imported:"),
    };
    let rows = unknown
        .iter()
        .take(NAMED_AT_MOST)
        .map(|id| {
            let removed =
                crate::publications::item_history(programme, id).into_iter().find(|(_, c)| c.kind == crate::model::ChangeKind::Removed);
            match removed {
                Some((date, change)) => {
                    let when = match lang {
                        Lang::Fr => format!(" (retiré du programme le {})", lang.day_month_year(date)),
                        Lang::En => format!(" (removed from the programme on {})", lang.day_month_year(date)),
                    };
                    view! { <li>{quoted(&change.title, lang)}{when}</li> }.into_any()
                }
                None => view! { <li>{t.unknown_id}{id.chars().take(80).collect::<String>()}</li> }.into_any(),
            }
        })
        .collect_view();
    let more = (n > NAMED_AT_MOST).then(|| match lang {
        Lang::Fr => format!("… et {} autres.", n - NAMED_AT_MOST),
        Lang::En => format!("… and {} more.", n - NAMED_AT_MOST),
    });
    view! {
        <p>{intro}</p>
        <ul class="unknown-shared">{rows}</ul>
        {more.map(|more| view! { <p>{more}</p> })}
    }
}

/// The section, or nothing when every choice is as it was.
pub fn changes(programme: &Arc<Programme>, chosen: &[Chosen], lang: Lang) -> Option<impl IntoView> {
    let t = texts(lang);
    let rows: Vec<AnyView> = chosen.iter().filter_map(|choice| row(programme, choice, lang)).collect();
    (!rows.is_empty()).then(|| {
        view! {
            <section class="warning changes" aria-labelledby="changements">
                <h2 id="changements">{t.heading}</h2>
                <ul>{rows}</ul>
            </section>
        }
    })
}

fn quoted(title: &crate::model::Text, lang: Lang) -> impl IntoView {
    let (open, close) = lang.words().quotes;
    view! {
        {open}
        {text_view(title, lang)}
        {close}
    }
}

/// « jeudi 19 octobre, 9 h 00, Palais de la Bourse »: when and where it was.
fn was_words(was: &Snapshot, id: &str, lang: Lang) -> String {
    let when = short_when(&was.as_item(id), lang);
    let when = if when.is_empty() { lang.words().untimed.to_owned() } else { when };
    match &was.place {
        Some(place) => format!("{when}, {place}"),
        None => when,
    }
}

fn row(programme: &Arc<Programme>, choice: &Chosen, lang: Lang) -> Option<AnyView> {
    let t = texts(lang);
    let (message, can_keep): (AnyView, bool) = match fate(programme, choice) {
        Fate::Same(_) => return None,
        Fate::Changed { item, was, moved, renamed, place } => {
            let now = |item: &Item| was_words(&crate::chosen::Snapshot::of(programme, item), &item.id, lang);
            let what = if moved || place { t.has_changed } else { t.was_renamed };
            let view = view! {
                {quoted(&was.title, lang)}
                {what}
                {(moved || place).then(|| format!("{} → {}.", was_words(was, &item.id, lang), now(item)))}
                {renamed
                    .then(|| {
                        view! {
                            {if moved || place { t.new_title } else { "" }}
                            {quoted(&item.title, lang)}
                            "."
                        }
                    })}
            };
            (view.into_any(), true)
        }
        Fate::Cancelled { item, was } => {
            let when = was.map(|w| was_words(w, &item.id, lang)).unwrap_or_default();
            let said = match lang {
                Lang::Fr => format!(" ({when}) est annulé."),
                Lang::En => format!(" ({when}) is cancelled."),
            };
            (
                view! {
                    <strong>{quoted(&item.title, lang)}</strong>
                    {said}
                }
                .into_any(),
                true,
            )
        }
        Fate::Gone { was: Some(was) } => {
            let view = view! {
                {quoted(&was.title, lang)}
                {format!(" ({})", was_words(was, &choice.id, lang))}
                {t.gone}
                {t.stays}
            };
            (view.into_any(), false)
        }
        Fate::Gone { was: None } => {
            let said = match lang {
                Lang::Fr => format!(
                    "L’élément « {} », choisi avant que ce site garde vos choix tels qu’ils étaient, n’est plus au programme.",
                    choice.id
                ),
                Lang::En => format!(
                    "The item “{}”, chosen before this site kept your choices as they were, is no longer on the programme.",
                    choice.id
                ),
            };
            (
                view! {
                    {said}
                    {t.stays}
                }
                .into_any(),
                false,
            )
        }
    };
    let agenda = use_agenda();
    let announcer = use_announcer();
    let (id, kept_id) = (choice.id.clone(), choice.id.clone());
    // Each button names its item: « Garder : « Plénière » ».
    let title = programme
        .items
        .iter()
        .find(|i| i.id == choice.id)
        .map(|i| i.title.clone())
        .or_else(|| choice.was.as_ref().map(|w| w.title.clone()));
    let title = title.unwrap_or_else(|| choice.id.as_str().into());
    let named = move || {
        let title = title.clone();
        view! { <VisuallyHidden>{lang.words().colon}{quoted(&title, lang)}</VisuallyHidden> }
    };
    let programme_kept = programme.clone();
    let on_keep = move |_| {
        agenda.update(&kept_id, |c| keep(&programme_kept, c));
        announcer.say(t.kept);
    };
    let on_remove = move |_| {
        let rest: Vec<Chosen> = agenda.chosen.get_untracked().into_iter().filter(|c| c.id != id).collect();
        agenda.set(rest);
        announcer.say(t.removed);
    };
    Some(
        view! {
            <li data-change=choice.id.clone()>
                <p>{message}</p>
                <p class="actions">
                    {can_keep
                        .then(|| {
                            view! {
                                <button type="button" class="button button--secondary" on:click=on_keep>
                                    {t.keep}
                                    {named()}
                                </button>
                            }
                        })} <button type="button" class="button button--secondary" on:click=on_remove>
                        {t.remove}
                        {named()}
                    </button>
                </p>
            </li>
        }
        .into_any(),
    )
}
