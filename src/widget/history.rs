use std::sync::Arc;

use leptos::prelude::*;

use super::{Heading, WidgetData};
use crate::data::{fetch_data_from, EDITIONS};
use crate::model::EditionsFile;
use crate::components::ParticipationTable;
use crate::widget_options::WidgetOptions;

/// The national editions since 2018 and their participation, as the site's table, with a link to the history on the site.
#[component]
pub fn HistoryWidget(options: Arc<WidgetOptions>, site: String, data: String) -> impl IntoView {
    let resource = LocalResource::new(move || {
        let data = data.clone();
        async move { fetch_data_from::<EditionsFile>(&data, EDITIONS).await }
    });
    let section = NodeRef::<leptos::html::Section>::new();
    let level = options.heading_level;
    let render = move |file: Arc<EditionsFile>| {
        let site = site.clone();
        view! {
            <p>"Depuis 2018, une édition nationale par an, chaque fois dans une ville différente."</p>
            <ParticipationTable file/>
            <p><a href=format!("{site}/editions")>"L’historique complet, avec les sources de chaque chiffre, sur le site de Numérique en Commun[s]"</a></p>
        }
    };
    view! {
        <section class="nec-widget" aria-labelledby="nec-titre" tabindex="-1" node_ref=section>
            <Heading level id="nec-titre">"Les éditions de Numérique en Commun[s]"</Heading>
            <WidgetData resource what="l’historique des éditions" section render/>
        </section>
    }
}
