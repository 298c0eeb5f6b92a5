//! French typography on the rendered page: every text node in French (its nearest `lang`, else
//! the page's) gets [`format::typography`], whether its words come from the interface or from the
//! data, as it is rendered and whenever it changes (a `MutationObserver` on the app's root). The
//! prerender captures the page afterwards, so a page read without the wasm has it too. Attributes
//! (`datetime="…T09:00…"`, `href`, accessible names) and code (`<code>`, `<pre>`, `<textarea>`)
//! are left as they are; English runs keep their own spacing.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

use crate::format;

const TEXT_NODE: u16 = 3;
const ELEMENT_NODE: u16 = 1;
/// What is written for a machine, or typed by the visitor; the pages written at build time
/// leave the same elements alone (`typeset_html`).
const VERBATIM: &str = crate::typeset_html::VERBATIM_SELECTOR;

/// Typesets `root` now and every text added or changed under it from now on.
pub fn watch(root: &Element) {
    typeset(root);
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(|records: js_sys::Array| {
        for record in records.iter() {
            let record: MutationRecord = record.unchecked_into();
            if record.type_() == "characterData" {
                if let Some(node) = record.target() {
                    typeset(&node);
                }
            } else {
                let added = record.added_nodes();
                for i in 0..added.length() {
                    if let Some(node) = added.item(i) {
                        typeset(&node);
                    }
                }
            }
        }
    });
    let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) else { return };
    let options = MutationObserverInit::new();
    options.set_subtree(true);
    options.set_child_list(true);
    options.set_character_data(true);
    if observer.observe_with_options(root, &options).is_ok() {
        callback.forget();
    }
}

fn typeset(node: &Node) {
    match node.node_type() {
        TEXT_NODE => {
            let Some(data) = node.node_value() else { return };
            // Only a space can change; idempotent, so the change it makes is not changed again.
            if !data.contains(' ') || !french(node) {
                return;
            }
            let typeset = format::typography(&data);
            if typeset != data {
                node.set_node_value(Some(&typeset));
            }
        }
        ELEMENT_NODE => {
            if node.unchecked_ref::<Element>().matches(VERBATIM).unwrap_or(false) {
                return;
            }
            let children = node.child_nodes();
            for i in 0..children.length() {
                if let Some(child) = children.item(i) {
                    typeset(&child);
                }
            }
        }
        _ => {}
    }
}

/// Whether a text node is French: its nearest `lang`, else the page's (the app's tree is built
/// detached, under no `<html>`), and not inside code.
fn french(node: &Node) -> bool {
    let Some(parent) = node.parent_element() else { return false };
    if parent.closest(VERBATIM).ok().flatten().is_some() {
        return false;
    }
    let lang = match parent.closest("[lang]").ok().flatten() {
        Some(e) => e.get_attribute("lang"),
        None => leptos::prelude::document().document_element().and_then(|html| html.get_attribute("lang")),
    };
    lang.is_some_and(|l| l.to_ascii_lowercase().starts_with("fr"))
}
