use leptos::prelude::*;
use leptos_router::components::A;

use super::ThemeSwitch;

/// The banner with the site name and the main navigation (the current page has `aria-current="page"`), and the theme switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="/">
                    <svg class="brand__mark" aria-hidden="true" focusable="false" viewBox="0 0 32 32" width="32" height="32">
                        <rect x="2" y="2" width="28" height="28" rx="6" fill="currentColor"/>
                        <path d="M9 23V9l14 14V9" fill="none" stroke="var(--bg)" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>
                    </svg>
                    <span>"Numérique en Commun[s]"</span>
                </a>
                <nav aria-label="Navigation principale">
                    <ul class="nav-list">
                        <li><A href="/" exact=true>"Accueil"</A></li>
                        <li><A href="/programme" exact=true>"Programme"</A></li>
                        <li><A href="/mon-programme" exact=true>"Mon programme"</A></li>
                        <li><A href="/charte" exact=true>"Charte"</A></li>
                        <li><A href="/editions" exact=true>"Éditions"</A></li>
                    </ul>
                </nav>
                <ThemeSwitch/>
            </div>
        </header>
    }
}
