//! The partner widget: the programme, the charter or the history, mounted in a shadow root of the
//! host page's `<nec-widget>` element (defined by `widget.js`, see scripts/build-widget.mjs).
//!
//! Its styles live in that shadow root, its state in its own signals: no router, no listener on
//! the host's window or links, no change to the host's URL. Built into its own wasm
//! (`src/main.rs`), which never contains the site's pages: one wasm per view, each
//! built with its own feature (`widget-programme`, `widget-charte`, `widget-editions`), so that a
//! partner's page downloads only the code of the views it shows.

#[cfg(feature = "widget-charte")]
mod charter;
#[cfg(feature = "widget-editions")]
mod history;
#[cfg(feature = "widget-programme")]
mod programme;

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use nec_views::components::announcer::provide_announcer;
use nec_views::components::{current_lang, load_states, LiveRegion};

use nec_views::locale::Lang;
use nec_views::widget_options::{WidgetOptions, WidgetView};

/// The one global name the widget defines, created by `widget.js` before the wasm starts.
const GLOBAL: &str = "NecWidget";

/// The view this wasm renders (`NecWidget.views[VIEW]` holds the elements waiting for it); a build
/// with several views (`cargo build` with the default features) answers for the programme.
#[cfg(feature = "widget-programme")]
const VIEW: &str = "programme";
#[cfg(all(not(feature = "widget-programme"), feature = "widget-charte"))]
const VIEW: &str = "charte";
#[cfg(all(not(feature = "widget-programme"), not(feature = "widget-charte"), feature = "widget-editions"))]
const VIEW: &str = "editions";

/// Where the widget's files are, as `widget.js` tells.
#[derive(Clone)]
struct Setup {
    /// The site's origin, for links to its pages ("https://…", no trailing slash).
    site: String,
    /// The default data location, beside the loader ("https://…/data/").
    data: String,
    /// The current edition's programme file there, as the build found it in editions.json
    /// (`programme-2023.json`): the default location needs no index to find it.
    programme: Option<String>,
}

fn read_string(object: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).ok().and_then(|v| v.as_string())
}

/// Offers `NecWidget.views[VIEW].mount(element)` to `widget.js` and mounts the elements already
/// waiting in that view's `queue`. Does nothing on a page without `NecWidget`.
pub fn start() {
    let Some(window) = web_sys::window() else { return };
    let Ok(api) = js_sys::Reflect::get(&window, &JsValue::from_str(GLOBAL)) else { return };
    if !api.is_object() {
        return;
    }
    let (Some(site), Some(data)) = (read_string(&api, "site"), read_string(&api, "data")) else {
        web_sys::console::error_1(&"NecWidget : widget.js incomplet (site, data).".into());
        return;
    };
    let programme = read_string(&api, "programme").filter(|name| nec_views::model::is_programme_file_name(name));
    let setup = Rc::new(Setup { site: site.trim_end_matches('/').to_owned(), data, programme });
    let Some(slot) = js_sys::Reflect::get(&api, &JsValue::from_str("views"))
        .ok()
        .and_then(|views| js_sys::Reflect::get(&views, &JsValue::from_str(VIEW)).ok())
        .filter(JsValue::is_object)
    else {
        web_sys::console::error_1(&"NecWidget : widget.js incomplet (views).".into());
        return;
    };
    let mount_one = {
        let setup = setup.clone();
        Closure::<dyn Fn(web_sys::Element)>::new(move |host: web_sys::Element| mount(&host, &setup))
    };
    let _ = js_sys::Reflect::set(&slot, &JsValue::from_str("mount"), mount_one.as_ref());
    // Lives as long as the page: every element added later is mounted through it.
    mount_one.forget();
    if let Ok(queue) = js_sys::Reflect::get(&slot, &JsValue::from_str("queue")) {
        if let Some(queue) = queue.dyn_ref::<js_sys::Array>() {
            for host in queue.iter().filter_map(|h| h.dyn_into::<web_sys::Element>().ok()) {
                mount(&host, &setup);
            }
            queue.set_length(0);
        }
    }
}

