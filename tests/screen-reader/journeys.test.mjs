// What a screen-reader user hears (issue 26): Orca, a real screen reader, reads the release
// build in Chromium (tests/support/screen-reader.mjs), driven by real key presses through five
// journeys: the programme, a filter, the agenda, the .ics export and the widget on a partner
// page. What Orca speaks is normalised (see `normalise`) and compared with the reviewed
// transcript tests/expected/speech-<journey>.txt. A change in what is heard (names, roles,
// states, announcements, reading order) fails until the transcript is reviewed again:
//   cd tests && UPDATE_SPEECH=1 node --test --test-concurrency=1 screen-reader/   (then git diff)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { serveWithNginx } from '../support/nginx.mjs';
import { orcaVersion, startScreenReader } from '../support/screen-reader.mjs';

const FIXTURES = new URL('../fixtures/widget-host/', import.meta.url);
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

let server;
let host;
let reader;

/** The partner's site of widget.test.mjs, on another origin: the fixture pages, with a CSP that
 * lets in the NEC site and nothing else. */
function serveHost(nec) {
  const csp = [
    "default-src 'self'", `script-src 'self' ${nec} 'wasm-unsafe-eval'`, `style-src 'self' ${nec}`,
    `connect-src 'self' ${nec}`, "img-src 'self' data:", `frame-src ${nec}`, "object-src 'none'", "base-uri 'none'",
  ].join('; ');
  const http = createServer((req, res) => {
    const path = new URL(req.url, 'http://host').pathname;
    try {
      const body = readFileSync(new URL(`.${path === '/' ? '/index.html' : path}`, FIXTURES), 'utf8').replaceAll('__NEC__', nec);
      res.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'text/plain', 'content-security-policy': csp, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('absent');
    }
  });
  return new Promise((done) => {
    http.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${http.address().port}`, close: () => new Promise((ok) => { http.close(ok); http.closeAllConnections(); }) }));
  });
}

// At most: Orca and Chromium starting (~10 s) and each journey (~20 s); a hang fails, not CI.
const LIMIT = { timeout: 120000 };

before(async () => {
  server = await serveWithNginx();
  host = await serveHost(server.url);
  // Orca starts on the site's home page, typed in the address bar.
  reader = await startScreenReader({ url: `${server.url}/` });
  // A fixed clock after the event, as visitors read the site now and as the pages were written at
  // build time (the accessibility-tree snapshots use it too): the same speech on every run.
  await reader.page.context().addInitScript(() => { window.NEC_NOW = '2026-12-06T15:00:00+01:00'; });
}, LIMIT);
after(async () => {
  await reader?.stop();
  await host?.close();
  await server?.close();
});

/** What Orca says of a page it opens, whatever the timing. */
const PAGE_PRESENTATION = / document web\.$|^La page possède /;

/** The language of Orca's voice (user-settings.conf): utterances in another one are marked. */
const VOICE_LANGUAGE = 'fr-FR';

/**
 * The words a person hears: each utterance as Orca says it and, where it differs, as the voice
 * says it (`voix :`, symbols spelled out by speech-dispatcher), without what depends on timing
 * rather than on the site: Orca's « Chargement en cours. Veuillez patienter. » and « Chargement
 * de <titre> terminé. » (the title is heard as the document's name), « cliquable » (said or not
 * depending on when the page's listeners attach), the number of links in « La page possède … »
 * and « visité » (which depend on the journeys run before), and the servers' ports.
 */
function normalise(lines) {
  const clean = (text) => text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ cliquable\b/g, '')
    .replace(/(, \d+ liens?( non)?( visités?)?)+\./, ', N liens.')
    .replace(/ lien visité(?=[.\s]|$)/g, ' lien')
    .replaceAll(server.url, 'NEC')
    .replaceAll(host.url, 'PARTENAIRE')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');
  return lines
    .filter((l) => !/^Chargement en cours\. Veuillez patienter\.$|^Chargement de .* terminé\.$/.test(l.text.trim()))
    .map((l) => ({ ...l, text: clean(l.text), spoken: l.spoken === null ? null : clean(l.spoken) }))
    .filter((l) => l.text !== '')
    .flatMap((l) => {
      const said = `  ${l.lang !== '-' && l.lang !== VOICE_LANGUAGE ? `[${l.lang}] ` : ''}${l.kind === 'speak' ? '' : `(${l.kind}) `}${l.text}`;
      if (l.kind !== 'speak' || l.spoken === l.text) return [said];
      return [said, l.spoken === null ? '    voix : (rien reçu)' : `    voix : ${l.spoken}`];
    });
}

/** Runs a journey, returning its transcript: the Orca version (what it says depends on it), then
 * for each step a `> step` line and what Orca said. */
async function journey(steps) {
  const out = [`# Orca ${orcaVersion()}`];
  const record = async (label, ignore = [], only = /./, voice = true) => out.push(`> ${label}`,
    ...normalise((await reader.heard()).filter((l) => only.test(l.text) && !ignore.some((re) => re.test(l.text))))
      .filter((line) => voice || !line.startsWith('    voix : ')));
  await reader.heard();
  try {
    for (const step of steps) await run(step, record);
  } catch (error) {
    await record('(échec)').catch(() => {});
    error.message += `\n--- heard so far:\n${out.join('\n')}`;
    throw error;
  }
  return out.join('\n') + '\n';
}

/** One step of a journey: a page opened, the app started, a wait, or a key (with what Orca must
 * say before it is done, for what comes late: announcements, a new page). */
async function run(step, record) {
  if (step.open) {
    // A page opened from the address bar: what Orca says of it is its name (« … document web »)
    // and its summary (« La page possède … »). What else it says as the page loads (the address
    // bar, the first line, a live region read or not) depends on timing: left out.
    await reader.open(step.open.replace(/^\//, `${server.url}/`));
    // Without the voice's lines: the page's name reaches the voice or not, as Orca says the
    // summary over it (« (rien reçu) » on a loaded machine).
    await record(`(page) ${step.open.replace(server.url, 'NEC').replace(host.url, 'PARTENAIRE')}`, step.ignore, PAGE_PRESENTATION, false);
  } else if (step.app) {
    // The app started as in tests/support/browser.mjs (as in-app navigation finds it running),
    // and takes the page over; keys pressed after that are handled by it.
    await reader.page.waitForFunction(() => {
      const html = document.documentElement;
      if (html.dataset.app || !document.getElementById('app')) return true;
      window.necBoot?.startApp?.();
      return Boolean(html.dataset.app);
    }, null, { polling: 100, timeout: 30000 });
    await reader.page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 30000 });
    // What the takeover makes Orca say (if anything) comes within a moment: wait longer than
    // after a key before calling the page quiet.
    await reader.settle({ quiet: 2000 });
    await record('(l’application prend la page)');
  } else if (step.takeover) {
    // The app started by the visitor's own move (a control reached): wait until it runs, and for
    // what that makes Orca say (nothing: it takes the page over at the next key, crates/nec-views/src/takeover/).
    await reader.page.waitForFunction(() => ['waiting', 'ready'].includes(document.documentElement.dataset.app), null, { timeout: 30000 });
    await reader.settle({ quiet: 2000 });
    await record('(l’application est prête)');
  } else if (step.hold) {
    // The app's wasm held back, as on a slow network, until a `release` step.
    let release;
    const held = new Promise((ok) => { release = ok; });
    reader.release = release;
    await reader.page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  } else if (step.release) {
    reader.release();
    await reader.page.waitForFunction(() => ['waiting', 'ready'].includes(document.documentElement.dataset.app), null, { timeout: 30000 });
    await reader.settle({ quiet: 2000 });
    await reader.page.unroute('**/*.wasm');
    await record('(l’application arrive et prend la page)');
  } else if (step.wait) {
    await step.wait(reader.page);
    await reader.settle({ quiet: 2000 });
    await record(`(${step.label})`);
  } else if (step.silent) {
    // A key Orca has nothing to say about (a letter typed in a field while the app loads).
    reader.key(step.silent);
    await reader.settle({ quiet: 1500 });
    await record(step.silent);
  } else {
    const [key, expect] = Array.isArray(step) ? step : [step];
    await reader.press(key, expect ? { expect } : {});
    await record(key);
  }
}

/**
 * Compares a transcript with tests/expected/speech-<name>.txt (UPDATE_SPEECH=1 writes it), after
 * checking what Orca must say whatever the transcript says (`musts`, on Orca's lines without
 * the voice's; re-recording keeps them).
 */
async function heardAsExpected(name, transcript, musts) {
  const expectedPath = new URL(`../expected/speech-${name}.txt`, import.meta.url);
  if (process.env.UPDATE_SPEECH) await writeFile(expectedPath, transcript);
  const orcaSays = transcript.replace(/\n {4}voix : .*/g, '');
  for (const must of musts) assert.match(orcaSays, must);
  assert.equal(transcript, await readFile(expectedPath, 'utf8'), `what Orca says differs from tests/expected/speech-${name}.txt (UPDATE_SPEECH=1 re-records it)`);
}

/** Forgets « Mon programme » between journeys: each starts as a first visit. */
async function forget() {
  await reader.page.evaluate(() => localStorage.clear());
}

const widgetRunning = (selector) => (page) => page.waitForFunction((selector) => {
  const content = document.querySelector(selector)?.shadowRoot?.querySelector('.nec-root');
  return content && !content.hasAttribute('data-painted') && content.querySelector('.nec-widget') && !content.querySelector('.nec-loading');
}, selector, { timeout: 30000 });

/** The step after a `hold` on `/embed/…`: the widget's wasm let through, its app running. */
const widgetArrives = {
  wait: async (page) => {
    reader.release();
    await widgetRunning('nec-widget')(page);
    await page.unroute('**/*.wasm');
  },
  label: 'le module arrive et prend la vue',
};

describe('what Orca says', () => {
  it('the programme: its headings, and a session’s « Mon programme » toggle', LIMIT, async () => {
    await forget();
    const heard = await journey([
      { open: '/programme' },
      { app: true },
      'h', '2', '2', '3', 'b',
      ['Return', /ajouté à mon programme/],
      '2', '3', 'b',
    ]);
    await heardAsExpected('programme', heard, [
      // The app's page replaces the painted one in silence: its count has not changed.
      /> \(l’application prend la page\)\n> h\n {2}Programme 2023 en-tête niveau 1\./,
      // The toggle says its name, role and state; pressed, it says so and the confirmation follows.
      // Two sessions are titled « Accueil NEC »: the name and the confirmation say which day.
      /> b\n {2}Mon programme : Accueil NEC \(jeudi 19 octobre 2023\) bouton à deux états non pressé\.\n(.*\n)?> Return\n {2}pressé\n {2}« Accueil NEC » \(jeudi 19 octobre 2023\) ajouté à mon programme\./,
      // Times written for the ear in the headings' hidden words.
      /à partir de 9 heures/,
    ]);
  });

  it('the keyboard before the app: a control reached as the app starts is heard once', LIMIT, async () => {
    await forget();
    const heard = await journey([
      { open: '/programme' },
      // To the search field, the first control the app runs: reaching it starts the app (the
      // theme switch on the way is the page's own, scripts/shipped/boot.js).
      ...Array(14).fill('Tab'),
      { takeover: true },
      'Tab', 'Tab', 'shift+Tab',
    ]);
    await heardAsExpected('takeover', heard, [
      // Nothing said when the app is ready, and each control once: the next Tab reaches the next
      // control of the app's page, with no word of the field or of the landmarks around it
      // (the page's caret just before the empty field: crates/nec-views/src/takeover/caret.rs).
      /> \(l’application est prête\)\n> Tab\n {2}Filtrer bouton à deux états réduit\.\n> Tab\n/,
    ]);
  });

  // The first move on a control reached while the app loads (docs/reaudit-2026-12-06.md, NC-13):
  // the app takes the page over under the control, and Orca says only what the move changed.
  // Six pages opened (about 75 s): twice the others' limit.
  it('the first move as the app starts: a box ticked; a button pressed and an option chosen, which the page does alone', { timeout: 2 * LIMIT.timeout }, async () => {
    await forget();
    const heard = await journey([
      // The first day's box, behind « Filtrer », reached as the app arrives: it waits for the
      // visitor's move.
      { hold: true },
      { open: '/programme' },
      'b', ['Return', /étendu/], 'x',
      { release: true },
      ['space', /correspond/],
      // From that box to the next one, then back from it to the previous control, the app
      // waiting again on a new page each time.
      { hold: true },
      { open: '/programme' },
      'b', ['Return', /étendu/], 'x',
      { release: true },
      'Tab',
      { hold: true },
      { open: '/programme' },
      'b', ['Return', /étendu/], 'x',
      { release: true },
      'shift+Tab',
      // « Mon programme » and the theme switch, which the page serves by itself: no app comes.
      { open: '/programme/grande-soiree' },
      'b',
      ['Return', /ajouté à mon programme/],
      { open: '/charte' },
      'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab',
      'Down',
      // /integrer, past the theme switch to the form's first radio button, which starts the app;
      // then on to the next control.
      { open: '/integrer' },
      ...Array(10).fill('Tab'),
      { takeover: true },
      'Tab',
    ]);
    await heardAsExpected('first-move', heard, [
      // The box's new state, then the count: not the box again with its containers.
      /> space\n {2}cochée\n {2}3 éléments correspondent\.\n/,
      // The next box alone, not its containers again; the control before, as Orca says it with
      // the app running: not silence.
      /> Tab\n {2}Jeudi 19 octobre 2023 \(Programme du jeudi\) case à cocher non cochée\.\n> \(page\)/,
      /> shift\+Tab\n {2}sortie du panneau\.\n {2}Filtrer bouton à deux états étendu\.\n/,
      /> Return\n {2}pressé\n {2}« Grande soirée NEC » ajouté à mon programme\.\n/,
      /> Down\n {2}Clair\.\n> \(page\)/,
      // The next control reached, the first day's box, and no other.
      /> \(l’application est prête\)\n> Tab\n(.*\n)* {2}Mercredi 18 octobre 2023[^\n]* case à cocher non cochée\.\n( {2}Mode navigation\n)?$/,
    ]);
  });

  // Issue 20: while the app's wasm is still on its way, the boot module presses « Mon programme »
  // itself (scripts/shipped/boot.js): the new state and the app's words are said at once, and the
  // takeover that follows says nothing more.
  it('« Mon programme » pressed before the app arrives: heard at once, then nothing at the takeover', LIMIT, async () => {
    await forget();
    const heard = await journey([
      { hold: true },
      { open: '/programme' },
      // « Filtrer » reached: the app starts; then the first item's « Mon programme », which the
      // page presses by itself while the app loads.
      'b', 'b',
      ['Return', /ajouté à mon programme/],
      { release: true },
      'Tab',
    ]);
    await heardAsExpected('agenda-before-app', heard, [
      /> Return\n {2}pressé\n {2}« La communauté beta se rassemble à Bordeaux dans le cadre du beta Tour » ajouté à mon programme\.\n/,
      // Nothing between the app's arrival and the next key.
      /> \(l’application arrive et prend la page\)\n> Tab\n/,
    ]);
    assert.equal(await reader.page.evaluate(() => document.querySelector('main button.toggle')?.getAttribute('aria-pressed')), 'true');
  });

  // Issue 20: /donnees-personnelles' erase and its undo are the page's own (scripts/shipped/boot.js):
  // each is said as the app says it, and no app comes.
  it('/donnees-personnelles without the app: its data erased, then restored, each heard', LIMIT, async () => {
    await forget();
    const heard = await journey([
      { open: '/donnees-personnelles' },
      'b',
      ['Return', /effacées de cet appareil/],
      'Tab',
      ['Return', /rétablies/],
    ]);
    await heardAsExpected('privacy-erase', heard, [
      /> b\n {2}Effacer ces données de cet appareil bouton\.\n/,
      /> Return\n(.*\n)* {2}Les données de ce site ont été effacées de cet appareil\. Le bouton « Rétablir les données effacées » les remet\.\n/,
      /> Tab\n {2}Rétablir les données effacées bouton\.\n/,
      // What was done. The focus goes back to the erase button (app-start.test.mjs), which Orca
      // does not say: with the app running it says the same (heard in session 22).
      /> Return\n {2}Les données effacées sont rétablies sur cet appareil\.\n$/,
    ]);
    assert.equal(await reader.page.evaluate(() => document.documentElement.dataset.app ?? null), null, 'no app started');
  });

  it('a letter typed as the app starts: the count, not the field again', LIMIT, async () => {
    await forget();
    const heard = await journey([
      { hold: true },
      { open: '/programme' },
      // To the search field, past the banner's links, the theme switch and the days' links.
      ...Array(14).fill('Tab'),
      { release: true },
      // A letter fewer sessions hold than all, then rubbed out.
      ['q', /correspond/],
      ['BackSpace', /correspond/],
    ]);
    await heardAsExpected('first-letter', heard, [
      // The letter rubbed out is said (Orca's echo: the caret was where the visitor left it).
      /> q\n {2}\d éléments? correspond\w*\.\n> BackSpace\n {2}\(char\) q\n {2}13 éléments correspondent\.\n$/,
    ]);
  });

  it('a shared programme on a slow network: the link reached meanwhile, the result, and no other control', LIMIT, async () => {
    await forget();
    const heard = await journey([
      { hold: true },
      { open: '/mon-programme?partage=grande-soiree' },
      'Tab', 'Tab', 'Tab',
      { release: true },
      'Tab',
    ]);
    await heardAsExpected('corrected-page', heard, [
      // NC-14 (docs/reaudit-2026-12-06.md): the theme switch the app's page brings in was
      // announced as if focused (« Thème liste déroulante réduit … Mode focus »).
      // The link reached is not said again (the rest of NC-14), and the corrected page is.
      /> \(l’application arrive et prend la page\)\n {2}Programme partagé avec vous\n> Tab\n {2}Programme lien\.\n$/,
    ]);
  });

  it('a filter: a day’s check box, then a theme’s, each with the count announced', LIMIT, async () => {
    await forget();
    const heard = await journey([
      { open: '/programme' },
      { app: true },
      // « Filtrer », the first button of the page, opened: the filters wait behind it (issue 25).
      'b',
      ['Return', /étendu/],
      'x',
      ['space', /correspond/],
      ['space', /correspond/],
      'x', 'x', 'x', 'x',
      ['space', /correspond/],
    ]);
    await heardAsExpected('filter', heard, [
      /> b\n {2}Filtrer bouton à deux états réduit\.\n> Return\n {2}étendu/,
      // Checking a day says the new state, then announces the new count.
      /> x\n {2}Mercredi 18 octobre 2023 \(Programme « Off »\) case à cocher non cochée\.\n> space\n {2}cochée\n {2}3 éléments correspondent\./,
    ]);
  });

  it('the agenda: a session added from its page, then heard in « Mon programme »', LIMIT, async () => {
    await forget();
    const heard = await journey([
      { open: '/programme/grande-soiree' },
      { app: true },
      'h', 'Down', 'Down', 'Down', 'Down', '2', 'b',
      ['Return', /ajouté à mon programme/],
      // To « Mon programme » in the main navigation, from the top of the page.
      'control+Home', 'Tab', 'Tab', 'Tab', 'Tab',
      ['Return', /Mon programme en-tête/],
      '2', 'Down', 'Down',
    ]);
    await heardAsExpected('agenda', heard, [
      /« Grande soirée NEC » ajouté à mon programme\./,
      /> Return\n(.*\n)*? {2}Mon programme en-tête niveau 1\.\n> 2\n {2}.*Grande soirée NEC lien en-tête niveau 2\./,
    ]);
  });

  it('the .ics: the calendar export links, by name', LIMIT, async () => {
    await forget();
    const heard = await journey([
      { open: '/programme/grande-soiree' },
      { app: true },
      '2', 'b', ['Return', /ajouté à mon programme/], 'k',
      // The links after it: practical information, back to the programme.
      'k', 'k',
      'control+Home', 'Tab', 'Tab', 'Tab', 'Tab',
      ['Return', /Mon programme en-tête/],
      'k', 'k',
    ]);
    await heardAsExpected('ics', heard, [
      /> k\n {2}Garder dans mon agenda, à sa date passée \(fichier \.ics\) lien\./,
      /> k\n {2}Télécharger mon programme pour mon agenda, à ses dates passées \(\.ics\) lien\./,
    ]);
  });

  it('the widget before its app: a control reached as it starts is heard once', LIMIT, async () => {
    const heard = await journey([
      { open: `${host.url}/`, ignore: [/^La page possède/] },
      // The partner's two links, then the first widget's search field: reaching it starts the
      // widget's app, which takes its painted view over (crates/nec-widget/src/lib.rs).
      'Tab', 'Tab', 'Tab',
      { wait: widgetRunning('#module-communs'), label: 'le module démarre' },
      'Tab',
    ]);
    await heardAsExpected('widget-takeover', heard, [
      /> \(le module démarre\)\n> Tab\n/,
    ]);
  });

  it('the widget alone, on its /embed/ page: the search field heard once, and no count', LIMIT, async () => {
    // The widget's wasm held until Orca has said the field: the takeover then comes under it, as
    // on a slow network (on a fast one, it can come before Orca handles the focus: heard once).
    const heard = await journey([
      { hold: true },
      { open: '/embed/programme.html' },
      // The search field: reaching it starts the widget's app, which takes its view over.
      'Tab',
      widgetArrives,
      'Tab',
    ]);
    await heardAsExpected('widget-alone', heard, [
      // NC-15 (docs/reaudit-2026-12-06.md, docs/rgaa-audit.md): neither the field, with its
      // containers, nor the unchanged count is said again when the app takes the view over.
      /> \(le module arrive et prend la vue\)\n> Tab\n/,
    ]);
  });

  it('the widget alone: a letter typed before its app arrives, then the count alone', LIMIT, async () => {
    const heard = await journey([
      { hold: true },
      { open: '/embed/programme.html' },
      'Tab',
      // Typed in the painted field: nothing changes until the widget's app runs.
      { silent: 'q' },
      widgetArrives,
      // On, as with the app running. (Not BackSpace: the count it gives back, « 13 éléments. »,
      // is the text the app's region was inserted with, which Orca may take for a message it
      // has already queued and skip, depending on the order its events arrive in.)
      'Tab',
    ]);
    await heardAsExpected('widget-letter', heard, [
      // The app takes the letter over and says the count it gives (NC-15: not the field again).
      /> \(le module arrive et prend la vue\)\n {2}\d éléments?\.\n> Tab\n {2}[^\n]* lien en-tête niveau 3\.\n/,
    ]);
    const typed = await reader.page.evaluate(() => document.querySelector('nec-widget').shadowRoot.querySelector('input[type=search]').value);
    assert.equal(typed, 'q', 'the letter typed in the painted field is in the app’s');
  });

  it('the widget on a partner page: its headings, a session, a disclosure', LIMIT, async () => {
    const heard = await journey([
      // The page's summary counts the widgets' headings and landmarks if they have painted when
      // Orca presents the page, which depends on timing: left out (and Orca says no name for
      // this page).
      { open: `${host.url}/`, ignore: [/^La page possède/] },
      { wait: widgetRunning('#module-communs'), label: 'le module démarre' },
      { wait: widgetRunning('#module-jeudi'), label: 'le second module démarre' },
      'h', 'h', 'h', '5', 'b', 'Return', 'Down', 'b',
    ]);
    await heardAsExpected('widget', heard, [
      /Programme de Numérique en Commun\[s\] 2023 en-tête niveau 3\./,
      // Each description's button says whose it is.
      /> b\n {2}Description de « [^»]+ » bouton à deux états réduit\./,
      /> Return\n {2}étendu/,
    ]);
  });
});
