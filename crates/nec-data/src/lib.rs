//! The native side of Numérique en Commun[s]: what the `nec-data` command writes and reads
//! besides the data files (JSON Schemas and derived files, spreadsheet and schedule imports, the
//! open web's files written at build time). Never in the browser. ARCHITECTURE.md has the map.

pub mod export;
pub mod import;
pub mod site;

// nec-core's modules, under the names this crate's code and its tests use.
pub use nec_core::{
    agenda, chosen, describe, diff, filters, format, history, ics, load, locale, model, phase, publications, rgaa, routes, texts, tz,
    validate, widget_options,
};
