use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Reflect};
use web_sys::{Cache, ServiceWorkerContainer, ServiceWorkerRegistration};

use crate::agenda::STORAGE_KEY;
use crate::components::announcer::use_announcer;
use crate::components::{focus_by_id, DataTable, Page, RowHeader};
use crate::storage::{use_agenda, use_theme, THEME_KEY};

/// The caches of the service worker (scripts/service-worker.mjs names them `nec-web-<version>`).
const OFFLINE_CACHE_PREFIX: &str = "nec-web-";

/// The names of the service worker's caches on this device (none if Cache Storage is unavailable).
async fn offline_caches() -> Vec<String> {
    let Ok(storage) = window().caches() else { return Vec::new() };
    let Ok(names) = JsFuture::from(storage.keys()).await else { return Vec::new() };
    Array::from(&names).iter().filter_map(|name| name.as_string()).filter(|name| name.starts_with(OFFLINE_CACHE_PREFIX)).collect()
}

/// How many files the offline copy holds right now.
async fn offline_files() -> u32 {
    let mut count = 0;
    if let Ok(storage) = window().caches() {
        for name in offline_caches().await {
            let Ok(cache) = JsFuture::from(storage.open(&name)).await else { continue };
            if let Ok(keys) = JsFuture::from(cache.unchecked_into::<Cache>().keys()).await {
                count += Array::from(&keys).length();
            }
        }
    }
    count
}

/// Unregisters the service worker (so it copies nothing more and the next visit starts afresh),
/// then deletes its caches.
async fn erase_offline_copy() {
    let container = Reflect::get(&window().navigator(), &"serviceWorker".into()).ok().filter(|c| !c.is_undefined());
    if let Some(container) = container.map(JsCast::unchecked_into::<ServiceWorkerContainer>) {
        if let Ok(registration) = JsFuture::from(container.get_registration()).await {
            if let Some(unregister) = registration.dyn_ref::<ServiceWorkerRegistration>().and_then(|r| r.unregister().ok()) {
                let _ = JsFuture::from(unregister).await;
            }
        }
    }
    if let Ok(storage) = window().caches() {
        for name in offline_caches().await {
            let _ = JsFuture::from(storage.delete(&name)).await;
        }
    }
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
    let offline = LocalResource::new(offline_files);
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
            erase_offline_copy().await;
            offline.refetch();
        });
        announcer.say("Les données de ce site ont été effacées de cet appareil. Le bouton « Rétablir les données effacées » les remet.");
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
                "fichiers publics du site (application, styles, programme, charte, éditions) dans son cache (« Cache Storage », rempli par le "
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
