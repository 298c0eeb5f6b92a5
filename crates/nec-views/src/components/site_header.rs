use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::{use_lang, ThemeSwitch};
use crate::locale::Lang;
use crate::routes::Route;

crate::texts! {
    main_navigation: "Navigation principale", "Main navigation";
    home: "Accueil", "Home";
    programme: "Programme", "Programme";
    my_programme: "Mon programme", "My programme";
    charter: "Charte", "Charter";
    editions: "Éditions", "Editions";
}

/// The banner with the site name, the main navigation (the current page has `aria-current="page"`,
/// the section a page belongs to `aria-current="true"`), the language switch and the theme switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let lang = use_lang();
    let t = move || texts(lang.get());
    view! {
        <header class="site-header">
            <a class="brand" href=move || lang.get().path(Route::Home.path())>
                <svg class="brand__mark" aria-hidden="true" focusable="false" viewBox="0 0 32 32" width="32" height="32">
                    <rect x="2" y="2" width="28" height="28" rx="6" fill="currentColor" />
                    <path
                        d="M9 23V9l14 14V9"
                        fill="none"
                        stroke="var(--bg)"
                        stroke-width="3"
                        stroke-linecap="round"
                        stroke-linejoin="round"
                    />
                </svg>
                // The brand is French in both languages.
                <span lang="fr">"Numérique en Commun[s]"</span>
            </a>
            <nav aria-label=move || t().main_navigation>
                <ul class="nav-list">
                    <li>
                        <NavLink route=Route::Home>{move || t().home}</NavLink>
                    </li>
                    <li>
                        <NavLink route=Route::Programme>{move || t().programme}</NavLink>
                    </li>
                    <li>
                        <NavLink route=Route::MyProgramme>{move || t().my_programme}</NavLink>
                    </li>
                    <li>
                        <NavLink route=Route::Charter>{move || t().charter}</NavLink>
                    </li>
                    <li>
                        <NavLink route=Route::Editions>{move || t().editions}</NavLink>
                    </li>
                </ul>
            </nav>
            <LanguageSwitch />
            <ThemeSwitch />
        </header>
    }
}

/// A link of the main navigation: `aria-current="page"` on its own page, `"true"` on a page of its
/// section (an item of the programme, an edition), so a screen reader says where the visitor is.
#[component]
fn NavLink(route: Route, children: Children) -> impl IntoView {
    let lang = use_lang();
    let path = route.path();
    let location = use_location();
    let current = move || {
        let pathname = location.pathname.get();
        let (_, page) = Lang::from_path(&pathname);
        if page == path {
            Some("page")
        } else {
            (path != "/" && page.strip_prefix(path).is_some_and(|rest| rest.starts_with('/'))).then_some("true")
        }
    };
    view! {
        <a href=move || lang.get().path(path) aria-current=current>
            {children()}
        </a>
    }
}

/// A link to this page in the other language, named in that language (`lang`, `hreflang`: a
/// language link is named in the language it leads to, so no `title` is needed); the
/// choice is kept on the device, for the next visit to the home page (see the boot script).
#[component]
fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let other = move || match lang.get() {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    };
    let href = move || {
        let pathname = location.pathname.get();
        let (_, page) = Lang::from_path(&pathname);
        let search = location.search.get();
        let search = search.trim_start_matches('?');
        // A page written at build time (`ssr`) has no fragment; the app's link follows it.
        let hash = if cfg!(feature = "ssr") { String::new() } else { location.hash.get() };
        let hash = hash.trim_start_matches('#');
        let query = if search.is_empty() { String::new() } else { format!("?{search}") };
        let fragment = if hash.is_empty() { String::new() } else { format!("#{hash}") };
        format!("{}{query}{fragment}", other().path(page))
    };
    view! {
        <a
            class="language-switch"
            href=href
            lang=move || other().code()
            hreflang=move || other().code()
            on:click=move |_| crate::storage::remember_lang(other())
        >
            {move || other().native_name()}
        </a>
    }
}
