//! Fetching the data files: one helper, a small in-memory cache, and errors in plain French.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use gloo_net::http::Request;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use web_sys::AbortController;

use crate::load::{parse, DataError, MAX_FILE_BYTES};
use crate::locale::Lang;
use crate::model::{Catalogue, Charter, EditionsFile, Programme};
use crate::validate::Validate;

/// A data file of fixed name, named by its type: `use_data::<Charter>()` cannot load another file.
/// Programme files are named by editions.json instead (`fetch_programme`).
pub trait DataFile: DeserializeOwned + Validate + Send + Sync + 'static {
    /// Its name in the data folder.
    const FILE: &'static str;
}

impl DataFile for Charter {
    const FILE: &'static str = "charter.json";
}

impl DataFile for EditionsFile {
    const FILE: &'static str = "editions.json";
}

impl DataFile for Catalogue {
    const FILE: &'static str = "catalogue.json";
}

/// Where the data files are served from, relative to the site root.
pub const DATA_BASE: &str = "/data/";

/// The site's address (`https://host`): the page's, or the build's (`NEC_SITE_ORIGIN`) when the
/// pages are rendered natively (`ssr`), as the build's Chromium saw them.
pub fn site_origin() -> String {
    #[cfg(feature = "ssr")]
    return render::ORIGIN.with_borrow(Clone::clone);
    #[cfg(not(feature = "ssr"))]
    window().location().origin().unwrap_or_default()
}

/// How long a request may take, body included, before it is abandoned.
const TIMEOUT: Duration = Duration::from_secs(15);

/// Why a view has no data to show.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// No answer: offline, DNS, CORS.
    Network,
    /// No complete answer within `TIMEOUT`.
    Timeout,
    /// The server answered with an error status.
    Status(u16),
    /// The file arrived but is not usable.
    Data(DataError),
    /// `editions.json` names no programme for this edition.
    NoProgramme,
}

impl LoadError {
    /// What a visitor reads, in French.
    pub fn message(&self, lang: Lang) -> String {
        let bytes = |n: usize| lang.bytes(n as u64);
        match (lang, self) {
            (Lang::Fr, LoadError::Network) => "Le serveur n’a pas pu être joint. Vérifiez votre connexion, puis réessayez.".into(),
            (Lang::Fr, LoadError::Timeout) => {
                format!("Le serveur ne répond pas (aucune réponse en {} secondes). Réessayez dans quelques instants.", TIMEOUT.as_secs())
            }
            (Lang::Fr, LoadError::Status(404)) => "Le fichier de données est introuvable (erreur 404).".into(),
            (Lang::Fr, LoadError::Status(code)) => format!("Le serveur a répondu par une erreur (code {code})."),
            (Lang::Fr, LoadError::Data(DataError::TooLarge(size))) => {
                format!("Le fichier de données est trop volumineux ({} ; maximum {}).", bytes(*size), bytes(MAX_FILE_BYTES))
            }
            (Lang::Fr, LoadError::Data(DataError::Html)) => "Le serveur a renvoyé une page web au lieu du fichier de données.".into(),
            (Lang::Fr, LoadError::Data(DataError::Unreadable(_))) => "Le fichier de données reçu est illisible.".into(),
            (Lang::Fr, LoadError::Data(DataError::Invalid(problems))) => match problems.len() {
                n @ (0 | 1) => format!("Le fichier de données contient {n} erreur."),
                n => format!("Le fichier de données contient {n} erreurs."),
            },
            (Lang::Fr, LoadError::NoProgramme) => "Aucun programme n’est publié pour cette édition.".into(),
            (Lang::En, LoadError::NoProgramme) => "No programme has been published for this edition.".into(),
            (Lang::En, LoadError::Network) => "The server could not be reached. Check your connection, then try again.".into(),
            (Lang::En, LoadError::Timeout) => {
                format!("The server is not responding (no answer within {} seconds). Try again in a few moments.", TIMEOUT.as_secs())
            }
            (Lang::En, LoadError::Status(404)) => "The data file cannot be found (error 404).".into(),
            (Lang::En, LoadError::Status(code)) => format!("The server answered with an error (code {code})."),
            (Lang::En, LoadError::Data(DataError::TooLarge(size))) => {
                format!("The data file is too large ({}; maximum {}).", bytes(*size), bytes(MAX_FILE_BYTES))
            }
            (Lang::En, LoadError::Data(DataError::Html)) => "The server sent a web page instead of the data file.".into(),
            (Lang::En, LoadError::Data(DataError::Unreadable(_))) => "The data file received cannot be read.".into(),
            (Lang::En, LoadError::Data(DataError::Invalid(problems))) => match problems.len() {
                1 => "The data file contains 1 error.".into(),
                n => format!("The data file contains {n} errors."),
            },
        }
    }
}

