use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;

use crate::locale::Lang;

/// Says that a view shows the service worker's offline copy of its data, not the server's
/// current file: « Données hors ligne du 1er décembre 2026 à 19 h 05 ». A `role="status"`
/// paragraph (WAI-ARIA status), so a screen reader announces it politely when it appears.
/// `time`: when the copy was made; `None` if the worker's time could not be read. A plain
/// function returning `AnyView`, so the generic `DataView` does not copy it per data type.
pub fn offline_notice(time: Option<DateTime<FixedOffset>>, lang: Lang) -> AnyView {
    let (heading, rest) = match (lang, time) {
        (Lang::Fr, Some(time)) => (format!("Données hors ligne du {}", crate::format::date_time(time)), FR_REST),
        (Lang::Fr, None) => ("Données hors ligne".to_owned(), FR_REST),
        (Lang::En, Some(time)) => (format!("Offline data from {}", lang.date_time(time)), EN_REST),
        (Lang::En, None) => ("Offline data".to_owned(), EN_REST),
    };
    view! {
        <p class="notice notice--offline" role="status">
            <strong>{heading}</strong>
            {rest}
        </p>
    }
    .into_any()
}

const FR_REST: &str =
    " : le serveur n’a pas pu être joint, cette page montre la copie gardée sur cet appareil lors d’une visite précédente.";
const EN_REST: &str = ": the server could not be reached; this page shows the copy kept on this device during an earlier visit.";
