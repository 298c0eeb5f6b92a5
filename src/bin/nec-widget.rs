//! The partner widget's entry point, a wasm of its own (scripts/build-widget.mjs builds it, and
//! `widget.js` loads it): offers `NecWidget.mount` to the loader. Natively there is nothing to run.
//! The host page is not ours: a panic (which aborts at once, see .cargo/config.toml) only shows
//! in its console, as the `WebAssembly.RuntimeError` it becomes.

fn main() {
    #[cfg(target_arch = "wasm32")]
    nec_web::widget::start();
}
