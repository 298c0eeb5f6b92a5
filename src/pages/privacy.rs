use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Function, Promise, Reflect};

use crate::agenda::{storage_key, STORAGE_PREFIX};
use crate::components::announcer::use_announcer;
use crate::components::{current_lang, focus_by_id, pieces_view, DataTable, Page, RowHeader};
use crate::data::DataFile;
use crate::locale::{Lang, Pieces};
use crate::model::EditionsFile;
use crate::storage::{use_agenda, use_theme, LANG_KEY, THEME_KEY};

/// The service worker's caches are named `nec-web-<version>` (scripts/service-worker.mjs).
const OFFLINE_CACHE_PREFIX: &str = "nec-web-";

crate::texts! {
    heading: "Données personnelles", "Personal data";
    intro: "Ce site ne collecte aucune donnée personnelle : pas de compte, pas de formulaire, pas de cookie, pas de mesure d’audience, aucun service tiers. Il ne charge que ses propres fichiers, depuis son propre serveur.",
        "This site collects no personal data: no account, no form, no cookie, no audience measurement, no third-party service. It loads only its own files, from its own server.";
    kept_heading: "Ce qui est gardé sur votre appareil", "What is kept on your device";
    settings: "Trois réglages, seulement si vous les faites, sont gardés dans le stockage local de votre navigateur (« localStorage »). Ils ne quittent jamais votre appareil : le site ne les envoie nulle part.",
        "Three settings, only if you make them, are kept in your browser’s local storage (“localStorage”). They never leave your device: the site sends them nowhere.";
    offline_copy: "Pour que le site s’ouvre aussi sans connexion, votre navigateur garde une copie des pages que vous lisez, avec leurs styles ; dès que vous utilisez l’application (un bouton, un filtre, un réglage), il garde aussi l’application et les données publiques du site (programme, charte, éditions, liste des données). Cette copie est dans son cache (« Cache Storage », rempli par le « service worker » du site) ; elle ne contient rien sur vous et elle est remplacée à chaque nouvelle version du site.",
        "So that the site also opens without a connection, your browser keeps a copy of the pages you read, with their styles; as soon as you use the application (a button, a filter, a setting), it also keeps the application and the site’s public data (programme, charter, editions, list of data files). This copy is in its cache (“Cache Storage”, filled by the site’s “service worker”); it holds nothing about you and is replaced with each new version of the site.";
    caption: "Ce que ce site garde sur votre appareil", "What this site keeps on your device";
    column_name: "Nom", "Name";
    column_content: "Contenu", "Contents";
    column_why: "Pourquoi", "Why";
    column_now: "Gardé en ce moment", "Kept right now";
    agenda_content: "Les éléments ajoutés à « Mon programme », avec ce qu’ils étaient quand vous les avez choisis (titre, horaire, lieu), pour vous dire ce qui a changé depuis",
        "The items added to “My programme”, with what they were when you chose them (title, time, place), to tell you what has changed since";
    agenda_why: "Retrouver votre programme à votre prochaine visite", "To find your programme again on your next visit";
    theme_content: "Le thème choisi : clair ou sombre", "The chosen theme: light or dark";
    theme_why: "Garder l’affichage que vous avez choisi", "To keep the display you chose";
    lang_before: "La langue choisie avec le lien « ", "The language chosen with the header’s “";
    lang_or: " » ou « ", "” or “";
    lang_after: " » de l’en-tête", "” link";
    lang_why: "Ouvrir la page d’accueil dans cette langue à votre prochaine visite", "To open the home page in that language on your next visit";
    offline_content: "Une copie des pages lues et, dès que l’application a servi, de l’application et des données, avec l’heure de la copie des données",
        "A copy of the pages read and, once the application has been used, of the application and the data, with the time the data was copied";
    offline_why: "Ouvrir le site sans connexion ; sans réseau, une page le signale par « Données hors ligne du … »", "To open the site without a connection; without a network, a page says so with “Offline data from …”";
    nothing: "rien", "nothing";
    light: "« Clair »", "“Light”";
    dark: "« Sombre »", "“Dark”";
    automatic: "rien (thème automatique)", "nothing (automatic theme)";
    english: "anglais", "English";
    french: "français", "French";
    erase: "Effacer ces données de cet appareil", "Erase this data from this device";
    erased: "Les données ont été effacées. ", "The data has been erased. ";
    restore: "Rétablir les données effacées", "Restore the erased data";
    restore_hint: " Ce bouton remet vos réglages ; la copie hors ligne, elle, sera refaite à votre prochaine visite.", " This button puts back your settings; the offline copy will be made again on your next visit.";
    erased_with_copy: "Les données de ce site ont été effacées de cet appareil. Le bouton « Rétablir les données effacées » remet vos réglages ; la copie hors ligne sera refaite à votre prochaine visite.",
        "This site’s data has been erased from this device. The “Restore the erased data” button puts back your settings; the offline copy will be made again on your next visit.";
    erased_settings: "Les données de ce site ont été effacées de cet appareil. Le bouton « Rétablir les données effacées » les remet.",
        "This site’s data has been erased from this device. The “Restore the erased data” button puts it back.";
    restored: "Les données effacées sont rétablies sur cet appareil.", "The erased data has been restored on this device.";
    browser: "Vous pouvez aussi les effacer depuis les réglages de votre navigateur (données des sites).", "You can also erase it from your browser’s settings (site data).";
    leaves_heading: "Ce qui quitte votre appareil, seulement si vous le décidez", "What leaves your device, only if you decide so";
    share_link: "Le lien de partage de « Mon programme » contient la liste des éléments choisis : seules les personnes à qui vous l’envoyez le reçoivent.",
        "The sharing link of “My programme” contains the list of the chosen items: only the people you send it to receive it.";
    calendar: "Les fichiers d’agenda (.ics) sont produits sur votre appareil, sans passer par un serveur.", "The calendar files (.ics) are produced on your device, without going through a server.";
    logs_heading: "Journaux du serveur", "Server logs";
    logs: "L’hébergeur du site peut tenir des journaux techniques (adresse IP, page demandée, date) pour sa sécurité. Le site n’en ajoute aucun et n’y lit rien.",
        "The site’s host may keep technical logs (IP address, page requested, date) for its security. The site adds none and reads nothing in them.";
    rights_heading: "Vos droits", "Your rights";
    rights: "Aucune donnée vous concernant n’étant collectée par l’éditeur du site, il n’a rien à vous communiquer, rectifier ou effacer : ce qui est gardé sur votre appareil reste sous votre seul contrôle. Vous pouvez toujours adresser une réclamation à la ",
        "As the site’s publisher collects no data about you, it has nothing to disclose, correct or erase for you: what is kept on your device remains under your sole control. You can always lodge a complaint with the ";
    rights_after: ".", ", the French data protection authority.";
}

