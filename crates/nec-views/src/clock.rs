//! The current time, injectable: tests set `window.NEC_NOW` to an RFC 3339 string.

use chrono::{DateTime, FixedOffset, Utc};
use leptos::prelude::window;
use web_sys::js_sys::{Date, Reflect};

/// The current time in UTC, for calendar stamps; the Unix epoch if the clock is unreadable.
pub fn now_utc() -> DateTime<Utc> {
    now().map(|n| n.with_timezone(&Utc)).unwrap_or_default()
}

/// The current time: the browser's (or `window.NEC_NOW`), or the machine's when the pages are
/// rendered natively (`ssr`), as the build's Chromium read it.
pub fn now() -> Option<DateTime<FixedOffset>> {
    if cfg!(feature = "ssr") {
        let since_epoch = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?;
        return DateTime::from_timestamp(since_epoch.as_secs() as i64, since_epoch.subsec_nanos()).map(|t| t.fixed_offset());
    }
    let injected = Reflect::get(&window(), &"NEC_NOW".into()).ok().and_then(|v| v.as_string());
    let text = injected.unwrap_or_else(|| String::from(Date::new_0().to_iso_string()));
    DateTime::parse_from_rfc3339(&text).ok()
}

/// Where `programme`'s edition stands now; to come if the clock is unreadable.
pub fn phase(programme: &crate::model::Programme) -> crate::phase::Phase {
    now().map_or(crate::phase::Phase::Before, |now| crate::phase::Phase::at(programme, now))
}
