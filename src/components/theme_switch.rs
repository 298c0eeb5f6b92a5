use leptos::prelude::*;

use crate::storage::use_theme;

/// The colour theme switch: a native `<select>` with its `<label>` (HTML form control, RGAA 11.1).
/// "Automatique" follows `prefers-color-scheme`; a choice is kept on the device.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let theme = use_theme().0;
    view! {
        <div class="theme-switch">
            <label for="theme">"Thème"</label>
            <select id="theme" on:change=move |ev| theme.set(event_target_value(&ev))>
                {[("", "Automatique"), ("light", "Clair"), ("dark", "Sombre")].into_iter().map(|(value, label)| view! {
                    <option value=value prop:selected=move || theme.get() == value>{label}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
