//! Starting the app over the page `scripts/prerender.mjs` wrote at build time.
//!
//! A release page arrives with its content already in `<div id="app" data-prerendered>`, readable
//! before (and without) the wasm. The app is not hydrated (the crate is `csr`): it renders into a
//! detached `<div id="app">`, and once none of its views is still loading (`.loading`, what
//! `DataView` shows while a file loads), that div replaces the prerendered one in a single DOM
//! operation, so no frame shows a half-built page. The two trees come from the same components and
//! data, so nothing moves; what the visitor did meanwhile is carried over: the scroll position, the
//! focused control, what was typed, ticked or chosen, and a button pressed while the app loaded
//! (the boot script, scripts/shipped/boot.js, starts the app when the visitor reaches for a control).
//! A `<details>` opened meanwhile stays open. The partner widget takes over its painted view the
//! same way (`swap_when_ready`, crates/nec-widget/src/lib.rs).
//!
//! When the visitor's focus is on a control of the prerendered page and nothing is to be carried
//! over, the swap waits for their next move (`waiting`): replacing the page under a focused
//! control makes a screen reader announce it a second time (RGAA 7.1), while the page as painted
//! is the app's page already. Live regions the swap inserts are silent until something changes in
//! them (`silence_until_changed`): a status that did not change is not news.
//!
//! `<html data-app="ready">` then says the app runs (the browser tests wait for it);
//! `data-app="waiting"` that it runs and takes the page over at the visitor's next move.

mod caret;
mod live_regions;
mod selects;
mod waiting;

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

const ROOT_ID: &str = "app";
const PRERENDERED: &str = "data-prerendered";
const FOCUSABLE: &str = "a[href], button, input, select, textarea, summary, [tabindex]";
/// Inside a closed `<details>`, outside its summary.
const IN_CLOSED_DETAILS: &str = "details:not([open]) > :not(summary), details:not([open]) > :not(summary) *";
/// How long after the swap a button pressed on the painted page is pressed on the app's.
const PRESS_AFTER: Duration = Duration::from_millis(100);

/// Mounts the site's `app`: over the prerendered page when there is one, else in the empty root
/// (the shell of a route that was not prerendered, or a development build), else in `<body>`.
pub fn start<V: IntoView + 'static>(app: fn() -> V) {
    let document = document();
    match document.get_element_by_id(ROOT_ID) {
        Some(prerendered) if prerendered.has_attribute(PRERENDERED) => {
            let Ok(fresh) = document.create_element("div") else { return };
            fresh.set_id(ROOT_ID);
            crate::typeset::watch(&fresh);
            leptos::mount::mount_to(fresh.clone().unchecked_into(), app).forget();
            let focused = || leptos::prelude::document().active_element();
            swap_when_ready::<true, _, _, _>(prerendered, fresh, ".loading", focused, || mark("waiting"), || mark("ready"));
        }
        Some(root) => {
            crate::typeset::watch(&root);
            leptos::mount::mount_to(root.unchecked_into(), app).forget();
            mark("ready");
        }
        None => {
            if let Some(body) = document.body() {
                crate::typeset::watch(&body);
            }
            leptos::mount::mount_to_body(app);
            mark("ready");
        }
    }
}

