//! The takeover deferred to the visitor's next move: their focus sits on a control of the painted
//! page, which already shows what the app would, so the page is replaced when they act, not under
//! them. Tab then goes on to the next control of the app's page as it would have on the painted
//! one, and Enter, Space or an arrow does to the app's control what it would have done.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::window;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent};

use super::{all_as, changes, dispatch, is_corrected, swap, FOCUSABLE};

/// The events that tell the visitor moves on: a key, a click or tap, the focus moved (a screen
/// reader's virtual cursor moves it), a control changed. A pointer pressed and released is only
/// noted: the focus it moves is followed by its click, and replacing the page between the press
/// and the release would lose that click.
const MOVES: [&str; 7] = ["keydown", "click", "focusin", "input", "change", "pointerdown", "pointerup"];

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
pub(super) fn swap_at_next_move<A, D>(painted: Element, fresh: Element, focused: A, done: D)
where
    A: Fn() -> Option<Element> + 'static,
    D: FnOnce() + 'static,
{
    let pending = RefCell::new(Some((painted, fresh, done)));
    let pointer_down = Cell::new(false);
    let listener: Rc<RefCell<Option<JsValue>>> = Rc::default();
    let registered = Rc::clone(&listener);
    let on_move = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        let key = event.dyn_ref::<KeyboardEvent>();
        match event.type_().as_str() {
            "pointerdown" | "pointerup" => return pointer_down.set(event.type_() == "pointerdown"),
            "focusin" if pointer_down.get() => return,
            "keydown" if key.is_some_and(|k| is_modifier(&k.key())) => return,
            _ => {}
        }
        let Some((painted, fresh, done)) = pending.borrow_mut().take() else { return };
        if let Some(listener) = registered.borrow_mut().take() {
            for name in MOVES {
                let _ = window().remove_event_listener_with_callback_and_bool(name, listener.unchecked_ref(), true);
            }
        }
        let counterpart = swap(&painted, &fresh, focused());
        match (key, counterpart) {
            (Some(key), Some(control)) => do_key(&event, key, &control, &fresh),
            (_, Some(control)) => {
                let _ = control.focus();
            }
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

/// What `key`, pressed on the painted page's control, does on the app's `control`: its default
/// action would act on the element just replaced.
fn do_key(event: &Event, key: &KeyboardEvent, control: &HtmlElement, fresh: &Element) {
    let plain = !(key.ctrl_key() || key.alt_key() || key.meta_key());
    if key.key() == "Tab" && plain {
        // Straight to the next control: focusing `control` first would announce it again.
        if let Some(next) = next_tabbable(fresh, control, key.shift_key()) {
            event.prevent_default();
            let _ = next.focus();
        } else {
            // The last control of the page: the browser goes on from it.
            let _ = control.focus();
        }
        return;
    }
    let _ = control.focus();
    if !plain {
        return;
    }
    let handled = match key.key().as_str() {
        "Enter" | " " if activated_by(control, &key.key()) => {
            control.click();
            true
        }
        "ArrowDown" | "ArrowRight" => choose_next(control, fresh, 1),
        "ArrowUp" | "ArrowLeft" => choose_next(control, fresh, -1),
        _ => false,
    };
    if handled {
        event.prevent_default();
    }
}

fn is_modifier(key: &str) -> bool {
    matches!(key, "Shift" | "Control" | "Alt" | "AltGraph" | "Meta" | "CapsLock" | "Insert")
}

/// True when `key` (Enter or Space) activates `control`, as the browser does it.
fn activated_by(control: &HtmlElement, key: &str) -> bool {
    let kind = control.dyn_ref::<HtmlInputElement>().map(|input| input.type_());
    matches!(
        (control.tag_name().as_str(), kind.as_deref(), key),
        ("BUTTON" | "SUMMARY", _, _)
            | ("A", _, "Enter")
            | ("INPUT", Some("checkbox" | "radio"), " ")
            | ("INPUT", Some("button" | "submit" | "reset"), _)
    )
}

/// An arrow on a list box or a radio button: the next (or previous) choice, as the browser makes it.
fn choose_next(control: &HtmlElement, fresh: &Element, step: i32) -> bool {
    if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        let index = select.selected_index() + step;
        if (0..select.length() as i32).contains(&index) {
            select.set_selected_index(index);
            dispatch(select, "input");
            dispatch(select, "change");
        }
        return true;
    }
    let Some(radio) = control.dyn_ref::<HtmlInputElement>().filter(|r| r.type_() == "radio") else { return false };
    let group: Vec<HtmlInputElement> =
        all_as::<HtmlInputElement>(fresh, "input[type=radio]").into_iter().filter(|r| r.name() == radio.name()).collect();
    let Some(at) = group.iter().position(|r| r == radio) else { return false };
    let next = &group[(at as i32 + step).rem_euclid(group.len() as i32) as usize];
    let _ = next.focus();
    next.click();
    true
}

/// The control Tab (or Shift+Tab) reaches from `from` in `root`, in the document's order.
fn next_tabbable(root: &Element, from: &HtmlElement, backwards: bool) -> Option<HtmlElement> {
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
