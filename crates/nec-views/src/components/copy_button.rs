use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use super::current_lang;
use crate::components::announcer::use_announcer;

crate::texts! {
    copied: "Lien copié.", "Link copied.";
    failed: "La copie a échoué : sélectionnez le lien et copiez-le.", "Copying failed: select the link and copy it.";
}

/// Copies a text (e.g. a share link) to the clipboard and announces the result: a native
/// `<button>` (WAI-ARIA button pattern) and the live-region announcer.
#[component]
pub fn CopyButton(
    /// The visible label, e.g. "Copier le lien".
    label: &'static str,
    #[prop(into)] text: Signal<String>,
    /// What is said once copied (a link, in the page's language, unless said).
    #[prop(default = FR.copied)]
    copied: &'static str,
    /// What is said when the copy failed: how to copy by hand.
    #[prop(default = FR.failed)]
    failed: &'static str,
) -> impl IntoView {
    // The defaults are the French table's: in English, their English.
    let t = texts(current_lang());
    let copied = if copied == FR.copied { t.copied } else { copied };
    let failed = if failed == FR.failed { t.failed } else { failed };
    let announcer = use_announcer();
    // Shown beside the button for sighted visitors; screen readers hear it from the announcer.
    let feedback = RwSignal::new("");
    let copy = move |_| {
        let value = text.get_untracked();
        spawn_local(async move {
            let clipboard = window().navigator().clipboard();
            let done = JsFuture::from(clipboard.write_text(&value)).await.is_ok();
            let message = if done { copied } else { failed };
            feedback.set(message);
            if done {
                announcer.say(message);
            } else {
                announcer.say_urgently(message);
            }
        });
    };
    view! {
        <button type="button" class="button button--secondary" on:click=copy>
            {label}
        </button>
        // Only once there is something to say: an idle page carries no empty element.
        {move || {
            (!feedback.get().is_empty())
                .then(|| {
                    view! {
                        <span class="copy-feedback" aria-hidden="true">
                            {feedback.get()}
                        </span>
                    }
                })
        }}
    }
}