/// Replaces `painted` by `fresh` once nothing in `fresh` matches `loading`, carrying over what
/// the visitor did (`focused` tells where the focus is: the document, or a shadow root), then
/// calls `done`; or, when the visitor sits on a control with nothing to carry over, calls
/// `waiting` and replaces it at their next move. Checks once a frame: the detached tree is never
/// painted, so waiting costs nothing visible. The partner widget takes over its painted view the
/// same way.
///
/// `WAIT` (the site's pages) waits for the visitor's move, and holds the app's selects a moment.
/// The partner widget does neither, and its wasm carries none of that code: in a shadow root, the
/// Tab the wait answers moved the focus unheard (tried: Orca said nothing until the next Tab).
/// Both silence the live regions that did not change, and put the page's caret on the app's
/// control (`caret`).
pub fn swap_when_ready<const WAIT: bool, A, W, D>(painted: Element, fresh: Element, loading: &'static str, focused: A, waiting: W, done: D)
where
    A: Fn() -> Option<Element> + 'static,
    W: FnOnce() + 'static,
    D: FnOnce() + 'static,
{
    request_animation_frame(move || {
        if fresh.query_selector(loading).ok().flatten().is_some() {
            swap_when_ready::<WAIT, _, _, _>(painted, fresh, loading, focused, waiting, done);
        } else if WAIT && focused().is_some_and(|active| waiting::worth_waiting(&painted, &fresh, &active)) {
            waiting();
            waiting::swap_at_next_move(painted, fresh, Box::new(focused), Box::new(done));
        } else {
            swap::<WAIT>(&painted, &fresh, focused(), Focus::Stay);
            done();
        }
    });
}

/// Where the focus goes when the page is replaced: on the app's element for the focused one
/// (`Stay`), or on from it to the next control, or the previous one (a Tab the swap answers).
#[derive(Clone, Copy, PartialEq)]
enum Focus {
    Stay,
    Next,
    Previous,
}

/// Replaces the prerendered page, carries over what the visitor did, and moves the focus from
/// the painted element straight to the app's (`to`); returns the app's element that has it, and
/// whether it is the counterpart of the focused one (else the control after or before it).
///
/// The app's page goes in before the painted one leaves: the focus moves from one element to the
/// other, never through the document, where a screen reader would find it on another control
/// (NC-14, docs/rgaa-audit.md). Both are in the document for a moment within one task: never painted.
/// The page's caret is on the counterpart of the focused control when the painted page leaves, and
/// Orca takes it for the same control (`caret`): what it says next is only what the move changed.
fn swap<const WAIT: bool>(prerendered: &Element, fresh: &Element, focused: Option<Element>, to: Focus) -> Option<(HtmlElement, bool)> {
    let window = window();
    let (x, y) = (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0));
    // The boot script marks `main` busy when the page was written for another visitor (a filtered
    // address, a saved agenda): its content changes now, and the change is said once.
    let corrected = is_corrected(prerendered);
    let silenced = live_regions::silence_until_changed(fresh);
    let held = WAIT.then(|| selects::hold(fresh));
    let steps = changes(prerendered, fresh);
    preset_choices(&steps);
    // Before the painted page: `getElementById` finds the app's elements first.
    if prerendered.before_with_node_1(fresh).is_err() {
        live_regions::restore(&silenced);
        if let Some(held) = held {
            selects::release_soon(held, None, fresh.clone());
        }
        return None;
    }
    if corrected {
        announce_result(fresh);
    }
    // In the document now, where every listener of the app's controls is reached.
    carry_over(prerendered, fresh, steps);
    let same = focused.as_ref().and_then(|active| {
        let same = counterpart(prerendered, fresh, active)?.dyn_into::<HtmlElement>().ok()?;
        // Where a screen reader looks for its place once the painted page has left (`caret`).
        caret::place_on(&same, active);
        Some(same)
    });
    let target = same.map(|same| match to {
        Focus::Stay => (same, true),
        Focus::Next | Focus::Previous => match waiting::next_tabbable(fresh, &same, to == Focus::Previous) {
            Some(next) => (next, false),
            None => (same, true),
        },
    });
    if let Some(held) = held {
        selects::release_soon(held, target.as_ref().map(|(element, _)| element.as_ref()), fresh.clone());
    }
    if let Some((element, _)) = &target {
        let _ = element.focus();
    }
    prerendered.remove();
    window.scroll_to_with_x_and_y(x, y);
    target
}

