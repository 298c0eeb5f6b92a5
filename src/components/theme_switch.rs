use leptos::prelude::*;

use crate::storage::{store_theme, stored_theme};

/// The colour theme switch: a native `<select>` with its `<label>` (HTML form control, RGAA 11.1).
/// "Automatique" follows `prefers-color-scheme`; a choice is kept on the device and applied as
/// `data-theme` on `<html>`, which the CSS reads.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let initial = stored_theme().unwrap_or_default();
    let theme = RwSignal::new(initial.clone());
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = match theme.get().as_str() {
                "" => root.remove_attribute("data-theme"),
                chosen => root.set_attribute("data-theme", chosen),
            };
        }
    });
    let choose = move |value: String| {
        store_theme(Some(value.as_str()).filter(|v| !v.is_empty()));
        theme.set(value);
    };
    view! {
        <div class="theme-switch">
            <label for="theme">"Thème"</label>
            <select id="theme" on:change=move |ev| choose(event_target_value(&ev))>
                {[("", "Automatique"), ("light", "Clair"), ("dark", "Sombre")].into_iter().map(|(value, label)| view! {
                    <option value=value selected=initial == value>{label}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
