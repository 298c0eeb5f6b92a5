use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::announcer::use_announcer;
use crate::components::{
    as_written, current_lang, focus_if_lost, pieces_view, CopyButton, DataView, Page, ProgrammeFilters, RadioGroup, Subject,
};
use crate::data::use_programme;
use crate::filters::Filters;
use crate::locale::{Lang, Pieces};
use crate::model::Programme;
use crate::widget_options::{contrast_ratio, height_listener_snippet, WidgetOptions, WidgetView, DEFAULT_HEADING_LEVEL, ELEMENT, LOADER};

/// The accent colour of the widget unless the partner picks another (the site's blue).
const DEFAULT_ACCENT: &str = "#000091";

crate::texts! {
    heading: "Intégrer NEC sur votre site", "Embed NEC on your site";
    title: "Intégrer le programme sur votre site", "Embed the programme on your site";
    lead_start: "Collectivités, partenaires, NEC locaux : affichez le programme, la charte ou l’historique de ",
        "Local authorities, partners, local NECs: show the programme, the charter or the history of ";
    lead_end: " sur vos pages, avec un script et un élément. Le module garde ses propres styles, ne touche ni à vos liens ni à votre adresse, et reste accessible au clavier et aux lecteurs d’écran.",
        " on your pages, with a script and an element. The widget keeps its own styles, leaves your links and your page’s address untouched, and stays accessible to keyboard and screen-reader users.";
    form: "Choisir le contenu du module", "Choose what the widget shows";
    content: "Contenu", "Content";
    filters_hint: "Sans filtre, tout le programme est affiché ; les filtres se combinent.", "With no filter, the whole programme is shown; filters combine.";
    widget_lang: "Langue du widget", "Widget language";
    heading_level: "Niveau du premier titre du module", "Level of the widget’s first heading";
    heading_level_hint: "Le niveau qui suit les titres de votre page à cet endroit : 2 sous le titre principal de la page, 3 sous un titre de niveau 2…",
        "The level that follows your page’s headings at that point: 2 under the page’s main heading, 3 under a level 2 heading…";
    accent: "Couleur d’accent (boutons et filet du haut)", "Accent colour (buttons and top rule)";
    code: "Le code à copier", "The code to copy";
    paste: "Collez ces deux lignes dans votre page, à l’endroit où le module doit apparaître :", "Paste these two lines into your page, where the widget should appear:";
    copy_code: "Copier le code", "Copy the code";
    code_copied: "Code copié.", "Code copied.";
    code_failed: "La copie a échoué : sélectionnez le code et copiez-le.", "Copying failed: select the code and copy it.";
    style_sheet: "Et dans votre feuille de style, pour la couleur :", "And in your style sheet, for the colour:";
    copy_rule: "Copier la règle de style", "Copy the style rule";
    rule_copied: "Règle copiée.", "Rule copied.";
    rule_failed: "La copie a échoué : sélectionnez la règle et copiez-la.", "Copying failed: select the rule and copy it.";
    csp: "Si votre page a une politique de sécurité du contenu (CSP)", "If your page has a Content Security Policy (CSP)";
    csp_allow: "Autorisez ce site dans ces directives :", "Allow this site in these directives:";
    no_script: "Sans script : une iframe", "Without a script: an iframe";
    iframe_intro: "Si votre outil de publication retire les scripts, collez plutôt cette iframe. Son titre dit ce qu’elle contient ; gardez-le.",
        "If your publishing tool strips scripts, paste this iframe instead. Its title says what it contains; keep it.";
    copy_iframe: "Copier l’iframe", "Copy the iframe";
    iframe_copied: "Iframe copiée.", "Iframe copied.";
    iframe_failed: "La copie a échoué : sélectionnez l’iframe et copiez-la.", "Copying failed: select the iframe and copy it.";
    height_intro: "Pour que sa hauteur suive son contenu, ajoutez si vous le pouvez ce script, qui n’accepte que les messages de ce site ",
        "For its height to follow its content, add this script if you can; it only accepts messages from this site ";
    copy_script: "Copier le script de hauteur", "Copy the height script";
    script_copied: "Script copié.", "Script copied.";
    script_failed: "La copie a échoué : sélectionnez le script et copiez-le.", "Copying failed: select the script and copy it.";
    preview: "Aperçu", "Preview";
    preview_levels: "Les titres du module y commencent au niveau 3, sous « Aperçu » ; le code à copier garde le niveau choisi.",
        "The widget’s headings start at level 3 here, under “Preview”; the code to copy keeps the chosen level.";
    preview_size: "L’aperçu charge le module comme le fera votre page (environ 140 Kio).", "The preview loads the widget as your page will (about 140 KiB).";
    show_preview: "Afficher l’aperçu", "Show the preview";
}

