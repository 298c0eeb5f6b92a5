use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::announcer::use_announcer;
use crate::components::{focus_if_lost, CopyButton, DataView, FilterGroup, Page};
use crate::data::{use_data, PROGRAMME};
use crate::filters::{filter_options, FilterList, Filters};
use crate::model::Programme;
use crate::widget_options::{contrast_ratio, height_listener_snippet, WidgetOptions, WidgetView, DEFAULT_HEADING_LEVEL, ELEMENT, LOADER};

/// The accent colour of the widget unless the partner picks another (the site's blue).
const DEFAULT_ACCENT: &str = "#000091";

/// `/integrer`: the widget builder. Pick a view, filters, a heading level and a colour; see the
/// widget itself (loaded on demand); copy the snippet, or the iframe for sites without scripts.
#[component]
pub fn EmbedBuilderPage() -> impl IntoView {
    let programme = use_data::<Programme>(PROGRAMME);
    view! {
        <Page heading="Intégrer NEC sur votre site" title="Intégrer le programme sur votre site">
            <p class="lead">
                "Collectivités, partenaires, NEC locaux : affichez le programme, la charte ou l’historique de Numérique en Commun[s] sur vos pages, "
                "avec un script et un élément. Le module garde ses propres styles, ne touche ni à vos liens ni à votre adresse, et reste accessible au clavier et aux lecteurs d’écran."
            </p>
            <DataView resource=programme what="le programme" render=|p| view! { <Builder programme=p/> }/>
        </Page>
    }
}