/// The header the service worker (scripts/service-worker.mjs) adds to a data file it serves from
/// its offline copy because the network failed: the RFC 3339 time the copy was made.
const OFFLINE_HEADER: &str = "X-NEC-Hors-Ligne";

/// A value shown from the offline copy, and when that copy was made (`None`: unreadable time).
type OfflineCopy = (Arc<dyn Any + Send + Sync>, Option<DateTime<FixedOffset>>);

thread_local! {
    /// Files already loaded and checked, by URL, so moving between pages does not fetch them again.
    static CACHE: RefCell<HashMap<String, Arc<dyn Any + Send + Sync>>> = RefCell::new(HashMap::new());
    /// The last offline copy of each file, by URL (a few at most): never in `CACHE`, so the next
    /// view asks the network again.
    static OFFLINE: RefCell<Vec<(String, OfflineCopy)>> = const { RefCell::new(Vec::new()) };
}

/// `Some(time of the copy)` when `value` came from the service worker's offline copy.
pub fn offline_copy<T: 'static>(value: &Arc<T>) -> Option<Option<DateTime<FixedOffset>>> {
    OFFLINE.with(|offline| {
        offline.borrow().iter().find(|(_, (copy, _))| std::ptr::addr_eq(Arc::as_ptr(copy), Arc::as_ptr(value))).map(|(_, (_, time))| *time)
    })
}

/// Loads, parses and validates one data file of the site, once per page load.
pub async fn fetch_data<T: DeserializeOwned + Validate + Send + Sync + 'static>(file: &'static str) -> Result<Arc<T>, LoadError> {
    fetch_data_from(DATA_BASE, file).await
}

/// Loads, parses and validates one data file from `base` (a URL or path ending with `/`): the
/// widget reads the data from wherever its partner says.
pub async fn fetch_data_from<T: DeserializeOwned + Validate + Send + Sync + 'static>(base: &str, file: &str) -> Result<Arc<T>, LoadError> {
    #[cfg(feature = "ssr")]
    if base == DATA_BASE {
        return render::read(file);
    }
    let url = format!("{base}{file}");
    let cached = CACHE.with(|cache| cache.borrow().get(&url).cloned());
    if let Some(value) = cached.and_then(|any| any.downcast::<T>().ok()) {
        return Ok(value);
    }
    let (text, offline) = fetch_text(&url).await?;
    let value = Arc::new(parse::<T>(&text).map_err(LoadError::Data)?);
    remember(url, value.clone(), offline);
    Ok(value)
}

/// Runs a view's task: spawned in the browser; rendered natively (`ssr`), polled once at once,
/// so the written page holds what the task finds there: the data files are read at once, and
/// what only a browser has (the device's storage, the offline copy) is absent.
pub fn spawn(task: impl std::future::Future<Output = ()> + 'static) {
    #[cfg(feature = "ssr")]
    let _ = render::at_once(task);
    #[cfg(not(feature = "ssr"))]
    leptos::task::spawn_local(task);
}

/// The text of a file, and the time of the offline copy it came from (`Some`: the service
/// worker's copy). Not generic, so that each data type adds only its parsing to the wasm.
pub async fn fetch_text(url: &str) -> Result<(String, Option<Option<DateTime<FixedOffset>>>), LoadError> {
    let deadline = Deadline::start();
    let signal = deadline.signal();
    let failed = |_| if deadline.passed() { LoadError::Timeout } else { LoadError::Network };
    let response = Request::get(url).abort_signal(signal.as_ref()).send().await.map_err(failed)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let offline = response.headers().get(OFFLINE_HEADER).map(|time| DateTime::parse_from_rfc3339(time.trim()).ok());
    let text = response.text().await.map_err(failed)?;
    drop(deadline);
    Ok((text, offline))
}

/// Keeps a checked value: in the cache, or as the last offline copy of its file.
fn remember(url: String, shared: Arc<dyn Any + Send + Sync>, offline: Option<Option<DateTime<FixedOffset>>>) {
    OFFLINE.with(|copies| copies.borrow_mut().retain(|(name, _)| *name != url));
    match offline {
        Some(time) => OFFLINE.with(|copies| copies.borrow_mut().push((url, (shared, time)))),
        None => {
            CACHE.with(|cache| cache.borrow_mut().insert(url, shared));
        }
    }
}

/// Aborts a request still running after `TIMEOUT`; dropping it cancels the timer.
struct Deadline {
    controller: Option<AbortController>,
    timer: Option<TimeoutHandle>,
}

impl Deadline {
    fn start() -> Self {
        let controller = AbortController::new().ok();
        let aborter = controller.clone();
        let timer = set_timeout_with_handle(move || aborter.iter().for_each(AbortController::abort), TIMEOUT).ok();
        Deadline { controller, timer }
    }

    fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller.as_ref().map(AbortController::signal)
    }

    fn passed(&self) -> bool {
        self.controller.as_ref().is_some_and(|c| c.signal().aborted())
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        self.timer.iter().for_each(TimeoutHandle::clear);
    }
}