/// True when the page was written for another visitor and the app corrects it (src: boot.js).
fn is_corrected(prerendered: &Element) -> bool {
    prerendered.query_selector("main[aria-busy]").ok().flatten().is_some()
}

/// What the app's page now says for the whole page (`data-summary`: the number of items that
/// match, or chosen), else its title, in the live region.
fn announce_result(fresh: &Element) {
    let summary = fresh.query_selector("main [data-summary]").ok().flatten().or_else(|| fresh.query_selector("main h1").ok().flatten());
    let Some(text) = summary.and_then(|e| e.text_content()).filter(|t| !t.trim().is_empty()) else { return };
    let lang = document().document_element().and_then(|html| html.get_attribute("lang"));
    let lang = if lang.as_deref() == Some("en") { crate::locale::Lang::En } else { crate::locale::Lang::Fr };
    crate::components::announcer::announce(text.trim().to_owned(), lang);
}

/// The app's element for a focused one of the prerendered page: the same control in the same
/// position when both pages have the same controls (the usual case); else, when the app's page
/// has other controls (a filtered list), the same control by its identity (id, address, name),
/// or the nearest control before it that the app's page still has, so Tab goes on from there.
fn counterpart(prerendered: &Element, fresh: &Element, active: &Element) -> Option<Element> {
    let old = all(prerendered, FOCUSABLE);
    let index = old.iter().position(|e| e == active)?;
    let new = all(fresh, FOCUSABLE);
    if old.len() == new.len() {
        return new.into_iter().nth(index);
    }
    if let Some(same) = same_place_in_part(prerendered, fresh, active) {
        return Some(same);
    }
    let (old_ids, new_ids): (Vec<String>, Vec<String>) = (old.iter().map(identity).collect(), new.iter().map(identity).collect());
    (0..=index).rev().find_map(|at| {
        let key = &old_ids[at];
        // The same control, counted among those that look the same (two « Mon programme » links).
        let nth = old_ids[..at].iter().filter(|id| *id == key).count();
        let same = new_ids.iter().zip(&new).filter(|(id, _)| *id == key).nth(nth).map(|(_, e)| e.clone());
        // One that can take the focus: not a control in the closed « Filtrer » (it keeps its boxes
        // but takes no focus), disabled, or not shown; else the focus stays on the document, and
        // the next Tab starts again from the top.
        same.filter(|e| !e.matches(IN_CLOSED_DETAILS).unwrap_or(true) && !e.has_attribute("disabled") && e.get_client_rects().length() > 0)
    })
}

/// The control at the same place in the same part of the page (a child of the root: the banner,
/// `main`, the footer) when that part has as many controls in both pages: a corrected page changes
/// `main`, not the banner, though the banner's language link carries the page's query.
fn same_place_in_part(prerendered: &Element, fresh: &Element, active: &Element) -> Option<Element> {
    let mut part = active.clone();
    while part.parent_element().as_ref() != Some(prerendered) {
        part = part.parent_element()?;
    }
    let parts = prerendered.children();
    let at = (0..parts.length()).position(|i| parts.item(i).as_ref() == Some(&part))?;
    let twin = fresh.children().item(at as u32).filter(|twin| twin.tag_name() == part.tag_name())?;
    if &part == active {
        return Some(twin);
    }
    let (old, new) = (all(&part, FOCUSABLE), all(&twin, FOCUSABLE));
    let index = old.iter().position(|e| e == active)?;
    (old.len() == new.len()).then(|| new.into_iter().nth(index)).flatten()
}

/// What tells a control from another whatever its position: its tag, id, address, form name
/// and value, and its text.
fn identity(element: &Element) -> String {
    let attribute = |name| element.get_attribute(name).unwrap_or_default();
    let text = element.text_content().unwrap_or_default();
    [element.tag_name(), element.id(), attribute("href"), attribute("name"), attribute("value"), text.trim().to_owned()].join("\u{1f}")
}

