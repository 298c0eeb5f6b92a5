use std::sync::Arc;

use leptos::prelude::*;

use super::widget_section;
use nec_views::components::{current_lang, ParticipationTable};
use nec_views::model::EditionsFile;
use nec_views::routes::Route;
use nec_views::widget_options::WidgetOptions;

nec_views::texts! {
    title: "Les éditions de Numérique en Commun[s]", "The Numérique en Commun[s] editions";
    intro: "Depuis 2018, une édition nationale par an, chaque fois dans une ville différente.", "Since 2018, one national edition a year, each time in a different city.";
    on_the_site: "L’historique complet, avec les sources de chaque chiffre, sur le site de Numérique en Commun[s]",
        "The full history, with the sources of every figure, on the Numérique en Commun[s] website";
}

/// The national editions since 2018 and their participation, as the site's table, with a link to the history on the site.
#[component]
pub fn HistoryWidget(options: Arc<WidgetOptions>, site: String, data: String) -> impl IntoView {
    let level = options.heading_level;
    let lang = current_lang();
    let t = texts(lang);
    let render = move |file: Arc<EditionsFile>| {
        let site = site.clone();
        view! {
            <p>{t.intro}</p>
            <ParticipationTable file />
            <p>
                <a href=format!("{site}{}", lang.path(Route::Editions.path()))>{t.on_the_site}</a>
            </p>
        }
    };
    widget_section(t.title, level, data, nec_views::components::Subject::EditionsHistory, render)
}
