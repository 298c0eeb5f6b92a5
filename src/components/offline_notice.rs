use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;

use crate::format;

/// Says that a view shows the service worker's offline copy of its data, not the server's
/// current file: « Données hors ligne du 1er décembre 2026 à 19 h 05 ». A `role="status"`
/// paragraph (WAI-ARIA status), so a screen reader announces it politely when it appears.
/// `time`: when the copy was made; `None` if the worker's time could not be read. A plain
/// function returning `AnyView`, so the generic `DataView` does not copy it per data type.
pub fn offline_notice(time: Option<DateTime<FixedOffset>>) -> AnyView {
    let heading = match time {
        Some(time) => format!("Données hors ligne du {}", format::date_time(time)),
        None => "Données hors ligne".to_owned(),
    };
    view! {
        <p class="notice notice--offline" role="status">
            <strong>{heading}</strong>
            " : le serveur n’a pas pu être joint, cette page montre la copie gardée sur cet appareil lors d’une visite précédente."
        </p>
    }
    .into_any()
}