/// A resource for one data file; `refetch` retries after an error. Rendered natively (`ssr`),
/// it holds the file at once.
pub fn use_data<T: DataFile>() -> LocalResource<Result<Arc<T>, LoadError>> {
    let resource = LocalResource::new(move || fetch_data::<T>(T::FILE));
    #[cfg(feature = "ssr")]
    resource.set(render::at_once(fetch_data::<T>(T::FILE)));
    resource
}

/// The programme of an edition (`None`: the current one), as `editions.json` names it: the data,
/// not the code, says which file and which edition is current.
pub async fn fetch_programme(year: Option<i32>) -> Result<Arc<Programme>, LoadError> {
    let editions = fetch_data_from::<EditionsFile>(DATA_BASE, EditionsFile::FILE).await?;
    CURRENT_YEAR.set(Some(editions.current));
    let file = editions
        .programme_file(year)
        .map(|(_, file)| file)
        .filter(|f| crate::model::is_programme_file_name(f))
        .ok_or(LoadError::NoProgramme)?;
    fetch_data_from::<Programme>(DATA_BASE, file).await
}

thread_local! {
    /// The current edition's year, once editions.json has said it: a programme page's heading
    /// keeps its year when the programme file itself fails.
    static CURRENT_YEAR: std::cell::Cell<Option<i32>> = const { std::cell::Cell::new(None) };
}

/// The current edition's year, if editions.json was read.
pub fn current_year() -> Option<i32> {
    CURRENT_YEAR.get()
}

/// A resource for an edition's programme (`None`: the current one); the agenda follows the
/// edition shown (`AgendaStore::open`), and what each choice was is filled in where it is not
/// known yet (the former format, or a choice the boot module kept before the app ran:
/// scripts/shipped/boot.js), before any page shows the agenda.
pub fn use_programme(year: Option<i32>) -> LocalResource<Result<Arc<Programme>, LoadError>> {
    let agenda = crate::storage::use_agenda();
    let resource = LocalResource::new(move || async move {
        let programme = fetch_programme(year).await;
        if let Ok(programme) = &programme {
            agenda.open(programme.edition.year);
            agenda.fill(programme);
        }
        programme
    });
    #[cfg(feature = "ssr")]
    resource.set(render::at_once(fetch_programme(year)));
    resource
}

/// The data as the native renderer reads it (`ssr`, src/bin/nec-render.rs): the files of a
/// folder, parsed and checked as the browser's are, at once. The pages' views then render
/// their content rather than « Chargement … ».
#[cfg(feature = "ssr")]
pub mod render {
    use std::cell::RefCell;
    use std::collections::BTreeSet;
    use std::path::PathBuf;
    use std::sync::Arc;

    use serde::de::DeserializeOwned;

    use super::{remember, LoadError, CACHE, DATA_BASE};
    use crate::load::parse;
    use crate::validate::Validate;

    thread_local! {
        static FOLDER: RefCell<PathBuf> = RefCell::new(PathBuf::from("public/data"));
        pub(super) static ORIGIN: RefCell<String> = const { RefCell::new(String::new()) };
        /// The files read since `take_read`, by URL: what the page asks for.
        static READ: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
    }

    /// Reads the data files from this folder from now on.
    pub fn read_from(folder: PathBuf) {
        FOLDER.set(folder);
    }

    /// The site's address the pages are rendered for (`https://host`).
    pub fn at_origin(origin: &str) {
        ORIGIN.set(origin.trim_end_matches('/').to_string());
    }

    /// The URLs of the data files read since the last call (`/data/charter.json`).
    pub fn take_read() -> Vec<String> {
        READ.take().into_iter().collect()
    }

    /// One data file, parsed and checked; a missing file is a 404, as the server would say.
    pub fn read<T: DeserializeOwned + Validate + Send + Sync + 'static>(file: &str) -> Result<Arc<T>, LoadError> {
        let url = format!("{DATA_BASE}{file}");
        READ.with_borrow_mut(|read| read.insert(url.clone()));
        let cached = CACHE.with(|cache| cache.borrow().get(&url).cloned());
        if let Some(value) = cached.and_then(|any| any.downcast::<T>().ok()) {
            return Ok(value);
        }
        let text = std::fs::read_to_string(FOLDER.with_borrow(|folder| folder.join(file))).map_err(|_| LoadError::Status(404))?;
        let value = Arc::new(parse::<T>(&text).map_err(LoadError::Data)?);
        remember(url, value.clone(), None);
        Ok(value)
    }

    /// A future's output if it has one at once: natively, the data files are read at once
    /// (`fetch_data_from`), so loading a page's data is done when first polled.
    pub fn at_once<T>(task: impl std::future::Future<Output = T>) -> Option<T> {
        use std::task::{Context, Poll, Waker};
        match std::pin::pin!(task).poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(output) => Some(output),
            Poll::Pending => None,
        }
    }
}
