use leptos::prelude::*;

/// Says short messages to screen readers through one polite live region (WAI-ARIA live region
/// pattern): "3 éléments affichés", "ajouté à mon programme", "lien copié".
#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    /// Announces `message`, even when it repeats the previous one.
    pub fn say(&self, message: impl Into<String>) {
        let text = self.0;
        let message = message.into();
        // Emptying the region first makes a repeated message a change that is read again.
        text.set(String::new());
        set_timeout(move || text.set(message), std::time::Duration::from_millis(60));
    }
}

/// Creates the announcer at the root of the app, so it outlives every page.
pub fn provide_announcer() {
    provide_context(Announcer(RwSignal::new(String::new())));
}

/// The announcer of the app (see [`provide_announcer`]).
pub fn use_announcer() -> Announcer {
    use_context::<Announcer>().unwrap_or_else(|| Announcer(RwSignal::new(String::new())))
}

/// The visually hidden polite live region; rendered once, in `App`.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let announcer = use_announcer();
    view! { <div class="visually-hidden" aria-live="polite" aria-atomic="true" id="annonces">{move || announcer.0.get()}</div> }
}