/// Reads the element's attributes and renders the view in the `.nec-root` that `widget.js` put
/// in its shadow root, with the widget's style sheet. Over a view `widget.js` painted from the
/// build (`data-painted`), it renders detached and takes over once its data is there, as the
/// site's pages do (`takeover`): nothing moves, the visitor's focus and input are kept.
fn mount(host: &web_sys::Element, setup: &Setup) {
    let Some(shadow) = host.shadow_root() else { return };
    let Some(root) = shadow.query_selector(".nec-root").ok().flatten() else { return };
    let names: Vec<String> = host.get_attribute_names().iter().filter_map(|n| n.as_string()).collect();
    let values: Vec<(String, String)> = names.into_iter().filter_map(|n| host.get_attribute(&n).map(|v| (n, v))).collect();
    let (options, problems) = WidgetOptions::from_pairs(values.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    for problem in &problems {
        web_sys::console::warn_1(&format!("<nec-widget> {problem}").into());
    }
    let data = options.data_src.clone().unwrap_or_else(|| setup.data.clone());
    // Another data location has its own current edition, said by its own editions.json.
    let programme = if options.data_src.is_none() { setup.programme.clone() } else { None };
    let site = setup.site.clone();
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let lang = options.lang;
    let widget = move || view! { <Widget options problems site data programme /> };
    if !root.has_attribute("data-painted") {
        // The widget speaks its own language (`lang`, French when unsaid), whatever the host
        // page's (RGAA 8.7, WCAG 3.1.2).
        let _ = root.set_attribute("lang", lang.code());
        leptos::mount::mount_to(root.unchecked_into(), widget).forget();
        return;
    }
    // The app's root is made as `widget.js` made the painted one (its class, its role), but for
    // `data-painted`.
    let Some(fresh) = root.clone_node().ok().and_then(|node| node.dyn_into::<web_sys::Element>().ok()) else { return };
    let _ = fresh.remove_attribute("data-painted");
    let _ = fresh.set_attribute("lang", lang.code());
    leptos::mount::mount_to(fresh.clone().unchecked_into(), widget).forget();
    nec_views::takeover::swap_when_ready::<false, _, _, _>(root, fresh, ".nec-loading", move || shadow.active_element(), || (), || ());
}

/// Everything one widget instance shows: its configuration problems, its view, its live regions.
#[component]
fn Widget(options: WidgetOptions, problems: Vec<String>, site: String, data: String, programme: Option<String>) -> impl IntoView {
    provide_announcer();
    #[cfg(not(feature = "widget-programme"))]
    let _ = programme;
    // What `current_lang()` gives the shared components inside this widget.
    let lang = options.lang;
    provide_context(Memo::new(move |_| lang));
    let options = Arc::new(options);
    // widget.js mounts an element with the wasm of its view only.
    let view = match options.view {
        #[cfg(feature = "widget-programme")]
        WidgetView::Programme => view! { <programme::ProgrammeWidget options=options.clone() site data file=programme /> }.into_any(),
        #[cfg(feature = "widget-charte")]
        WidgetView::Charter => view! { <charter::CharterWidget options=options.clone() site data /> }.into_any(),
        #[cfg(feature = "widget-editions")]
        WidgetView::History => view! { <history::HistoryWidget options=options.clone() site data /> }.into_any(),
        #[allow(unreachable_patterns)]
        _ => ().into_any(),
    };
    view! {
        <ConfigurationProblems problems />
        {view}
        <LiveRegion />
    }
}

/// What the partner wrote that the widget could not use, visible (and in the console).
#[component]
fn ConfigurationProblems(problems: Vec<String>) -> impl IntoView {
    let lang = current_lang();
    (!problems.is_empty()).then(|| {
        view! {
            <div class="nec-config">
                <p>
                    {match lang {
                        Lang::Fr => "Ce module est mal configuré ; ces valeurs sont ignorées :",
                        Lang::En => "This widget is misconfigured; these values are ignored:",
                    }}
                </p>
                // The problems are written in French, for the partner's developers.
                <ul lang="fr">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

/// A heading at a level chosen by the partner (`heading-level`), so the host's outline stays right.
#[component]
fn Heading(level: u8, #[prop(optional, into)] id: Option<String>, children: Children) -> impl IntoView {
    match level {
        1 => view! { <h1 id=id>{children()}</h1> }.into_any(),
        2 => view! { <h2 id=id>{children()}</h2> }.into_any(),
        3 => view! { <h3 id=id>{children()}</h3> }.into_any(),
        4 => view! { <h4 id=id>{children()}</h4> }.into_any(),
        5 => view! { <h5 id=id>{children()}</h5> }.into_any(),
        _ => view! { <h6 id=id>{children()}</h6> }.into_any(),
    }
}

/// One view of the widget: a section named by its heading, then a data file's content once
/// loaded, in the same three states as the site's `DataView` (`load_states`), except that nothing
/// reaches outside the shadow root: no scrolling of the host to its own fragment, and after a
/// successful retry the focus goes to this section, not to a page title.
/// `title` is shown at the partner's heading `level`; `T`'s file is read from `data` (`data-src`);
/// `what` is what is loading.
#[cfg(any(feature = "widget-charte", feature = "widget-editions"))]
fn widget_section<T, V, F>(title: &'static str, level: u8, data: String, what: nec_views::components::Subject, render: F) -> impl IntoView
where
    T: nec_views::data::DataFile,
    V: IntoView + 'static,
    F: Fn(Arc<T>) -> V + Send + Sync + 'static,
{
    let resource = LocalResource::new(move || {
        let data = data.clone();
        async move { nec_views::data::fetch_data_from::<T>(&data, T::FILE).await }
    });
    widget_section_with(resource, move |_| title.to_owned(), level, what, render)
}

/// A [`widget_section`] of a resource already made, whose title may take its data (the
/// programme's year).
fn widget_section_with<T, V, F>(
    resource: LocalResource<Result<Arc<T>, nec_views::data::LoadError>>,
    title: impl Fn(Option<&T>) -> String + Send + Sync + 'static,
    level: u8,
    what: nec_views::components::Subject,
    render: F,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(Arc<T>) -> V + Send + Sync + 'static,
{
    let title = move || resource.with(|r| title(r.as_ref().and_then(|r| r.as_ref().ok()).map(|data| &**data)));
    let section = NodeRef::<leptos::html::Section>::new();
    let loaded = move |data: Arc<T>, retried: bool| {
        if retried {
            request_animation_frame(move || {
                if let Some(section) = section.get_untracked() {
                    let _ = section.focus();
                }
            });
        }
        render(data).into_any()
    };
    view! {
        <section class="nec-widget" aria-labelledby="nec-titre" tabindex="-1" node_ref=section>
            <Heading level id="nec-titre">
                {title}
            </Heading>
            {load_states(resource, what, "nec-loading", loaded)}
        </section>
    }
}
