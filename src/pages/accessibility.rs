use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::Page;
use crate::rgaa;

/// `/accessibilite`: the accessibility declaration in the RGAA 4.1 format, from the project's
/// own audit (`docs/rgaa-audit.md`, whose counts `rgaa` carries).
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let pages = [
        ("/", "Accueil"),
        ("/programme", "Programme 2023"),
        ("/programme/grande-soiree", "Un élément du programme (Grande soirée NEC)"),
        ("/mon-programme", "Mon programme"),
        ("/infos-pratiques", "Informations pratiques"),
        ("/charte", "La charte"),
        ("/editions", "Les éditions depuis 2018"),
        ("/editions/2023", "Une édition (2023)"),
        ("/donnees", "Données ouvertes"),
        ("/donnees-personnelles", "Données personnelles"),
        ("/plan-du-site", "Plan du site"),
        ("/accessibilite", "Déclaration d’accessibilité"),
        ("/integrer", "Intégrer NEC sur votre site"),
    ];
    // The widget alone, as partner iframes show it: files outside the router (rel="external").
    let embeds = [
        ("/embed/programme.html", "Le module pour les sites partenaires, seul : le programme"),
        ("/embed/charte.html", "Le module pour les sites partenaires, seul : la charte"),
        ("/embed/editions.html", "Le module pour les sites partenaires, seul : l’historique des éditions"),
    ];
    view! {
        <Page heading="Déclaration d’accessibilité" title="Accessibilité">
            <p>
                "Cette déclaration s’applique au site public de Numérique en Commun[s]. Elle suit le modèle prévu par le référentiel général "
                "d’amélioration de l’accessibilité (RGAA 4.1), pris en application de l’article 47 de la loi n° 2005-102 du 11 février 2005."
            </p>

            <h2>"État de conformité"</h2>
            <p>
                "Ce site est "<strong>{rgaa::status()}</strong>" avec le RGAA, version 4.1"
                {(rgaa::NON_CONFORMING > 0).then_some(", en raison des non-conformités énumérées ci-dessous")}"."
            </p>

            <h2>"Résultats des tests"</h2>
            <p>
                {format!(
                    "L’audit réalisé par l’équipe du projet (auto-audit, sans organisme extérieur) révèle que {} des critères du RGAA 4.1 applicables sont respectés : \
                     {} critères conformes, {} non conformes, {} non applicables, sur 106.",
                    rgaa::rate_fr(), rgaa::CONFORMING, rgaa::NON_CONFORMING, rgaa::NOT_APPLICABLE
                )}
            </p>
            <p>"La grille critère par critère, avec la façon dont chacun a été vérifié, est publiée avec le code du site (fichier docs/rgaa-audit.md)."</p>
            <p>"À chaque modification du site, des tests automatiques vérifient en plus, dans un vrai navigateur :"</p>
            <ul>
                <li>"chaque page avec axe-core (règles WCAG 2.0, 2.1 et 2.2 de niveaux A et AA, et règles RGAA 4), à 320, 390 et 1280 pixels de large, en thème clair et sombre : aucune erreur tolérée ;"</li>
                <li>"l’absence de défilement horizontal à 320 pixels, l’espacement du texte agrandi, un indicateur de focus visible et contrasté sur chaque élément atteint au clavier, le mode de contraste élevé ;"</li>
                <li>"un parcours complet au clavier seul, du programme à l’export de « Mon programme », et ce qu’un lecteur d’écran reçoit sur le programme (arbre d’accessibilité comparé à une version relue)."</li>
            </ul>

            <h2>"Contenus non accessibles"</h2>
            <h3>"Non-conformités"</h3>
            {if rgaa::NON_CONFORMITIES.is_empty() {
                view! { <p>"Aucune non-conformité n’a été relevée par l’audit."</p> }.into_any()
            } else {
                view! { <ul>{rgaa::NON_CONFORMITIES.iter().map(|nc| view! { <li>{*nc}</li> }).collect_view()}</ul> }.into_any()
            }}
            <h3>"Dérogations pour charge disproportionnée"</h3>
            <p>"Aucune."</p>
            <h3>"Contenus non soumis à l’obligation d’accessibilité"</h3>
            <p>"Aucun."</p>
            <h3>"Limites de l’audit"</h3>
            <p>
                "Aucun lecteur d’écran (NVDA, JAWS, VoiceOver, TalkBack) n’était disponible pour l’audit : ce qu’ils restituent a été jugé sur l’arbre "
                "d’accessibilité du navigateur Chromium. Le site n’a pas été testé dans Firefox ni Safari, ni sur un téléphone réel, ni avec le mode "
                "de contraste élevé de Windows (simulé dans Chromium). Ces vérifications restent à faire."
            </p>

            <h2>"Établissement de cette déclaration"</h2>
            <p>{format!("Cette déclaration a été établie le {}.", rgaa::AUDIT_DATE)}</p>
            <h3>"Technologies utilisées pour la réalisation du site"</h3>
            <ul>
                <li>"HTML"</li>
                <li>"CSS"</li>
                <li>"SVG"</li>
                <li>"WAI-ARIA"</li>
                <li>"JavaScript et WebAssembly (Rust, Leptos)"</li>
            </ul>
            <h3>"Environnement de test"</h3>
            <p>"Chromium 156 sous Debian 12, piloté par Playwright, au clavier seul et par lecture de son arbre d’accessibilité ; thèmes clair et sombre ; largeurs de 320 à 1280 pixels ; zoom simulé à 200 % et 400 %."</p>
            <h3>"Outils pour évaluer l’accessibilité"</h3>
            <ul>
                <li>"axe-core 4.14.1"</li>
                <li>"Nu Html Checker (validateur HTML du W3C)"</li>
                <li>"Calcul des rapports de contraste selon la formule des WCAG"</li>
                <li>"Les tests automatiques du projet (Playwright, Node.js)"</li>
            </ul>
            <h3>"Pages du site ayant fait l’objet de la vérification de conformité"</h3>
            <ul>
                {pages.into_iter().map(|(href, label)| view! { <li><A href=href>{label}</A></li> }).collect_view()}
                {embeds.into_iter().map(|(href, label)| view! { <li><a href=href rel="external">{label}</a></li> }).collect_view()}
            </ul>

            <h2>"Retour d’information et contact"</h2>
            <p>
                "Si vous n’arrivez pas à accéder à un contenu ou à un service, vous devez pouvoir contacter le responsable du site pour être orienté "
                "vers une alternative accessible ou obtenir le contenu sous une autre forme."
            </p>
            <p>
                "Les textes dont ce site tire ses informations ne donnent pas encore d’adresse de contact pour l’accessibilité : elle manque à cette "
                "déclaration. Toutes les informations du site sont aussi publiées en fichiers ouverts (JSON et CSV), lisibles sans l’interface, sur la page "
                <A href="/donnees">"Données ouvertes"</A>"."
            </p>

            <h2>"Voies de recours"</h2>
            <p>
                "Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à une fonctionnalité du site, que vous le signalez "
                "et que vous ne parvenez pas à obtenir une réponse rapide, vous êtes en droit de faire parvenir vos doléances ou une demande de saisine "
                "au Défenseur des droits. Plusieurs moyens sont à votre disposition :"
            </p>
            <ul>
                <li><a href="https://formulaire.defenseurdesdroits.fr/">"Écrire un message au Défenseur des droits"</a></li>
                <li><a href="https://www.defenseurdesdroits.fr/saisir/delegues">"Contacter le délégué du Défenseur des droits dans votre région"</a></li>
                <li>"Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07"</li>
            </ul>
        </Page>
    }
}
