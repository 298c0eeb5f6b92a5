// The site's boot module. scripts/externalize-boot-script.mjs writes it as boot-<hash>.js with
// BUILD filled in (the glue and wasm of this build, whether it registers the service worker, the
// event's dates); the CSP allows it as a file of the site ('self').
//
// A page arrives with its content (scripts/prerender.mjs): a visitor who reads needs no wasm. The
// app (306 KiB of wasm) starts when the visitor reaches for a control it alone can run, and at
// once when the page cannot show the truth without it (needsAppNow). The page serves the theme
// switch, « Mon programme » and a disclosure with no form inside by itself (servedByPage, here),
// so those never download the app (issue 20); another button pressed before the app runs is
// pressed again by it once it has taken over (crates/nec-views/src/takeover/, data-pending-click).
const BUILD = __BUILD__;
const html = document.documentElement;
// From here on this module listens; before, the inline script in <head> marked what the visitor
// reached for (data-reached, data-pending-click: scripts/externalize-boot-script.mjs). The tests
// start the app on any page (`startApp`): as in-app navigation from another page brings a
// visitor to it with the app running.
window.necBoot = { startApp };

// What /donnees-personnelles shows and erases of the service worker's offline copy (its caches
// are named nec-web-<version>, see scripts/service-worker.mjs): here in JavaScript, a few lines
// that would cost the wasm 3 KiB of bindings and futures.
window.necOfflineCopy = {
  async files() {
    let n = 0;
    if (self.caches) for (const c of await caches.keys()) if (c.startsWith('nec-web-')) n += (await (await caches.open(c)).keys()).length;
    return n;
  },
  async erase() {
    const r = await navigator.serviceWorker?.getRegistration();
    await r?.unregister();
    if (self.caches) for (const c of await caches.keys()) if (c.startsWith('nec-web-')) await caches.delete(c);
  },
};

// Release builds only (sw.js exists then): once the page has loaded, register the service worker
// that keeps the pages visited and, once the app has run, the app and its data, for offline use.
// A browser without service workers, or one that refuses them, simply stays online-only.
if (BUILD.worker && 'serviceWorker' in navigator) {
  const register = () => navigator.serviceWorker.register('/sw.js').catch(() => {});
  if (document.readyState === 'complete') register();
  else addEventListener('load', register);
}

// The agenda's key (crates/nec-core/src/agenda.rs STORAGE_KEY, one per edition) and the theme's (crates/nec-views/src/storage.rs).
const AGENDA_KEY = 'nec-mon-programme-';
const THEME_KEY = 'nec-theme';
const LANG_KEY = 'nec-langue';

/** The value kept under `key`, or null (none, or storage refused). */
function stored(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

/** This address as the build names its pages (scripts/prerender.mjs, `data-path`): `/programme`
 * for `/programme/` and `/programme/index.html`, `/` for `/index.html`. */
function here() {
  let path = location.pathname.replace(/\/index\.html$/, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  try { return decodeURIComponent(path); } catch { return path; }
}

/** True when this device keeps a personal agenda (one edition's, or more). */
function agendaKept() {
  try {
    for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i)?.startsWith(AGENDA_KEY)) return true;
  } catch {}
  return false;
}

/** True when the prerendered page may differ from what the app shows this visitor now.
 * `agendaAtLoad`: whether an agenda was kept when the page loaded, before a press this module
 * made for the visitor (a press it shows, so the page stays true). */
