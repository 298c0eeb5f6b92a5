use std::sync::Arc;

use leptos::prelude::*;

use super::{widget_section_with, ConfigurationProblems, Heading};
use nec_views::components::announcer::use_announcer;
use nec_views::components::{current_lang, pieces_view, status_badge, text_view, Disclosure, VisuallyHidden, When};
use nec_views::data::{fetch_data_from, fetch_text, DataFile, LoadError};
use nec_views::describe::{day_heading, item_facts, text_piece, when_words};
use nec_views::filters::{by_day, matching_in_order, search_index, Filters, PAGE_SIZE};
use nec_views::load::DataError;
use nec_views::locale::{Lang, Pieces};
use nec_views::model::EditionsFile;
use nec_views::model::{Item, Programme};
use nec_views::widget_options::{unknown_filters, WidgetOptions};

nec_views::texts! {
    no_match: "Aucun élément ne correspond : essayez un autre mot.", "No item matches: try another word.";
    paris_time: " — horaires à l’heure de Paris.", " — times are Paris time.";
    search_form: "Rechercher dans ce programme", "Search this programme";
    search_label: "Rechercher", "Search";
    search_hint: "Titre, description, intervenants ou thématique ; accents facultatifs.", "Title, description, speakers or theme; accents are optional.";
    description: "Description", "Description";
    of: " de ", " of ";
    all: "Tout le programme sur le site de Numérique en Commun[s]", "The whole programme on the Numérique en Commun[s] website";
    selection: "Sélection : ", "Selection: ";
    separator: " ; ", "; ";
    theme: "thématique", "theme";
    themes: "thématiques", "themes";
    day: "jour", "day";
    days: "jours", "days";
    format: "format", "format";
    formats: "formats", "formats";
}

/// The programme, narrowed to the partner's days, themes and formats, with a search of its own
/// and items shown a page at a time; each item links to its page on the site.
#[component]
pub fn ProgrammeWidget(options: Arc<WidgetOptions>, site: String, data: String, file: Option<String>) -> impl IntoView {
    let level = options.heading_level;
    let render = move |programme: Arc<Programme>| view! { <ProgrammeList programme options=options.clone() site=site.clone() /> };
    // The current edition's: named by widget.js for the bundled data, else as editions.json says.
    let resource = LocalResource::new(move || {
        let (data, file) = (data.clone(), file.clone());
        async move {
            let file = match file {
                Some(file) => file,
                None => current_programme_file(&data).await?,
            };
            fetch_data_from::<Programme>(&data, &file).await
        }
    });
    let lang = current_lang();
    let title = move |p: Option<&Programme>| nec_views::widget_options::WidgetView::Programme.title(lang, p.map(|p| p.edition.year));
    widget_section_with(resource, title, level, nec_views::components::Subject::Programme, render)
}

