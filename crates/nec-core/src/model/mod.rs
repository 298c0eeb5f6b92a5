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

/// Reads any value in its place and keeps the default: the widget's own build (Cargo feature
/// `widget-only`) skips the parts of a file it never shows, such as a programme's sources,
/// registration, meals and partners, and so carries no code to decode them (−6 KiB brotli).
/// The field is still known, so a file with it is not refused as having an unknown field.
#[cfg(feature = "widget-only")]
pub(crate) fn skipped<'de, D: serde::Deserializer<'de>, T: Default>(deserializer: D) -> Result<T, D::Error> {
    serde::Deserialize::deserialize(deserializer).map(|serde::de::IgnoredAny| T::default())
}

/// Run by scripts/test.sh: `cargo test --features widget-only --lib widget_only`.
#[cfg(all(test, feature = "widget-only"))]
mod widget_only {
    use crate::load::{parse, DataError};
    use crate::model::Programme;

    const SHIPPED: &str = include_str!("../../../../public/data/programme-2023.json");

    #[test]
    fn widget_only_reads_what_the_widget_shows_and_still_refuses_bad_data() {
        let programme: Programme = parse(SHIPPED).expect("the shipped programme, as the widget reads it");
        assert!(programme.sources.is_empty() && programme.meals.is_empty() && programme.registration.links.is_empty());
        assert!(programme.partners.organisers.is_empty());
        assert!(programme.items.iter().all(|i| i.sources.is_empty() && i.links.is_empty()) && programme.venue.transport.is_empty());
        assert!(!programme.items.is_empty() && !programme.themes.is_empty() && !programme.venue.name.is_empty());

        let mut value: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
        value["unexpected"] = serde_json::json!(1);
        assert!(matches!(parse::<Programme>(&value.to_string()), Err(DataError::Unreadable(_))), "an unknown field is still refused");
        let mut value: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
        value["items"][0]["theme"] = serde_json::json!("inconnue");
        let Err(DataError::Invalid(problems)) = parse::<Programme>(&value.to_string()) else { panic!("an unknown theme is still refused") };
        assert_eq!(problems[0].path, "$.items[0].theme");
    }
}
