//! Writes the site's pages natively, with Leptos's own renderer (`--features ssr`): every page
//! reachable by a link from `/` and `/en`, and the not-found pages, from the data files of a
//! folder. For each, what goes into `<div id="app">`, the document title, the language and the
//! data files the page reads, as one JSON object by path.
//!
//! `NEC_SITE_ORIGIN=https://… cargo run --features ssr --bin nec-render -- public/data pages.json`

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::PathBuf;

use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use nec_web::components::RenderedTitle;
use nec_web::data::render;
use nec_web::locale::Lang;
use nec_web::typeset_html::typeset_html;
use serde_json::{json, Value};

/// Where the crawl starts, as scripts/prerender.mjs's does; the not-found pages are rendered at
/// an address no route has.
const START: [&str; 4] = ["/", "/en", "/404", "/en/404"];

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(folder), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: nec-render <data folder> <pages.json>");
        std::process::exit(2);
    };
    render::read_from(PathBuf::from(folder));
    let Some(origin) = std::env::var("NEC_SITE_ORIGIN").ok().filter(|o| o.starts_with("https://")) else {
        eprintln!("nec-render: NEC_SITE_ORIGIN, the site's public https:// address, is missing");
        std::process::exit(2);
    };
    render::at_origin(&origin);
    let mut queue: VecDeque<String> = START.iter().map(|s| s.to_string()).collect();
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut pages = BTreeMap::new();
    while let Some(path) = queue.pop_front() {
        let page = render_page(&path);
        for link in links(&page.html) {
            if !link.starts_with("/test/") && !link.rsplit('/').next().unwrap_or("").contains('.') && seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
        pages.insert(path, json!({ "html": page.html, "title": page.title, "lang": page.lang, "data": page.data }));
    }
    let count = pages.len();
    if let Err(error) = std::fs::write(&out, Value::Object(pages.into_iter().collect()).to_string()) {
        eprintln!("nec-render: {out}: {error}");
        std::process::exit(1);
    }
    println!("nec-render: {count} pages in {out}");
}

/// One page as the app renders it at `path`.
struct Rendered {
    html: String,
    title: String,
    lang: &'static str,
    data: Vec<String>,
}

fn render_page(path: &str) -> Rendered {
    let owner = Owner::new_root(None);
    let (html, title) = owner.with(|| {
        provide_context(RequestUrl::new(path));
        let title = RenderedTitle::default();
        provide_context(title.clone());
        let html = view! { <nec_web::App /> }.to_html();
        (html, title.0.get_untracked())
    });
    owner.cleanup();
    let (lang, _) = Lang::from_path(path);
    // The typography the app's `typeset` gives the browser's text nodes.
    let html = typeset_html(&format!("<div id=\"app\">{html}</div>"), lang == Lang::Fr);
    Rendered { html, title, lang: lang.code(), data: render::take_read() }
}

/// The site's own links in a page: `href="/…"`, without their query or fragment.
fn links(html: &str) -> impl Iterator<Item = String> + '_ {
    html.split("href=\"/").skip(1).filter_map(|rest| {
        let end = rest.find(['"', '?', '#'])?;
        Some(format!("/{}", &rest[..end]))
    })
}
