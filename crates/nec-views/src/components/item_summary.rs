use std::sync::Arc;

use leptos::prelude::*;

use super::{current_lang, pieces_view, status_badge, text_view, AgendaToggle, VisuallyHidden, When};
use crate::chosen::Chosen;
use crate::describe::{item_facts, when_words};
use crate::format::capitalised;
use crate::model::{Item, Programme};

/// One item of a list, on /programme and in Mon programme: its heading links to its page, then
/// when, its facts and the agenda toggle. The heading is an `h3` under a day's `h2`, or an `h2`
/// where no day heading is above it (then the day is written before the time too).
#[component]
pub fn ItemSummary(
    item: Item,
    programme: Arc<Programme>,
    /// The item's page (`/programme/<id>`, in French).
    page: String,
    /// What the list keeps in the page's address, its filters (`jour=…`), if any.
    query: Option<Memo<String>>,
    /// Under a day heading: `h3`, the day left out; else `h2`, the day written.
    under_day: bool,
) -> impl IntoView {
    let lang = current_lang();
    let href = move || {
        let query = query.map(|q| q.get()).unwrap_or_default();
        lang.path(&if query.is_empty() { page.clone() } else { format!("{page}?{query}") })
    };
    let facts = pieces_view(item_facts(&programme, &item, lang), lang);
    let (words, title) = (when_words(&item, lang), text_view(&item.title, lang));
    // A plain link: the router still handles it, without the cost of `<A>` per item.
    let link = view! {
        <a href=href>
            <VisuallyHidden>{words}</VisuallyHidden>
            {title}
            {status_badge(item.status, lang, "status-badge")}
        </a>
    };
    let heading = if under_day { view! { <h3>{link}</h3> }.into_any() } else { view! { <h2 class="item__title">{link}</h2> }.into_any() };
    let day = (!under_day).then(|| item.day.map(|d| capitalised(&lang.long_date(d)) + ", ")).flatten();
    view! {
        <li class="item">
            {heading} <p class="item__when" aria-hidden="true">
                {day}
                <When item=item.clone() />
            </p> <p class="item__facts">{facts}</p>
            <AgendaToggle choice=Chosen::of(&programme, &item) title=item.title.clone() namesake_day=programme.namesake_day(&item) />
        </li>
    }
}
