use leptos::prelude::*;
use leptos_router::components::A;

/// The content information: accessibility status, licence of the data, who runs NEC.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <ul class="footer-links">
                <li><A href="/accessibilite" exact=true>{format!("Accessibilité : {}", crate::rgaa::status())}</A></li>
                <li><A href="/donnees" exact=true>"Données ouvertes"</A></li>
                <li><A href="/donnees-personnelles" exact=true>"Données personnelles"</A></li>
                <li><A href="/plan-du-site" exact=true>"Plan du site"</A></li>
            </ul>
            <p>
                "Numérique en Commun[s] est une démarche portée par le programme Société Numérique de l’Agence nationale de la cohésion des territoires (ANCT). "
                "Les données de ce site sont diffusées sous licence CC BY-SA 4.0 FR, comme le prévoit l’engagement n°3 de la charte."
            </p>
        </footer>
    }
}
