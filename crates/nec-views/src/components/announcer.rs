use leptos::prelude::*;

use super::{current_lang, pieces_view, use_lang};
use crate::locale::{Lang, Pieces};

/// Says short messages to screen readers through two live regions (WAI-ARIA live region
/// pattern): polite for confirmations ("3 éléments correspondent", "ajouté à mon programme",
/// "lien copié"), assertive for failures the visitor must hear at once ("la copie a échoué").
/// A message is runs of text, each marked with its language where it is not the page's, so a
/// French title in an English sentence is read with a French voice (RGAA 8.7).
#[derive(Clone, Copy)]
pub struct Announcer {
    polite: RwSignal<Pieces>,
    assertive: RwSignal<Pieces>,
    /// The language of the page that asked for this announcer: its plain messages are in it.
    lang: Lang,
}

/// Empties `region`, then writes `message`: a repeated message is still a change, so it is read again.
fn speak(region: RwSignal<Pieces>, message: Pieces) {
    region.set(Pieces::default());
    set_timeout(move || region.set(message), std::time::Duration::from_millis(60));
}

impl Announcer {
    fn new() -> Self {
        Announcer { polite: RwSignal::new(Pieces::default()), assertive: RwSignal::new(Pieces::default()), lang: Lang::Fr }
    }

    /// Announces `message`, in the page's language, when the screen reader is idle.
    pub fn say(&self, message: impl Into<String>) {
        speak(self.polite, Pieces::of(message, self.lang));
    }

    /// Announces runs in several languages (a data title inside the interface's sentence).
    pub fn say_pieces(&self, message: Pieces) {
        speak(self.polite, message);
    }

    /// Announces `message` at once, interrupting: for failures only.
    pub fn say_urgently(&self, message: impl Into<String>) {
        speak(self.assertive, Pieces::of(message, self.lang));
    }
}

thread_local! {
    /// The announcer last provided, for the one caller outside any component: the takeover.
    static LATEST: std::cell::Cell<Option<Announcer>> = const { std::cell::Cell::new(None) };
}

/// Creates the announcer at the root of the app, so it outlives every page.
pub fn provide_announcer() {
    let announcer = Announcer::new();
    LATEST.set(Some(announcer));
    provide_context(announcer);
}

/// Announces `message`, in `lang`, from outside the components (crates/nec-views/src/takeover/).
pub fn announce(message: String, lang: Lang) {
    if let Some(announcer) = LATEST.get() {
        announcer.say_pieces(Pieces::of(message, lang));
    }
}

/// The announcer of the app (see [`provide_announcer`]), speaking the calling page's language.
pub fn use_announcer() -> Announcer {
    Announcer { lang: current_lang(), ..use_context::<Announcer>().unwrap_or_else(Announcer::new) }
}

/// The two visually hidden live regions; rendered once, in `App`, and present from the first
/// render (a region added at the same time as its text is not read).
#[component]
pub fn LiveRegion() -> impl IntoView {
    let announcer = use_announcer();
    let lang = use_lang();
    view! {
        <div class="visually-hidden" aria-live="polite" aria-atomic="true" id="annonces">
            {move || pieces_view(announcer.polite.get(), lang.get())}
        </div>
        <div class="visually-hidden" aria-live="assertive" aria-atomic="true" id="annonces-urgentes">
            {move || pieces_view(announcer.assertive.get(), lang.get())}
        </div>
    }
}
