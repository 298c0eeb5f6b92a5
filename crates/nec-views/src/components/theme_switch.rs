use leptos::prelude::*;

use super::{as_written, use_lang};
use crate::storage::use_theme;

crate::texts! {
    theme: "Thème", "Theme";
    automatic: "Automatique", "Automatic";
    light: "Clair", "Light";
    dark: "Sombre", "Dark";
}

/// The colour theme switch: a native `<select>` with its `<label>` (HTML form control, RGAA 11.1).
/// "Automatique" follows `prefers-color-scheme`; a choice is kept on the device.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let theme = use_theme().0;
    let lang = use_lang();
    view! {
        <div class="theme-switch">
            <label for="theme">{move || texts(lang.get()).theme}</label>
            <select id="theme" on:change=move |ev| theme.set(event_target_value(&ev))>
                {move || {
                    let t = texts(lang.get());
                    [("", t.automatic), ("light", t.light), ("dark", t.dark)]
                        .into_iter()
                        .map(|(value, label)| {
                            view! {
                                <option
                                    value=value
                                    selected=as_written(move || theme.get() == value)
                                    prop:selected=move || theme.get() == value
                                >
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
