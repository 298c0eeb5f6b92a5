//! The browser entry point: installs the panic report, then mounts the app. Natively there is
//! nothing to run here; the native command is `nec-data`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        std::panic::set_hook(Box::new(report_panic));
        leptos::mount::mount_to_body(nec_web::App);
    }
}

/// A panic aborts the app (`panic = "abort"`): log it, and tell the visitor in an alert rather
/// than leave a frozen page.
#[cfg(target_arch = "wasm32")]
fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
    web_sys::console::error_1(&format!("panic: {info}").into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let (Some(body), Ok(alert)) = (document.body(), document.create_element("div")) else { return };
    alert.set_class_name("alert alert--fatal");
    let _ = alert.set_attribute("role", "alert");
    alert.set_text_content(Some(
        "Une erreur est survenue : cette page ne répond plus. Rechargez-la pour continuer ; vos choix de « Mon programme » sont conservés.",
    ));
    let _ = body.prepend_with_node_1(&alert);
}
