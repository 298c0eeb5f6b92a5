//! Numérique en Commun[s]: the public web front end.
//!
//! `model`, `validate` and `load` have no web dependency; the rest only exists in the
//! browser build. See ARCHITECTURE.md for the map.

pub mod load;
pub mod model;
pub mod validate;
