//! The partner widget's entry point, a wasm of its own (scripts/build-widget.mjs builds it, and
//! `widget.js` loads it): offers `NecWidget.mount` to the loader.
//! The host page is not ours: a panic (which aborts at once, see .cargo/config.toml) only shows
//! in its console, as the `WebAssembly.RuntimeError` it becomes.

fn main() {
    nec_widget::start();
}
