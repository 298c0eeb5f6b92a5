/// A control's state as an attribute (`checked`, `selected`, `value`) for the page written at
/// build time (`ssr`), which has no properties; nothing in the browser, where the `prop:` beside
/// it keeps the state, so the wasm carries no second binding.
#[cfg(feature = "ssr")]
pub fn as_written<T>(state: T) -> T {
    state
}

/// In the browser, the `prop:` beside it keeps the state (see the `ssr` version).
#[cfg(not(feature = "ssr"))]
pub fn as_written<T>(_state: T) {}
