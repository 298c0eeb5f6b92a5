//! The browser entry point: mounts the app (over the prerendered page when there is one,
//! `takeover`). Natively there is nothing to run here; the native command is `nec-data`.
//!
//! No panic hook: the wasm is built with `-Cpanic=immediate-abort` (.cargo/config.toml), so a
//! panic stops it at once and reaches JavaScript as a `WebAssembly.RuntimeError`, which the boot
//! module (scripts/shipped/boot.js) turns into a focused « Une erreur est survenue » alert.

fn main() {
    #[cfg(target_arch = "wasm32")]
    nec_web::takeover::start(nec_web::App);
}
