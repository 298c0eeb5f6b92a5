//! The partner widget's entry point, a wasm of its own (scripts/build-widget.mjs builds it, and
//! `widget.js` loads it): offers `NecWidget.mount` to the loader. Natively there is nothing to run.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        // The host page is not ours: a panic is logged, never written into the host's page.
        std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&format!("NecWidget : {info}").into())));
        nec_web::widget::start();
    }
}
