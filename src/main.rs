//! The browser entry point: installs the panic report, then mounts the app (over the prerendered
//! page when there is one, `takeover`). Natively there is
//! nothing to run here; the native command is `nec-data`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        std::panic::set_hook(Box::new(report_panic));
        nec_web::takeover::start();
    }
}

/// A panic aborts the app (`panic = "abort"`): log it, and tell the visitor in an alert rather
/// than leave a frozen page. The alert takes the focus; its reload link is a plain link the
/// router lets through (`rel="external"`), since the app can no longer run any code.
#[cfg(target_arch = "wasm32")]
fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
    use wasm_bindgen::JsCast;

    web_sys::console::error_1(&format!("panic: {info}").into());
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let (Some(body), Ok(alert), Ok(text), Ok(reload)) =
        (document.body(), document.create_element("div"), document.create_element("p"), document.create_element("a"))
    else {
        return;
    };
    alert.set_class_name("alert alert--fatal");
    let _ = alert.set_attribute("role", "alert");
    let _ = alert.set_attribute("tabindex", "-1");
    text.set_text_content(Some(
        "Une erreur est survenue : cette page ne répond plus. Rechargez-la pour continuer ; vos choix de « Mon programme » sont conservés.",
    ));
    // Without the fragment, so that following the link loads the page again rather than scrolling.
    let here = window.location().href().unwrap_or_default();
    let _ = reload.set_attribute("href", here.split('#').next().unwrap_or("/"));
    let _ = reload.set_attribute("rel", "external");
    reload.set_text_content(Some("Recharger la page"));
    let _ = alert.append_with_node_2(&text, &reload);
    let _ = body.prepend_with_node_1(&alert);
    if let Ok(alert) = alert.dyn_into::<web_sys::HtmlElement>() {
        let _ = alert.focus();
    }
}
