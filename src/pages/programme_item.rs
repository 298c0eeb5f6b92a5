use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map};

use crate::components::{AgendaToggle, DataView, Page, Sources};
use crate::data::{use_data, PROGRAMME};
use crate::format;
use crate::ics;
use crate::model::Programme;
use crate::components::When;
use crate::format::capitalised;

/// `/programme/<id>`: one item, deep-linkable: everything known about it, its calendar file,
/// and the way back to the list with the same filters.
#[component]
pub fn ProgrammeItemPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let programme = use_data::<Programme>(PROGRAMME);
    let heading = Signal::derive(move || match programme.get() {
        Some(Ok(p)) => id.with(|id| p.items.iter().find(|i| &i.id == id).map_or_else(|| "Élément introuvable".to_owned(), |i| i.title.clone())),
        _ => "Programme 2023".to_owned(),
    });
    let title = Signal::derive(move || format!("{} — Programme 2023", heading.get()));
    view! {
        <Page heading=heading title=title>
            <DataView resource=programme what="cet élément du programme" render=move |p| view! { <ItemDetails programme=p id=id.get()/> }/>
        </Page>
    }
}

#[component]
fn ItemDetails(programme: Arc<Programme>, id: String) -> impl IntoView {
    let location = use_location();
    let query = location.search.get_untracked();
    let back = if query.trim_start_matches('?').is_empty() { "/programme".to_owned() } else { format!("/programme?{}", query.trim_start_matches('?')) };
    let Some(item) = programme.items.iter().find(|i| i.id == id).cloned() else {
        return view! {
            <p>"Aucun élément du programme ne correspond à cette adresse : il a peut-être été retiré ou renommé."</p>
            <p><A href=back>"Retour au programme"</A></p>
        }
        .into_any();
    };
    let p = &programme;
    let format = item.format.as_deref().and_then(|f| p.format(f)).map(|f| {
        let durations: Vec<String> = f.durations_minutes.iter().map(|m| format::duration_minutes(i64::from(*m))).collect();
        format!("{} (durée habituelle : {})", f.name, durations.join(" ou "))
    });
    let theme = item.theme.as_deref().and_then(|t| p.theme(t)).map(|t| match &t.lead_partner {
        Some(lead) => format!("{} (thématique portée par {lead})", t.name),
        None => t.name.clone(),
    });
    let day = item.day.map_or_else(|| "Date à préciser".to_owned(), |d| capitalised(&format::long_date(d)));
    let origin = window().location().origin().unwrap_or_default();
    let calendar = ics::item_calendar(p, &item, &origin, crate::clock::now_utc()).map(|text| (ics::data_url(&text), ics::item_file_name(p, &item)));
    view! {
        <dl class="facts">
            <div><dt>"Jour"</dt><dd>{day}</dd></div>
            <div><dt>"Horaire"</dt><dd><When item=item.clone()/>" (heure de Paris)"</dd></div>
            <div><dt>"Lieu"</dt><dd>{match p.place_of(&item) {
                Some(venue) => format!("{}, {}", venue.name, venue.address),
                None => format!("À préciser (l’événement se tient à {})", p.edition.city),
            }}</dd></div>
            {format.map(|f| view! { <div><dt>"Format"</dt><dd>{f}</dd></div> })}
            {theme.map(|t| view! { <div><dt>"Thématique"</dt><dd>{t}</dd></div> })}
            <div><dt>"Accès"</dt><dd>{item.access.label_fr()}</dd></div>
            {(!item.speakers.is_empty()).then(|| view! { <div><dt>"Intervenants"</dt><dd>{format::list(&item.speakers)}</dd></div> })}
        </dl>
        <p>{item.description.clone()}</p>
        {(!item.links.is_empty()).then(|| view! {
            <h2>"Pour aller plus loin"</h2>
            <ul class="links">{item.links.iter().map(|l| view! { <li><a href=l.url.clone()>{l.label.clone()}</a></li> }).collect_view()}</ul>
        })}
        <h2>"Mon programme et mon agenda"</h2>
        <p class="actions">
            <AgendaToggle id=item.id.clone() title=item.title.clone()/>
            {match calendar {
                Some((href, name)) => view! { <a class="button button--secondary" href=href download=name>"Ajouter à mon agenda (fichier .ics)"</a> }.into_any(),
                None => view! { <span>"Pas de fichier d’agenda : l’horaire n’est pas encore connu."</span> }.into_any(),
            }}
        </p>
        <p><A href="/infos-pratiques">"Informations pratiques : accès, inscription, repas"</A></p>
        <p><A href=back>"Retour au programme"</A></p>
        <p><Sources sources=item.sources.clone()/></p>
    }
    .into_any()
}
