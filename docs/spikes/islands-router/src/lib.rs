//! Islands spike: pages shared by the native renderer (`ssr`) and the islands (`hydrate`).
use leptos::either::EitherOf3;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub title: String,
}

pub fn items() -> Vec<Item> {
    items_in("fr")
}

pub fn items_in(lang: &str) -> Vec<Item> {
    if lang == "en" {
        return [("a1", "Jazz concert"), ("a2", "Pottery workshop"), ("a3", "Gypsy jazz"), ("a4", "Public reading"), ("a5", "Folk ball")]
            .iter()
            .map(|(id, t)| Item { id: id.to_string(), title: t.to_string() })
            .collect();
    }
    [("a1", "Concert de jazz"), ("a2", "Atelier poterie"), ("a3", "Jazz manouche"), ("a4", "Lecture publique"), ("a5", "Bal folk")]
        .iter()
        .map(|(id, t)| Item { id: id.to_string(), title: t.to_string() })
        .collect()
}

const AGENDA_KEY: &str = "spike-agenda";

fn chosen_ids() -> Vec<String> {
    #[cfg(feature = "hydrate")]
    {
        window()
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(AGENDA_KEY).ok().flatten())
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = AGENDA_KEY;
        vec![]
    }
}

#[island]
pub fn ThemeSwitch() -> impl IntoView {
    let (theme, set_theme) = signal(String::new());
    Effect::new(move || {
        let _ = document().document_element().unwrap().set_attribute("data-theme", &theme.get());
    });
    view! {
        <select id="theme" aria-label="Thème" on:change=move |ev| set_theme.set(event_target_value(&ev))>
            <option value="">"Automatique"</option>
            <option value="light">"Clair"</option>
            <option value="dark">"Sombre"</option>
        </select>
    }
}

/// Filter over the server-rendered `<li data-id>` given as children. `seed_from_dom`: read what
/// the visitor typed/ticked before the wasm arrived (deferred hydration) into the signals.
#[island]
pub fn ProgrammeFilter(items: Vec<Item>, seed_from_dom: bool, children: Children) -> impl IntoView {
    let (initial_q, initial_mine) = if seed_from_dom { read_dom_state() } else { (String::new(), false) };
    let (query, set_query) = signal(initial_q);
    let (only_mine, set_only_mine) = signal(initial_mine);
    let (count, set_count) = signal(items.len());
    let (version, set_version) = signal(0u32); // bumped when the agenda changes
    #[cfg(feature = "hydrate")]
    {
        // agenda toggles dispatch this event
        let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || set_version.update(|v| *v += 1));
        window().add_event_listener_with_callback("spike-agenda", cb.as_ref().unchecked_ref()).unwrap();
        cb.forget();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = set_version;
    Effect::new(move || {
        version.track();
        let q = query.get().to_lowercase();
        let mine = only_mine.get();
        let chosen = chosen_ids();
        let mut shown = 0;
        for it in &items {
            let show = it.title.to_lowercase().contains(&q) && (!mine || chosen.contains(&it.id));
            if show {
                shown += 1;
            }
            if let Ok(Some(li)) = document().query_selector(&format!("li[data-id='{}']", it.id)) {
                let _ = if show { li.remove_attribute("hidden") } else { li.set_attribute("hidden", "") };
            }
        }
        set_count.set(shown);
    });
    view! {
        <div class="filter">
            <label>
                "Filtrer "
                <input id="q" type="search" prop:value=query on:input=move |ev| set_query.set(event_target_value(&ev)) />
            </label>
            <label>
                <input id="mine" type="checkbox" prop:checked=only_mine on:change=move |ev| set_only_mine.set(event_target_checked(&ev)) />
                " Seulement mon programme"
            </label>
            <p id="count" role="status">{move || format!("{} éléments", count.get())}</p>
            {children()}
        </div>
    }
}

#[cfg(feature = "hydrate")]
use wasm_bindgen::JsCast;

fn read_dom_state() -> (String, bool) {
    #[cfg(feature = "hydrate")]
    {
        let q = document()
            .get_element_by_id("q")
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default();
        let mine = document()
            .get_element_by_id("mine")
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.checked())
            .unwrap_or_default();
        (q, mine)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        (String::new(), false)
    }
}

