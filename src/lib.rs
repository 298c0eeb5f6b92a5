//! Numérique en Commun[s]: the public web front end, the site: its pages and `App`, with its
//! routes. The components, the data loading and the takeover are the nec-views crate; the model,
//! the validation and the pure helpers are the nec-core crate, tested natively. Both are
//! re-exported here under their module names. ARCHITECTURE.md has the map.

// Browser only: natively (`cargo test`, `cargo clippy --all-targets`) this crate is empty, and
// its web dependencies (Cargo.toml's wasm32 table) are never compiled.
#![cfg(any(target_arch = "wasm32", feature = "ssr"))]

// nec-core's modules, under the names the browser code uses (`crate::model`, `crate::texts!`).
pub use nec_core::{
    agenda, chosen, describe, diff, filters, format, history, ics, load, locale, model, phase, publications, rgaa, routes, texts,
    typeset_html, tz, validate, widget_options,
};

// nec-views' modules, likewise (`crate::components`, `crate::data`).
pub use nec_views::{clock, components, data, storage, takeover, typeset};

mod pages;

pub use web::App;

mod web {
    use leptos::prelude::*;
    use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
    use leptos_router::path;

    use crate::components::{provide_lang, LiveRegion, SiteFooter, SiteHeader, SkipLink};
    use crate::pages::{
        AccessibilityPage, CharterPage, EditionPage, EditionsPage, EmbedBuilderPage, HomePage, MyProgrammePage, NotFoundPage, OpenDataPage,
        PanicTestPage, PracticalInfoPage, PrivacyPage, ProgrammeChangesPage, ProgrammeItemPage, ProgrammePage, SiteMapPage,
    };

    /// The whole site: skip link, banner, the routed page in `<main>`, footer. Every page has a
    /// French address and the same address under `/en` in English (`locale::Lang::from_path`).
    #[component]
    pub fn App() -> impl IntoView {
        crate::storage::provide_agenda();
        crate::storage::provide_theme();
        crate::components::announcer::provide_announcer();
        view! {
            <Router>
                <LangScope />
            </Router>
        }
    }

    /// Everything that needs the router's location, starting with the page's language.
    #[component]
    fn LangScope() -> impl IntoView {
        provide_lang();
        view! {
            <SkipLink />
            <SiteHeader />
            <main id="contenu" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <SiteRoutes />
                    <ParentRoute path=path!("/en") view=Outlet>
                        <SiteRoutes />
                    </ParentRoute>
                </Routes>
            </main>
            <SiteFooter />
            <LiveRegion />
        }
    }

    /// The pages, once for both languages (one route at the top: what a transparent component
    /// must return).
    #[component(transparent)]
    fn SiteRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
        view! {
            <ParentRoute path=path!("") view=Outlet>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/programme") view=ProgrammePage />
                <Route path=path!("/programme/:id") view=ProgrammeItemPage />
                <Route path=path!("/mon-programme") view=MyProgrammePage />
                <Route path=path!("/infos-pratiques") view=PracticalInfoPage />
                <Route path=path!("/charte") view=CharterPage />
                <Route path=path!("/editions") view=EditionsPage />
                <Route path=path!("/editions/:year") view=EditionPage />
                <Route path=path!("/editions/:year/programme") view=ProgrammePage />
                <Route path=path!("/editions/:year/programme/:id") view=ProgrammeItemPage />
                <Route path=path!("/donnees") view=OpenDataPage />
                <Route path=path!("/integrer") view=EmbedBuilderPage />
                <Route path=path!("/accessibilite") view=AccessibilityPage />
                <Route path=path!("/donnees-personnelles") view=PrivacyPage />
                <Route path=path!("/plan-du-site") view=SiteMapPage />
                <Route path=path!("/modifications-du-programme") view=ProgrammeChangesPage />
                <Route path=path!("/test/panique") view=PanicTestPage />
            </ParentRoute>
        }
        .into_inner()
    }
}
