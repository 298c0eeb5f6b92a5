//! Islands floor (issue 20): the theme switch as an island, and with `programme`, the
//! programme's filters and agenda toggle as islands over server-rendered items.
use leptos::prelude::*;

#[island]
fn ThemeSwitch() -> impl IntoView {
    let (theme, set_theme) = signal(String::new());
    Effect::new(move || {
        let _ = document().document_element().unwrap().set_attribute("data-theme", &theme.get());
    });
    view! {
        <select id="theme" on:change=move |ev| set_theme.set(event_target_value(&ev))>
            <option value="">"Automatique"</option>
            <option value="light">"Clair"</option>
            <option value="dark">"Sombre"</option>
        </select>
    }
}

#[cfg(feature = "programme")]
mod programme {
    use leptos::prelude::*;
    use nec_core::filters::{matching, search_index, Filters};
    use nec_core::model::Programme;
    use wasm_bindgen::JsCast;

    /// The filters and search: each change shows the matching server-rendered items only.
    #[island]
    pub fn ProgrammeFilters(json: String, children: Children) -> impl IntoView {
        let programme: Option<Programme> = nec_core::load::parse(&json).ok();
        let index = programme.as_ref().map(search_index).unwrap_or_default();
        let (count, set_count) = signal(programme.as_ref().map_or(0, |p| p.items.len()));
        let on_change = move |ev: leptos::ev::Event| {
            let Some(programme) = programme.as_ref() else { return };
            let form: web_sys::HtmlFormElement = event_target(&ev);
            let data = web_sys::FormData::new_with_form(&form).unwrap();
            let params = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).unwrap();
            let query = params.to_string().as_string().unwrap_or_default();
            let pairs: Vec<(String, String)> = query
                .split('&')
                .filter_map(|p| p.split_once('='))
                .map(|(k, v)| (k.to_owned(), js_sys::decode_uri_component(v).ok().and_then(|s| s.as_string()).unwrap_or_default()))
                .collect();
            let filters = Filters::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            let shown = matching(programme, &index, &filters);
            let items = document().query_selector_all("li[data-item]").unwrap();
            for i in 0..items.length() {
                let li: web_sys::Element = items.item(i).unwrap().unchecked_into();
                let hidden = !shown.contains(&(i as usize));
                let _ = if hidden { li.set_attribute("hidden", "") } else { li.remove_attribute("hidden") };
            }
            set_count.set(shown.len());
            let url = nec_core::filters::programme_url(&filters);
            let _ = window().history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        };
        view! {
            <form class="filters" on:change=on_change.clone() on:input=on_change>
                {children()}
                <p role="status">{move || format!("{} éléments", count.get())}</p>
            </form>
        }
    }

    /// « Mon programme » on one item: the choice kept on the device.
    #[island]
    pub fn AgendaToggle(id: String) -> impl IntoView {
        let key = nec_core::agenda::storage_key(2023);
        let storage = window().local_storage().ok().flatten();
        let stored = storage
            .as_ref()
            .and_then(|s| s.get_item(&key).ok().flatten())
            .and_then(|t| nec_core::agenda::parse_stored(&t))
            .unwrap_or_default();
        let (chosen, set_chosen) = signal(stored);
        let id_for_view = id.clone();
        let pressed = move || chosen.with(|c| c.iter().any(|c| c.id == id_for_view));
        view! {
            <button
                type="button"
                aria-pressed=move || pressed().to_string()
                on:click=move |_| {
                    set_chosen
                        .update(|c| {
                            if let Some(at) = c.iter().position(|c| c.id == id) {
                                c.remove(at);
                            } else {
                                c.push(nec_core::chosen::Chosen::id(&id));
                            }
                            if let Some(s) = storage.as_ref() {
                                let _ = s.set_item(&key, &nec_core::agenda::to_stored(c));
                            }
                        })
                }
            >
                "Mon programme"
            </button>
        }
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
