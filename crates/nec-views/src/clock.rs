//! The current time, injectable: tests set `window.NEC_NOW` to an RFC 3339 string.

use chrono::{DateTime, FixedOffset, Utc};
use leptos::prelude::window;
use web_sys::js_sys::{Date, Reflect};

/// The current time in UTC, for calendar stamps; the Unix epoch if the clock is unreadable.
pub fn now_utc() -> DateTime<Utc> {
    now().map(|n| n.with_timezone(&Utc)).unwrap_or_default()
}

pub fn now() -> Option<DateTime<FixedOffset>> {
    let injected = Reflect::get(&window(), &"NEC_NOW".into()).ok().and_then(|v| v.as_string());
    let text = injected.unwrap_or_else(|| String::from(Date::new_0().to_iso_string()));
    DateTime::parse_from_rfc3339(&text).ok()
}

/// Where `programme`'s edition stands now; to come if the clock is unreadable.
pub fn phase(programme: &crate::model::Programme) -> crate::phase::Phase {
    now().map_or(crate::phase::Phase::Before, |now| crate::phase::Phase::at(programme, now))
}
