use leptos::prelude::*;

use crate::components::{current_lang, pieces_view, Page};
use crate::locale::{Lang, Pieces};
use crate::rgaa;
use crate::routes::Route;

crate::texts! {
    heading: "Déclaration d’accessibilité", "Accessibility statement";
    title: "Accessibilité", "Accessibility";
    intro_before: "Cette déclaration s’applique au site public de ", "This statement applies to the public website of ";
    intro_after: ". Elle suit le modèle prévu par le référentiel général d’amélioration de l’accessibilité (RGAA 4.1), pris en application de l’article 47 de la loi n° 2005-102 du 11 février 2005.",
        ". It follows the model set out by the general accessibility improvement framework (RGAA 4.1), adopted under article 47 of French law no. 2005-102 of 11 February 2005.";
    status_heading: "État de conformité", "Compliance status";
    status_before: "Ce site est ", "This site is ";
    status_after: " avec le RGAA, version 4.1", " with the RGAA, version 4.1";
    status_because: ", en raison des non-conformités énumérées ci-dessous", ", because of the non-compliances listed below";
    results_heading: "Résultats des tests", "Test results";
    grid: "La grille critère par critère, avec la façon dont chacun a été vérifié, est publiée avec le code du site (fichier docs/rgaa-audit.md).",
        "The criterion-by-criterion grid, with how each criterion was checked, is published with the site’s code (file docs/rgaa-audit.md).";
    automated: "À chaque modification du site, des tests automatiques vérifient en plus, dans un vrai navigateur :",
        "On every change to the site, automated tests also check, in a real browser:";
    automated_axe: "chaque page avec axe-core (règles WCAG 2.0, 2.1 et 2.2 de niveaux A et AA, et règles RGAA 4), à 320, 390 et 1280 pixels de large, en thème clair et sombre : aucune erreur tolérée ;",
        "every page with axe-core (WCAG 2.0, 2.1 and 2.2 rules at levels A and AA, and RGAA 4 rules), at 320, 390 and 1280 pixels wide, in the light and dark themes: no error tolerated;";
    automated_layout: "l’absence de défilement horizontal à 320 pixels, l’espacement du texte agrandi, un indicateur de focus visible et contrasté sur chaque élément atteint au clavier, le mode de contraste élevé ;",
        "no horizontal scrolling at 320 pixels, increased text spacing, a visible, high-contrast focus indicator on every element reached with the keyboard, high-contrast mode;";
    automated_keyboard: "un parcours complet au clavier seul, du programme à l’export de « Mon programme », et ce qu’un lecteur d’écran reçoit sur le programme (arbre d’accessibilité comparé à une version relue).",
        "a complete keyboard-only journey, from the programme to the export of “My programme”, and what a screen reader receives on the programme (accessibility tree compared with a reviewed version).";
    inaccessible_heading: "Contenus non accessibles", "Non-accessible content";
    non_compliances: "Non-conformités", "Non-compliances";
    no_non_compliance: "Aucune non-conformité n’a été relevée par l’audit.", "The audit found no non-compliance.";
    exemptions: "Dérogations pour charge disproportionnée", "Exemptions for disproportionate burden";
    none_f: "Aucune.", "None.";
    exempt_content: "Contenus non soumis à l’obligation d’accessibilité", "Content not subject to the accessibility obligation";
    none_m: "Aucun.", "None.";
    limits_heading: "Limites de l’audit", "Limits of the audit";
    limits: "Le seul lecteur d’écran entendu est Orca 43.1 sous Linux, sur quatorze parcours : NVDA, JAWS, VoiceOver et TalkBack n’étaient pas disponibles. Orca n’annonce ni la page courante (aria-current) ni les changements de langue : ces points ont été jugés sur l’arbre d’accessibilité du navigateur Chromium. Les parcours qui comptent sont testés à chaque modification du site dans Chromium 156, Firefox ESR 153 (moteur Gecko) et WebKitGTK 2.50 (moteur WebKit, celui de Safari), sous Debian 12, mais l’audit critère par critère a été fait dans Chromium seul ; Safari lui-même (macOS, iOS), les téléphones réels et le mode de contraste élevé de Windows (simulé dans Chromium) n’ont pas été testés. Ces vérifications restent à faire.",
        "The only screen reader heard is Orca 43.1 on Linux, on fourteen journeys: NVDA, JAWS, VoiceOver and TalkBack were not available. Orca announces neither the current page (aria-current) nor changes of language: those points were judged from the accessibility tree of the Chromium browser. The journeys that matter are tested on every change to the site in Chromium 156, Firefox ESR 153 (Gecko engine) and WebKitGTK 2.50 (WebKit engine, Safari’s), on Debian 12, but the criterion-by-criterion audit was done in Chromium only; Safari itself (macOS, iOS), real phones and the Windows high-contrast mode (simulated in Chromium) have not been tested. These checks remain to be done.";
    preparation_heading: "Établissement de cette déclaration", "Preparation of this statement";
    technologies_heading: "Technologies utilisées pour la réalisation du site", "Technologies used to build the site";
    js_wasm: "JavaScript et WebAssembly (Rust, Leptos)", "JavaScript and WebAssembly (Rust, Leptos)";
    environment_heading: "Environnement de test", "Test environment";
    environment: "Chromium 156 sous Debian 12, piloté par Playwright, au clavier seul et par lecture de son arbre d’accessibilité ; le lecteur d’écran Orca 43.1 (voix française espeak-ng) sur le programme, un filtre, « Mon programme », son fichier d’agenda, la reprise de la page par l’application sous le clavier (Tab, une case cochée, un bouton pressé, un thème choisi, une lettre tapée), « Mon programme » pressé avant son arrivée et le module des sites partenaires, seul (un Tab, une lettre tapée avant son démarrage) et sur une page partenaire ; thèmes clair et sombre ; largeurs de 320 à 1280 pixels ; zoom simulé à 200 % et 400 %.",
        "Chromium 156 on Debian 12, driven by Playwright, with the keyboard only and by reading its accessibility tree; the Orca 43.1 screen reader (French espeak-ng voice) on the programme, a filter, “My programme”, its calendar file, the application taking the page over under the keyboard (Tab, a box ticked, a button pressed, a theme chosen, a letter typed), “My programme” pressed before it arrives, and the partner widget, on its own (a Tab, a letter typed before it starts) and on a partner page; light and dark themes; widths from 320 to 1280 pixels; zoom simulated at 200% and 400%.";
    tools_heading: "Outils pour évaluer l’accessibilité", "Tools used to evaluate accessibility";
    tool_nu: "Nu Html Checker (validateur HTML du W3C)", "Nu Html Checker (the W3C’s HTML validator)";
    tool_contrast: "Calcul des rapports de contraste selon la formule des WCAG", "Contrast ratios calculated with the WCAG formula";
    tool_tests: "Les tests automatiques du projet (Playwright, Node.js)", "The project’s automated tests (Playwright, Node.js)";
    pages_heading: "Pages du site ayant fait l’objet de la vérification de conformité", "Pages of the site covered by the compliance check";
    page_home: "Accueil", "Home";
    page_programme: "Programme 2023", "2023 programme";
    page_item_before: "Un élément du programme (", "A programme item (";
    page_my_programme: "Mon programme", "My programme";
    page_practical: "Informations pratiques", "Practical information";
    page_charter: "La charte", "The charter";
    page_editions: "Les éditions depuis 2018", "The editions since 2018";
    page_edition: "Une édition (2023)", "An edition (2023)";
    page_open_data: "Données ouvertes", "Open data";
    page_privacy: "Données personnelles", "Personal data";
    page_site_map: "Plan du site", "Site map";
    page_embed: "Intégrer NEC sur votre site", "Embed NEC on your site";
    embed_programme: "Le module pour les sites partenaires, seul : le programme", "The widget for partner sites, on its own: the programme";
    embed_charter: "Le module pour les sites partenaires, seul : la charte", "The widget for partner sites, on its own: the charter";
    embed_history: "Le module pour les sites partenaires, seul : l’historique des éditions", "The widget for partner sites, on its own: the history of the editions";
    contact_heading: "Retour d’information et contact", "Feedback and contact";
    contact: "Si vous n’arrivez pas à accéder à un contenu ou à un service, vous devez pouvoir contacter le responsable du site pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.",
        "If you cannot access a piece of content or a service, you must be able to contact the person responsible for the site, to be directed to an accessible alternative or to obtain the content in another form.";
    no_contact: "Les textes dont ce site tire ses informations ne donnent pas encore d’adresse de contact pour l’accessibilité : elle manque à cette déclaration. Toutes les informations du site sont aussi publiées en fichiers ouverts (JSON et CSV), lisibles sans l’interface, sur la page ",
        "The texts this site takes its information from do not yet give a contact address for accessibility: it is missing from this statement. All the site’s information is also published as open files (JSON and CSV), readable without the interface, on the ";
    no_contact_after: ".", " page.";
    contact_means: "Pour signaler un défaut d’accessibilité, ou demander un contenu sous une autre forme : ",
        "To report an accessibility defect, or to ask for content in another form: ";
    contact_form: "le formulaire de contact", "the contact form";
    redress_heading: "Voies de recours", "Means of redress";
    redress_before: "Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à une fonctionnalité du site, que vous le signalez et que vous ne parvenez pas à obtenir une réponse rapide, vous êtes en droit de faire parvenir vos doléances ou une demande de saisine au ",
        "If you notice an accessibility defect that prevents you from accessing a piece of content or a feature of the site, you report it and you cannot obtain a prompt response, you are entitled to send your complaints or a request for referral to the ";
    redress_after: ". Plusieurs moyens sont à votre disposition :", " (the French Defender of Rights). Several means are available to you:";
    write_before: "Écrire un message au ", "Write a message to the ";
    delegate_before: "Contacter le délégué du ", "Contact the delegate of the ";
    delegate_after: " dans votre région", " in your region";
    post: "Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : ", "Send a letter by post (free of charge, no stamp needed): ";
}