#[component]
fn ProgrammeList(programme: Arc<Programme>, options: Arc<WidgetOptions>, site: String) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let unknown: Vec<String> = unknown_filters(&options, &programme).iter().map(ToString::to_string).collect();
    let index = Arc::new(search_index(&programme));
    let text = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE_SIZE);
    let results = {
        let (programme, index, options) = (programme.clone(), index.clone(), options.clone());
        Memo::new(move |_| matching_in_order(&programme, &index, &Filters { text: text.get(), ..options.filters() }))
    };
    let announcer = use_announcer();
    let count = move || count_sentence(lang, results.with(Vec::len), shown.get());
    let section = NodeRef::<leptos::html::Div>::new();
    let show_more = move |_| {
        let first_new = shown.get_untracked();
        shown.update(|s| *s += PAGE_SIZE);
        let now_shown = shown.get_untracked().min(results.with_untracked(Vec::len));
        announcer.say(match lang {
            Lang::Fr => format!("{now_shown} éléments affichés."),
            Lang::En => format!("{now_shown} items shown."),
        });
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
    let selection = selection_sentence(&programme, &options, lang);
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
    let all_url = format!("{site}{}", lang.path(&nec_views::filters::programme_url(&options.filters())));
    view! {
        <ConfigurationProblems problems=unknown />
        <p class="nec-note">
            <strong>{text_view(&programme.edition.status, lang)}</strong>
            {t.paris_time}
        </p>
        {selection.map(|s| view! { <p class="nec-note">{pieces_view(s, lang)}</p> })}
        <form class="nec-search" role="search" aria-label=t.search_form on:submit=|ev| ev.prevent_default()>
            <label for="nec-recherche">{t.search_label}</label>
            <input
                id="nec-recherche"
                type="search"
                autocomplete="off"
                aria-describedby="nec-recherche-aide"
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    shown.set(PAGE_SIZE);
                }
            />
            <p id="nec-recherche-aide" class="nec-hint">
                {t.search_hint}
            </p>
        </form>
        <p class="nec-count" role="status">
            {count}
        </p>
        <div node_ref=section>
            {move || {
                groups()
                    .into_iter()
                    .map(|(day, items)| {
                        let heading = pieces_view(day_heading(&p, day, lang), lang);
                        let p = p.clone();
                        let site = site_for_items.clone();
                        view! {
                            <Heading level=day_level>{heading}</Heading>
                            <ol class="nec-items">
                                {items
                                    .into_iter()
                                    .map(|(position, i)| {
                                        view! {
                                            <WidgetItem
                                                programme=p.clone()
                                                item=p.items[i].clone()
                                                position
                                                site=site.clone()
                                                level=item_level
                                            />
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        }
                    })
                    .collect_view()
            }}
        </div>
        {move || {
            (results.with(Vec::len) > shown.get())
                .then(|| {
                    view! {
                        <button type="button" class="nec-button" on:click=show_more>
                            {move || show_more_label(lang, PAGE_SIZE.min(results.with(Vec::len) - shown.get()))}
                        </button>
                    }
                })
        }}
        <p>
            <a href=all_url>{t.all}</a>
        </p>
    }
}

/// « 20 éléments, dont 15 affichés. »: how many match, and how many are shown.
fn count_sentence(lang: Lang, found: usize, shown: usize) -> String {
    match (lang, found) {
        (_, 0) => texts(lang).no_match.to_owned(),
        (Lang::Fr, 1) => "1 élément.".to_owned(),
        (Lang::Fr, n) if n > shown => format!("{n} éléments, dont {shown} affichés."),
        (Lang::Fr, n) => format!("{n} éléments."),
        (Lang::En, 1) => "1 item.".to_owned(),
        (Lang::En, n) if n > shown => format!("{n} items, {shown} shown."),
        (Lang::En, n) => format!("{n} items."),
    }
}

/// « Afficher 15 éléments de plus ».
fn show_more_label(lang: Lang, more: usize) -> String {
    match lang {
        Lang::Fr => format!("Afficher {more} éléments de plus"),
        Lang::En => format!("Show {more} more items"),
    }
}

/// One item as the widget lists it: its title linking to its page on the site, when, facts, and
/// its description behind a disclosure. `position` is its rank among the results, for « Afficher plus ».
#[component]
fn WidgetItem(programme: Arc<Programme>, item: Item, position: usize, site: String, level: u8) -> impl IntoView {
    let lang = current_lang();
    let href = format!("{site}{}", lang.path(&format!("/programme/{}", item.id)));
    let facts = pieces_view(item_facts(&programme, &item, lang), lang);
    let (words, title, description) = (when_words(&item, lang), text_view(&item.title, lang), text_view(&item.description, lang));
    let about = description_of(&programme, &item, lang);
    view! {
        <li class="nec-item" data-position=position.to_string()>
            <Heading level>
                <a href=href>
                    <VisuallyHidden>{words}</VisuallyHidden>
                    {title}
                    {status_badge(item.status, lang, "nec-status")}
                </a>
            </Heading>
            <p class="nec-when" aria-hidden="true">
                <When item />
            </p>
            <p class="nec-facts">{facts}</p>
            <Disclosure summary=texts(lang).description about=about class="nec-details">
                <p>{description}</p>
            </Disclosure>
        </li>
    }
}

/// « Sélection : thématique Écologie & soutenabilité ; jour jeudi 19 octobre 2023. »,
/// "Selection: theme Écologie & soutenabilité; day Thursday 19 October 2023."
fn selection_sentence(programme: &Programme, options: &WidgetOptions, lang: Lang) -> Option<Pieces> {
    let names = |ids: &[String], name: &dyn Fn(&str) -> Option<Pieces>| ids.iter().filter_map(|id| name(id)).collect::<Vec<_>>();
    let themes = names(&options.themes, &|id| programme.theme(id).map(|t| text_piece(&t.name, lang)));
    let days = names(&options.days, &|id| {
        let undated = nec_views::format::lowercased(lang.words().undated);
        nec_views::widget_options::parse_day(id)
            .map(|d| lang.long_date(d))
            .or_else(|| (id == nec_views::filters::UNDATED).then(|| undated.clone()))
            .map(|d| Pieces::of(d, lang))
    });
    let formats = names(&options.formats, &|id| programme.format(id).map(|f| text_piece(&f.name, lang)));
    let t = texts(lang);
    let groups = [(t.theme, t.themes, themes), (t.day, t.days, days), (t.format, t.formats, formats)];
    let mut sentence = Pieces::of(t.selection, lang);
    let mut first_group = true;
    for (one, many, list) in groups {
        if list.is_empty() {
            continue;
        }
        if !first_group {
            sentence.push(t.separator, lang);
        }
        first_group = false;
        sentence.push(format!("{} ", if list.len() > 1 { many } else { one }), lang);
        sentence.extend(lang.list_pieces(list));
    }
    (!first_group).then(|| {
        sentence.push(".", lang);
        sentence
    })
}

/// Whose description a disclosure shows, for its name: « de « Accueil NEC » (jeudi 19 octobre 2023) ».
fn description_of(programme: &Programme, item: &Item, lang: Lang) -> AnyView {
    let (open, close) = lang.words().quotes;
    let day = programme.namesake_day(item).map(|d| format!(" ({})", lang.long_date(d)));
    view! {
        {texts(lang).of}
        {open}
        {text_view(&item.title, lang)}
        {close}
        {day}
    }
    .into_any()
}

/// The current edition's programme file, as `editions.json` at `base` names it, read by the
/// browser's JSON parser: the widget, which needs nothing else of the index, then carries no
/// decoder for it (−2.5 KiB brotli of wasm, BENCHMARKS.md). `nec-data check` checks the whole file.
pub async fn current_programme_file(base: &str) -> Result<String, LoadError> {
    use nec_views::validate::Problem;
    use wasm_bindgen::{JsCast, JsValue};
    let (text, _) = fetch_text(&format!("{base}{}", EditionsFile::FILE)).await?;
    nec_views::load::refuse_before_parsing(&text).map_err(LoadError::Data)?;
    let unreadable =
        |path: &str, message: &str| LoadError::Data(DataError::Unreadable(Problem { path: path.into(), message: message.into() }));
    let index = js_sys::JSON::parse(&text).map_err(|_| unreadable("$", "le fichier n’est pas du JSON valide"))?;
    let field = |object: &JsValue, key: &str| js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let current = field(&index, "current").as_f64().ok_or_else(|| unreadable("$.current", "valeur inattendue (une année est attendue)"))?;
    let editions = field(&index, "editions");
    let editions =
        editions.dyn_ref::<js_sys::Array>().ok_or_else(|| unreadable("$.editions", "valeur inattendue (une liste est attendue)"))?;
    editions
        .iter()
        .find(|edition| field(edition, "year").as_f64() == Some(current))
        .and_then(|edition| field(&edition, "programme").as_string())
        .filter(|file| nec_views::model::is_programme_file_name(file))
        .ok_or(LoadError::NoProgramme)
}
