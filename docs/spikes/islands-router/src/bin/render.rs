//! Renders the static site with Leptos SSR (islands, branch markers for the islands router).
//! Usage: render <out-dir> <inline|external|deferred>
//!   deferred : /deferred-loader.js (window.__hydrateLate) + /islands-routing.js
//!   inline   : <HydrationScripts islands=true islands_router=true/> (inline <script type=module>)
//!   external : <script type=module src=/islands-loader.js> + /islands-routing.js (CSP 'self')
//!   ours     : as external, with /nec-islands-router.js (static/) in place of Leptos's router
use hydration_context::SsrSharedContext;
use islands_spike::*;
use leptos::config::LeptosOptions;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use std::sync::Arc;

fn document<V: IntoView + 'static>(current: &'static str, title: &str, lang: &'static str, description: Option<&'static str>, mode: &str, body: impl FnOnce() -> V) -> String {
    let mode = mode.to_string();
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new_islands())));
    let title = title.to_string();
    let html = owner.with(move || {
        let body = body();
        let options = LeptosOptions::builder().output_name("spike").site_pkg_dir("pkg").build();
        let scripts = if mode == "inline" {
            EitherOf3::A(view! { <HydrationScripts options islands=true islands_router=true /> })
        } else if mode == "deferred" {
            EitherOf3::B(view! {
                <script type="module" src="/deferred-loader.js"></script>
                <script type="module" src="/islands-routing.js"></script>
            })
        } else {
            let router = if mode == "ours" { "/nec-islands-router.js" } else { "/islands-routing.js" };
            EitherOf3::C(view! {
                <link rel="modulepreload" href="/pkg/spike.js" />
                <script type="module" src="/islands-loader.js"></script>
                <script type="module" src=router></script>
            })
        };
        view! {
            <html lang=lang>
                <head>
                    <meta charset="utf-8" />
                    <title>{title}</title>
                    {description.map(|d| view! { <meta name="description" content=d /> })}
                    {scripts}
                </head>
                <body>
                    <header>
                        <nav>
                            <a href="/" aria-current=(current == "/").then_some("page")>"Accueil"</a>" | "
                            <a href="/charte/" aria-current=(current == "/charte/").then_some("page")>"Charte"</a>" | "
                            <a href="/programme/" aria-current=(current == "/programme/").then_some("page")>"Programme"</a>" | "
                            <a href="/en/programme/" hreflang="en" aria-current=(current == "/en/programme/").then_some("page")>"Programme (EN)"</a>" "
                            <ThemeSwitch />
                        </nav>
                    </header>
                    <main id="main">{body}</main>
                    <footer>
                        <a id="l-missing" href="/absent/">"Page absente (404)"</a>" | "
                        <a id="l-file" href="/data/items.json">"Données (fichier)"</a>
                    </footer>
                </body>
            </html>
        }
        .to_html_branching()
    });
    format!("<!DOCTYPE html>{html}")
}

fn write(out: &std::path::Path, rel: &str, html: String) {
    let p = out.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, html).unwrap();
    println!("{} ({} bytes)", p.display(), std::fs::metadata(&p).unwrap().len());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = std::path::PathBuf::from(&args[1]);
    let mode = args.get(2).cloned().unwrap_or("inline".into());
    let inline = mode.as_str();
    write(&out, "index.html", document("/", "Accueil – Spike", "fr", Some("Accueil desc"), inline, || page_body(Page::Index, false)));
    // fr since session 21 (was "en", to see <html lang> follow under the stock router: verified
    // then); our router loads a page in another language in full, so the test pages share one
    write(&out, "charte/index.html", document("/charte/", "Charte – Spike", "fr", None, inline, || page_body(Page::Charte, false)));
    write(&out, "programme/index.html", document("/programme/", "Programme – Spike", "fr", Some("Programme desc"), inline, || page_body(Page::Programme, false)));
    write(&out, "en/programme/index.html", document("/en/programme/", "Programme (EN) – Spike", "en", Some("Programme desc EN"), inline, || page_body_in(Page::Programme, false, "en")));
    // lab pages (not linked)
    write(&out, "lab/seeded/index.html", document("", "Programme (seed) – Spike", "fr", None, inline, || page_body(Page::Programme, true)));
    write(&out, "lab/mismatch/index.html", document("", "Mismatch – Spike", "fr", None, inline, || view! { <h1>"Mismatch"</h1><MismatchTag /><MismatchText /> }));
    let blob = serde_json::to_string(&(0..4000).map(|i| Item { id: format!("id{i}"), title: format!("Titre \"{i}\" & <b>co</b>") }).collect::<Vec<_>>()).unwrap();
    println!("big blob: {} bytes of JSON", blob.len());
    write(&out, "lab/big/index.html", document("", "Big – Spike", "fr", None, inline, || view! { <h1>"Big"</h1><BigProp blob=blob.clone() /> }));
    std::fs::create_dir_all(out.join("data")).unwrap();
    std::fs::write(out.join("data/items.json"), serde_json::to_string(&items()).unwrap()).unwrap();
}
