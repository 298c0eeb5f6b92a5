//! The personal agenda kept in localStorage, and what happens when the browser refuses it.

use leptos::prelude::*;

use crate::agenda::{parse_stored, to_stored, STORAGE_KEY};

/// Whether the selection is being kept on the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageStatus {
    Saved,
    /// localStorage is disabled, throws, or is full: the selection lasts until the page closes.
    Unavailable,
    /// What was stored could not be read; it was set aside and the selection starts empty.
    WasCorrupt,
}

/// The visitor's selection of items, shared by every page.
#[derive(Clone, Copy)]
pub struct AgendaStore {
    pub ids: RwSignal<Vec<String>>,
    pub status: RwSignal<StorageStatus>,
    /// The selection a shared one replaced, until the next change: replacing can be undone (RGAA 11.12).
    pub replaced: RwSignal<Option<Vec<String>>>,
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

impl AgendaStore {
    fn load() -> Self {
        let (ids, status) = match local_storage() {
            None => (Vec::new(), StorageStatus::Unavailable),
            Some(storage) => match storage.get_item(STORAGE_KEY) {
                Err(_) => (Vec::new(), StorageStatus::Unavailable),
                Ok(None) => (Vec::new(), StorageStatus::Saved),
                Ok(Some(text)) => match parse_stored(&text) {
                    Some(ids) => (ids, StorageStatus::Saved),
                    None => (Vec::new(), StorageStatus::WasCorrupt),
                },
            },
        };
        AgendaStore { ids: RwSignal::new(ids), status: RwSignal::new(status), replaced: RwSignal::new(None) }
    }

    /// Replaces the selection and tries to keep it.
    pub fn set(&self, ids: Vec<String>) {
        self.replaced.set(None);
        let text = to_stored(&ids);
        self.ids.set(ids);
        let saved = local_storage().is_some_and(|s| s.set_item(STORAGE_KEY, &text).is_ok());
        self.status.set(if saved { StorageStatus::Saved } else { StorageStatus::Unavailable });
    }

    /// Replaces the selection by another one, keeping the old one for [`AgendaStore::undo_replace`].
    pub fn replace(&self, ids: Vec<String>) {
        let old = self.ids.get_untracked();
        self.set(ids);
        self.replaced.set(Some(old));
    }

    /// Brings back the selection the last [`AgendaStore::replace`] replaced.
    pub fn undo_replace(&self) {
        if let Some(old) = self.replaced.get_untracked() {
            self.set(old);
        }
    }

    /// Empties the selection and removes it from the device.
    pub fn forget(&self) {
        self.replaced.set(None);
        self.ids.set(Vec::new());
        let removed = local_storage().is_some_and(|s| s.remove_item(STORAGE_KEY).is_ok());
        self.status.set(if removed { StorageStatus::Saved } else { StorageStatus::Unavailable });
    }

    /// Adds or removes one item; returns whether it is now in the selection.
    pub fn toggle(&self, id: &str) -> bool {
        let mut ids = self.ids.get_untracked();
        let added = match ids.iter().position(|i| i == id) {
            Some(i) => {
                ids.remove(i);
                false
            }
            None => {
                ids.push(id.to_owned());
                true
            }
        };
        self.set(ids);
        added
    }
}

/// Loads the agenda once, at the root of the app: its signals must outlive every page.
pub fn provide_agenda() {
    provide_context(AgendaStore::load());
}

/// The app's agenda (see [`provide_agenda`]).
pub fn use_agenda() -> AgendaStore {
    use_context::<AgendaStore>().unwrap_or_else(AgendaStore::load)
}

/// Where the visitor's colour theme is kept; `scripts/externalize-boot-script.mjs` reads it too.
pub const THEME_KEY: &str = "nec-theme";

/// The colour theme chosen with the switch: `"light"`, `"dark"`, or empty to follow the system.
#[derive(Clone, Copy)]
pub struct ThemeChoice(pub RwSignal<String>);

/// Loads the theme choice at the root of the app, keeps `data-theme` on `<html>` in step with it
/// (the CSS reads it), and keeps the choice on the device.
pub fn provide_theme() {
    let stored = local_storage().and_then(|s| s.get_item(THEME_KEY).ok().flatten()).filter(|t| matches!(t.as_str(), "light" | "dark"));
    let choice = RwSignal::new(stored.unwrap_or_default());
    Effect::new(move |previous: Option<()>| {
        let theme = choice.get();
        if let Some(root) = document().document_element() {
            let _ = if theme.is_empty() { root.remove_attribute("data-theme") } else { root.set_attribute("data-theme", &theme) };
        }
        // The first run only applies what was stored.
        if previous.is_some() {
            if let Some(storage) = local_storage() {
                let _ = if theme.is_empty() { storage.remove_item(THEME_KEY) } else { storage.set_item(THEME_KEY, &theme) };
            }
        }
    });
    provide_context(ThemeChoice(choice));
}

/// The language chosen with the header's switch (« English » / « Français »), only once a visitor
/// uses it: the boot script then opens `/` in that language on the next visit. Every other address
/// says its language itself (`/en/…`), so a link always opens in the language it was shared in.
pub const LANG_KEY: &str = "nec-langue";

/// Keeps the language chosen with the switch; a browser that refuses storage just does not remember.
pub fn remember_lang(lang: crate::locale::Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
}

/// The app's theme choice (see [`provide_theme`]).
pub fn use_theme() -> ThemeChoice {
    use_context::<ThemeChoice>().unwrap_or_else(|| ThemeChoice(RwSignal::new(String::new())))
}
