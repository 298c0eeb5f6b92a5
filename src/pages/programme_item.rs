use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

use crate::components::{current_lang, pieces_view, text_view, AgendaToggle, DataView, Original, Page, Sources, Subject, When};
use crate::data::use_programme;
use crate::filters::programme_base;
use crate::format::capitalised;
use crate::ics;
use crate::locale::Lang;
use crate::model::{cite, Programme};
use crate::pages::programme::{heading_of, route_edition};
use crate::routes::Route;

crate::texts! {
    not_found: "Élément introuvable", "Item not found";
    no_such_item: "Aucun élément du programme ne correspond à cette adresse : il a peut-être été retiré ou renommé.",
        "No programme item matches this address: it may have been removed or renamed.";
    back: "Retour au programme", "Back to the programme";
    day: "Jour", "Day";
    time: "Horaire", "Time";
    paris_time: " (heure de Paris)", " (Paris time)";
    place: "Lieu", "Venue";
    format: "Format", "Format";
    theme: "Thématique", "Theme";
    access: "Accès", "Access";
    speakers: "Intervenants", "Speakers";
    further: "Pour aller plus loin", "Further reading";
    my_programme: "Mon programme et mon agenda", "My programme and my calendar";
    add_to_calendar: "Ajouter à mon agenda (fichier .ics)", "Add to my calendar (.ics file)";
    past_to_calendar: "Garder dans mon agenda, à sa date passée (fichier .ics)", "Keep in my calendar, on its past date (.ics file)";
    no_calendar: "Pas de fichier d’agenda : l’horaire n’est pas donné.", "No calendar file: no time is given.";
    practical: "Informations pratiques : accès, inscription, repas", "Practical information: access, registration, meals";
    cancelled: "Annulé : cet élément du programme n’aura pas lieu.", "Cancelled: this programme item will not take place.";
    cancelled_note: "annulé", "cancelled";
    changes: "Modifications publiées", "Published changes";
    all_changes: "Toutes les modifications du programme", "All changes to the programme";
}

/// What the record of publications says changed about the item, dated, newest first.
fn history_view(programme: &Programme, id: &str, lang: Lang) -> Option<impl IntoView> {
    let t = texts(lang);
    let history = crate::publications::item_history(programme, id);
    let colon = lang.words().colon;
    let lines = history
        .iter()
        .map(|(date, change)| {
            let words = crate::publications::describe(change, lang, false);
            view! {
                <li>
                    <time datetime=date.to_string()>{lang.day_month_year(*date)}</time>
                    {colon}
                    {pieces_view(words, lang)}
                </li>
            }
        })
        .collect_view();
    (!history.is_empty()).then(|| {
        view! {
            <h2>{t.changes}</h2>
            <ul>{lines}</ul>
            <p>
                <a href=lang.path(crate::publications::CHANGES_PAGE)>{t.all_changes}</a>
            </p>
        }
    })
}

/// `/programme/<id>` and `/editions/<year>/programme/<id>`: one item, deep-linkable: everything known about it, its calendar file,
/// and the way back to the list with the same filters.
#[component]
pub fn ProgrammeItemPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let edition = route_edition();
    let programme = use_programme(edition);
    let programme_title = heading_of(programme, edition);
    let lang = current_lang();
    let t = texts(lang);
    // The `h1` and the title take the title in the page's language, or its French (a title
    // cannot carry its own `lang`; the item's page body marks it).
    let heading = Signal::derive(move || match programme.get() {
        Some(Ok(p)) => {
            id.with(|id| p.items.iter().find(|i| &i.id == id).map_or_else(|| t.not_found.to_owned(), |i| i.title.get(lang).0.to_owned()))
        }
        _ => programme_title.get(),
    });
    // « (jeudi 19 octobre 2023) » when another item has the same title; « (annulé) » when it is
    // cancelled: in the `h1` and the page's title, so it is heard first.
    let heading_note = Signal::derive(move || match programme.get() {
        Some(Ok(p)) => id.with(|id| {
            let item = p.items.iter().find(|i| &i.id == id)?;
            let day = p.namesake_day(item).map(|d| lang.long_date(d));
            let cancelled = (!item.status.is_scheduled()).then_some(t.cancelled_note);
            let note: Vec<String> = day.into_iter().chain(cancelled.map(str::to_owned)).collect();
            (!note.is_empty()).then(|| format!("({})", note.join(", ")))
        }),
        _ => None,
    });
    let title = Signal::derive(move || {
        let note = heading_note.get().map(|note| format!(" {note}")).unwrap_or_default();
        format!("{}{note} — {}", heading.get(), programme_title.get())
    });
    let heading_lang = Signal::derive(move || match programme.get() {
        Some(Ok(p)) => {
            id.with(|id| p.items.iter().find(|i| &i.id == id).map(|i| i.title.get(lang).1).filter(|l| *l != lang).map(|l| l.code()))
        }
        _ => None,
    });
    view! {
        <Page heading=heading title=title heading_lang=heading_lang heading_note=heading_note>
            <DataView
                resource=programme
                what=Subject::ProgrammeItem
                render=move |p| view! { <ItemDetails programme=p id=id.get() base=programme_base(edition) /> }
            />
        </Page>
    }
}

