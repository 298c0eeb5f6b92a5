//! The personal agenda kept in localStorage, and what happens when the browser refuses it.

use leptos::prelude::*;

use crate::agenda::{parse_stored, storage_key, stored_year, to_stored, STORAGE_PREFIX};
use crate::chosen::Chosen;

/// Whether the selection is being kept on the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageStatus {
    Saved,
    /// localStorage is disabled, throws, or is full: the selection lasts until the page closes.
    Unavailable,
    /// What was stored could not be read; it was set aside and the selection starts empty.
    WasCorrupt,
}

/// The visitor's selection of items of one edition, shared by every page: the edition of the
/// programme last shown (`open`), whose key it is kept under.
#[derive(Clone, Copy)]
pub struct AgendaStore {
    /// Each choice with what it was when chosen (`crate::chosen`).
    pub chosen: RwSignal<Vec<Chosen>>,
    /// The chosen ids, in the order chosen.
    pub ids: Memo<Vec<String>>,
    pub status: RwSignal<StorageStatus>,
    /// The selection a shared one replaced, until the next change: replacing can be undone (RGAA 11.12).
    pub replaced: RwSignal<Option<Vec<Chosen>>>,
    /// The edition whose selection this is; `None` until a programme is shown.
    pub year: RwSignal<Option<i32>>,
}

/// The device's storage; none when the pages are rendered natively (`ssr`), where a page shows
/// what a first visit shows.
pub fn local_storage() -> Option<web_sys::Storage> {
    if cfg!(feature = "ssr") {
        return None;
    }
    window().local_storage().ok().flatten()
}

/// An edition's stored selection, and whether it could be read.
fn read(year: i32) -> (Vec<Chosen>, StorageStatus) {
    if cfg!(feature = "ssr") {
        return (Vec::new(), StorageStatus::Saved);
    }
    match local_storage() {
        None => (Vec::new(), StorageStatus::Unavailable),
        Some(storage) => match storage.get_item(&storage_key(year)) {
            Err(_) => (Vec::new(), StorageStatus::Unavailable),
            Ok(None) => (Vec::new(), StorageStatus::Saved),
            Ok(Some(text)) => match parse_stored(&text) {
                Some(ids) => (ids, StorageStatus::Saved),
                None => (Vec::new(), StorageStatus::WasCorrupt),
            },
        },
    }
}

/// The other editions whose selection is kept on this device, with how many items each holds,
/// by year: after a new edition becomes current, the former one's choices are not lost from view.
pub fn other_selections(current: i32) -> Vec<(i32, usize)> {
    let Some(storage) = local_storage() else { return Vec::new() };
    let keys = (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten());
    let mut found: Vec<(i32, usize)> = keys
        .filter_map(|key| stored_year(&key).filter(|year| *year != current))
        .filter_map(|year| Some((year, read(year).0.len())).filter(|(_, n)| *n > 0))
        .collect();
    found.sort_unstable();
    found
}

impl AgendaStore {
    fn new() -> Self {
        let chosen = RwSignal::new(Vec::<Chosen>::new());
        let ids = Memo::new(move |_| chosen.with(|chosen| chosen.iter().map(|c| c.id.clone()).collect()));
        AgendaStore { chosen, ids, status: RwSignal::new(StorageStatus::Saved), replaced: RwSignal::new(None), year: RwSignal::new(None) }
    }

    /// Makes this the selection of `year`'s edition, read from the device if it is another one.
    pub fn open(&self, year: i32) {
        if self.year.get_untracked() == Some(year) {
            return;
        }
        self.year.set(Some(year));
        self.reread(year);
    }

    /// Reads `year`'s selection from the device again.
    fn reread(&self, year: i32) {
        let (chosen, status) = read(year);
        self.replaced.set(None);
        self.chosen.set(chosen);
        self.status.set(status);
    }

    /// Replaces the selection and tries to keep it.
    pub fn set(&self, chosen: Vec<Chosen>) {
        self.replaced.set(None);
        self.save(chosen);
    }

