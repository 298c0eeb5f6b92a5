//! The data the site shows, as typed Rust: one struct per JSON file in `public/data/`.
//!
//! No web dependency here: this module, `validate` and `load` compile and test natively.
//! Every fact keeps the seed text it comes from (`sources`), so a reader can check it.
//!
//! One file per concept: texts and sources, editions, charter, programme, catalogue, dates and
//! times, budgets. Everything is re-exported here, so `crate::model::X` names every type.

mod budgets;
mod catalogue;
mod charter;
pub mod dates;
mod editions;
mod programme;
mod publications;
mod text;

pub use budgets::*;
pub use catalogue::*;
pub use charter::*;
pub use editions::*;
pub use programme::*;
pub use publications::*;
pub use text::*;
