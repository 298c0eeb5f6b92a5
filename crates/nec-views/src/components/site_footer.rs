use leptos::prelude::*;
use leptos_router::components::A;

use super::{use_lang, Numbered};
use crate::locale::Lang;
use crate::routes::Route;

crate::texts! {
    open_data: "Données ouvertes", "Open data";
    privacy: "Données personnelles", "Personal data";
    site_map: "Plan du site", "Site map";
}

/// The content information: accessibility status, licence of the data, who runs NEC.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let lang = use_lang();
    let t = move || texts(lang.get());
    let link = move |path: &'static str| move || lang.get().path(path);
    view! {
        <footer class="site-footer">
            <ul class="footer-links">
                <li>
                    <A href=link(Route::Accessibility.path()) exact=true>
                        {move || accessibility_status(lang.get())}
                    </A>
                </li>
                <li>
                    <A href=link(Route::OpenData.path()) exact=true>
                        {move || t().open_data}
                    </A>
                </li>
                <li>
                    <A href=link(Route::Privacy.path()) exact=true>
                        {move || t().privacy}
                    </A>
                </li>
                <li>
                    <A href=link(Route::SiteMap.path()) exact=true>
                        {move || t().site_map}
                    </A>
                </li>
            </ul>
            {move || match lang.get() {
                Lang::Fr => {
                    view! {
                        <p>
                            "Numérique en Commun[s] est une démarche portée par le programme Société Numérique de l’Agence nationale de la cohésion des territoires (ANCT). "
                            "Les données de ce site sont diffusées sous licence CC BY-SA 4.0 FR, comme le prévoit l’engagement "
                            <Numbered number=3 lang=Lang::Fr />" de la charte."
                        </p>
                    }
                        .into_any()
                }
                Lang::En => {
                    view! {
                        <p>
                            <span lang="fr">"Numérique en Commun[s]"</span>
                            " is run by the "
                            <span lang="fr">"Société Numérique"</span>
                            " programme of the French national agency for territorial cohesion ("
                            <span lang="fr">"Agence nationale de la cohésion des territoires"</span>
                            ", ANCT). "
                            "The data on this site is published under the CC BY-SA 4.0 FR licence, as commitment "
                            <Numbered number=3 lang=Lang::En />
                            " of the charter provides."
                        </p>
                    }
                        .into_any()
                }
            }}
        </footer>
    }
}

/// « Accessibilité : totalement conforme », "Accessibility: fully compliant".
fn accessibility_status(lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Accessibilité : {}", crate::rgaa::status_in(lang)),
        Lang::En => format!("Accessibility: {}", crate::rgaa::status_in(lang)),
    }
}