/// « 2 éléments », "2 items"; « rien » when none.
fn items(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (_, 0) => texts(lang).nothing.to_owned(),
        (Lang::Fr, 1) => "1 élément".to_owned(),
        (Lang::Fr, n) => format!("{n} éléments"),
        (Lang::En, 1) => "1 item".to_owned(),
        (Lang::En, n) => format!("{n} items"),
    }
}

/// « 3 fichiers », "3 files"; « rien » when none.
fn files(lang: Lang, n: u32) -> String {
    match n {
        0 => texts(lang).nothing.to_owned(),
        1 => one_file(lang).to_owned(),
        n => files_template(lang).replace("{n}", &n.to_string()),
    }
}

fn one_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "1 fichier",
        Lang::En => "1 file",
    }
}

/// More than one file, `{n}` standing for the number (the boot module fills it in too).
fn files_template(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "{n} fichiers",
        Lang::En => "{n} files",
    }
}

/// The language kept by the switch (`LANG_KEY`), if any.
fn stored_lang() -> Option<String> {
    crate::storage::local_storage()?.get_item(LANG_KEY).ok().flatten()
}

/// Keeps (`Some`) or removes (`None`) the language of the switch.
fn store_lang(code: Option<&str>) {
    if let Some(storage) = crate::storage::local_storage() {
        let _ = match code {
            Some(code) => storage.set_item(LANG_KEY, code),
            None => storage.remove_item(LANG_KEY),
        };
    }
}

/// What an erase took, for its undo: every edition's agenda as stored, the theme and the
/// language kept, and whether the offline copy went too.
#[derive(Clone, Default)]
struct Erased {
    agendas: Vec<(String, String)>,
    theme: String,
    lang: Option<String>,
    copy: bool,
}

/// Calls `window.necOfflineCopy.<name>()`, which the boot script defines (counting or erasing the
/// offline copy: see scripts/externalize-boot-script.mjs), and awaits its promise.
async fn offline_copy(name: &str) -> Option<JsValue> {
    if cfg!(feature = "ssr") {
        return None;
    }
    let helper = Reflect::get(&window(), &"necOfflineCopy".into()).ok()?;
    let function = Reflect::get(&helper, &name.into()).ok()?.dyn_into::<Function>().ok()?;
    let promise = function.call0(&helper).ok()?.dyn_into::<Promise>().ok()?;
    JsFuture::from(promise).await.ok()
}