#[component]
fn ItemDetails(programme: Arc<Programme>, id: String, base: String) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let location = use_location();
    let query = location.search.get_untracked();
    let back =
        lang.path(&if query.trim_start_matches('?').is_empty() { base } else { format!("{base}?{}", query.trim_start_matches('?')) });
    let Some(item) = programme.items.iter().find(|i| i.id == id).cloned() else {
        return view! {
            <p>{t.no_such_item}</p>
            <p>
                <a href=back>{t.back}</a>
            </p>
        }
        .into_any();
    };
    let p = &programme;
    let format = item.format.as_deref().and_then(|f| p.format(f)).map(|f| {
        let durations: Vec<String> = f.durations_minutes.iter().map(|m| lang.duration_minutes(i64::from(*m))).collect();
        let usual = match lang {
            Lang::Fr => format!(" (durée habituelle : {})", durations.join(" ou ")),
            Lang::En => format!(" (usual length: {})", durations.join(" or ")),
        };
        view! {
            {text_view(&f.name, lang)}
            {usual}
        }
    });
    let theme = item.theme.as_deref().and_then(|t| p.theme(t)).map(|theme| {
        let lead = theme.lead_partner.as_ref().map(|lead| {
            let (before, after) = match lang {
                Lang::Fr => (" (thématique portée par ", ")"),
                Lang::En => (" (theme led by ", ")"),
            };
            view! {
                {before}
                {text_view(lead, lang)}
                {after}
            }
        });
        view! {
            {text_view(&theme.name, lang)}
            {lead}
        }
    });
    let day = item.day.map_or_else(|| lang.words().undated.to_owned(), |d| capitalised(&lang.long_date(d)));
    let origin = crate::data::site_origin();
    let calendar =
        ics::item_calendar(p, &item, &origin, crate::clock::now_utc()).map(|text| (ics::data_url(&text), ics::item_file_name(p, &item)));
    view! {
        {(!item.status.is_scheduled())
            .then(|| {
                view! {
                    <p class="notice notice--cancelled">
                        <strong>{t.cancelled}</strong>
                    </p>
                }
            })}
        <dl class="facts">
            <dt>{t.day}</dt>
            <dd>{day}</dd>
            <dt>{t.time}</dt>
            <dd>
                <When item=item.clone() />
                {item.start.is_some().then_some(t.paris_time)}
            </dd>
            <dt>{t.place}</dt>
            <dd>
                {match (lang, p.place_of(&item)) {
                    (_, Some(venue)) => format!("{}, {}", venue.name, venue.address),
                    (Lang::Fr, None) => format!("Non précisé (édition de {})", p.edition.city),
                    (Lang::En, None) => format!("Not given ({} edition)", p.edition.city),
                }}
            </dd>
            {format
                .map(|f| {
                    view! {
                        <dt>{t.format}</dt>
                        <dd>{f}</dd>
                    }
                })}
            {theme
                .map(|theme| {
                    view! {
                        <dt>{t.theme}</dt>
                        <dd>{theme}</dd>
                    }
                })}
            <dt>{t.access}</dt>
            <dd>{item.access.label(lang)}</dd>
            {(!item.speakers.is_empty())
                .then(|| {
                    view! {
                        <dt>{t.speakers}</dt>
                        <dd>{lang.list(&item.speakers)}</dd>
                    }
                })}
        </dl>
        <p>{text_view(&item.description, lang)}</p>
        <Original texts=vec![item.title.clone(), item.description.clone()] />
        {history_view(p, &item.id, lang)}
        {(!item.links.is_empty())
            .then(|| {
                view! {
                    <h2>{t.further}</h2>
                    <ul class="links">
                        {item
                            .links
                            .iter()
                            .map(|l| {
                                view! {
                                    <li>
                                        <a href=l.url.clone()>{text_view(&l.label, lang)}</a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            })}
        <h2>{t.my_programme}</h2>
        <p class="actions">
            <AgendaToggle choice=crate::chosen::Chosen::of(&programme, &item) title=item.title.clone() namesake_day=p.namesake_day(&item) />
            {match calendar {
                Some((href, name)) => {
                    let label = if crate::clock::phase(p) == crate::phase::Phase::After { t.past_to_calendar } else { t.add_to_calendar };
                    view! {
                        <a class="button button--secondary" href=href download=name>
                            {label}
                        </a>
                    }
                        .into_any()
                }
                None => view! { <span>{t.no_calendar}</span> }.into_any(),
            }}
        </p>
        <p>
            <a href=lang.path(Route::PracticalInfo.path())>{t.practical}</a>
        </p>
        <p>
            <a href=back>{t.back}</a>
        </p>
        <p>
            <Sources sources=cite(&p.sources, &item.sources) />
        </p>
    }
    .into_any()
}