/// « Titre de niveau 2 (h2) », "Level 2 heading (h2)".
fn level_option(lang: Lang, n: u8) -> String {
    match lang {
        Lang::Fr => format!("Titre de niveau {n} (h{n})"),
        Lang::En => format!("Level {n} heading (h{n})"),
    }
}

/// « (type « nec-widget:height »). », "(type “nec-widget:height”)."
fn message_type(lang: Lang) -> String {
    let message = crate::widget_options::HEIGHT_MESSAGE;
    match lang {
        Lang::Fr => format!("(type « {message} »)."),
        Lang::En => format!("(type “{message}”)."),
    }
}

/// « Avec une politique de sécurité du contenu, autorisez l’iframe : frame-src … . »
fn frame_src(lang: Lang, site: &str) -> String {
    match lang {
        Lang::Fr => format!("Avec une politique de sécurité du contenu, autorisez l’iframe : frame-src {site}."),
        Lang::En => format!("With a Content Security Policy, allow the iframe: frame-src {site}."),
    }
}

/// `/integrer`: the widget builder. Pick a view, filters, a heading level and a colour; see the
/// widget itself (loaded on demand); copy the snippet, or the iframe for sites without scripts.
#[component]
pub fn EmbedBuilderPage() -> impl IntoView {
    let programme = use_programme(None);
    let lang = current_lang();
    let t = texts(lang);
    view! {
        <Page heading=t.heading title=t.title>
            <p class="lead">{t.lead_start}{pieces_view(Pieces::of("Numérique en Commun[s]", Lang::Fr), lang)}{t.lead_end}</p>
            <DataView resource=programme what=Subject::Programme render=|p| view! { <Builder programme=p /> } />
        </Page>
    }
}

