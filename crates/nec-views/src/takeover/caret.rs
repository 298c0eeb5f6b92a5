//! The page's caret on the app's control before the painted page leaves: Orca then keeps its place
//! on the control and says nothing of the swap (NC-13, docs/rgaa-audit.md).
//!
//! When a subtree holding Orca's place leaves the page, Orca (43, its web script's
//! `handleEventForRemovedChild`) looks for the page's caret and takes the object there as its new
//! place, silently; the focus then arriving on that object is no news. With the caret elsewhere it
//! took the document's start, and the focus on the app's control was announced as a new one, with
//! every container around it. Heard with Orca on a bare DOM swap, then on the site
//! (tests/screen-reader/): a box ticked, a button pressed, an option chosen, a Tab, a letter
//! typed; what is said is only what the visitor's move changed. In an empty text field the caret
//! has no text to sit in: it goes just before the field (a Tab on from the search field said
//! the landmarks around the next control again).
//!
//! In a shadow root (the partner widget), it works once the root that leaves is in the
//! accessibility tree (`role="group"`, scripts/shipped/widget/loader.js): with a letter typed in the
//! search field before the widget's app arrived, Orca then says only the new count (NC-15).

use std::time::Duration;

use leptos::prelude::{set_timeout, window};
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, Event, HtmlInputElement};

/// Longer than Orca takes to handle the swap; a key pressed before puts the caret back at once.
const GIVE_BACK: Duration = Duration::from_millis(1000);

/// Puts the page's caret on `control`, the app's counterpart of the one the visitor was on.
///
/// Orca looks from the caret for the next place it can read, and in a text field that holds text
/// it finds nothing after its end: the field's caret goes to its start for that moment, and back
/// where the visitor left it (`was`, on the painted field) at their first key, or `GIVE_BACK`.
pub(super) fn place_on(control: &Element, was: &Element) {
    let field = control.dyn_ref::<HtmlInputElement>().filter(|f| !f.value().is_empty());
    let range = was.dyn_ref::<HtmlInputElement>().and_then(|w| Some((w.selection_start().ok()??, w.selection_end().ok()??)));
    if let (Some(field), Some((start, end))) = (field, range) {
        if field.set_selection_range(0, 0).is_ok() {
            give_back_at_first_key(field.clone(), start, end);
        }
    }
    if let Ok(Some(selection)) = window().get_selection() {
        // An empty text field has no text for the caret: Orca found nothing there and took the
        // document's start (a Tab on from it then said the landmarks around the next control
        // again). Just before the field, in its parent's text, Orca finds the field.
        let empty_field =
            control.dyn_ref::<HtmlInputElement>().filter(|f| f.value().is_empty() && TEXT_TYPES.contains(&f.type_().as_str()));
        match (empty_field, control.parent_node()) {
            (Some(_), Some(parent)) => {
                let index = (0..parent.child_nodes().length()).find(|&i| parent.child_nodes().item(i).as_ref() == Some(control.as_ref()));
                let _ = selection.collapse_with_offset(Some(&parent), index.unwrap_or(0));
            }
            _ => {
                let _ = selection.collapse_with_offset(Some(control), 0);
            }
        }
    }
}

/// The input types a visitor types text in.
const TEXT_TYPES: [&str; 6] = ["text", "search", "email", "url", "tel", "number"];

fn give_back_at_first_key(field: HtmlInputElement, start: u32, end: u32) {
    let give_back = {
        let field = field.clone();
        move || {
            // Only if nothing moved it since: a click in the field puts it where the visitor wants.
            if field.selection_start() == Ok(Some(0)) && field.selection_end() == Ok(Some(0)) {
                let _ = field.set_selection_range(start, end);
            }
        }
    };
    let once = give_back.clone();
    let on_key = Closure::once_into_js(move |_: Event| once());
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_once(true);
    let _ = field.add_event_listener_with_callback_and_add_event_listener_options("keydown", on_key.unchecked_ref(), &options);
    set_timeout(give_back, GIVE_BACK);
}
