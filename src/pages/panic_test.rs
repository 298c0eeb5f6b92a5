use leptos::prelude::*;
use web_sys::js_sys::Reflect;

use crate::pages::NotFoundPage;

/// `/test/panique`: panics on purpose when a test has set `window.NEC_TEST_PANIC = true`, to
/// check the panic alert on the release build; for anyone else, the "page not found" page.
#[component]
pub fn PanicTestPage() -> impl IntoView {
    let armed = Reflect::get(&window(), &"NEC_TEST_PANIC".into()).ok().and_then(|v| v.as_bool()) == Some(true);
    if armed {
        panic!("panne volontaire demandée par un test (window.NEC_TEST_PANIC)");
    }
    NotFoundPage()
}
