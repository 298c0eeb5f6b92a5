// The journeys that matter, run in one engine (issue 27): chromium.test.mjs, gecko.test.mjs and
// webkit.test.mjs each call `journeys(engine)`, so node --test runs the three engines one after
// the other, one browser at a time. Each journey acts as a visitor does (the engine's own clicks,
// keys and pointer, on elements found by role and name: tests/support/engines.mjs) on the release
// build served by deploy/'s nginx (front.mjs), and checks what a person sees: text, roles, names,
// the address, the downloaded file. The heavy suites (every width, both themes, hostile data,
// budgets) run once, in Chromium, in tests/browser/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { CSP } from '../support/csp.mjs';
import { ENGINE_LABELS, launchEngine } from '../support/engines.mjs';
import { ROUTES, programme } from '../support/routes.mjs';
import { DIST, workerOf } from '../support/server.mjs';
import { serveFront } from './front.mjs';
import { servePartner } from './partner.mjs';

// Each journey's time limit (a driver step that gets no answer fails sooner, by name: engines.mjs).
const LIMIT = { timeout: 60_000 };

const MAIN_NAV = { role: 'navigation', name: 'Navigation principale' };
const SEARCH = { role: 'searchbox', name: 'Rechercher dans le programme' };
const COUNT = { role: 'status', name: /correspond/ };
const toggle = (title) => ({ role: 'button', name: `Mon programme : ${title}` });
const AGENDA_KEY = 'nec-mon-programme-2023';
const WASM = /^\/nec-web-[0-9a-f]+_bg\.wasm$/;
const DARK = 'rgb(22, 22, 22)';
const LIGHT = 'rgb(255, 255, 255)';

/** The visible titles of the listed items (link text without its hidden day-and-time prefix). */
const listedTitles = (session, heading) => session.run((X, h) => [...document.querySelectorAll(`main li.item ${h} a`)]
  .map((a) => X.norm(a.textContent.slice(a.querySelector('.visually-hidden')?.textContent.length ?? 0))), heading);

/** The result count as announced (the status region's text). */
const countText = (session) => session.run((X, s) => X.find(s)?.textContent.trim() ?? null, COUNT);

