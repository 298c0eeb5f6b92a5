use std::sync::atomic::{AtomicBool, Ordering};

use leptos::html::H1;
use leptos::prelude::*;

/// False until the first page has been shown: the first page keeps the browser's own focus.
static SHOWN_A_PAGE: AtomicBool = AtomicBool::new(false);

/// When the focused element has just been removed (a button that did its job, an item taken out
/// of a list), focus falls back to `<body>` and keyboard users are thrown to the top of the
/// document (RGAA 12.8): move it to the element `id` instead, or else to the page's `h1`.
/// Focus also moves when it sits inside `container` (a CSS selector), whose content was replaced.
pub fn focus_if_lost(id: &'static str, container: Option<&'static str>) {
    request_animation_frame(move || {
        let active = document().active_element();
        let lost = active.as_ref().is_none_or(|e| e.tag_name() == "BODY")
            || container.is_some_and(|c| active.is_some_and(|e| e.closest(c).ok().flatten().is_some()));
        if !lost {
            return;
        }
        let _ = focus_by_id(id) || focus_by_id("titre-page");
    });
}

/// Moves focus to the element with this `id`; false when there is none.
pub fn focus_by_id(id: &str) -> bool {
    document()
        .get_element_by_id(id)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        .is_some_and(|e| e.focus().is_ok())
}

/// After a navigation inside the app, the head's addresses (written by the build for the first
/// page, crates/nec-data/src/site/) follow: the canonical address, which a phone's share sheet shares, `og:url`
/// and the `hreflang` alternates. Their origin is the build's (`NEC_SITE_ORIGIN`); a page built
/// without them (the not-found page, `trunk serve`) has nothing to follow.
fn follow_address() {
    let Ok(path) = window().location().pathname() else { return };
    let doc = document();
    let Some(canonical) = doc.query_selector("link[rel=canonical]").ok().flatten() else { return };
    let href = canonical.get_attribute("href").unwrap_or_default();
    // `https://host` of `https://host/path`.
    let origin: String = href.split('/').take(3).collect::<Vec<_>>().join("/");
    let (_, route) = crate::locale::Lang::from_path(&path);
    let set = |selector: &str, attribute: &str, value: String| {
        if let Some(element) = doc.query_selector(selector).ok().flatten() {
            let _ = element.set_attribute(attribute, &value);
        }
    };
    let _ = canonical.set_attribute("href", &format!("{origin}{path}"));
    set("meta[property='og:url']", "content", format!("{origin}{path}"));
    for lang in crate::locale::Lang::ALL {
        set(&format!("link[hreflang='{}']", lang.code()), "href", format!("{origin}{}", lang.path(route)));
    }
    set("link[hreflang='x-default']", "href", format!("{origin}{route}"));
}

/// The document title of the page rendered natively (`ssr`), where no `Effect` runs: the
/// renderer provides it and reads it once the page is written (src/bin/nec-render.rs).
#[cfg(feature = "ssr")]
#[derive(Clone, Default)]
pub struct RenderedTitle(pub ArcRwSignal<String>);

/// One page: keeps the document title in step and renders the page's only `h1`, then its
/// content. After a navigation inside the app, focus moves to the new `h1`, so keyboard and
/// screen-reader users start reading the new page at its title (as on a full page load).
#[component]
pub fn Page(
    /// The visible heading; may change once data has loaded.
    #[prop(into)]
    heading: Signal<String>,
    /// The document title, unique per route; " — Numérique en Commun[s]" is appended.
    #[prop(into)]
    title: Signal<String>,
    /// The heading's language when it is not the page's (a French data title on an English page).
    #[prop(optional, into)]
    heading_lang: Signal<Option<&'static str>>,
    /// Words after the heading, in the page's language, that tell it from a namesake (its day).
    #[prop(optional, into)]
    heading_note: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let page_lang = super::current_lang().code();
    Effect::new(move |_| document().set_title(&format!("{} — Numérique en Commun[s]", title.get())));
    #[cfg(feature = "ssr")]
    if let Some(RenderedTitle(rendered)) = use_context::<RenderedTitle>() {
        rendered.set(format!("{} — Numérique en Commun[s]", title.get_untracked()));
    }
    let h1 = NodeRef::<H1>::new();
    Effect::new(move |_| {
        if SHOWN_A_PAGE.swap(true, Ordering::Relaxed) {
            follow_address();
            if let Some(h1) = h1.get() {
                let _ = h1.focus();
            }
        }
    });
    view! {
        <h1 id="titre-page" tabindex="-1" node_ref=h1 lang=heading_lang>
            {heading}
            // In the page's language, which the heading's `lang` may not be.
            {move || {
                heading_note
                    .get()
                    .map(|note| {
                        view! {
                            " "
                            <span lang=heading_lang.get().map(|_| page_lang)>{note}</span>
                        }
                    })
            }}
        </h1>
        {children()}
    }
}