/// `/donnees-personnelles`: what the site keeps on the visitor's device and why (RGPD), with
/// what is kept right now and a button that erases it.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    // French names on an English page: marked `lang="fr"` (RGAA 8.7); plain in French.
    let fr = move |words: &str| pieces_view(Pieces::of(words, Lang::Fr), lang);
    view! {
        <Page heading=t.heading title=t.heading>
            <p>{t.intro}</p>
            <h2>{t.kept_heading}</h2>
            <p>{t.settings}</p>
            <p>{t.offline_copy}</p>
            <KeptOnDevice />
            <p>{t.browser}</p>
            <h2>{t.leaves_heading}</h2>
            <ul>
                <li>{t.share_link}</li>
                <li>{t.calendar}</li>
            </ul>
            <h2>{t.logs_heading}</h2>
            <p>{t.logs}</p>
            <h2>{t.rights_heading}</h2>
            <p>
                {t.rights} <a href="https://www.cnil.fr/fr/adresser-une-plainte" hreflang=(lang == Lang::En).then_some("fr")>
                    {fr("Commission nationale de l’informatique et des libertés")}
                    " (CNIL)"
                </a> {t.rights_after}
            </p>
        </Page>
    }
}

/// What this device keeps for the site, now; a button erases it all, another brings it back.
#[component]
fn KeptOnDevice() -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let agenda = use_agenda();
    // The current edition's selection is the one counted (one key per edition): editions.json
    // says which edition is current, the programme itself is not needed. Until it is read, the
    // key's cells are `.loading`, so the build writes the page with the key (CI once caught it
    // written with « nec-mon-programme-… »); unread, the key stays general.
    let editions_read = RwSignal::new(false);
    crate::data::spawn(async move {
        if let Ok(editions) = crate::data::fetch_data::<EditionsFile>(EditionsFile::FILE).await {
            agenda.open(editions.current);
        }
        editions_read.set(true);
    });
    let theme = use_theme().0;
    let announcer = use_announcer();
    // The language of the switch: read once, since choosing one is a navigation that renders
    // this page anew; kept in a signal for the erase and its undo.
    let kept_lang = RwSignal::new(stored_lang());
    // How many files the offline copy holds (`None` until counted: the cell is `.loading`, so the
    // build writes it and the app takes over once it is counted); counted again after an erase.
    let offline = RwSignal::new(None::<u32>);
    let count_offline = move || {
        crate::data::spawn(async move {
            let files = offline_copy("files").await.and_then(|n| n.as_f64()).unwrap_or(0.0);
            offline.set(Some(files as u32));
        })
    };
    count_offline();
    // What the last erase removed, so it can be brought back (RGAA 11.12: an action on the
    // visitor's data can be undone).
    let erased = RwSignal::new(None::<Erased>);
    let erase = move |_| {
        // Erased again before the undo: the undo still brings back what the first erase took,
        // unless the visitor chose something since (the boot module does the same, boot.js).
        let before = erased.get_untracked().unwrap_or_default();
        let (agendas, now_theme) = (agenda.forget(), theme.get_untracked());
        let copy = before.copy || offline.get_untracked().is_some_and(|n| n > 0);
        erased.set(Some(Erased {
            agendas: if agendas.is_empty() { before.agendas } else { agendas },
            theme: if now_theme.is_empty() { before.theme } else { now_theme },
            lang: kept_lang.get_untracked().or(before.lang),
            copy,
        }));
        theme.set(String::new());
        store_lang(None);
        kept_lang.set(None);
        crate::data::spawn(async move {
            // Unregisters the worker (nothing more is copied; the next visit starts afresh), then
            // deletes its caches.
            offline_copy("erase").await;
            count_offline();
        });
        announcer.say(if copy { t.erased_with_copy } else { t.erased_settings });
    };
    let restore = move |_| {
        if let Some(Erased { agendas, theme: kept_theme, lang: language, .. }) = erased.get_untracked() {
            agenda.bring_back(&agendas);
            theme.set(kept_theme);
            if language.is_some() {
                store_lang(language.as_deref());
                kept_lang.set(language);
            }
        }
        // Focus first, so it never falls to <body> when this button goes.
        focus_by_id("effacer-donnees");
        erased.set(None);
        announcer.say(t.restored);
    };
    view! {
        <StorageTable theme kept_lang offline editions_read />
        <p>
            // Before the app runs, the boot module erases and restores as this page does, with
            // these words (`data-*`, typeset as the page's text): the erase downloads no app.
            <button
                type="button"
                id="effacer-donnees"
                class="button button--secondary"
                on:click=erase
                data-erased=typeset(lang, t.erased)
                data-restore=typeset(lang, t.restore)
                data-restore-hint=typeset(lang, t.restore_hint)
                data-said=typeset(lang, t.erased_settings)
                data-said-copy=typeset(lang, t.erased_with_copy)
                data-restored=typeset(lang, t.restored)
            >
                {t.erase}
            </button>
        </p>
        {move || {
            erased
                .get()
                .map(|_| {
                    view! {
                        <p class="notice">
                            {t.erased} <button type="button" class="button button--secondary" on:click=restore>
                                {t.restore}
                            </button> {move || erased.with(|e| e.as_ref().is_some_and(|e| e.copy)).then_some(t.restore_hint)}
                        </p>
                    }
                })
        }}
    }
}

