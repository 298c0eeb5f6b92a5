use leptos::prelude::*;

use crate::components::{current_lang, Page};
use crate::routes::Route;

crate::texts! {
    heading: "Page introuvable", "Page not found";
    explanation: "L’adresse demandée ne correspond à aucune page de ce site. Elle a peut-être changé, ou contient une faute de frappe.",
        "The address you asked for matches no page of this site. It may have changed, or contain a typo.";
    back_home: "Revenir à l’accueil", "Back to the home page";
}

/// Any unknown address: says so, and offers a way back (in English under `/en/…`).
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    view! {
        <Page heading=t.heading title=t.heading>
            <p>{t.explanation}</p>
            <p>
                <a href=lang.path(Route::Home.path())>{t.back_home}</a>
            </p>
        </Page>
    }
}