    /// Stores the selection, leaving an undo of a replacement as it is.
    fn save(&self, chosen: Vec<Chosen>) {
        let text = to_stored(&chosen);
        self.chosen.set(chosen);
        let Some(year) = self.year.get_untracked() else { return };
        let saved = local_storage().is_some_and(|s| s.set_item(&storage_key(year), &text).is_ok());
        self.status.set(if saved { StorageStatus::Saved } else { StorageStatus::Unavailable });
    }

    /// Fills in what each choice was, where it is not known yet (the former format, a share
    /// link), from the programme shown: stored only if something was filled.
    pub fn fill(&self, programme: &crate::model::Programme) {
        let mut chosen = self.chosen.get_untracked();
        if crate::chosen::fill(programme, &mut chosen) {
            self.save(chosen);
        }
    }

    /// Changes one choice (kept as it is now, see `chosen::keep`).
    pub fn update(&self, id: &str, change: impl FnOnce(&mut Chosen)) {
        let mut chosen = self.chosen.get_untracked();
        if let Some(choice) = chosen.iter_mut().find(|c| c.id == id) {
            change(choice);
            self.set(chosen);
        }
    }

    /// Replaces the selection by another one, keeping the old one for [`AgendaStore::undo_replace`].
    pub fn replace(&self, chosen: Vec<Chosen>) {
        let old = self.chosen.get_untracked();
        self.set(chosen);
        self.replaced.set(Some(old));
    }

    /// Brings back the selection the last [`AgendaStore::replace`] replaced.
    pub fn undo_replace(&self) {
        if let Some(old) = self.replaced.get_untracked() {
            self.set(old);
        }
    }

    /// Empties the selection and removes every edition's from the device; returns them as they
    /// were stored, (key, text), for [`Self::bring_back`].
    pub fn forget(&self) -> Vec<(String, String)> {
        self.replaced.set(None);
        self.chosen.set(Vec::new());
        let removed = local_storage().and_then(|s| remove_every_edition(&s).ok());
        self.status.set(if removed.is_some() { StorageStatus::Saved } else { StorageStatus::Unavailable });
        removed.unwrap_or_default()
    }

    /// Stores again, word for word, what [`Self::forget`] removed, and reads the open edition's
    /// selection from it: an edition with none kept gets no key.
    pub fn bring_back(&self, stored: &[(String, String)]) {
        if let Some(storage) = local_storage() {
            for (key, text) in stored {
                let _ = storage.set_item(key, text);
            }
        }
        if let Some(year) = self.year.get_untracked() {
            self.reread(year);
        }
    }

    /// Adds or removes one item; returns whether it is now in the selection. `choice` is the
    /// item as the page shows it (`Chosen::of`), kept with it.
    pub fn toggle(&self, choice: Chosen) -> bool {
        let mut chosen = self.chosen.get_untracked();
        let added = match chosen.iter().position(|c| c.id == choice.id) {
            Some(i) => {
                chosen.remove(i);
                false
            }
            None => {
                chosen.push(choice);
                true
            }
        };
        self.set(chosen);
        added
    }
}

/// Removes every edition's selection; returns them as they were stored, (key, text).
fn remove_every_edition(storage: &web_sys::Storage) -> Result<Vec<(String, String)>, wasm_bindgen::JsValue> {
    let count = storage.length()?;
    let keys: Vec<String> = (0..count).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| k.starts_with(STORAGE_PREFIX)).collect();
    let stored = keys.iter().filter_map(|key| Some((key.clone(), storage.get_item(key).ok()??))).collect();
    keys.iter().try_for_each(|key| storage.remove_item(key))?;
    Ok(stored)
}

/// Creates the agenda once, at the root of the app: its signals must outlive every page.
pub fn provide_agenda() {
    provide_context(AgendaStore::new());
}

/// The app's agenda (see [`provide_agenda`]).
pub fn use_agenda() -> AgendaStore {
    use_context::<AgendaStore>().unwrap_or_else(AgendaStore::new)
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