/// One row per thing kept: its key, its content, why, and what this device holds now.
#[component]
fn StorageTable(
    theme: RwSignal<String>,
    kept_lang: RwSignal<Option<String>>,
    offline: RwSignal<Option<u32>>,
    editions_read: RwSignal<bool>,
) -> impl IntoView {
    let lang = current_lang();
    let t = texts(lang);
    let agenda = use_agenda();
    let agenda_key = move || agenda.year.get().map_or_else(|| format!("{STORAGE_PREFIX}…"), storage_key);
    let reading = move || (!editions_read.get()).then_some("loading");
    let chosen = move || items(lang, agenda.ids.with(Vec::len));
    let theme_kept = move || match theme.get().as_str() {
        "light" => t.light,
        "dark" => t.dark,
        _ => t.automatic,
    };
    let lang_kept = move || match kept_lang.get().as_deref().and_then(Lang::parse) {
        None => t.nothing,
        Some(Lang::En) => t.english,
        Some(Lang::Fr) => t.french,
    };
    let offline_kept = move || match offline.get() {
        None => "…".to_owned(),
        Some(n) => files(lang, n),
    };
    // The switch's links are named each in its own language.
    let lang_content = {
        let mut content = Pieces::of(t.lang_before, lang);
        content
            .push(Lang::En.native_name(), Lang::En)
            .push(t.lang_or, lang)
            .push(Lang::Fr.native_name(), Lang::Fr)
            .push(t.lang_after, lang);
        pieces_view(content, lang)
    };
    // `data-live`: what this device keeps now, which no page written at build time can know. Before
    // the app runs, the boot module (scripts/shipped/boot.js) shows it, picking the text this page gives
    // for the stored value (`data-<value>`), or counting the offline files, and after its erase. A stored agenda
    // starts the app at once on this page, so its cell needs none.
    let columns = [t.column_name, t.column_content, t.column_why, t.column_now].map(String::from).to_vec();
    view! {
        <DataTable caption_id="stockage-caption" class="storage-table" caption=t.caption columns>
            <tr>
                <RowHeader>
                    <code class=reading>{agenda_key}</code>
                </RowHeader>
                <td>{t.agenda_content}</td>
                <td>{t.agenda_why}</td>
                <td class=reading>{chosen}</td>
            </tr>
            <tr>
                <RowHeader>
                    <code>{THEME_KEY}</code>
                </RowHeader>
                <td>{t.theme_content}</td>
                <td>{t.theme_why}</td>
                <td data-live=THEME_KEY data-light=typeset(lang, t.light) data-dark=typeset(lang, t.dark)>
                    {theme_kept}
                </td>
            </tr>
            <tr>
                <RowHeader>
                    <code>{LANG_KEY}</code>
                </RowHeader>
                <td>{lang_content}</td>
                <td>{t.lang_why}</td>
                <td data-live=LANG_KEY data-en=t.english data-fr=t.french>
                    {lang_kept}
                </td>
            </tr>
            <tr>
                <RowHeader>
                    <code>{OFFLINE_CACHE_PREFIX}"…"</code>
                </RowHeader>
                <td>{t.offline_content}</td>
                <td>{t.offline_why}</td>
                <td
                    data-live="offline"
                    class=move || offline.get().is_none().then_some("loading")
                    data-none=t.nothing
                    data-one=one_file(lang)
                    data-many=files_template(lang)
                >
                    {offline_kept}
                </td>
            </tr>
        </DataTable>
    }
}

/// A word the boot module writes before the app (`data-<value>`), in the page's typography: the
/// app's page, typeset by `typeset.rs`, then shows the same text (« Sombre » with narrow spaces).
fn typeset(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Fr => crate::format::typography(text),
        Lang::En => text.to_owned(),
    }
}
