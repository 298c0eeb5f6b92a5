use std::sync::Arc;

use chrono::Datelike;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use crate::agenda::now_and_next;
use crate::components::{
    as_written, current_lang, pieces_view, text_view, DataView, EditionNotice, ItemSummary, Page, ProgrammeFilters, Subject,
};
use crate::data::use_programme;
use crate::describe::{day_heading, programme_heading};
use crate::filters::{by_day, matching_in_order, programme_base, programme_url_at, search_index, FilterList, Filters, PAGE_SIZE};
use crate::format::capitalised;
use crate::locale::Lang;
use crate::model::{Item, Programme};
use crate::routes::Route;

crate::texts! {
    paris_time: " — horaires à l’heure de Paris.", " — times are Paris time.";
    practical_link: "Informations pratiques : lieu, horaires, accès, inscription et repas", "Practical information: venue, opening hours, access, registration and meals";
    changes_link: "Modifications du programme depuis son annonce", "Changes to the programme since it was announced";
    days_nav: "Jours du programme", "Days of the programme";
    filter_form: "Filtrer le programme", "Filter the programme";
    search_label: "Rechercher dans le programme", "Search the programme";
    search_hint: "Titre, description, intervenants ou thématique ; accents facultatifs.", "Title, description, speakers or theme; accents are optional.";
    clear: "Effacer les filtres", "Clear the filters";
    filter: "Filtrer", "Filter";
    no_match: "Aucun élément ne correspond. Essayez avec moins de filtres ou un autre mot : la recherche porte sur les titres, les descriptions, les intervenants et les thématiques.",
        "No item matches. Try fewer filters or another word: the search looks in titles, descriptions, speakers and themes.";
    pages_nav: "Pages de résultats", "Result pages";
    previous_page: "Page précédente", "Previous page";
    next_page: "Page suivante", "Next page";
    write_to: "Pour y participer, écrire à ", "To take part, write to ";
    now_heading: "En ce moment", "Happening now";
    nothing_now: "Rien n’est en cours.", "Nothing is on right now.";
    on_now: "En cours :", "On now:";
}

/// « 3 éléments correspondent », "3 items match".
fn found(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => "1 élément correspond".to_owned(),
        (Lang::Fr, n) => format!("{n} éléments correspondent"),
        (Lang::En, 1) => "1 item matches".to_owned(),
        (Lang::En, n) => format!("{n} items match"),
    }
}

/// What the closed filters say of themselves: « (2 filtres actifs) », "(2 active)"; nothing when none is.
/// The boot module says the same of a filtered address before the app runs (scripts/shipped/boot.js).
fn ticked_words(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (_, 0) => String::new(),
        (Lang::Fr, 1) => " (1 filtre actif)".to_owned(),
        (Lang::Fr, n) => format!(" ({n} filtres actifs)"),
        (Lang::En, n) => format!(" ({n} active)"),
    }
}

/// « page 2 sur 3 », "page 2 of 3".
fn page_of(lang: Lang, page: usize, total: usize) -> String {
    match lang {
        Lang::Fr => format!("page {page} sur {total}"),
        Lang::En => format!("page {page} of {total}"),
    }
}

/// The edition a programme route names (`/editions/<year>/programme…`), or `None` for the current
/// one (`/programme…`); a year that is not a number names no edition.
pub fn route_edition() -> Option<i32> {
    use_params_map().with_untracked(|p| p.get("year")).map(|year| year.parse().unwrap_or(0))
}

/// Where this route's programme lives (`filters::programme_base`), for every link inside it.
#[derive(Clone)]
pub struct ProgrammeBase(pub String);