/** Waits until `check()` (in node) holds. */
async function waitFor(check, what, timeout = 15_000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/**
 * Asserts that the engine reported no CSP violation to `server` since report number `since`. A
 * violation is made on purpose last (an image from another origin, which img-src forbids): once
 * the engine has reported it, it has reported what came before, and the check is known to work.
 */
async function assertNoViolation(session, server, since, where) {
  await session.run(() => {
    window.necCanary = new Image();
    window.necCanary.src = 'http://canary.invalid/pixel.png';
    return true;
  });
  const canary = (r) => r.includes('canary.invalid');
  await waitFor(() => server.reports.slice(since).some(canary), `${session.engine.name} to report the deliberate img-src violation`);
  assert.deepEqual(server.reports.slice(since).filter((r) => !canary(r)), [], `${where}: no CSP violation`);
}

export function journeys(name) {
  const label = ENGINE_LABELS[name];
  let engine;
  let site;

  before(async () => {
    site = await serveFront();
    engine = await launchEngine(name);
    console.log(`${label} ${engine.version}, site on ${site.url} (nginx ${site.nginx})`);
  }, { timeout: 120_000 });
  after(async () => {
    // Each is stopped even if another fails to stop.
    const results = await Promise.allSettled([engine?.close(), site?.close()]);
    for (const r of results) if (r.status === 'rejected') throw r.reason;
  }, { timeout: 60_000 });

  /**
   * One session for a series of tests (the routes), opened again for the next test if a test left
   * it without answer, so that one stalled browser fails one test, not all those after it.
   */
  const sharedSession = () => {
    let session;
    let stalled = false;
    return {
      async use(test) {
        if (stalled) {
          await session?.close();
          session = null;
          stalled = false;
        }
        session ??= await engine.session(site.url);
        try {
          await test(session);
        } catch (error) {
          stalled = /no answer after/.test(error.message);
          throw error;
        }
      },
      close: () => session?.close(),
    };
  };

  /** Runs `journey(session)` in a new session (its own storage), closed whatever happens. */
  const inSession = (journey) => async () => {
    const session = await engine.session(site.url);
    try {
      await journey(session);
    } finally {
      await session.close();
    }
  };

  describe(`${label}: every route read, then in the app`, () => {
    const shared = sharedSession();
    after(() => shared.close());

    for (const route of ROUTES) {
      it(`${route.path}: h1, title, landmarks and content as read, before the app; the same once it runs`, LIMIT, () => shared.use(async (session) => {
        await session.open(route.path, { app: false });
        const page = () => session.run((X) => ({
          h1: X.all({ css: 'h1' }).map((e) => X.norm(e.textContent)),
          lang: document.documentElement.lang,
          landmarks: Object.fromEntries(['banner', 'navigation', 'main', 'contentinfo'].map((r) => [r, X.all({ role: r }).length])),
          current: X.all({ css: 'nav[aria-label="Navigation principale"] [aria-current="page"]' }).map((e) => X.norm(e.textContent)),
          main: X.norm(document.querySelector('main')?.innerText),
          alerts: X.all({ role: 'alert' }).length,
        }));
        const read = await page();
        assert.equal(await session.run(() => document.documentElement.dataset.app ?? null), null, 'a page that is read: the app has not started');
        assert.deepEqual(read.h1, [route.h1]);
        assert.equal(await session.title(), route.title);
        assert.equal(read.lang, 'fr');
        for (const role of ['banner', 'navigation', 'contentinfo']) assert.ok(read.landmarks[role] >= 1, `${role} landmark`);
        assert.equal(read.landmarks.main, 1, 'one main landmark');
        assert.deepEqual(read.current, route.nav ? [route.nav] : [], 'the current page in the navigation');
        for (const text of route.content) assert.ok(read.main.includes(text.replace(/\s+/g, ' ')), `${route.path} shows « ${text} »`);
        assert.equal(read.alerts, 0, 'no alert');

        await session.startApp();
        const running = await page();
        assert.deepEqual(running.h1, [route.h1], 'the app shows the same h1');
        assert.equal(await session.title(), route.title, 'the app keeps the title');
        assert.deepEqual(running.landmarks, read.landmarks, 'the same landmarks');
        assert.equal(running.alerts, 0, 'no alert once the app runs');
      }));
    }
  });

  describe(`${label}: axe-core on every route, in the app`, () => {
    const shared = sharedSession();
    after(() => shared.close());

    for (const route of ROUTES) {
      it(`${route.path}: zero axe-core violations (wcag2a/aa, wcag21a/aa, wcag22aa, RGAAv4)`, LIMIT, () => shared.use(async (session) => {
        await session.open(route.path);
        assert.deepEqual(await session.axe(), []);
      }));
    }
  });

  describe(`${label}: the app takes over on first use`, () => {
    it('clicking the search field starts it; the focus and the text typed while it loads are kept, and search', LIMIT, inSession(async (s) => {
      // The wasm is held back at the server, so the typing certainly happens while the app loads.
      const release = site.hold(WASM);
      try {
        await s.open('/programme', { app: false });
        assert.equal(await s.run(() => document.documentElement.dataset.app ?? null), null, 'read only: no app yet');
        await s.click(SEARCH);
        await s.until(() => document.documentElement.dataset.app === 'starting', null, 'the app to start loading');
        await s.keys('cloture');
        assert.equal(await s.run(() => document.getElementById('recherche').value), 'cloture', 'typed into the page as it arrived');
        assert.equal(await s.run(() => document.documentElement.dataset.app), 'starting', 'still loading: the wasm is held');
        assert.ok(site.requests.some((p) => WASM.test(p)), 'the wasm was asked for');
      } finally {
        release();
      }
      await s.appRunning();
      assert.equal(await s.focused(), 'searchbox Rechercher dans le programme', 'the focus stays in the search field');
      assert.equal(await s.run(() => document.activeElement.value), 'cloture', 'the typed text is kept');
      await s.until(() => location.search === '?q=cloture', null, 'the search in the address');
      assert.deepEqual(await listedTitles(s, 'h3'), ['Déjeuner de clôture']);
      assert.equal(await countText(s), '1 élément correspond.');
    }));

    it('« Mon programme » pressed before the app takes effect at once, with no app; the app, once it runs, keeps it with what it was', LIMIT, inSession(async (s) => {
      const first = programme.items[0];
      const release = site.hold(WASM);
      try {
        await s.open('/programme', { app: false });
        await s.click(toggle(first.title));
        // Before any wasm (issue 20, scripts/shipped/boot.js): pressed, kept and said at once.
        await s.until((X, t) => X.find(t)?.getAttribute('aria-pressed') === 'true', toggle(first.title), 'the button to be pressed before the app');
        assert.deepEqual(JSON.parse(await s.run((X, k) => localStorage.getItem(k), AGENDA_KEY)), [{ id: first.id }]);
        // Read as plain spaces: the announcement is typeset (no-break spaces inside « »).
        await s.until((X, t) => document.getElementById('annonces').textContent.replace(/[\u00a0\u202f]/g, ' ') === t, `« ${first.title} » ajouté à mon programme.`, 'the addition to be announced');
        assert.equal(await s.run(() => document.documentElement.dataset.app ?? null), null, 'the page did it alone: the app has not started');
      } finally {
        release();
      }
      // The app started later (a control only it runs, or in-app navigation).
      await s.startApp();
      await s.until((X, t) => X.find(t)?.getAttribute('aria-pressed') === 'true', toggle(first.title), 'the app to show it pressed');
      // Each choice is kept with what it was when chosen (issue 21, crates/nec-core/src/chosen.rs):
      // the app completes the boot module's entry when it opens the programme.
      await s.until((X, k) => JSON.parse(localStorage.getItem(k))[0]?.was !== undefined, AGENDA_KEY, 'the app to complete the choice');
      const stored = JSON.parse(await s.run((X, k) => localStorage.getItem(k), AGENDA_KEY));
      assert.deepEqual(stored.map((choice) => choice.id), [first.id]);
      assert.equal(stored[0].was.title.fr, first.title);
    }));

    it('tabbing to a control starts it, and the focus stays on that control, which works', LIMIT, inSession(async (s) => {
      await s.open('/programme', { app: false });
      let focused = '';
      let opened = false;
      for (let i = 0; i < 60 && !focused.startsWith('checkbox '); i += 1) {
        // « Filtrer » opened with Enter on the way (issue 25: the filters wait behind it).
        const open = focused === 'button Filtrer' && !opened;
        await s.press(open ? 'Enter' : 'Tab');
        opened ||= open;
        focused = await s.focused();
      }
      assert.equal(focused, 'checkbox Mercredi 18 octobre 2023 (Programme « Off »)', 'Tab reaches the first filter');
      await s.appRunning();
      assert.equal(await s.focused(), focused, 'the focus is still on it once the app runs');
      await s.press('Space');
      await s.until(() => location.search === '?jour=2023-10-18', null, 'the filter in the address');
      assert.equal(await countText(s), '3 éléments correspondent.');
    }));
  });

  it(`${label}: keyboard: the skip link is the first stop and leads to the content; a link followed puts the focus on the new page’s h1`, LIMIT, inSession(async (s) => {
    await s.open('/charte');
    await s.press('Tab');
    assert.equal(await s.focused(), 'link Aller au contenu');
    assert.ok(await s.run(() => document.activeElement.getBoundingClientRect().width > 20), 'visible once focused');
    await s.press('Enter');
    await s.until(() => document.activeElement?.id === 'contenu', null, 'the focus on the main content');
    assert.equal(await s.run(() => location.pathname), '/charte', 'no navigation');

    await s.open('/');
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'link Programme'; i += 1) {
      await s.press('Tab');
      focused = await s.focused();
    }
    assert.equal(focused, 'link Programme', 'Tab reaches « Programme » in the navigation');
    await s.press('Enter');
    await s.until(() => location.pathname === '/programme', null, '/programme');
    await s.until((X) => X.focused() === 'heading Programme 2023', null, 'the focus on the new page’s h1');
    assert.equal(await s.title(), 'Programme 2023 — Numérique en Commun[s]');
    assert.equal(await s.attribute({ role: 'link', name: 'Programme', within: MAIN_NAV }, 'aria-current'), 'page');
  }));

  it(`${label}: search and filters, kept in the address (jour, theme, format, q) and restored from it`, LIMIT, inSession(async (s) => {
    await s.open('/programme');
    assert.equal(await countText(s), '13 éléments correspondent.');
    const box = (group, label) => ({ role: 'checkbox', name: label, within: { role: 'group', name: group }, hidden: true });
    const address = (expected) => s.until((X, e) => location.search === e, expected, `the address ?…${expected}`);
    const filters = { role: 'button', name: /^Filtrer/ };

    await s.click(filters);
    assert.equal(await s.run(() => document.querySelector('details.filters__more').open), true, '« Filtrer » opens');

    await s.click(box('Jours', 'Jeudi 19 octobre 2023 (Programme du jeudi)'));
    await address('?jour=2023-10-19');
    assert.equal(await countText(s), '5 éléments correspondent.');
    await s.click(box('Formats', 'Plénière'));
    await address('?jour=2023-10-19&format=pleniere');
    assert.equal(await countText(s), '1 élément correspond.');
    assert.deepEqual(await listedTitles(s, 'h3'), ['Plénière']);
    assert.equal(await s.run(() => document.querySelector('details.filters__more > summary').textContent), 'Filtrer (2 filtres actifs)');
    await s.click(box('Formats', 'Plénière'));
    await s.click(box('Thématiques', 'Communs & souveraineté'));
    await address('?jour=2023-10-19&theme=communs-souverainete');
    assert.match(await countText(s), /^Aucun élément ne correspond\./);
    await s.click({ role: 'button', name: 'Effacer les filtres' });
    await address('');
    assert.equal(await countText(s), '13 éléments correspondent.');

    await s.click(SEARCH);
    await s.keys('soiree');
    await address('?q=soiree');
    assert.deepEqual(await listedTitles(s, 'h3'), ['Grande soirée NEC'], 'accents are optional');
    await s.click(box('Jours', 'Jeudi 19 octobre 2023 (Programme du jeudi)'));
    await address('?jour=2023-10-19&q=soiree');

    await s.reload();
    await s.startApp();
    assert.equal(await s.run(() => document.getElementById('recherche').value), 'soiree', 'the search is restored from the address');
    assert.equal(await s.attribute(box('Jours', 'Jeudi 19 octobre 2023 (Programme du jeudi)'), 'id'), 'filtre-jour-2023-10-19');
    assert.ok(await s.run(() => document.getElementById('filtre-jour-2023-10-19').checked), 'the day is restored');
    assert.deepEqual(await listedTitles(s, 'h3'), ['Grande soirée NEC']);

    await s.open('/programme?format=pleniere');
    assert.deepEqual(await listedTitles(s, 'h3'), ['Plénière'], 'an address with a filter opens filtered');
    assert.ok(await s.run(() => document.getElementById('filtre-format-pleniere').checked));
  }));

  it(`${label}: « Mon programme » kept across a reload, a session taken out by keyboard, and the .ics file downloaded (BEGIN:VCALENDAR, the session’s SUMMARY)`, LIMIT, inSession(async (s) => {
    await s.open('/programme');
    for (const title of ['Grande soirée NEC', 'Plénière']) {
      await s.click(toggle(title));
      await s.until((X, t) => X.find(t)?.getAttribute('aria-pressed') === 'true', toggle(title), `« ${title} » chosen`);
    }
    await s.until(() => document.getElementById('annonces').textContent.includes('ajouté à mon programme'), null, 'the addition to be announced');

    await s.reload();
    await s.appRunning();
    assert.equal(await s.attribute(toggle('Grande soirée NEC'), 'aria-pressed'), 'true', 'still chosen after a reload');
    await s.click({ role: 'link', name: 'Mon programme', within: MAIN_NAV });
    await s.until(() => location.pathname === '/mon-programme' && document.querySelector('main h1')?.textContent === 'Mon programme', null, 'Mon programme');
    assert.deepEqual(await listedTitles(s, 'h2'), ['Plénière', 'Grande soirée NEC'], 'in time order');

    // Taken out with the keyboard, the focused button goes with its session: the focus moves to
    // the count, never to <body> (focus_if_lost).
    await s.run((X, t) => X.find(t).focus(), toggle('Plénière'));
    await s.press('Enter');
    await s.until((X) => /1 élément choisi\.$/.test(X.focused()), null, 'the focus on the count « 1 élément choisi. »');
    assert.deepEqual(await listedTitles(s, 'h2'), ['Grande soirée NEC']);

    s.clearDownloads();
    await s.click({ role: 'link', name: 'Télécharger mon programme pour mon agenda, à ses dates passées (.ics)' });
    const text = await s.downloaded('nec-2023-mon-programme.ics', (t) => t.includes('END:VCALENDAR'));
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'), 'an iCalendar file');
    assert.match(text, /\r\nSUMMARY:Grande soirée NEC\r\n/);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.deepEqual(events.map((e) => [e.uid, e.summary, e.startDate.toJSDate().toISOString()]),
      [['nec-2023-grande-soiree@numerique-en-communs.fr', 'Grande soirée NEC', '2023-10-19T17:00:00.000Z']]);
    assert.equal(new URL(await s.url()).pathname, '/mon-programme', 'the download leaves the page where it was');
  }));

  it(`${label}: the share link opens the selection for someone else, who adds it to theirs`, LIMIT, inSession(async (s) => {
    await s.open('/programme');
    for (const title of ['Plénière', 'Déjeuner de clôture']) {
      await s.click(toggle(title));
      await s.until((X, t) => X.find(t)?.getAttribute('aria-pressed') === 'true', toggle(title), `« ${title} » chosen`);
    }
    await s.open('/mon-programme');
    const link = await s.run((X) => X.find({ role: 'textbox', name: 'Lien de partage de mon programme' })?.value);
    assert.equal(link, `${site.url}/mon-programme?partage=pleniere-jeudi%2Cdejeuner-cloture`);

    // Someone else, with their own browser storage (WebKitWebDriver runs one session at a time).
    await s.close();
    const friend = await engine.session(site.url);
    try {
      await friend.open('/programme');
      await friend.click(toggle('Grande soirée NEC'));
      await friend.until((X, t) => X.find(t)?.getAttribute('aria-pressed') === 'true', toggle('Grande soirée NEC'), 'the friend’s own choice');
      await friend.open(link);
      const shared = { role: 'region', name: 'Programme partagé avec vous' };
      const sharedText = (await friend.texts(shared))[0];
      assert.match(sharedText, /Plénière/);
      assert.match(sharedText, /Déjeuner de clôture/);
      assert.deepEqual(await listedTitles(friend, 'h2'), ['Grande soirée NEC'], 'nothing imported without asking');
      await friend.click({ role: 'button', name: 'Ajouter à mon programme', within: shared });
      await friend.until(() => location.search === '', null, 'the share parameter to go once imported');
      await friend.until(() => document.querySelectorAll('main li.item h2 a').length === 3, null, 'three sessions listed');
      assert.deepEqual(await listedTitles(friend, 'h2'), ['Plénière', 'Grande soirée NEC', 'Déjeuner de clôture']);
    } finally {
      await friend.close();
    }
  }));

  it(`${label}: the language switch leads to the same page and filters in English and back, and is remembered for /`, LIMIT, inSession(async (s) => {
    await s.open('/programme?jour=2023-10-19');
    const english = { role: 'link', name: 'English', within: { role: 'banner' } };
    assert.equal(await s.attribute(english, 'hreflang'), 'en');
    await s.click(english);
    await s.until(() => location.pathname + location.search === '/en/programme?jour=2023-10-19', null, 'the English address');
    await s.appRunning();
    await s.until(() => document.querySelector('main h1')?.textContent === '2023 programme', null, 'the English h1');
    assert.equal(await s.run(() => document.documentElement.lang), 'en');
    assert.equal(await s.title(), '2023 programme — Numérique en Commun[s]');
    await s.until((X, box) => X.find(box)?.checked, { role: 'checkbox', name: /^Thursday 19 October 2023/, hidden: true }, 'the day filter, kept in English');
    assert.equal(await s.count({ role: 'link', name: 'My programme', within: { role: 'navigation', name: 'Main navigation' } }), 1);

    await s.open('/');
    await s.until(() => location.pathname === '/en', null, 'the home address to open in the chosen language');
    assert.equal(await s.run(() => document.documentElement.lang), 'en');

    await s.click({ role: 'link', name: 'Français', within: { role: 'banner' } });
    await s.until(() => location.pathname === '/' && document.documentElement.lang === 'fr', null, 'the French home page');
    await s.appRunning();
    await s.until((X) => X.find({ role: 'link', name: 'Le programme 2023' }), null, 'the French home page’s content');
    await s.open('/');
    assert.equal(await s.run(() => location.pathname), '/', 'French is remembered too');
  }));

  it(`${label}: the theme switch turns the page dark with no app, is applied before the app on reload, and returns to light and automatic in the app`, LIMIT, inSession(async (s) => {
    const background = () => s.run(() => getComputedStyle(document.documentElement).backgroundColor);
    const THEME = { role: 'combobox', name: 'Thème' };
    // The app's selects come into the page inert for up to half a second (crates/nec-views/src/takeover/selects.rs,
    // so that Orca does not announce them); WebDriver refuses to act on them meanwhile.
    const selectsBack = () => s.until(() => !document.querySelector('select[inert]'), null, 'the theme switch back in the page');
    // A first visit: the page switches the theme by itself (scripts/shipped/boot.js), no app starts.
    await s.open('/charte', { app: false });
    assert.equal(await s.run((X, t) => X.find(t).value, THEME), '', 'automatic by default');
    await s.select(THEME, 'dark');
    await s.until(() => document.documentElement.dataset.theme === 'dark', null, 'data-theme="dark"');
    assert.equal(await background(), DARK);
    assert.equal(await s.run(() => localStorage.getItem('nec-theme')), 'dark');
    assert.equal(await s.run(() => document.documentElement.dataset.app ?? null), null, 'the app has not started');

    await s.reload();
    assert.equal(await s.run(() => document.documentElement.dataset.theme), 'dark', 'applied by the page itself, before the app');
    assert.equal(await background(), DARK);
    await s.startApp();
    assert.equal(await s.run((X, t) => X.find(t).value, THEME), 'dark');
    assert.deepEqual(await s.axe(), [], 'dark theme: zero axe-core violations');

    await selectsBack();
    await s.select(THEME, 'light');
    await s.until(() => document.documentElement.dataset.theme === 'light', null, 'data-theme="light"');
    assert.equal(await background(), LIGHT);
    await s.select(THEME, '');
    await s.until(() => document.documentElement.dataset.theme === undefined, null, 'no data-theme');
    assert.equal(await s.run(() => localStorage.getItem('nec-theme')), null);
  }));

  it(`${label}: offline after a visit: the service worker opens /, /programme and an unvisited item with « Données hors ligne du … »`, LIMIT, async () => {
    // Its own server: stopping it is the loss of the network (a refused connection).
    const own = await serveFront();
    const s = await engine.session(own.url);
    try {
      await s.open('/');
      await s.until(() => navigator.serviceWorker?.controller?.scriptURL.endsWith('/sw.js'), null, 'the service worker to control the page', 30_000);
      const worker = workerOf(DIST);
      await s.until(async (X, { cache, files }) => {
        if (!(await caches.has(cache))) return false;
        const kept = await caches.open(cache);
        return (await Promise.all(files.map((p) => kept.match(p)))).every(Boolean);
      }, { cache: worker.cache, files: [...worker.assets, ...worker.data] }, 'the offline copy of the app and its data', 30_000);
      await own.close();

      const notice = { role: 'status', name: /^Données hors ligne du / };
      await s.reload();
      await s.startApp();
      assert.deepEqual(await s.texts({ css: 'main h1' }), ['Numérique en Commun[s]']);
      await s.until((X, n) => X.find(n), notice, 'the offline notice on /');
      await s.click({ role: 'link', name: 'Programme', within: MAIN_NAV });
      await s.until(() => location.pathname === '/programme' && document.querySelector('main h1')?.textContent === 'Programme 2023', null, '/programme, offline');
      await s.until((X, n) => X.find(n), notice, 'the offline notice on /programme');
      assert.equal(await countText(s), '13 éléments correspondent.');
      await s.goto(`${own.url}/programme/grande-soiree`);
      await s.startApp();
      assert.deepEqual(await s.texts({ css: 'main h1' }), ['Grande soirée NEC']);
      assert.equal(await s.title(), 'Grande soirée NEC — Programme 2023 — Numérique en Commun[s]');
      await s.until((X, n) => X.find(n), notice, 'the offline notice on an item not visited online');
    } finally {
      await s.close();
      await own.close().catch(() => {});
    }
  });

  describe(`${label}: the widget on a partner’s page`, () => {
    let partner;
    before(async () => { partner = await servePartner(site.url); });
    after(async () => { await partner?.close(); });

    it('shows the programme under the partner’s strict CSP, with 0 violations, at the heading level asked, and searches once reached for', LIMIT, inSession(async (s) => {
      const commons = programme.items.filter((i) => i.theme === 'communs-souverainete');
      const since = partner.reports.length;
      await s.goto(partner.url + '/');
      const ready = (id) => s.until((X, id) => {
        const root = document.getElementById(id)?.shadowRoot?.querySelector('.nec-root');
        return root && !root.hidden && root.querySelector('.nec-widget') && !root.querySelector('.nec-loading');
      }, id, `the widget #${id}`);
      await ready('module-communs');
      await ready('module-jeudi');
      const inWidget = (spec) => ({ ...spec, shadow: 'module-communs' });
      assert.deepEqual(await s.texts(inWidget({ role: 'heading', level: 3 })), ['Programme de Numérique en Commun[s] 2023']);
      const titles = await s.texts(inWidget({ role: 'heading', level: 5 }));
      assert.equal(titles.length, commons.length);
      for (const item of commons) assert.ok(titles.some((t) => t.endsWith(item.title)), `« ${item.title} » in the widget`);
      assert.equal(await s.attribute(inWidget({ role: 'link', name: new RegExp(commons[0].title.slice(0, 30)) }), 'href'), `${site.url}/programme/${commons[0].id}`);
      const start = await s.run(() => [location.href, history.length, document.getElementById('route').textContent]);

      await s.click(inWidget({ role: 'searchbox', name: 'Rechercher' }));
      await s.until(() => {
        const root = document.getElementById('module-communs').shadowRoot.querySelector('.nec-root');
        return root && !root.hasAttribute('data-painted') && root.querySelector('.nec-widget');
      }, null, 'the widget’s wasm to take over');
      assert.equal(await s.focused(), 'searchbox Rechercher', 'the focus stays in the widget’s search field');
      await s.keys('zzz');
      await s.until((X, w) => X.find(w)?.textContent.startsWith('Aucun'), inWidget({ role: 'status' }), 'no result for zzz');
      for (let i = 0; i < 3; i += 1) await s.press('Backspace');
      await s.keys('accelerateur');
      await s.until((X, w) => X.find(w)?.textContent === '1 élément.', inWidget({ role: 'status' }), '1 result, announced in the widget’s status region');
      assert.deepEqual(await s.run(() => [location.href, history.length, document.getElementById('route').textContent]), start, 'the partner’s address, history and router are left alone');
      await assertNoViolation(s, partner, since, 'the partner’s page');
    }));
  });

  it(`${label}: the strict CSP, as nginx sends it, with 0 violations on every route and in the app’s dynamic parts`, LIMIT, inSession(async (s) => {
    const sent = (await fetch(`${site.nginx}/programme`)).headers.get('content-security-policy');
    assert.equal(sent, CSP, 'nginx sends the strict policy of tests/support/csp.mjs');
    const since = site.reports.length;
    for (const route of ROUTES) {
      await s.acting(route.path, () => s.open(route.path));
      if (route.path === '/programme') {
        await s.click(toggle('Grande soirée NEC'));
        await s.until((X, t) => X.find(t)?.getAttribute('aria-pressed') === 'true', toggle('Grande soirée NEC'), 'the toggle');
      }
    }
    await s.open('/mon-programme');
    await s.until(() => navigator.serviceWorker?.controller, null, 'the service worker, under the same policy');
    await assertNoViolation(s, site, since, 'every route');
  }));

  it(`${label}: no CSP violation reported by any journey above`, async () => {
    assert.deepEqual(site.reports.filter((r) => !r.includes('canary.invalid')), []);
  });
}