async function needsAppNow(agendaAtLoad) {
  const root = document.getElementById('app');
  // The shell (a route not prerendered, the offline fallback) or a development build.
  if (!root?.hasAttribute('data-prerendered')) return true;
  // A page written for another address: a host that answers an address it has no page for with
  // index.html (or any other page) rather than 404.html. The app's router shows this address, its
  // page or « Page introuvable ». The not-found page has no address: it fits any.
  if (root.dataset.path !== undefined && root.dataset.path !== here()) return true;
  // A filtered address (/programme?jour=…): the page was written for the bare route.
  if (location.search) return true;
  // Offline, the app says how old its copy of the data is (« Données hors ligne du … »), if the
  // worker keeps it; a page kept from a visit that only read stays as it is.
  if (!navigator.onLine && (await self.caches?.match(BUILD.wasm).catch(() => null))) return true;
  // A personal agenda, on a page that shows it (« Mon programme » buttons, the visitor's
  // programme itself, or what the device keeps): the page was written with none chosen.
  const showsAgenda = root.querySelector('button.toggle[aria-pressed]') || /^(\/en)?\/(mon-programme|donnees-personnelles)$/.test(here());
  if (agendaAtLoad && showsAgenda) return true;
  // During the event, /programme says what is on now (the clock can be set by tests: NEC_NOW).
  const now = Date.parse(window.NEC_NOW ?? '') || Date.now();
  if (BUILD.event === null) return false;
  if (now >= BUILD.event[0] && now <= BUILD.event[1]) return true;
  // A page written before the edition (or after it) read after it (or before): it says whether the
  // edition took place (`data-phase`, crates/nec-views/src/components/edition_notice.rs). Outside the window
  // above, the app's phase and this one agree.
  const written = root.querySelector('[data-phase]')?.dataset.phase;
  return written !== undefined && written !== (now < BUILD.event[0] ? 'before' : 'after');
}

