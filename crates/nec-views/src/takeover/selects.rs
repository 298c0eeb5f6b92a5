//! The app's `<select>`s enter the page inert for a moment. Orca 43 on Chromium announces a
//! `<select>` inserted into the page as if it had the focus, wherever the focus is: after the
//! takeover it said « Thème liste déroulante réduit, Automatique, Mode focus » while the focus
//! stayed on a link (NC-14), and its next arrow key went to the wrong control (NC-13, /integrer).
//! Tried with a bare DOM swap under Orca: inert or disabled for 50 ms, two frames or 300 ms is
//! quiet; one frame is not; disabled loses the value from the next announcement, inert does not.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{set_timeout, window};
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, Event, HtmlElement, KeyboardEvent};

use super::{all, waiting::next_tabbable};

/// Longer than Orca takes to handle the insertion.
const QUIET: Duration = Duration::from_millis(500);
/// What ends the wait at once: the visitor's next key (Tab must reach the select) or pointer. A
/// mouse moves before it clicks: an inert select would let that click through to the page.
const MOVES: [&str; 3] = ["keydown", "pointerdown", "pointermove"];

/// Makes the selects of `fresh` inert, before it enters the page.
pub(super) fn hold(fresh: &Element) -> Rc<Vec<Element>> {
    let held: Vec<Element> = all(fresh, "select").into_iter().filter(|s| !s.has_attribute("inert")).collect();
    for select in &held {
        let _ = select.set_attribute("inert", "");
    }
    Rc::new(held)
}

/// Gives the selects back to the page after `QUIET`, or at the visitor's next key, touch or mouse
/// move;
/// `focused`, the control the takeover has just focused, at once. A Tab meant for a select
/// reaches it: the browser chose its target while it was inert, so the focus is moved here.
pub(super) fn release_soon(held: Rc<Vec<Element>>, focused: Option<&Element>, root: Element) {
    if let Some(focused) = focused {
        let _ = focused.remove_attribute("inert");
    }
    if held.is_empty() {
        return;
    }
    let on_move = {
        let held = Rc::clone(&held);
        Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            give_back(&held);
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else { return };
            if key.key() != "Tab" || key.ctrl_key() || key.alt_key() || key.meta_key() {
                return;
            }
            let active = leptos::prelude::document().active_element().and_then(|a| a.dyn_into::<HtmlElement>().ok());
            let next = active.filter(|a| root.contains(Some(a))).and_then(|a| next_tabbable(&root, &a, key.shift_key()));
            if let Some(next) = next.filter(|n| held.iter().any(|s| s == n.as_ref() as &Element)) {
                event.prevent_default();
                let _ = next.focus();
            }
        })
        .into_js_value()
    };
    for name in MOVES {
        let _ = window().add_event_listener_with_callback_and_bool(name, on_move.unchecked_ref(), true);
    }
    set_timeout(
        move || {
            give_back(&held);
            for name in MOVES {
                let _ = window().remove_event_listener_with_callback_and_bool(name, on_move.unchecked_ref(), true);
            }
        },
        QUIET,
    );
}

/// Out of inert: giving back twice (a key, then the timer) is harmless, as `hold` took only
/// selects that were not inert before.
fn give_back(held: &[Element]) {
    for select in held {
        let _ = select.remove_attribute("inert");
    }
}
