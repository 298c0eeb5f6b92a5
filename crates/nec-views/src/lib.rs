//! Numérique en Commun[s]: what the site and the partner widget share in the browser. The
//! accessible components, the data files' loading, the stores kept in the browser (agenda, theme,
//! language), and the takeover of a prerendered page by the app. ARCHITECTURE.md has the map.

// nec-core's modules, under the names the browser code uses (`crate::model`, `crate::texts!`).
pub use nec_core::{
    agenda, chosen, describe, diff, filters, format, history, ics, load, locale, model, phase, publications, rgaa, routes, texts,
    typeset_html, tz, validate, widget_options,
};

pub mod clock;
pub mod components;
pub mod data;
pub mod storage;
pub mod takeover;
pub mod typeset;