/// The current edition's programme heading, or the route's edition, with its year once known.
pub fn heading_of(programme: LocalResource<Result<Arc<Programme>, crate::data::LoadError>>, edition: Option<i32>) -> Signal<String> {
    let lang = current_lang();
    Signal::derive(move || {
        let (done, loaded) = programme.with(|p| (p.is_some(), p.as_ref().and_then(|p| p.as_ref().ok()).map(|p| p.edition.year)));
        let current = || done.then(crate::data::current_year).flatten();
        programme_heading(loaded.or(edition).or_else(current), lang)
    })
}

/// `/programme` (the current edition's, as `editions.json` says) and `/editions/<year>/programme`:
/// search, filters kept in the URL, and the matching items day by day, a page at a time.
#[component]
pub fn ProgrammePage() -> impl IntoView {
    let edition = route_edition();
    let programme = use_programme(edition);
    provide_context(ProgrammeBase(programme_base(edition)));
    let heading = heading_of(programme, edition);
    view! {
        <Page heading=heading title=heading>
            <DataView resource=programme what=Subject::Programme render=|p| view! { <ProgrammeExplorer programme=p /> } />
        </Page>
    }
}

/// This route's programme address (`ProgrammeBase`).
fn base() -> String {
    use_context::<ProgrammeBase>().map_or_else(|| "/programme".to_owned(), |b| b.0)
}

/// The filter state read from the URL query, so a link, a reload or Back restores it.
pub fn use_filters() -> Memo<Filters> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| {
            let mut pairs: Vec<(String, String)> = Vec::new();
            for key in FilterList::query_keys() {
                for value in q.get_all(key).unwrap_or_default() {
                    pairs.push((key.to_owned(), value));
                }
            }
            Filters::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        })
    })
}

#[component]
fn ProgrammeExplorer(programme: Arc<Programme>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let filters = use_filters();
    let navigate = use_navigate();
    let base = StoredValue::new(base());
    let index = Arc::new(search_index(&programme));
    let results = {
        let (programme, index) = (programme.clone(), index.clone());
        Memo::new(move |_| filters.with(|f| matching_in_order(&programme, &index, f)))
    };
    let apply = move |next: Filters, replace: bool| {
        navigate(
            &lang.path(&programme_url_at(&base.read_value(), &next)),
            NavigateOptions { replace, scroll: false, ..NavigateOptions::default() },
        );
    };
    let count = move || results.with(Vec::len);
    let pages = move || count().div_ceil(PAGE_SIZE).max(1);
    let page = move || filters.with(|f| f.page).min(pages());
    let status = move || status_sentence(lang, count(), page(), pages());

    let status_ref = NodeRef::<leptos::html::P>::new();
    // When the visitor changes page, take focus to the top of the results.
    Effect::new(move |previous: Option<usize>| {
        let current = filters.with(|f| f.page);
        if previous.is_some_and(|p| p != current) {
            if let Some(el) = status_ref.get() {
                let _ = el.focus();
            }
        }
        current
    });

    let p = programme.clone();
    // Day groups of the current page. Keyed lists below reuse the sections and items that stay
    // on screen from one keystroke to the next, so typing only renders what changed.
    let groups = {
        let p = p.clone();
        Memo::new(move |_| {
            let start = (page() - 1) * PAGE_SIZE;
            results.with(|found| by_day(&p, found.iter().skip(start).take(PAGE_SIZE).copied()))
        })
    };
    let query = Memo::new(move |_| filters.with(Filters::to_query));
    let days = move || groups.with(|g| g.iter().map(|(day, _)| *day).collect::<Vec<_>>());
    let listing = view! {
        <For each=days key=|day| *day let:day>
            <DaySection day programme=p.clone() groups query />
        </For>
    };
    let pager = move || (pages() > 1).then(|| view! { <Pager current=page() total=pages() filters base /> });

    view! {
        <EditionNotice programme=programme.clone() after=t.paris_time />
        <NowNext programme=programme.clone() />
        <p>
            <a href=lang.path(Route::PracticalInfo.path())>{t.practical_link}</a>
        </p>
        <DayLinks programme=programme.clone() base />
        <FilterForm programme=programme.clone() filters apply=Callback::new(move |(next, replace)| apply(next, replace)) />
        <p class="result-count" role="status" tabindex="-1" data-summary="" node_ref=status_ref>
            {status}
        </p>
        {listing}
        {pager}
        // After the list: above it, the first session would leave a phone's screen and a half.
        <p>
            <a href=lang.path(crate::publications::CHANGES_PAGE)>{t.changes_link}</a>
        </p>
    }
}