/** A new element with its attributes and children (text or elements). */
function element(tag, attributes, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

// A Rust panic stops the app: the release wasm aborts at once (panic=immediate-abort, no hook
// runs), which reaches JavaScript as a WebAssembly.RuntimeError. Tell the visitor, rather than
// leave a frozen page: a focused alert with a reload link the router lets through (rel=external).
function stopped(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return false;
  console.error('NEC : l’application s’est arrêtée', error);
  html.dataset.app = 'failed';
  if (document.querySelector('.alert--fatal')) return true;
  const alert = element('div', { class: 'alert alert--fatal', role: 'alert', tabindex: '-1' },
    element('p', {}, 'Une erreur est survenue : cette page ne répond plus. Rechargez-la pour continuer ; vos choix de « Mon programme » sont conservés.'),
    // Without the fragment, so that following the link loads the page again rather than scrolling.
    element('a', { href: location.href.split('#')[0], rel: 'external' }, 'Recharger la page'));
  document.body.prepend(alert);
  alert.focus();
  return true;
}
addEventListener('error', (event) => stopped(event.error));
addEventListener('unhandledrejection', (event) => stopped(event.reason));

/** Said in the app's polite live region (crates/nec-views/src/components/announcer.rs), which the app's own
 * replaces; then the app announces what the button did. */
function say(text) {
  const region = document.getElementById('annonces');
  if (!region) return;
  if (region.textContent !== text) region.textContent = text;
  else {
    // The same words again: emptied, then filled, as the app's announcer does, to be said again.
    region.textContent = '';
    setTimeout(() => { region.textContent = text; }, 60);
  }
}

/** « Mon programme » pressed on a prerendered page before the app runs (a `.toggle` of
 * crates/nec-views/src/components/agenda_toggle.rs): the choice is kept and said at once, as the
 * app does, instead of seconds later on a phone (issue 20). It is stored as an entry with its id
 * alone (crates/nec-core/src/chosen.rs reads it), which the app completes with what the item is
 * when it opens the programme (AgendaStore::fill). False, and the app presses it, when the
 * button is another one, or the stored selection cannot be read or written: the app says why. */
function chooseAtOnce(button) {
  if (!button.matches('button.toggle[aria-pressed]')) return false;
  // The item: its heading's link in a list, else the page's own address (/programme/<id>).
  const link = button.closest('li')?.querySelector('h3 a[href]');
  let path;
  try { path = decodeURIComponent(new URL(link?.href ?? location.href).pathname); } catch { return false; }
  const item = path.match(/^(?:\/en)?(?:\/editions\/(\d{4}))?\/programme\/([^/]+)\/?$/);
  const year = item?.[1] ?? BUILD.edition;
  if (!item || !year) return false;
  const [id, key] = [item[2], AGENDA_KEY + year];
  const idOf = (entry) => (typeof entry === 'string' ? entry : entry?.id);
  let added;
  try {
    const list = JSON.parse(localStorage.getItem(key) ?? '[]');
    if (!Array.isArray(list) || !list.every((entry) => typeof idOf(entry) === 'string')) return false;
    added = !list.some((entry) => idOf(entry) === id);
    localStorage.setItem(key, JSON.stringify(added ? [...list, { id }] : list.filter((entry) => idOf(entry) !== id)));
  } catch {
    return false;
  }
  button.setAttribute('aria-pressed', String(added));
  const star = button.querySelector('.toggle__star');
  if (star) star.textContent = added ? '★' : '☆';
  // « Accueil NEC » (jeudi 19 octobre 2023) ajouté à mon programme. — the app's words: the title
  // as the button names it (its own `lang` kept), the day that tells namesakes apart outside the quotes.
  const en = html.lang === 'en';
  const name = button.querySelector('.visually-hidden')?.cloneNode(true);
  const region = document.getElementById('annonces');
  if (!name || !region) return true;
  const first = name.firstChild;
  if (first?.nodeType === Node.TEXT_NODE) first.textContent = first.textContent.replace(/^\s*:\s*/, '');
  const last = name.lastChild;
  const day = last?.nodeType === Node.TEXT_NODE ? (last.textContent.match(/ \([^()]*\d{4}\)$/)?.[0] ?? '') : '';
  if (day) last.textContent = last.textContent.slice(0, -day.length);
  const [open, shut] = en ? ['“', '”'] : ['«\u202f', '\u202f»'];
  const done = en ? (added ? ' added to my programme.' : ' removed from my programme.') : (added ? ' ajouté à mon programme.' : ' retiré de mon programme.');
  region.replaceChildren(open, ...name.childNodes, shut + day + done);
  return true;
}

let starting = null;
function startApp() {
  starting ??= (async () => {
    if (html.dataset.app !== 'ready') html.dataset.app = 'starting';
    try {
      // The glue, the wasm and the page's data files download together, not one after the other:
      // on a phone each request costs a round trip. The app's own fetch of a data file takes the
      // preloaded response (same URL, mode and credentials).
      for (const file of document.getElementById('app')?.dataset.fetch?.split(' ') ?? []) {
        const link = document.createElement('link');
        Object.assign(link, { rel: 'preload', as: 'fetch', href: file, crossOrigin: 'anonymous' });
        document.head.append(link);
      }
      const [bindings, response] = await Promise.all([import(BUILD.glue), fetch(BUILD.wasm)]);
      const wasm = await bindings.default({ module_or_path: response });
      window.wasmBindings = bindings;
      dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
      // The app has run here: the worker now keeps all of it, and the data, for offline use.
      if (BUILD.worker) navigator.serviceWorker?.ready.then((r) => r.active?.postMessage('app-started')).catch(() => {});
    } catch (error) {
      if (!stopped(error)) cannotStart();
    }
  })();
  return starting;
}

// Offline with no copy of the app, or a download cut: the page keeps what it shows, and an alert
// says that its buttons cannot work, with a retry.
function cannotStart() {
  html.dataset.app = 'failed';
  document.querySelectorAll('[data-pending-click]').forEach((b) => b.removeAttribute('data-pending-click'));
  const en = html.lang === 'en';
  const root = document.getElementById('app') ?? document.body;
  const text = root.hasAttribute('data-prerendered')
    ? (en ? 'This page stays readable, but its buttons and forms need the application: check the connection and try again.'
      : 'Cette page reste lisible, mais ses boutons et formulaires ont besoin de l’application : vérifiez la connexion et réessayez.')
    : (en ? 'This page has not been kept on this device for offline reading: check the connection and try again.'
      : 'Cette page n’a pas été gardée sur cet appareil pour une lecture hors ligne : vérifiez la connexion et réessayez.');
  const retry = element('button', { type: 'button', class: 'button' }, en ? 'Try again' : 'Réessayer');
  retry.addEventListener('click', () => location.reload());
  const alert = element('div', { class: 'alert start-failed', role: 'alert' },
    element('p', { class: 'alert__title' }, en ? 'The application could not start.' : 'L’application n’a pas pu démarrer.'),
    element('p', {}, text), retry);
  const main = root.querySelector('main');
  if (main) main.prepend(alert);
  else root.prepend(alert);
}

// What /donnees-personnelles shows this device keeps, before the app runs. Each cell names its
// key (`data-live`) and gives its text for each stored value (`data-<value>`), written by
// src/pages/privacy.rs; the page's own text is the one for nothing stored.
const writtenText = new Map();
let offlineFiles = null;
let counts = 0;
function showWhatIsKept() {
  for (const cell of document.querySelectorAll('#app[data-prerendered] [data-live]')) {
    if (!writtenText.has(cell)) writtenText.set(cell, cell.textContent);
    const { live, none, one, many } = cell.dataset;
    if (live === 'offline') {
      // Only the last count is shown: one made before an erase may end after it.
      const count = ++counts;
      window.necOfflineCopy.files().then((n) => {
        if (count !== counts) return;
        offlineFiles = n;
        cell.textContent = n === 0 ? none : n === 1 ? one : many.replace('{n}', n);
      }, () => {});
      continue;
    }
    let value = stored(live);
    // The language as crates/nec-core/src/locale.rs (Lang::parse) reads it: its primary subtag, in any case.
    if (value !== null && live === LANG_KEY) value = value.trim().split(/[-_]/)[0].toLowerCase();
    const known = value && value !== 'live' && /^[a-z]+$/.test(value) && cell.hasAttribute(`data-${value}`);
    cell.textContent = known ? cell.getAttribute(`data-${value}`) : writtenText.get(cell);
  }
}
showWhatIsKept();

// Its erase and undo, before the app runs, as src/pages/privacy.rs (KeptOnDevice) does once it
// runs, in the words the button carries (`data-*`): the theme and language kept go, and the
// offline copy; « Rétablir les données effacées » puts the settings back. With an agenda kept the
// app runs at once on this page (needsAppNow), and erases it with the rest.
const ERASE = '#app[data-prerendered] #effacer-donnees';
const RESTORE = '#app[data-prerendered] [data-restore-erased]';
let erased = null;
function eraseAtOnce(button) {
  if (!button.matches(ERASE) || agendaKept()) return false;
  const theme = stored(THEME_KEY);
  // Erased again before the undo: the undo still brings back what the first erase took, unless
  // the visitor chose something since (as privacy.rs does).
  const before = erased ?? { theme: '', language: null, copy: false };
  erased = {
    theme: theme === 'light' || theme === 'dark' ? theme : before.theme,
    language: stored(LANG_KEY) ?? before.language,
    copy: offlineFiles > 0 || before.copy,
  };
  const { copy } = erased;
  applyTheme('');
  try { localStorage.removeItem(LANG_KEY); } catch {}
  window.necOfflineCopy.erase().catch(() => {}).then(showWhatIsKept);
  showWhatIsKept();
  const { erased: words, restore, restoreHint, said, saidCopy } = button.dataset;
  const undo = element('button', { type: 'button', class: 'button button--secondary', 'data-restore-erased': '' }, restore);
  const notice = element('p', { class: 'notice' }, words, undo, ...(copy ? [restoreHint] : []));
  const shown = document.querySelector(RESTORE)?.closest('p.notice');
  if (shown) shown.replaceWith(notice);
  else button.closest('p')?.after(notice);
  say(copy ? saidCopy : said);
  return true;
}
function restoreAtOnce(button) {
  if (!button.matches(RESTORE) || !erased) return false;
  applyTheme(erased.theme);
  if (erased.language !== null) {
    try { localStorage.setItem(LANG_KEY, erased.language); } catch {}
  }
  erased = null;
  showWhatIsKept();
  const eraser = document.querySelector(ERASE);
  // Focus first, so it never falls to <body> when this button goes.
  eraser?.focus();
  button.closest('p.notice')?.remove();
  say(eraser?.dataset.restored ?? '');
  return true;
}

// A filtered address (/programme?jour=…&q=…) on a page written with nothing chosen: its boxes and
// search field say the address's choice at once, as the app's will (crates/nec-core/src/filters.rs reads it: each
// list's values trimmed, the last text as typed), so a screen reader that reads them while `main`
// is busy hears what is chosen (NC-14, docs/reaudit-2026-12-06.md). They become the controls'
// defaults too: the takeover carries over only what the visitor changed (crates/nec-views/src/takeover/).
function showAddressChoice() {
  const form = document.querySelector('#app[data-prerendered] form.filters');
  if (!form || !location.search) return;
  const query = new URLSearchParams(location.search);
  for (const key of ['jour', 'theme', 'format']) {
    for (const value of query.getAll(key)) {
      const box = document.getElementById(`filtre-${key}-${value.trim()}`);
      if (box?.type === 'checkbox' && form.contains(box)) box.checked = box.defaultChecked = true;
    }
  }
  // The closed filters say how many boxes are ticked inside, in the words of src/pages/programme.rs.
  const ticked = form.querySelectorAll('input[type=checkbox]:checked').length;
  const summary = form.querySelector('details.filters__more > summary');
  if (ticked && summary) {
    // Without the space Leptos writes for the words' empty text (a text node for the app).
    if (summary.lastChild?.nodeType === Node.TEXT_NODE) summary.lastChild.data = summary.lastChild.data.trimEnd();
    summary.append(html.lang === 'en' ? ` (${ticked} active)` : ticked === 1 ? ' (1 filtre actif)' : ` (${ticked} filtres actifs)`);
  }
  const text = query.has('q') ? [...query.getAll('q').at(-1)].slice(0, 200).join('') : null;
  const search = form.querySelector('input[type=search]');
  if (text?.trim() && search) search.value = search.defaultValue = text;
}
showAddressChoice();

const CONTROL = 'button, input, select, textarea, label, summary';
const running = () => html.dataset.app === 'ready';

/** True for a control this module runs as the app would, so reaching for it starts nothing: the
 * theme switch (chooseTheme), « Mon programme » (chooseAtOnce), and a disclosure with no form
 * inside, which the browser opens. */
function servedByPage(control) {
  if (control.matches(`#theme, label[for="theme"], button.toggle[aria-pressed], ${ERASE}, ${RESTORE}`)) return true;
  return control.matches('summary') && !control.parentElement?.querySelector('button, input, select, textarea');
}

// A theme chosen before the app runs takes effect at once, as the app's switch does
// (crates/nec-views/src/storage.rs, provide_theme): the page's colours, and the choice kept. On a
// phone the app is seconds away (issue 20); the app starts with the choice it finds kept.
function chooseTheme(select) {
  const theme = select.value === 'light' || select.value === 'dark' ? select.value : null;
  if (theme) html.dataset.theme = theme;
  else delete html.dataset.theme;
  try {
    if (theme) localStorage.setItem(THEME_KEY, theme);
    else localStorage.removeItem(THEME_KEY);
  } catch {}
}
/** The theme `theme` ('' for automatic) applied, kept and shown by the switch, as chosen with it. */
function applyTheme(theme) {
  const select = prerenderedTheme();
  if (select) select.value = theme;
  chooseTheme(select ?? { value: theme });
}
const prerenderedTheme = () => document.querySelector('#app[data-prerendered] #theme');
addEventListener('change', (event) => {
  if (!running() && event.target === prerenderedTheme()) chooseTheme(event.target);
}, { capture: true });

// The theme kept on this device is applied by the inline script in <head>; the switch says it too,
// unless the visitor chose another before this module ran.
{
  const select = prerenderedTheme();
  const written = [...(select?.options ?? [])].find((o) => o.defaultSelected)?.value ?? '';
  if (select && select.value !== written) chooseTheme(select);
  else {
    try {
      const theme = localStorage.getItem(THEME_KEY);
      if (select && (theme === 'light' || theme === 'dark')) select.value = theme;
    } catch {}
  }
}

addEventListener('click', (event) => {
  if (running()) return;
  // The language chosen with the switch is kept, as the app does (crates/nec-views/src/storage.rs, remember_lang).
  const language = event.target.closest?.('a.language-switch');
  if (language) {
    try { localStorage.setItem(LANG_KEY, language.hreflang); } catch {}
    return;
  }
  // A button of the prerendered page pressed before the app runs: the app presses it once it has
  // taken over (the app's own buttons, in the tree that replaces it, are the app's).
  const button = event.target.closest?.('#app[data-prerendered] button');
  if (!button || html.dataset.app === 'failed') return;
  event.preventDefault();
  // « Mon programme » takes effect at once, as long as the wasm has not run: from then on the app
  // holds the agenda it read, and a press is left to it. The page needs no app for it.
  if (!window.wasmBindings && chooseAtOnce(button)) return;
  if (!html.dataset.app && (eraseAtOnce(button) || restoreAtOnce(button))) return;
  document.querySelectorAll('[data-pending-click]').forEach((b) => b.removeAttribute('data-pending-click'));
  button.setAttribute('data-pending-click', '');
  // The app already runs and waits for this move to take the page over (crates/nec-views/src/takeover/waiting.rs).
  if (html.dataset.app !== 'waiting') say(html.lang === 'en' ? 'Loading the application…' : 'Chargement de l’application…');
  startApp();
}, { capture: true });

// A « Mon programme » pressed before this module ran takes effect now; another button waits for the app.
const agendaAtLoad = agendaKept();
const early = document.querySelector('#app[data-prerendered] [data-pending-click]');
if (early && (chooseAtOnce(early) || eraseAtOnce(early))) early.removeAttribute('data-pending-click');
const pending = document.querySelector('[data-pending-click]');
if (pending) say(html.lang === 'en' ? 'Loading the application…' : 'Chargement de l’application…');
// The controls reached before this module ran: the app starts for one the page does not serve.
const reached = [...document.querySelectorAll('[data-reached]')];
for (const control of reached) control.removeAttribute('data-reached');
if (reached.some((control) => !servedByPage(control)) || pending) {
  startApp();
} else if (await needsAppNow(agendaAtLoad)) {
  // The page was written for a visitor with no filter and no agenda: until the app has replaced
  // it, `main` says it is being updated (the app announces the result once, crates/nec-views/src/takeover/).
  document.querySelector('#app[data-prerendered] main')?.setAttribute('aria-busy', 'true');
  // After the first paint (a frame, then a task): the content is already there, and the wasm's
  // download and compile never hold it back.
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
  startApp();
} else {
  // A pointer over or on a control, a touch, the focus on one (keyboard users tab to it), or a
  // control changed without either (some assistive technologies): the visitor is using the app,
  // unless the page serves that control by itself. Links work without it, as page loads.
  const types = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'input', 'change'];
  const intent = (event) => {
    const control = event.target.closest?.(CONTROL);
    if (!control || servedByPage(control)) return;
    for (const type of types) removeEventListener(type, intent, { capture: true });
    startApp();
  };
  for (const type of types) addEventListener(type, intent, { capture: true, passive: true });
}

// For ESLint, last, as the build fills in the first occurrence (scripts/externalize-boot-script.mjs):
/* global __BUILD__ */
