use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::Page;

/// Any unknown address: says so, and offers a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Page heading="Page introuvable" title="Page introuvable">
            <p>"L’adresse demandée ne correspond à aucune page de ce site. Elle a peut-être changé, ou contient une faute de frappe."</p>
            <p><A href="/">"Revenir à l’accueil"</A></p>
        </Page>
    }
}
