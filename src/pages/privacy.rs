use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Function, Promise, Reflect};

use crate::agenda::STORAGE_KEY;
use crate::components::announcer::use_announcer;
use crate::components::{focus_by_id, DataTable, Page, RowHeader};
use crate::storage::{use_agenda, use_theme, THEME_KEY};

/// The service worker's caches are named `nec-web-<version>` (scripts/service-worker.mjs).
const OFFLINE_CACHE_PREFIX: &str = "nec-web-";

/// Calls `window.necOfflineCopy.<name>()`, which the boot script defines (counting or erasing the
/// offline copy: see scripts/externalize-boot-script.mjs), and awaits its promise.
async fn offline_copy(name: &str) -> Option<JsValue> {
    let helper = Reflect::get(&window(), &"necOfflineCopy".into()).ok()?;
    let function = Reflect::get(&helper, &name.into()).ok()?.dyn_into::<Function>().ok()?;
    let promise = function.call0(&helper).ok()?.dyn_into::<Promise>().ok()?;
    JsFuture::from(promise).await.ok()
}

/// `/donnees-personnelles`: what the site keeps on the visitor's device and why (RGPD), with
/// what is kept right now and a button that erases it.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let agenda = use_agenda();
    let theme = use_theme().0;
    let announcer = use_announcer();
    let chosen = move || match agenda.ids.with(Vec::len) {
        0 => "rien".to_owned(),
        1 => "1 élément".to_owned(),
        n => format!("{n} éléments"),
    };
    let theme_kept = move || match theme.get().as_str() {
        "light" => "« Clair »",
        "dark" => "« Sombre »",
        _ => "rien (thème automatique)",
    };
    // How many files the offline copy holds (`None` until counted); counted again after an erase.
    let offline = RwSignal::new(None::<u32>);
    let count_offline = move || {
        spawn_local(async move {
            let files = offline_copy("files").await.and_then(|n| n.as_f64()).unwrap_or(0.0);
            offline.set(Some(files as u32));
        })
    };
    count_offline();
    let offline_kept = move || match offline.get() {
        None => "…".to_owned(),
        Some(0) => "rien".to_owned(),
        Some(1) => "1 fichier".to_owned(),
        Some(n) => format!("{n} fichiers"),
    };
    // What the last erase removed, so it can be brought back (RGAA 11.12: an action on the
    // visitor's data can be undone).
    let erased = RwSignal::new(None::<(Vec<String>, String)>);
    let copy_erased = RwSignal::new(false);
    let erase = move |_| {
        erased.set(Some((agenda.ids.get_untracked(), theme.get_untracked())));
        copy_erased.set(offline.get_untracked().is_some_and(|n| n > 0));
        agenda.forget();
        theme.set(String::new());
        spawn_local(async move {
            // Unregisters the worker (nothing more is copied; the next visit starts afresh), then
            // deletes its caches.
            offline_copy("erase").await;
            count_offline();
        });
        announcer.say(if copy_erased.get_untracked() {
            "Les données de ce site ont été effacées de cet appareil. Le bouton « Rétablir les données effacées » remet vos réglages ; la copie hors ligne sera refaite à votre prochaine visite."
        } else {
            "Les données de ce site ont été effacées de cet appareil. Le bouton « Rétablir les données effacées » les remet."
        });
    };
    let restore = move |_| {
        if let Some((ids, kept_theme)) = erased.get_untracked() {
            agenda.set(ids);
            theme.set(kept_theme);
        }
        // Focus first, so it never falls to <body> when this button goes.
        focus_by_id("effacer-donnees");
        erased.set(None);
        announcer.say("Les données effacées sont rétablies sur cet appareil.");
    };
    view! {
        <Page heading="Données personnelles" title="Données personnelles">
            <p>
                "Ce site ne collecte aucune donnée personnelle : pas de compte, pas de formulaire, pas de cookie, pas de mesure d’audience, "
                "aucun service tiers. Il ne charge que ses propres fichiers, depuis son propre serveur."
            </p>
            <h2>"Ce qui est gardé sur votre appareil"</h2>
            <p>
                "Deux réglages, seulement si vous les faites, sont gardés dans le stockage local de votre navigateur (« localStorage »). "
                "Ils ne quittent jamais votre appareil : le site ne les envoie nulle part."
            </p>
            <p>
                "Pour que le site et ses données s’ouvrent aussi sans connexion, votre navigateur garde dès la première visite une copie des "
                "fichiers publics du site (application, styles, programme, charte, éditions, liste des données) dans son cache (« Cache Storage », rempli par le "
                "« service worker » du site). Cette copie ne contient rien sur vous ; elle est remplacée à chaque nouvelle version du site."
            </p>
            <DataTable caption_id="stockage-caption" caption="Ce que ce site garde sur votre appareil"
                columns=["Nom", "Contenu", "Pourquoi", "Gardé en ce moment"].map(String::from).to_vec()>
                <tr>
                    <RowHeader><code>{STORAGE_KEY}</code></RowHeader>
                    <td>"Les identifiants des éléments ajoutés à « Mon programme »"</td>
                    <td>"Retrouver votre programme à votre prochaine visite"</td>
                    <td>{chosen}</td>
                </tr>
                <tr>
                    <RowHeader><code>{THEME_KEY}</code></RowHeader>
                    <td>"Le thème choisi : clair ou sombre"</td>
                    <td>"Garder l’affichage que vous avez choisi"</td>
                    <td>{theme_kept}</td>
                </tr>
                <tr>
                    <RowHeader><code>{OFFLINE_CACHE_PREFIX}"…"</code></RowHeader>
                    <td>"Une copie des fichiers du site et de ses données, avec l’heure de la copie des données"</td>
                    <td>"Ouvrir le site sans connexion ; sans réseau, une page le signale par « Données hors ligne du … »"</td>
                    <td>{offline_kept}</td>
                </tr>
            </DataTable>
            <p><button type="button" id="effacer-donnees" class="button button--secondary" on:click=erase>"Effacer ces données de cet appareil"</button></p>
            {move || erased.get().map(|_| view! {
                <p class="notice">
                    "Les données ont été effacées. "
                    <button type="button" class="button button--secondary" on:click=restore>"Rétablir les données effacées"</button>
                    {move || copy_erased.get().then_some(" Ce bouton remet vos réglages ; la copie hors ligne, elle, sera refaite à votre prochaine visite.")}
                </p>
            })}
            <p>"Vous pouvez aussi les effacer depuis les réglages de votre navigateur (données des sites)."</p>
            <h2>"Ce qui quitte votre appareil, seulement si vous le décidez"</h2>
            <ul>
                <li>"Le lien de partage de « Mon programme » contient la liste des éléments choisis : seules les personnes à qui vous l’envoyez le reçoivent."</li>
                <li>"Les fichiers d’agenda (.ics) sont produits sur votre appareil, sans passer par un serveur."</li>
            </ul>
            <h2>"Journaux du serveur"</h2>
            <p>
                "L’hébergeur du site peut tenir des journaux techniques (adresse IP, page demandée, date) pour sa sécurité. "
                "Le site n’en ajoute aucun et n’y lit rien."
            </p>
            <h2>"Vos droits"</h2>
            <p>
                "Aucune donnée vous concernant n’étant collectée par l’éditeur du site, il n’a rien à vous communiquer, rectifier ou effacer : "
                "ce qui est gardé sur votre appareil reste sous votre seul contrôle. Vous pouvez toujours adresser une réclamation à la "
                <a href="https://www.cnil.fr/fr/adresser-une-plainte">"Commission nationale de l’informatique et des libertés (CNIL)"</a>"."
            </p>
        </Page>
    }
}
