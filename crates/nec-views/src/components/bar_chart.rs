use leptos::prelude::*;

use super::current_lang;
use crate::format::fixed;
use crate::history::Series;
use crate::locale::Lang;

const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 220.0;
const TOP: f64 = 28.0;
const BOTTOM: f64 = 30.0;
const SIDE: f64 = 6.0;

/// A bar chart of one series, drawn as inline SVG (`role="img"`), named by `label` and described
/// by the visible trend sentence `description_id` points to. The numbers are also written on
/// the bars, and a table elsewhere on the page holds them all: colour carries no meaning here.
#[component]
pub fn BarChart(series: Series, label: String, description_id: String) -> impl IntoView {
    let lang = current_lang();
    // « n.c. », non communiqué; "n/a", not available.
    let missing = match lang {
        Lang::Fr => "n.c.",
        Lang::En => "n/a",
    };
    let max = series.max().max(1) as f64;
    let band = (WIDTH - 2.0 * SIDE) / series.points.len().max(1) as f64;
    let plot = HEIGHT - TOP - BOTTOM;
    let bars = series
        .points
        .iter()
        .enumerate()
        .map(|(i, (year, value))| {
            let centre = SIDE + band * (i as f64 + 0.5);
            let bar_width = band * 0.62;
            let base = HEIGHT - BOTTOM;
            let (bar, caption_y, caption) = match value {
                Some(v) => {
                    let height = (*v as f64 / max * plot).max(2.0);
                    let rect = view! {
                        <rect
                            class="chart__bar"
                            x=fixed(centre - bar_width / 2.0, 1)
                            y=fixed(base - height, 1)
                            width=fixed(bar_width, 1)
                            height=fixed(height, 1)
                            rx="2"
                        />
                    };
                    (Some(rect), base - height - 8.0, series.amount(lang, *year, *v))
                }
                None => (None, base - 8.0, missing.to_owned()),
            };
            view! {
                <g>
                    {bar} <text class="chart__value" x=fixed(centre, 1) y=fixed(caption_y, 1) text-anchor="middle">
                        {caption}
                    </text> <text class="chart__year" x=fixed(centre, 1) y=fixed(HEIGHT - 8.0, 1) text-anchor="middle">
                        {year.to_string()}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="chart"
            role="img"
            aria-label=label
            aria-describedby=description_id
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            focusable="false"
        >
            <line
                class="chart__axis"
                x1=SIDE.to_string()
                x2=(WIDTH - SIDE).to_string()
                y1=(HEIGHT - BOTTOM).to_string()
                y2=(HEIGHT - BOTTOM).to_string()
            />
            {bars}
        </svg>
    }
}