#[component]
fn Builder(programme: Arc<Programme>) -> impl IntoView {
    let view_choice = RwSignal::new(WidgetView::Programme);
    // The programme's own filter state and toggles, as on /programme.
    let chosen = RwSignal::new(Filters::default());
    let heading_level = RwSignal::new(DEFAULT_HEADING_LEVEL);
    let accent = RwSignal::new(DEFAULT_ACCENT.to_owned());
    let options = Memo::new(move |_| {
        let Filters { days, themes, formats, .. } = chosen.get();
        WidgetOptions { view: view_choice.get(), themes, days, formats, heading_level: heading_level.get(), data_src: None }
    });
    let site = window().location().origin().unwrap_or_default();

    let toggle = move |list: FilterList| Callback::new(move |value: String| chosen.update(|f| *f = f.toggled(list, &value)));
    let checked = move |list: FilterList| Callback::new(move |value: String| chosen.with(|f| f.has(list, &value)));
    let (day_options, theme_options, format_options) =
        (filter_options(&programme, FilterList::Days), filter_options(&programme, FilterList::Themes), filter_options(&programme, FilterList::Formats));

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
    let contrast = move || contrast_verdict(&accent.get());
    let announcer = use_announcer();
    // The verdict is a status message (RGAA 7.5): said once the colour is chosen, at once when
    // it is too low.
    let announce_contrast = move |_| {
        let (message, sufficient) = contrast_verdict(&accent.get_untracked());
        if sufficient {
            announcer.say(message);
        } else {
            announcer.say_urgently(message);
        }
    };

    view! {
        <form class="builder" aria-label="Choisir le contenu du module" on:submit=|ev| ev.prevent_default()>
            <fieldset class="filter-group">
                <legend>"Contenu"</legend>
                {WidgetView::ALL.into_iter().map(|v| {
                    let id = format!("vue-{}", v.id());
                    let label_for = id.clone();
                    view! {
                        <label class="check" for=label_for>
                            <input type="radio" name="vue" id=id value=v.id()
                                prop:checked=move || view_choice.get() == v
                                on:change=move |_| view_choice.set(v)/>
                            {v.label_fr()}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <Show when=move || view_choice.get() == WidgetView::Programme>
                <p class="hint">"Sans filtre, tout le programme est affiché ; les filtres se combinent."</p>
                <FilterGroup legend="Thématiques" name="theme" options=theme_options.clone() checked=checked(FilterList::Themes) on_toggle=toggle(FilterList::Themes)/>
                <FilterGroup legend="Jours" name="jour" options=day_options.clone() checked=checked(FilterList::Days) on_toggle=toggle(FilterList::Days)/>
                <FilterGroup legend="Formats" name="format" options=format_options.clone() checked=checked(FilterList::Formats) on_toggle=toggle(FilterList::Formats)/>
            </Show>
            <div class="field">
                <label for="niveau-titre">"Niveau du premier titre du module"</label>
                <select id="niveau-titre" aria-describedby="niveau-titre-aide" on:change=move |ev| {
                    if let Ok(level) = event_target_value(&ev).parse() { heading_level.set(level) }
                }>
                    {(1..=6u8).map(|n| view! {
                        <option value=n.to_string() prop:selected=move || heading_level.get() == n>{format!("Titre de niveau {n} (h{n})")}</option>
                    }).collect_view()}
                </select>
                <p id="niveau-titre-aide" class="hint">"Le niveau qui suit les titres de votre page à cet endroit : 2 sous le titre principal de la page, 3 sous un titre de niveau 2…"</p>
            </div>
            <div class="field">
                <label for="couleur">"Couleur d’accent (boutons et filet du haut)"</label>
                <input id="couleur" type="color" aria-describedby="couleur-contraste" prop:value=move || accent.get()
                    on:input=move |ev| accent.set(event_target_value(&ev)) on:change=announce_contrast/>
                <p id="couleur-contraste" class="hint">{move || contrast().0}</p>
            </div>
        </form>

        <Preview options accent/>

        <section aria-labelledby="code">
            <h2 id="code">"Le code à copier"</h2>
            <p>"Collez ces deux lignes dans votre page, à l’endroit où le module doit apparaître :"</p>
            <pre class="code"><code>{snippet}</code></pre>
            <CopyButton label="Copier le code" text=snippet copied="Code copié." failed="La copie a échoué : sélectionnez le code et copiez-le."/>
            <Show when=move || accent.get() != DEFAULT_ACCENT>
                <p>"Et dans votre feuille de style, pour la couleur :"</p>
                <pre class="code"><code>{accent_css}</code></pre>
                <CopyButton label="Copier la règle de style" text=accent_css copied="Règle copiée." failed="La copie a échoué : sélectionnez la règle et copiez-la."/>
            </Show>
            <h3>"Si votre page a une politique de sécurité du contenu (CSP)"</h3>
            <p>"Autorisez ce site dans ces directives :"</p>
            <pre class="code"><code>{format!("script-src {site} 'wasm-unsafe-eval'; style-src {site}; connect-src {site}")}</code></pre>
        </section>

        <section aria-labelledby="sans-script">
            <h2 id="sans-script">"Sans script : une iframe"</h2>
            <p>"Si votre outil de publication retire les scripts, collez plutôt cette iframe. Son titre dit ce qu’elle contient ; gardez-le."</p>
            <pre class="code"><code>{iframe}</code></pre>
            <CopyButton label="Copier l’iframe" text=iframe copied="Iframe copiée." failed="La copie a échoué : sélectionnez l’iframe et copiez-la."/>
            <p>
                "Pour que sa hauteur suive son contenu, ajoutez si vous le pouvez ce script, qui n’accepte que les messages de ce site "
                {format!("(type « {} »).", crate::widget_options::HEIGHT_MESSAGE)}
            </p>
            <pre class="code"><code>{listener.clone()}</code></pre>
            <CopyButton label="Copier le script de hauteur" text=Signal::derive(move || listener.clone()) copied="Script copié." failed="La copie a échoué : sélectionnez le script et copiez-le."/>
            <p>{format!("Avec une politique de sécurité du contenu, autorisez l’iframe : frame-src {site}.")}</p>
        </section>
    }
}

/// What the contrast of white text on the accent colour is worth, and whether it is enough (4.5:1).
fn contrast_verdict(accent: &str) -> (String, bool) {
    match contrast_ratio("#ffffff", accent) {
        Some(r) if r >= 4.5 => (format!("Texte blanc sur cette couleur : contraste de {}:1, suffisant (au moins 4,5:1).", ratio_fr(r)), true),
        Some(r) => (format!("Texte blanc sur cette couleur : contraste de {}:1, insuffisant (au moins 4,5:1) : choisissez une couleur plus foncée.", ratio_fr(r)), false),
        None => ("Couleur illisible : indiquez-la sous la forme #rrggbb.".to_owned(), false),
    }
}

/// « 14,9 »
fn ratio_fr(ratio: f64) -> String {
    format!("{:.1}", (ratio * 10.0).floor() / 10.0).replace('.', ",")
}

/// The widget itself, as partners will see it: loaded on demand (its own wasm, about 170 Kio),
/// then rebuilt at each change of the options.
#[component]
fn Preview(options: Memo<WidgetOptions>, accent: RwSignal<String>) -> impl IntoView {
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
            <h2 id="apercu" tabindex="-1">"Aperçu"</h2>
            <p>"Les titres du module y commencent au niveau 3, sous « Aperçu » ; le code à copier garde le niveau choisi."</p>
            <Show when=move || !shown.get()>
                <p>"L’aperçu charge le module comme le fera votre page (environ 170 Kio)."</p>
                <button type="button" class="button" on:click=move |_| {
                    shown.set(true);
                    // The button goes away: the focus stays in this section.
                    focus_if_lost("apercu", None);
                }>"Afficher l’aperçu"</button>
            </Show>
            <div class="widget-preview" node_ref=container></div>
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
