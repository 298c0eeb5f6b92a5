use leptos::prelude::*;

use super::current_lang;
use crate::locale::Lang;
use crate::model::{Item, ItemStatus};

crate::texts! {
    next_day: " le lendemain", " the next day";
    from: "À partir de ", "From ";
}

/// « 19 h 00 – 1 h 00 le lendemain », « à partir de 9 h 00 », « horaire non précisé »; "19:00 – 1:00
/// the next day", with `<time>` elements.
#[component]
pub fn When(item: Item) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    match (item.start, item.end) {
        (Some(start), Some(end)) => {
            let next_day = (end.date_naive() != start.date_naive()).then_some(t.next_day);
            view! {
                <time datetime=start.to_rfc3339()>{lang.event_time(start)}</time>
                " – "
                <time datetime=end.to_rfc3339()>{lang.event_time(end)}</time>
                {next_day}
                {format!(" ({})", lang.duration_minutes((end - start).num_minutes()))}
            }
            .into_any()
        }
        (Some(start), None) => view! {
            {t.from}
            <time datetime=start.to_rfc3339()>{lang.event_time(start)}</time>
        }
        .into_any(),
        _ => lang.words().untimed.into_any(),
    }
}

/// « Annulé », "Cancelled" after a cancelled item's title, in words (never a colour alone): put
/// inside the item's link, it is part of the link's name, so a screen reader says it too.
pub fn status_badge(status: ItemStatus, lang: Lang, class: &'static str) -> Option<impl IntoView> {
    status.label(lang).map(|label| {
        view! {
            " "
            <strong class=class>{label}</strong>
        }
    })
}
