use leptos::prelude::*;

/// Says short messages to screen readers through two live regions (WAI-ARIA live region
/// pattern): polite for confirmations ("3 éléments correspondent", "ajouté à mon programme",
/// "lien copié"), assertive for failures the visitor must hear at once ("la copie a échoué").
#[derive(Clone, Copy)]
pub struct Announcer {
    polite: RwSignal<String>,
    assertive: RwSignal<String>,
}

/// Empties `region`, then writes `message`: a repeated message is still a change, so it is read again.
fn speak(region: RwSignal<String>, message: String) {
    region.set(String::new());
    set_timeout(move || region.set(message), std::time::Duration::from_millis(60));
}

impl Announcer {
    fn new() -> Self {
        Announcer { polite: RwSignal::new(String::new()), assertive: RwSignal::new(String::new()) }
    }

    /// Announces `message` when the screen reader is idle.
    pub fn say(&self, message: impl Into<String>) {
        speak(self.polite, message.into());
    }

    /// Announces `message` at once, interrupting: for failures only.
    pub fn say_urgently(&self, message: impl Into<String>) {
        speak(self.assertive, message.into());
    }
}

/// Creates the announcer at the root of the app, so it outlives every page.
pub fn provide_announcer() {
    provide_context(Announcer::new());
}

/// The announcer of the app (see [`provide_announcer`]).
pub fn use_announcer() -> Announcer {
    use_context::<Announcer>().unwrap_or_else(Announcer::new)
}

/// The two visually hidden live regions; rendered once, in `App`, and present from the first
/// render (a region added at the same time as its text is not read).
#[component]
pub fn LiveRegion() -> impl IntoView {
    let announcer = use_announcer();
    view! {
        <div class="visually-hidden" aria-live="polite" aria-atomic="true" id="annonces">{move || announcer.polite.get()}</div>
        <div class="visually-hidden" aria-live="assertive" aria-atomic="true" id="annonces-urgentes">{move || announcer.assertive.get()}</div>
    }
}
