use std::sync::Arc;

use leptos::prelude::*;

use super::{Heading, widget_section};
use crate::data::CHARTER;
use crate::model::Charter;
use crate::widget_options::WidgetOptions;

/// The charter's five engagements and its licence, with a link to the charter on the site.
#[component]
pub fn CharterWidget(options: Arc<WidgetOptions>, site: String, data: String) -> impl IntoView {
    let (level, engagement_level) = (options.heading_level, options.heading(1));
    let render = move |charter: Arc<Charter>| {
        let site = site.clone();
        view! {
            <p>{charter.introduction.clone()}</p>
            <ol class="nec-engagements">
                {charter.engagements.iter().map(|e| view! {
                    <li>
                        <Heading level=engagement_level>{format!("Engagement n°{} : {}", e.number, e.title)}</Heading>
                        <p>{e.text.clone()}</p>
                    </li>
                }).collect_view()}
            </ol>
            <p>
                "Licence : "<a href=charter.licence.url.clone() hreflang="fr">{charter.licence.name.clone()}</a>". "
                <a href=format!("{site}/charte")>"La charte sur le site de Numérique en Commun[s]"</a>
            </p>
        }
    };
    widget_section("La charte de Numérique en Commun[s]", level, CHARTER, data, "la charte", render)
}
