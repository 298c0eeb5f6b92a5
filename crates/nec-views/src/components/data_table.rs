use leptos::prelude::*;

/// A data table (HTML `<table>`: a `<caption>`, column headers with `scope="col"`, rows that
/// start with a [`RowHeader`]; RGAA 5.4 to 5.7). It sits in a focusable region named by its
/// caption: a wide table may scroll sideways on a narrow screen (the WCAG 1.4.10 exception
/// for tables), and keyboard users can scroll it. Its columns are as wide as `class` says in
/// style/main.css, whatever the rows hold, so a page painted before its last rows have arrived
/// does not move when they come.
#[component]
pub fn DataTable(
    /// The id of the caption, which names the scrolling region.
    caption_id: &'static str,
    /// The table's class, which sets its columns' widths.
    class: &'static str,
    #[prop(into)] caption: String,
    columns: Vec<String>,
    /// The body rows: `<tr>` elements, each starting with a [`RowHeader`].
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-wrap" role="region" aria-labelledby=caption_id tabindex="0">
            <table class=class>
                <caption id=caption_id>{caption}</caption>
                <thead>
                    <tr>{columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

/// The header cell of a table row (`<th scope="row">`).
#[component]
pub fn RowHeader(children: Children) -> impl IntoView {
    view! { <th scope="row">{children()}</th> }
}
