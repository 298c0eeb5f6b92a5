use leptos::prelude::*;

use crate::components::Page;

/// `/accessibilite`: the accessibility statement.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <Page heading="Déclaration d’accessibilité" title="Accessibilité">
            <p>"Ce site est conçu pour respecter le référentiel général d’amélioration de l’accessibilité (RGAA 4.1) et les règles WCAG 2.2 de niveau AA."</p>
            <h2>"État de conformité"</h2>
            <p>
                "Le site est "<strong>"non conforme"</strong>" au RGAA 4.1 : il n’a pas encore fait l’objet de l’audit complet, critère par critère, qui permettrait de déclarer un taux de conformité. "
                "Le RGAA impose alors de le déclarer non conforme."
            </p>
            <h2>"Ce qui est déjà vérifié"</h2>
            <ul>
                <li>"Chaque page est analysée automatiquement par axe-core (règles WCAG 2.0, 2.1 A et AA) dans un navigateur réel : aucune erreur n’est tolérée."</li>
                <li>"Chaque page a un titre unique, un seul titre de niveau 1, des zones d’en-tête, de navigation, de contenu et de pied de page, et un lien d’évitement vers le contenu."</li>
                <li>"La page en cours est signalée dans la navigation, les erreurs de chargement sont annoncées et peuvent être relancées."</li>
            </ul>
            <h2>"Technologies utilisées"</h2>
            <p>"HTML, CSS, WebAssembly (Rust, Leptos) et JavaScript pour le chargement."</p>
        </Page>
    }
}
