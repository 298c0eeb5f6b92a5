//! Live regions the takeover inserts stay silent until their content changes: a screen reader
//! reads a status inserted with its text as news, and « 13 éléments correspondent. », unchanged
//! since the painted page, is none.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::set_timeout;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, MutationObserver, MutationObserverInit};

use super::all;

const LIVE: &str = "[role=status], [aria-live]:not([aria-live=off])";
/// Longer than a screen reader takes to handle the insertion: the regions speak again after it.
const QUIET: Duration = Duration::from_millis(1500);

/// A region made silent, with its own `aria-live` (none for a `role="status"`).
pub(super) type Silenced = Vec<(Element, Option<String>)>;

/// Makes the live regions of `fresh` that hold text silent, until the first change in one of them
/// (the move that took the page over may change a count at once: that change is said) or `QUIET`.
pub(super) fn silence_until_changed(fresh: &Element) -> Rc<Silenced> {
    let silenced: Rc<Silenced> = Rc::new(
        all(fresh, LIVE)
            .into_iter()
            .filter(|region| region.text_content().is_some_and(|text| !text.trim().is_empty()))
            .map(|region| {
                let own = region.get_attribute("aria-live");
                let _ = region.set_attribute("aria-live", "off");
                (region, own)
            })
            .collect(),
    );
    if silenced.is_empty() {
        return silenced;
    }
    let regions = Rc::clone(&silenced);
    let on_change = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(move |_, observer: MutationObserver| {
        observer.disconnect();
        restore(&regions);
    })
    .into_js_value();
    if let Ok(observer) = MutationObserver::new(on_change.unchecked_ref()) {
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_character_data(true);
        options.set_subtree(true);
        for (region, _) in silenced.iter() {
            let _ = observer.observe_with_options(region, &options);
        }
        let regions = Rc::clone(&silenced);
        set_timeout(
            move || {
                observer.disconnect();
                restore(&regions);
            },
            QUIET,
        );
    } else {
        restore(&silenced);
    }
    silenced
}

/// Gives the regions back their own `aria-live` (again and again: nothing changes then).
pub(super) fn restore(silenced: &Silenced) {
    for (region, own) in silenced {
        let _ = match own {
            Some(value) => region.set_attribute("aria-live", value),
            None => region.remove_attribute("aria-live"),
        };
    }
}