/// « Cette déclaration a été établie le 1er décembre 2026. », "This statement was drawn up on 1 December 2026."
fn prepared_on(lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Cette déclaration a été établie le {}.", rgaa::AUDIT_DATE),
        Lang::En => format!("This statement was drawn up on {}.", rgaa::audit_date(lang)),
    }
}

/// The audit's counts, in the declaration's words.
fn results(lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "L’audit réalisé par l’équipe du projet (auto-audit, sans organisme extérieur) révèle que {} des critères du RGAA 4.1 applicables sont respectés : \
             {} critères conformes, {} non {}, {} non applicables, sur 106.",
            rgaa::rate_fr(),
            rgaa::CONFORMING,
            rgaa::NON_CONFORMING,
            if rgaa::NON_CONFORMING < 2 { "conforme" } else { "conformes" },
            rgaa::NOT_APPLICABLE
        ),
        Lang::En => format!(
            "The audit carried out by the project team (a self-audit, with no external body) shows that {} of the applicable RGAA 4.1 criteria are met: \
             {} criteria compliant, {} non-compliant, {} not applicable, out of 106.",
            rgaa::rate_text(lang), rgaa::CONFORMING, rgaa::NON_CONFORMING, rgaa::NOT_APPLICABLE
        ),
    }
}

