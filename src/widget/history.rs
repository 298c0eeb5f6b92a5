use std::sync::Arc;

use leptos::prelude::*;

use super::widget_section;
use crate::components::ParticipationTable;
use crate::data::EDITIONS;
use crate::model::EditionsFile;
use crate::widget_options::WidgetOptions;

/// The national editions since 2018 and their participation, as the site's table, with a link to the history on the site.
#[component]
pub fn HistoryWidget(options: Arc<WidgetOptions>, site: String, data: String) -> impl IntoView {
    let level = options.heading_level;
    let render = move |file: Arc<EditionsFile>| {
        let site = site.clone();
        view! {
            <p>"Depuis 2018, une édition nationale par an, chaque fois dans une ville différente."</p>
            <ParticipationTable file/>
            <p><a href=format!("{site}/editions")>"L’historique complet, avec les sources de chaque chiffre, sur le site de Numérique en Commun[s]"</a></p>
        }
    };
    widget_section("Les éditions de Numérique en Commun[s]", level, EDITIONS, data, "l’historique des éditions", render)
}