/// The search field, then the filters behind « Filtrer »; each change calls `apply` with the
/// filters it makes, and whether it replaces the history entry (typing does).
#[component]
fn FilterForm(programme: Arc<Programme>, filters: Memo<Filters>, apply: Callback<(Filters, bool)>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let on_filters = Callback::new(move |next: Filters| apply.run((next, false)));
    let on_search = move |ev| {
        let mut next = filters.get_untracked();
        next.text = event_target_value(&ev);
        next.page = 1;
        apply.run((next, true));
    };
    let clear = move |_| apply.run((Filters { page: 1, ..Filters::default() }, false));
    view! {
        <form class="filters" role="search" aria-label=t.filter_form on:submit=|ev| ev.prevent_default()>
            <div class="search">
                <label for="recherche">{t.search_label}</label>
                <input
                    id="recherche"
                    type="search"
                    autocomplete="off"
                    aria-describedby="recherche-aide"
                    value=as_written(move || filters.with(|f| f.text.clone()))
                    prop:value=move || filters.with(|f| f.text.clone())
                    on:input=on_search
                />
                <p id="recherche-aide" class="hint">
                    {t.search_hint}
                </p>
            </div>
            // Closed, so the first session shows within a phone's first screen and a half; native, so
            // it opens before the app runs, and its summary says how many boxes are ticked inside.
            <details class="filters__more">
                <summary>{t.filter}{move || ticked_words(lang, filters.with(Filters::ticked))}</summary>
                <ProgrammeFilters programme=programme.clone() filters on_change=on_filters />
                <button type="button" class="button button--secondary" on:click=clear>
                    {t.clear}
                </button>
            </details>
        </form>
    }
}

/// « 13 éléments correspondent — page 1 sur 2. », or the advice when nothing matches: the advice
/// is part of the status message, so it is announced with it (RGAA 7.5).
fn status_sentence(lang: Lang, count: usize, page: usize, pages: usize) -> String {
    if count == 0 {
        return texts(lang).no_match.to_owned();
    }
    let found = found(lang, count);
    if pages > 1 {
        format!("{found} — {}.", page_of(lang, page, pages))
    } else {
        format!("{found}.")
    }
}

