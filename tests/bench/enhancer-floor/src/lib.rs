//! Enhancer floor (issue 20): /programme's search and filters as a wasm without Leptos, over the
//! items the build wrote: nec-core decodes the programme, matches the filters, groups by day;
//! the page's items, day sections, count and address follow. What the islands floor's programme
//! islands do, without the islands' runtime.
use std::collections::HashMap;
use std::rc::Rc;

use nec_core::filters::{by_day, matching_in_order, programme_url, search_index, Filters};
use nec_core::model::Programme;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, Event, FormData, HtmlFormElement, UrlSearchParams};

struct Page {
    programme: Programme,
    index: Vec<String>,
    items: HashMap<String, Element>,
    sections: Vec<Element>,
    count: Option<Element>,
}

fn filters_of(form: &HtmlFormElement) -> Filters {
    let pairs: Vec<(String, String)> = FormData::new_with_form(form)
        .ok()
        .and_then(|data| UrlSearchParams::new_with_str_sequence_sequence(&data).ok())
        .map(|params| {
            let entries = js_sys::Array::from(&params);
            entries
                .iter()
                .filter_map(|pair| {
                    let pair = js_sys::Array::from(&pair);
                    Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
                })
                .collect()
        })
        .unwrap_or_default();
    Filters::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

fn show(page: &Page, form: &HtmlFormElement) {
    let filters = filters_of(form);
    let found = matching_in_order(&page.programme, &page.index, &filters);
    let shown: std::collections::HashSet<&str> = found.iter().map(|&i| page.programme.items[i].id.as_str()).collect();
    for (id, li) in &page.items {
        let _ = if shown.contains(id.as_str()) { li.remove_attribute("hidden") } else { li.set_attribute("hidden", "") };
    }
    let days = by_day(&page.programme, found.iter().copied());
    for section in &page.sections {
        let any = section.query_selector("li:not([hidden])").ok().flatten().is_some();
        let _ = if any { section.remove_attribute("hidden") } else { section.set_attribute("hidden", "") };
    }
    if let Some(count) = &page.count {
        let n = found.len();
        count.set_text_content(Some(&match n {
            0 => "Aucun élément ne correspond.".to_owned(),
            1 => "1 élément correspond.".to_owned(),
            n => format!("{n} éléments correspondent ({} jours).", days.len()),
        }));
    }
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&programme_url(&filters)));
    }
}

async fn start() -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let file = document.get_element_by_id("app")?.get_attribute("data-fetch")?;
    let file = file.split(' ').find(|f| f.contains("programme"))?.to_owned();
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&file)).await.ok()?.dyn_into().ok()?;
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    let programme: Programme = nec_core::load::parse(&text).ok()?;
    let index = search_index(&programme);
    let mut items = HashMap::new();
    let links = document.query_selector_all("main li h3 a[href]").ok()?;
    for i in 0..links.length() {
        let link: Element = links.item(i)?.unchecked_into();
        let id = link.get_attribute("href")?.rsplit('/').next()?.to_owned();
        items.insert(id, link.closest("li").ok()??);
    }
    let list = document.query_selector_all("main section").ok()?;
    let sections = (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect();
    let count = document.query_selector("p.result-count").ok()?;
    let form: HtmlFormElement = document.query_selector("form.filters").ok()??.dyn_into().ok()?;
    let page = Rc::new(Page { programme, index, items, sections, count });
    show(&page, &form);
    let on_change = {
        let form = form.clone();
        Closure::<dyn Fn(Event)>::new(move |_| show(&page, &form))
    };
    for kind in ["input", "change"] {
        let _ = form.add_event_listener_with_callback(kind, on_change.as_ref().unchecked_ref());
    }
    on_change.forget();
    Some(())
}

#[wasm_bindgen(start)]
pub fn main() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = start().await;
    });
}
