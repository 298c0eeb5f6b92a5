use leptos::prelude::*;

use crate::format;
use crate::model::Item;

/// « 19 h – 1 h le lendemain », « à partir de 9 h », « horaire à préciser », with `<time>` elements.
#[component]
pub fn When(item: Item) -> impl IntoView {
    match (item.start, item.end) {
        (Some(start), Some(end)) => {
            let next_day = (end.date_naive() != start.date_naive()).then_some(" le lendemain");
            view! {
                <time datetime=start.to_rfc3339()>{format::event_time(start)}</time>
                " – "
                <time datetime=end.to_rfc3339()>{format::event_time(end)}</time>
                {next_day}
                {format!(" ({})", format::duration_minutes((end - start).num_minutes()))}
            }
            .into_any()
        }
        (Some(start), None) => view! { "À partir de "<time datetime=start.to_rfc3339()>{format::event_time(start)}</time> }.into_any(),
        _ => view! { "Horaire à préciser" }.into_any(),
    }
}
