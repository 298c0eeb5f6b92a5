use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{DataView, Page, Sources};
use crate::data::{use_data, PROGRAMME};
use crate::format;
use crate::model::{Cost, DayKind, Item, Programme};

/// `/programme`: the 2023 programme, day by day, then the practical information.
#[component]
pub fn ProgrammePage() -> impl IntoView {
    let programme = use_data::<Programme>(PROGRAMME);
    view! {
        <Page heading="Programme 2023" title="Programme 2023">
            <DataView resource=programme what="le programme" render=|p| view! { <ProgrammeContent programme=p/> }/>
        </Page>
    }
}

#[component]
fn ProgrammeContent(programme: Arc<Programme>) -> impl IntoView {
    let p = programme;
    let undated = p.undated_items();
    view! {
        <p class="notice"><strong>{p.edition.status.clone()}</strong>" — les horaires sont donnés à l’heure de Paris."</p>
        {p.days.iter().map(|day| {
            let id = format!("jour-{}", day.date);
            let id_ref = id.clone();
            let items = p.items_on(day.date);
            view! {
                <section class="day" aria-labelledby=id_ref>
                    <h2 id=id>
                        {format::long_date(day.date)}
                        <span class="day__title">{format!(" — {}", day.title)}</span>
                    </h2>
                    {day.description.clone().map(|d| view! { <p>{d}</p> })}
                    {day.contact_email.clone().map(|email| view! {
                        <p>"Pour participer, écrire à "<a href=format!("mailto:{email}")>{email.clone()}</a>"."</p>
                    })}
                    {(day.kind == DayKind::Off).then_some(view! { <p class="tag tag--access">"Sur invitation"</p> })}
                    <ol class="items">{items.into_iter().map(|item| view! { <ItemCard item=item.clone() programme=p.clone()/> }).collect_view()}</ol>
                </section>
            }
        }).collect_view()}
        {(!undated.is_empty()).then(|| view! {
            <section class="day" aria-labelledby="jour-a-preciser">
                <h2 id="jour-a-preciser">"Date et horaire à préciser"</h2>
                <p>"Ces interventions sont annoncées pendant l’événement, sans jour ni horaire connus à ce jour."</p>
                <ol class="items">{undated.into_iter().map(|item| view! { <ItemCard item=item.clone() programme=p.clone()/> }).collect_view()}</ol>
            </section>
        })}
        <PracticalInfo programme=p.clone()/>
    }
}

/// One programme item: title, time, format, theme, access, speakers, description.
#[component]
fn ItemCard(item: Item, programme: Arc<Programme>) -> impl IntoView {
    let format = item.format.as_deref().and_then(|id| programme.format(id)).map(|f| {
        let durations: Vec<String> = f.durations_minutes.iter().map(|m| format::duration_minutes(i64::from(*m))).collect();
        format!("{} ({})", f.name, durations.join(" ou "))
    });
    let theme = item.theme.as_deref().and_then(|id| programme.theme(id)).map(|t| t.name.clone());
    let heading_id = format!("element-{}", item.id);
    let heading_id_ref = heading_id.clone();
    view! {
        <li class="item">
            <article aria-labelledby=heading_id_ref>
                <h3 id=heading_id>{item.title.clone()}</h3>
                <p class="item__when"><When item=item.clone()/></p>
                <ul class="tags">
                    {format.map(|f| view! { <li class="tag">"Format : "{f}</li> })}
                    {theme.map(|t| view! { <li class="tag tag--theme">"Thématique : "{t}</li> })}
                    <li class="tag tag--access">"Accès : "{item.access.label_fr()}</li>
                </ul>
                <p>{item.description.clone()}</p>
                {(!item.speakers.is_empty()).then(|| view! {
                    <p>"Intervenants : "{format::list(&item.speakers)}</p>
                })}
                {(!item.links.is_empty()).then(|| view! {
                    <ul class="links">{item.links.iter().map(|l| view! { <li><a href=l.url.clone()>{l.label.clone()}</a></li> }).collect_view()}</ul>
                })}
            </article>
        </li>
    }
}

/// The item's time as text, with machine-readable `<time>` elements.
#[component]
fn When(item: Item) -> impl IntoView {
    match (item.start, item.end) {
        (Some(start), Some(end)) => {
            let next_day = (end.date_naive() != start.date_naive()).then_some(" le lendemain");
            let minutes = (end - start).num_minutes();
            view! {
                <time datetime=start.to_rfc3339()>{format::event_time(start)}</time>
                " – "
                <time datetime=end.to_rfc3339()>{format::event_time(end)}</time>
                {next_day}
                {format!(" (durée : {})", format::duration_minutes(minutes))}
            }
            .into_any()
        }
        (Some(start), None) => view! {
            "À partir de "<time datetime=start.to_rfc3339()>{format::event_time(start)}</time>
        }
        .into_any(),
        _ => view! { "Horaire à préciser" }.into_any(),
    }
}

/// Venue, hours, transport, registration, meals and partners.
#[component]
fn PracticalInfo(programme: Arc<Programme>) -> impl IntoView {
    let p = programme;
    let organisers: Vec<String> = p.partners.organisers.iter().map(|o| o.name.clone()).collect();
    view! {
        <section aria-labelledby="infos-pratiques" class="practical">
            <h2 id="infos-pratiques">"Informations pratiques"</h2>
            <h3>"Lieu"</h3>
            <address>{p.venue.name.clone()}<br/>{p.venue.address.clone()}</address>
            <dl class="facts">
                <div><dt>"Horaires"</dt><dd>{format!("{} – {}", format::time(p.venue.opens), format::time(p.venue.closes))}</dd></div>
                <div><dt>"Comment y aller ?"</dt><dd>{format::list(&p.venue.transport)}</dd></div>
            </dl>
            <h3>"Inscription"</h3>
            <p>{p.registration.conditions.clone()}</p>
            <ul class="links">
                {p.registration.links.iter().map(|l| view! { <li><a class="button" href=l.url.clone()>{l.label.clone()}</a></li> }).collect_view()}
            </ul>
            <h3>"Repas"</h3>
            <ul>
                {p.meals.iter().map(|m| view! {
                    <li>
                        <strong>{format::long_date(m.day)}" : "</strong>
                        {match m.cost { Cost::Free => "gratuit. ", Cost::PaidContribution => "contribution financière. " }}
                        {m.text.clone()}
                    </li>
                }).collect_view()}
            </ul>
            <h3>"Organisateurs et partenaires"</h3>
            <p>"Organisé par "{format::list(&organisers)}", en partenariat avec :"</p>
            <ul class="partners">
                {p.partners.partners.iter().map(|partner| match &partner.url {
                    Some(url) => view! { <li><a href=url.clone()>{partner.name.clone()}</a></li> }.into_any(),
                    None => view! { <li>{partner.name.clone()}</li> }.into_any(),
                }).collect_view()}
            </ul>
            {p.partners.associated_events.iter().map(|e| view! { <p>{e.clone()}</p> }).collect_view()}
            <p><a href=p.edition.website.url.clone()>{p.edition.website.label.clone()}</a></p>
            <p><Sources sources=p.sources.iter().map(|s| s.id.clone()).collect()/></p>
        </section>
    }
}