/// `/accessibilite`: the accessibility declaration in the RGAA 4.1 format, from the project's
/// own audit (`docs/rgaa-audit.md`, whose counts `rgaa` carries). In English, a faithful
/// translation; the names of French institutions stay French, marked `lang="fr"`.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    view! {
        <Page heading=t.heading title=t.title>
            <p>{t.intro_before}{french("Numérique en Commun[s]", lang)}{t.intro_after}</p>

            <h2>{t.status_heading}</h2>
            <p>
                {t.status_before}<strong>{rgaa::status_in(lang)}</strong>{t.status_after}
                {(rgaa::NON_CONFORMING != 0).then_some(t.status_because)}"."
            </p>

            <h2>{t.results_heading}</h2>
            <p>{results(lang)}</p>
            <p>{t.grid}</p>
            <p>{t.automated}</p>
            <ul>
                <li>{t.automated_axe}</li>
                <li>{t.automated_layout}</li>
                <li>{t.automated_keyboard}</li>
            </ul>

            <Inaccessible />
            <Preparation />
            <ContactAndRedress />
        </Page>
    }
}

/// French words inside the page: plain in French, marked `lang="fr"` in English (RGAA 8.7).
fn french(words: &str, lang: Lang) -> impl IntoView {
    pieces_view(Pieces::of(words, Lang::Fr), lang)
}

/// External pages in French: said with `hreflang` on an English page only.
fn french_target(lang: Lang) -> Option<&'static str> {
    (lang == Lang::En).then_some("fr")
}

/// « Contenus non accessibles »: the non-conformities in the audit's own words, exemptions, limits.
#[component]
fn Inaccessible() -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    view! {
        <h2>{t.inaccessible_heading}</h2>
        <h3>{t.non_compliances}</h3>
        {if rgaa::NON_CONFORMITIES.is_empty() {
            view! { <p>{t.no_non_compliance}</p> }.into_any()
        } else {
            // The audit's own words, in French.
            view! { <ul>{rgaa::NON_CONFORMITIES.iter().map(|nc| view! { <li>{french(nc, lang)}</li> }).collect_view()}</ul> }
                .into_any()
        }}
        <h3>{t.exemptions}</h3>
        <p>{t.none_f}</p>
        <h3>{t.exempt_content}</h3>
        <p>{t.none_m}</p>
        <h3>{t.limits_heading}</h3>
        <p>{t.limits}</p>
    }
}

