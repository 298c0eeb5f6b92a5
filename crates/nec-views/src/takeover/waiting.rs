//! The takeover deferred to the visitor's next move: their focus sits on a control of the painted
//! page, which already shows what the app would, so the page is replaced when they act, not under
//! them. A click, a box ticked, a choice or a key typed works on the painted page as the browser
//! makes it, and the swap carries it over (`carry_over`); Tab and Shift+Tab go straight to the
//! next control of the app's page, as they would have on the painted one.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{set_timeout, window};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent};

use super::{all_as, changes, is_corrected, swap, Focus, FOCUSABLE};

/// The visitor's moves that need the app: Tab (to go on from the app's control), and what a
/// click, another key or a screen reader changes on a control (`click`, `input`, `change`; the
/// other keys are heard and let through). A focus moved by a screen reader's virtual cursor does
/// not: the painted page reads as the app's would.
const MOVES: [&str; 4] = ["keydown", "click", "input", "change"];
/// Longer than a screen reader takes to say what the visitor's move changed on the painted page.
const HEARD_FIRST: Duration = Duration::from_millis(150);

/// True when `active`, focused on `painted`, is a control the visitor reached and nothing they did
/// is to be carried over: then the painted page is right as it is until they act.
pub(super) fn worth_waiting(painted: &Element, fresh: &Element, active: &Element) -> bool {
    active != painted
        && painted.contains(Some(active))
        && active.matches(FOCUSABLE).unwrap_or(false)
        && !is_corrected(painted)
        && painted.query_selector("[data-pending-click]").ok().flatten().is_none()
        && changes(painted, fresh).is_empty()
}

/// Replaces `painted` by `fresh` at the visitor's next move, then calls `done`.
pub(super) fn swap_at_next_move(painted: Element, fresh: Element, focused: Box<dyn Fn() -> Option<Element>>, done: Box<dyn FnOnce()>) {
    let pending = RefCell::new(Some((painted, fresh, done)));
    let focused: Rc<dyn Fn() -> Option<Element>> = Rc::from(focused);
    let listener: Rc<RefCell<Option<JsValue>>> = Rc::default();
    let registered = Rc::clone(&listener);
    let on_move = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        // Any other key acts on the painted page as the browser makes it; what it changes (a box,
        // a field, a choice, a button pressed: `click`, `input`, `change`) takes the page over.
        let tab = match event.dyn_ref::<KeyboardEvent>() {
            Some(key) if key.key() == "Tab" && !(key.ctrl_key() || key.alt_key() || key.meta_key()) => Some(key.shift_key()),
            Some(_) => return,
            None => None,
        };
        let Some((painted, fresh, done)) = pending.borrow_mut().take() else { return };
        if let Some(listener) = registered.borrow_mut().take() {
            for name in MOVES {
                let _ = window().remove_event_listener_with_callback_and_bool(name, listener.unchecked_ref(), true);
            }
        }
        // A state the browser has just changed on the painted control (a box ticked, a letter
        // typed, an option chosen) is said by a screen reader before the page changes under it:
        // swapped at once, it is lost (heard with Orca).
        let on_field = || event.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.closest("input, label").ok()?).is_some();
        if tab.is_none() && (event.type_() != "click" || on_field()) {
            let focused = Rc::clone(&focused);
            set_timeout(
                move || {
                    swap::<true>(&painted, &fresh, focused(), Focus::Stay);
                    done();
                },
                HEARD_FIRST,
            );
            return;
        }
        // Straight to the next control: focusing the app's `control` first would announce it again.
        let to = match tab {
            Some(true) => Focus::Previous,
            Some(false) => Focus::Next,
            None => Focus::Stay,
        };
        match swap::<true>(&painted, &fresh, focused(), to) {
            Some((_, false)) => event.prevent_default(),
            // A summary clicked (or Enter, Space) would open the painted disclosure, which has just
            // left the document: open the app's. (The router follows a link clicked, and the boot
            // script hands a button pressed to the app: scripts/shipped/boot.js.)
            Some((control, true)) if event.type_() == "click" && control.matches("summary").unwrap_or(false) => {
                event.prevent_default();
                control.click();
            }
            // The browser goes on from the control (Tab past the last one), or acts on it.
            _ => {}
        }
        done();
    })
    .into_js_value();
    for name in MOVES {
        let _ = window().add_event_listener_with_callback_and_bool(name, on_move.unchecked_ref(), true);
    }
    *listener.borrow_mut() = Some(on_move);
}

/// The control Tab (or Shift+Tab) reaches from `from` in `root`, in the document's order.
pub(super) fn next_tabbable(root: &Element, from: &HtmlElement, backwards: bool) -> Option<HtmlElement> {
    let controls: Vec<HtmlElement> = all_as(root, FOCUSABLE);
    let at = controls.iter().position(|c| c == from)?;
    let (before, after) = (&controls[..at], &controls[at + 1..]);
    let is_stop = |c: &&HtmlElement| is_tab_stop(root, c);
    if backwards { before.iter().rev().find(is_stop) } else { after.iter().find(is_stop) }.cloned()
}

/// A Tab stop: in the order (no negative `tabindex`), enabled, shown (not in a closed `<details>`),
/// and, in a group of radio buttons with one checked, that one.
fn is_tab_stop(root: &Element, control: &HtmlElement) -> bool {
    if control.tab_index() < 0 || control.has_attribute("disabled") || control.get_client_rects().length() == 0 {
        return false;
    }
    match control.dyn_ref::<HtmlInputElement>().filter(|r| r.type_() == "radio" && !r.checked()) {
        Some(radio) => !all_as::<HtmlInputElement>(root, "input[type=radio]").iter().any(|r| r.name() == radio.name() && r.checked()),
        None => true,
    }
}