#[component]
fn Builder(programme: Arc<Programme>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let view_choice = RwSignal::new(WidgetView::Programme);
    // The widget's own language, whatever this page's: French unless the partner picks English.
    let widget_lang = RwSignal::new(Lang::Fr);
    // The programme's own filter state and toggles, as on /programme.
    let chosen = RwSignal::new(Filters::default());
    let heading_level = RwSignal::new(DEFAULT_HEADING_LEVEL);
    let accent = RwSignal::new(DEFAULT_ACCENT.to_owned());
    let options = Memo::new(move |_| {
        let Filters { days, themes, formats, .. } = chosen.get();
        WidgetOptions {
            view: view_choice.get(),
            themes,
            days,
            formats,
            heading_level: heading_level.get(),
            data_src: None,
            lang: widget_lang.get(),
        }
    });
    let view_options = WidgetView::ALL.into_iter().map(|v| (v, v.id(), Pieces::of(v.label(lang), lang))).collect();
    // Each language named in itself, marked when it is not the page's (RGAA 8.7).
    let lang_options = Lang::ALL.into_iter().map(|l| (l, l.code(), Pieces::of(l.native_name(), l))).collect();

    let on_filters = Callback::new(move |next: Filters| chosen.set(next));

    let contrast = move || contrast_verdict(lang, &accent.get());
    let announcer = use_announcer();
    // The verdict is a status message (RGAA 7.5): said once the colour is chosen, at once when
    // it is too low.
    let announce_contrast = move |_| {
        let (message, sufficient) = contrast_verdict(lang, &accent.get_untracked());
        if sufficient {
            announcer.say(message);
        } else {
            announcer.say_urgently(message);
        }
    };

    view! {
        <form class="builder" aria-label=t.form on:submit=|ev| ev.prevent_default()>
            <RadioGroup legend=t.content name="vue" options=view_options selected=view_choice />
            <Show when=move || view_choice.get() == WidgetView::Programme>
                <p class="hint">{t.filters_hint}</p>
                <ProgrammeFilters programme=programme.clone() filters=chosen on_change=on_filters />
            </Show>
            <RadioGroup legend=t.widget_lang name="langue" options=lang_options selected=widget_lang />
            <div class="field">
                <label for="niveau-titre">{t.heading_level}</label>
                <select
                    id="niveau-titre"
                    aria-describedby="niveau-titre-aide"
                    on:change=move |ev| {
                        if let Ok(level) = event_target_value(&ev).parse() {
                            heading_level.set(level)
                        }
                    }
                >
                    {(1..=6u8)
                        .map(|n| {
                            view! {
                                <option
                                    value=n.to_string()
                                    selected=as_written(move || heading_level.get() == n)
                                    prop:selected=move || heading_level.get() == n
                                >
                                    {level_option(lang, n)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <p id="niveau-titre-aide" class="hint">
                    {t.heading_level_hint}
                </p>
            </div>
            <div class="field">
                <label for="couleur">{t.accent}</label>
                <input
                    id="couleur"
                    type="color"
                    aria-describedby="couleur-contraste"
                    value=as_written(move || accent.get())
                    prop:value=move || accent.get()
                    on:input=move |ev| accent.set(event_target_value(&ev))
                    on:change=announce_contrast
                />
                <p id="couleur-contraste" class="hint">
                    {move || contrast().0}
                </p>
            </div>
        </form>

        <Preview options accent />

        <Snippets options accent />
    }
}

/// The code to paste, with a script (the element) and without (an iframe), each with its copy button.
#[component]
fn Snippets(options: Memo<WidgetOptions>, accent: RwSignal<String>) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let site = crate::data::site_origin();
    let snippet = {
        let site = site.clone();
        Signal::derive(move || options.with(|o| o.element_snippet(&site)))
    };
    let accent_css = Signal::derive(move || format!("{ELEMENT} {{ --nec-accent: {}; }}", accent.get()));
    let iframe = {
        let site = site.clone();
        Signal::derive(move || options.with(|o| o.iframe_snippet(&site)))
    };
    let listener = height_listener_snippet(&site);
    view! {
        <section aria-labelledby="code">
            <h2 id="code">{t.code}</h2>
            <p>{t.paste}</p>
            <pre class="code">
                <code>{snippet}</code>
            </pre>
            <CopyButton label=t.copy_code text=snippet copied=t.code_copied failed=t.code_failed />
            <Show when=move || accent.get() != DEFAULT_ACCENT>
                <p>{t.style_sheet}</p>
                <pre class="code">
                    <code>{accent_css}</code>
                </pre>
                <CopyButton label=t.copy_rule text=accent_css copied=t.rule_copied failed=t.rule_failed />
            </Show>
            <h3>{t.csp}</h3>
            <p>{t.csp_allow}</p>
            <pre class="code">
                <code>{format!("script-src {site} 'wasm-unsafe-eval'; style-src {site}; connect-src {site}")}</code>
            </pre>
        </section>

        <section aria-labelledby="sans-script">
            <h2 id="sans-script">{t.no_script}</h2>
            <p>{t.iframe_intro}</p>
            <pre class="code">
                <code>{iframe}</code>
            </pre>
            <CopyButton label=t.copy_iframe text=iframe copied=t.iframe_copied failed=t.iframe_failed />
            <p>{t.height_intro} {message_type(lang)}</p>
            <pre class="code">
                <code>{listener.clone()}</code>
            </pre>
            <CopyButton label=t.copy_script text=Signal::derive(move || listener.clone()) copied=t.script_copied failed=t.script_failed />
            <p>{frame_src(lang, &site)}</p>
        </section>
    }
}

/// What the contrast of white text on the accent colour is worth, and whether it is enough (4.5:1).
fn contrast_verdict(lang: Lang, accent: &str) -> (String, bool) {
    let ratio = contrast_ratio("#ffffff", accent);
    let sufficient = ratio.is_some_and(|r| r >= 4.5);
    let message = match (lang, ratio) {
        (Lang::Fr, Some(r)) if sufficient => {
            format!("Texte blanc sur cette couleur : contraste de {}:1, suffisant (au moins 4,5:1).", ratio_in(lang, r))
        }
        (Lang::Fr, Some(r)) => format!(
            "Texte blanc sur cette couleur : contraste de {}:1, insuffisant (au moins 4,5:1) : choisissez une couleur plus foncée.",
            ratio_in(lang, r)
        ),
        (Lang::Fr, None) => "Couleur illisible : indiquez-la sous la forme #rrggbb.".to_owned(),
        (Lang::En, Some(r)) if sufficient => {
            format!("White text on this colour: contrast of {}:1, sufficient (at least 4.5:1).", ratio_in(lang, r))
        }
        (Lang::En, Some(r)) => format!(
            "White text on this colour: contrast of {}:1, insufficient (at least 4.5:1): choose a darker colour.",
            ratio_in(lang, r)
        ),
        (Lang::En, None) => "Unreadable colour: give it in the form #rrggbb.".to_owned(),
    };
    (message, sufficient)
}

/// « 14,9 », "14.9": rounded down, so a ratio just under 4.5 never reads as 4.5.
fn ratio_in(lang: Lang, ratio: f64) -> String {
    let ratio = crate::format::fixed((ratio * 10.0).floor() / 10.0, 1);
    match lang {
        Lang::Fr => ratio.replace('.', ","),
        Lang::En => ratio,
    }
}

/// The widget itself, as partners will see it: loaded on demand (its own wasm, about 140 KiB with its data),
/// then rebuilt at each change of the options.
#[component]
fn Preview(options: Memo<WidgetOptions>, accent: RwSignal<String>) -> impl IntoView {
    let t = texts(current_lang());
    let shown = RwSignal::new(false);
    let container = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let (options, accent) = (options.get(), accent.get());
        if !shown.get() {
            return;
        }
        let Some(container) = container.get() else { return };
        container.set_text_content(None);
        let Ok(widget) = document().create_element(ELEMENT) else { return };
        for (name, value) in options.attributes() {
            let _ = widget.set_attribute(name, &value);
        }
        // Here the preview sits under the h2 « Aperçu »: its headings start at level 3 at least
        // (RGAA 9.1); the copied code keeps the level chosen for the partner's page.
        let _ = widget.set_attribute("heading-level", &options.heading_level.max(3).to_string());
        if let Some(widget) = widget.dyn_ref::<web_sys::HtmlElement>() {
            let _ = widget.style().set_property("--nec-accent", &accent);
        }
        let _ = container.append_child(&widget);
        load_widget_script();
    });
    view! {
        <section aria-labelledby="apercu">
            <h2 id="apercu" tabindex="-1">
                {t.preview}
            </h2>
            <p>{t.preview_levels}</p>
            // The preview's box only once it is asked for: the page is lighter to read.
            <Show when=move || !shown.get() fallback=move || view! { <div class="widget-preview" node_ref=container></div> }>
                <p>{t.preview_size}</p>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        shown.set(true);
                        focus_if_lost("apercu", None);
                    }
                >
                    {t.show_preview}
                </button>
            </Show>
        </section>
    }
}

/// Adds `<script type="module" src="/widget.js">` to the page, once.
fn load_widget_script() {
    let document = document();
    let src = format!("/{LOADER}");
    if document.query_selector(&format!("script[src=\"{src}\"]")).ok().flatten().is_some() {
        return;
    }
    let Ok(script) = document.create_element("script") else { return };
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", &src);
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}