/// « Mon programme » for one item, kept in localStorage.
#[island]
pub fn AgendaToggle(id: String) -> impl IntoView {
    let (chosen, set_chosen) = signal(false);
    // Client-only state must be applied *after* hydration: a signal set before the view is
    // hydrated is not written to the DOM (hydration keeps the server's aria-pressed="false").
    #[cfg(feature = "hydrate")]
    {
        let id = id.clone();
        Effect::new(move || set_chosen.set(chosen_ids().contains(&id)));
    }
    let toggle = move |_| {
        let _ = &id;
        #[cfg(feature = "hydrate")]
        {
            let mut ids = chosen_ids();
            if let Some(at) = ids.iter().position(|c| *c == id) {
                ids.remove(at);
            } else {
                ids.push(id.clone());
            }
            set_chosen.set(ids.contains(&id));
            if let Some(s) = window().local_storage().ok().flatten() {
                let _ = s.set_item(AGENDA_KEY, &serde_json::to_string(&ids).unwrap());
            }
            let _ = window().dispatch_event(&web_sys::Event::new("spike-agenda").unwrap());
        }
    };
    view! {
        <button type="button" class="agenda" aria-pressed=move || chosen.get().to_string() on:click=toggle>
            "Mon programme"
        </button>
    }
}

/// Fetches its own data (no props): /data/items.json.
#[island]
pub fn RemoteCount() -> impl IntoView {
    let (n, set_n) = signal(None::<usize>);
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        use wasm_bindgen_futures::JsFuture;
        let resp: web_sys::Response = JsFuture::from(window().fetch_with_str("/data/items.json")).await.unwrap().unchecked_into();
        let text = JsFuture::from(resp.text().unwrap()).await.unwrap().as_string().unwrap();
        let items: Vec<Item> = serde_json::from_str(&text).unwrap();
        set_n.set(Some(items.len()));
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = set_n;
    view! { <p id="remote">{move || match n.get() { None => "Chargement…".to_string(), Some(n) => format!("{n} éléments chargés") }}</p> }
}

/// A big prop, to measure data-props.
#[island]
pub fn BigProp(blob: String) -> impl IntoView {
    view! { <p id="big">{format!("{} octets reçus", blob.len())}</p> }
}

/// Renders differently on the server and in the browser (a structural mismatch).
#[island]
pub fn MismatchTag() -> impl IntoView {
    let (n, set_n) = signal(0);
    if cfg!(feature = "ssr") {
        leptos::either::Either::Left(view! { <p id="mm-tag">"serveur"</p> })
    } else {
        leptos::either::Either::Right(view! { <div id="mm-tag"><button id="mm-btn" on:click=move |_| set_n.update(|n| *n += 1)>{move || n.get()}</button></div> })
    }
}

/// Same structure, different text.
#[island]
pub fn MismatchText() -> impl IntoView {
    let (n, set_n) = signal(0);
    let label = if cfg!(feature = "ssr") { "serveur" } else { "client" };
    view! { <p id="mm-text">{label}</p><button id="mm-text-btn" on:click=move |_| set_n.update(|n| *n += 1)>{move || n.get()}</button> }
}

#[derive(Clone, Copy, PartialEq)]
pub enum Page {
    Index,
    Charte,
    Programme,
}

pub fn page_body(page: Page, seed: bool) -> impl IntoView {
    page_body_in(page, seed, "fr")
}

pub fn page_body_in(page: Page, seed: bool, lang: &'static str) -> impl IntoView {
    match page {
        Page::Index => EitherOf3::A(view! {
            <h1 tabindex="-1">"Accueil"</h1>
            <p>"Bienvenue. "<a href="/programme/">"Voir le programme"</a></p>
        }),
        Page::Charte => EitherOf3::B(view! {
            <h1 tabindex="-1">"Charte"</h1>
            <p id="charte-text">"Texte de la charte."</p>
            <ul id="charte-links">
                <li><a id="l-hash" href="#fin">"Lien d'ancre #fin"</a></li>
                <li><a id="l-query" href="/programme/?q=jazz">"Programme ?q=jazz"</a></li>
                <li><a id="l-target" href="/programme/" target="_blank">"Programme (target=_blank)"</a></li>
                <li><a id="l-ext" href="https://example.org/">"Externe"</a></li>
            </ul>
            <form id="f-get" action="/programme/" method="get"><input name="q" value="folk" /><button id="f-get-btn">"Chercher (GET)"</button></form>
            <div style="height:3000px"></div>
            <p id="fin">"Fin de la charte."</p>
        }),
        Page::Programme => EitherOf3::C(view! {
            <h1 tabindex="-1">{if lang == "en" { "Programme (EN)" } else { "Programme" }}</h1>
            <RemoteCount />
            <ProgrammeFilter items=items_in(lang) seed_from_dom=seed>
                <ul id="items">
                    {items_in(lang)
                        .into_iter()
                        .map(|it| view! { <li data-id=it.id.clone()>{it.title.clone()}" "<AgendaToggle id=it.id.clone() /></li> })
                        .collect_view()}
                </ul>
            </ProgrammeFilter>
        }),
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