/// « Établissement de cette déclaration »: when, with what, on which pages.
#[component]
fn Preparation() -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let item_label = {
        let mut label = Pieces::of(t.page_item_before, lang);
        label.push("Grande soirée NEC", Lang::Fr).push(")", lang);
        label
    };
    let pages: [(&str, Pieces); 13] = [
        (Route::Home.path(), Pieces::of(t.page_home, lang)),
        // The audited programme pages at their stable address: 2023's, whichever edition is current.
        ("/editions/2023/programme", Pieces::of(t.page_programme, lang)),
        ("/editions/2023/programme/grande-soiree", item_label),
        (Route::MyProgramme.path(), Pieces::of(t.page_my_programme, lang)),
        (Route::PracticalInfo.path(), Pieces::of(t.page_practical, lang)),
        (Route::Charter.path(), Pieces::of(t.page_charter, lang)),
        (Route::Editions.path(), Pieces::of(t.page_editions, lang)),
        ("/editions/2023", Pieces::of(t.page_edition, lang)),
        (Route::OpenData.path(), Pieces::of(t.page_open_data, lang)),
        (Route::Privacy.path(), Pieces::of(t.page_privacy, lang)),
        (Route::SiteMap.path(), Pieces::of(t.page_site_map, lang)),
        (Route::Accessibility.path(), Pieces::of(t.heading, lang)),
        (Route::Embed.path(), Pieces::of(t.page_embed, lang)),
    ];
    // The widget alone, as partner iframes show it: files outside the router (rel="external"),
    // in French (the audited version), which an English page says with `hreflang`.
    let embeds =
        [("/embed/programme.html", t.embed_programme), ("/embed/charte.html", t.embed_charter), ("/embed/editions.html", t.embed_history)];
    view! {
        <h2>{t.preparation_heading}</h2>
        <p>{prepared_on(lang)}</p>
        <h3>{t.technologies_heading}</h3>
        <ul>
            <li>"HTML"</li>
            <li>"CSS"</li>
            <li>"SVG"</li>
            <li>"WAI-ARIA"</li>
            <li>{t.js_wasm}</li>
        </ul>
        <h3>{t.environment_heading}</h3>
        <p>{t.environment}</p>
        <h3>{t.tools_heading}</h3>
        <ul>
            <li>"axe-core 4.14.1"</li>
            <li>{t.tool_nu}</li>
            <li>{t.tool_contrast}</li>
            <li>{t.tool_tests}</li>
        </ul>
        <h3>{t.pages_heading}</h3>
        <ul>
            {pages
                .into_iter()
                .map(|(href, label)| {
                    view! {
                        <li>
                            <a href=lang.path(href)>{pieces_view(label, lang)}</a>
                        </li>
                    }
                })
                .collect_view()}
            {embeds
                .into_iter()
                .map(|(href, label)| {
                    view! {
                        <li>
                            <a href=href rel="external" hreflang=french_target(lang)>
                                {label}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// « Retour d’information et contact », then « Voies de recours ».
#[component]
fn ContactAndRedress() -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let defender = move || french("Défenseur des droits", lang);
    view! {
        <h2>{t.contact_heading}</h2>
        <p>{t.contact}</p>
        {match rgaa::contact() {
            Some(contact) => {
                let label = match contact {
                    rgaa::Contact::Email(address) => address,
                    rgaa::Contact::Form(_) => t.contact_form,
                };
                view! { <p>{t.contact_means}<a href=contact.href()>{label}</a>"."</p> }.into_any()
            }
            None => {
                // The build warns while it is missing (scripts/prerender.mjs).
                view! {
                    <p data-missing="contact">
                        {t.no_contact}<a href=lang.path(Route::OpenData.path())>{t.page_open_data}</a>{t.no_contact_after}
                    </p>
                }
                    .into_any()
            }
        }}

        <h2>{t.redress_heading}</h2>
        <p>{t.redress_before}{defender()}{t.redress_after}</p>
        <ul>
            <li>
                <a href="https://formulaire.defenseurdesdroits.fr/" hreflang=french_target(lang)>
                    {t.write_before}
                    {defender()}
                </a>
            </li>
            <li>
                <a href="https://www.defenseurdesdroits.fr/saisir/delegues" hreflang=french_target(lang)>
                    {t.delegate_before}
                    {defender()}
                    {t.delegate_after}
                </a>
            </li>
            <li>{t.post}{french("Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07", lang)}</li>
        </ul>
    }
}