/// What the visitor did before the app ran, done again on the app's page, one step a frame: a
/// filter updates the address, which the next one builds on.
enum Step {
    /// Text typed, or a box ticked: what differs from the prerendered page (whose state may not be
    /// the app's: its address's query), through the events the app's view listens to.
    Input(HtmlInputElement, HtmlInputElement),
    /// An option chosen (the theme switch).
    Select(String, HtmlSelectElement),
    /// A button pressed while the app was loading (the boot script marks it, scripts/shipped/boot.js).
    Click(HtmlElement),
}

/// An option chosen is set on the app's `<select>` before it enters the page, so that a screen
/// reader hears no change of value: the visitor heard it on the painted one. (`replay` then tells
/// the app, by the event its view listens to.)
fn preset_choices(steps: &[Step]) {
    for step in steps {
        if let Step::Select(value, new) = step {
            new.set_value(value);
        }
    }
}

fn carry_over(prerendered: &Element, fresh: &Element, mut steps: Vec<Step>) {
    // A description opened (native `<details>`, which works before the app): open there too.
    let (old, new) = (all(prerendered, "details"), all(fresh, "details"));
    if old.len() == new.len() {
        for (_, new) in old.iter().zip(new).filter(|(old, _)| old.has_attribute("open")) {
            let _ = new.set_attribute("open", "");
        }
    }
    let pending = prerendered.query_selector("[data-pending-click]").ok().flatten();
    if let Some(button) = pending.and_then(|b| counterpart(prerendered, fresh, &b)).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        steps.push(Step::Click(button));
    }
    replay(steps);
}

/// What was typed, ticked or chosen on the prerendered page that the app's page does not show.
fn changes(prerendered: &Element, fresh: &Element) -> Vec<Step> {
    let mut steps = Vec::new();
    let (old, new) = (all_as::<HtmlInputElement>(prerendered, "input"), all_as::<HtmlInputElement>(fresh, "input"));
    if old.len() == new.len() {
        let changed = old.into_iter().zip(new).filter(|(old, new)| match old.type_().as_str() {
            "checkbox" | "radio" => old.checked() != old.default_checked() && old.checked() != new.checked(),
            _ => old.value() != old.default_value() && old.value() != new.value(),
        });
        steps.extend(changed.map(|(old, new)| Step::Input(old, new)));
    }
    let (old, new) = (all_as::<HtmlSelectElement>(prerendered, "select"), all_as::<HtmlSelectElement>(fresh, "select"));
    if old.len() == new.len() {
        steps.extend(
            old.into_iter().zip(new).filter(|(old, new)| old.value() != new.value()).map(|(old, new)| Step::Select(old.value(), new)),
        );
    }
    steps
}

fn replay(mut steps: Vec<Step>) {
    if steps.is_empty() {
        return;
    }
    match steps.remove(0) {
        Step::Input(old, new) if matches!(old.type_().as_str(), "checkbox" | "radio") => new.click(),
        Step::Input(old, new) => {
            new.set_value(&old.value());
            dispatch(&new, "input");
        }
        Step::Select(value, new) => {
            new.set_value(&value);
            dispatch(&new, "change");
        }
        // Later, once a screen reader has followed the focus to the app's button: the change of
        // state it makes (« pressé ») is then said, as a press of the app's button is.
        Step::Click(button) => set_timeout(move || button.click(), PRESS_AFTER),
    }
    request_animation_frame(move || replay(steps));
}

fn dispatch(target: &Element, name: &str) {
    if let Ok(event) = web_sys::Event::new(name) {
        let _ = target.dispatch_event(&event);
    }
}

fn all_as<T: JsCast>(root: &Element, selector: &str) -> Vec<T> {
    all(root, selector).into_iter().filter_map(|e| e.dyn_into::<T>().ok()).collect()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// `<html data-app="…">`: what the tests (and the boot script) read of the app's state.
fn mark(state: &str) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-app", state);
    }
}
