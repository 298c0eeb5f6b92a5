use std::sync::Arc;

use leptos::prelude::*;

use super::{widget_section, Heading};
use nec_views::components::{current_lang, engagement_label, text_view};
use nec_views::model::Charter;
use nec_views::routes::Route;
use nec_views::widget_options::WidgetOptions;

nec_views::texts! {
    title: "La charte de Numérique en Commun[s]", "The Numérique en Commun[s] charter";
    licence: "Licence : ", "Licence: ";
    on_the_site: "La charte sur le site de Numérique en Commun[s]", "The charter on the Numérique en Commun[s] website";
}

/// The charter's five engagements and its licence, with a link to the charter on the site.
#[component]
pub fn CharterWidget(options: Arc<WidgetOptions>, site: String, data: String) -> impl IntoView {
    let (level, engagement_level) = (options.heading_level, options.heading(1));
    let lang = current_lang();
    let t = texts(lang);
    let render = move |charter: Arc<Charter>| {
        let site = site.clone();
        view! {
            <p>{text_view(&charter.introduction, lang)}</p>
            <ol class="nec-engagements">
                {charter
                    .engagements
                    .iter()
                    .map(|e| {
                        let number = engagement_label(lang, e.number);
                        let (title, text) = (text_view(&e.title, lang), text_view(&e.text, lang));
                        view! {
                            <li>
                                <Heading level=engagement_level>{number}{title}</Heading>
                                <p>{text}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <p>
                {t.licence}<a href=charter.licence.url.clone() hreflang="fr">
                    {charter.licence.name.clone()}
                </a>". " <a href=format!("{site}{}", lang.path(Route::Charter.path()))>{t.on_the_site}</a>
            </p>
        }
    };
    widget_section(t.title, level, data, nec_views::components::Subject::Charter, render)
}