/// A link to each day of the programme, each filtering on it.
#[component]
fn DayLinks(programme: Arc<Programme>, base: StoredValue<String>) -> impl IntoView {
    let lang = current_lang();
    view! {
        <nav class="day-links" aria-label=texts(lang).days_nav>
            <ul>
                {programme
                    .days
                    .iter()
                    .map(|d| {
                        view! {
                            // Without the year, which the page's title gives: one line each on a phone.
                            <li>
                                <a href=lang
                                    .path(
                                        &format!("{}?jour={}", base.read_value(), d.date),
                                    )>
                                    {format!("{} (", capitalised(lang.long_date(d.date).trim_end_matches(&format!(" {}", d.date.year()))))}
                                    {text_view(&d.title, lang)}")"
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// « Page 2 sur 3 » between the links to the previous and the next page of results.
#[component]
fn Pager(current: usize, total: usize, filters: Memo<Filters>, base: StoredValue<String>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let link = move |n: usize| lang.path(&programme_url_at(&base.read_value(), &Filters { page: n, ..filters.get() }));
    view! {
        <nav class="pager" aria-label=t.pages_nav>
            <ul>
                {(current > 1)
                    .then(|| {
                        view! {
                            <li>
                                <a href=link(current - 1) data-noscroll="">
                                    {t.previous_page}
                                </a>
                            </li>
                        }
                    })} <li>{capitalised(&page_of(lang, current, total))}</li>
                {(current < total)
                    .then(|| {
                        view! {
                            <li>
                                <a href=link(current + 1) data-noscroll="">
                                    {t.next_page}
                                </a>
                            </li>
                        }
                    })}
            </ul>
        </nav>
    }
}

/// One day of the results: its heading and notes, then its items on the current page.
#[component]
fn DaySection(
    day: Option<chrono::NaiveDate>,
    programme: Arc<Programme>,
    groups: Memo<Vec<(Option<chrono::NaiveDate>, Vec<usize>)>>,
    query: Memo<String>,
) -> impl IntoView {
    let lang = current_lang();
    let p = programme;
    let info = day.and_then(|d| p.day(d));
    let heading = pieces_view(day_heading(&p, day, lang), lang);
    let id = day.map_or_else(|| "jour-a-preciser".to_owned(), |d| format!("jour-{d}"));
    let labelled_by = id.clone();
    let note = info.and_then(|d| d.description.clone());
    let contact = info.and_then(|d| d.contact_email.clone());
    let indices = move || groups.with(|g| g.iter().find(|(d, _)| *d == day).map(|(_, list)| list.clone()).unwrap_or_default());
    // Each item's page keeps the list's filters in its address (`query`).
    let base = base();
    view! {
        <section class="day" aria-labelledby=labelled_by>
            <h2 id=id>{heading}</h2>
            {note.map(|n| view! { <p class="day__note">{text_view(&n, lang)}</p> })}
            {contact
                .map(|email| {
                    view! { <p class="day__note">{texts(lang).write_to}<a href=format!("mailto:{email}")>{email.clone()}</a>"."</p> }
                })}
            <ol class="items">
                <For each=indices key=|i| *i let:i>
                    <ItemSummary
                        item=p.items[i].clone()
                        programme=p.clone()
                        page=format!("{base}/{}", p.items[i].id)
                        query=Some(query)
                        under_day=true
                    />
                </For>
            </ol>
        </section>
    }
}

/// "En ce moment" during the event: what is on and what comes next, by the (injectable) clock.
#[component]
fn NowNext(programme: Arc<Programme>) -> impl IntoView {
    let Some(now) = crate::clock::now() else { return ().into_any() };
    let Some(state) = now_and_next(&programme, now) else { return ().into_any() };
    let lang = current_lang();
    let t = texts(lang);
    let link = |item: &Item| {
        let (href, title) = (lang.path(&format!("{}/{}", base(), item.id)), text_view(&item.title, lang));
        view! {
            <li>
                <a href=href>{title}</a>
            </li>
        }
    };
    let next_at = state.next.first().and_then(|i| i.start).map(|at| lang.event_time(at));
    view! {
        <section class="now-next" aria-labelledby="en-ce-moment">
            <h2 id="en-ce-moment">{t.now_heading}</h2>
            <p>
                {match lang {
                    Lang::Fr => format!("Il est {}, heure de Paris.", lang.event_time(now)),
                    Lang::En => format!("It is {}, Paris time.", lang.event_time(now)),
                }}
            </p>
            {if state.current.is_empty() {
                view! { <p>{t.nothing_now}</p> }.into_any()
            } else {
                view! {
                    <p>{t.on_now}</p>
                    <ul>{state.current.iter().map(|i| link(i)).collect_view()}</ul>
                }
                    .into_any()
            }}
            {next_at
                .map(|at| {
                    view! {
                        <p>
                            {match lang {
                                Lang::Fr => format!("Ensuite, à {at} :"),
                                Lang::En => format!("Next, at {at}:"),
                            }}
                        </p>
                        <ul>{state.next.iter().map(|i| link(i)).collect_view()}</ul>
                    }
                })}
        </section>
    }
    .into_any()
}
