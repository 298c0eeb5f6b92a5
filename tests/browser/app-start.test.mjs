// When the app starts (scripts/shipped/boot.js, issue 8): a visitor who reads a prerendered page never
// downloads the wasm; reaching for a control starts it, but for the ones the page serves by itself
// (issue 20): « Mon programme » and the theme take effect at once, with no app, and what else was
// pressed, ticked or chosen meanwhile is done by the app once it runs (crates/nec-views/src/takeover/). A page that cannot show the truth
// without the app (a personal agenda, a filtered address, the event's day) starts it at once;
// /donnees-personnelles shows what the device keeps with the boot module alone. If it cannot start, an alert says so, with a retry, and the page stays.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appRunning, axeViolations, holdWasm, offlineCopyMade, openPage, panics, start, startApp, tabToFirstCheckbox } from '../support/browser.mjs';
import { DIST, workerOf } from '../support/server.mjs';
import { ROUTES, programme } from '../support/routes.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const AGENDA_KEY = 'nec-mon-programme-2023';
const first = programme.items[0];
const isApp = (url) => /\/nec-web-[0-9a-f]+(_bg\.wasm|\.js)$/.test(new URL(url).pathname);

/** A page opened as a reader has it: the app not started by the test. `requests` lists the
 * app's files (glue, wasm) and data the page asked for. */
async function reader(path, { prepare = async () => {}, held = false, viewport, serviceWorkers, waitUntil = 'networkidle' } = {}) {
  const page = await openPage(env, { ...(viewport && { viewport }), ...(serviceWorkers && { serviceWorkers }) });
  await prepare(page);
  page.appRequests = [];
  page.on('request', (r) => { if (isApp(r.url()) || new URL(r.url()).pathname.startsWith('/data/')) page.appRequests.push(new URL(r.url()).pathname); });
  const release = held ? await holdWasm(page) : () => {};
  await page.goto(env.url + path, { app: false, waitUntil });
  return { page, release };
}

const state = (page) => page.evaluate(() => document.documentElement.dataset.app ?? null);

describe('a visitor who only reads', () => {
  it('reads and scrolls /programme, follows a link, and downloads neither the app nor its data', async () => {
    const { page } = await reader('/programme', { viewport: { width: 390, height: 844 } });
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(500);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Programme 2023');
    assert.ok(await page.getByRole('heading', { name: first.title }).isVisible());
    // A link works as a page load, which arrives with its content.
    await page.getByRole('link', { name: first.title }).click();
    await page.waitForURL(`**/programme/${first.id}`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), first.title);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(page.appRequests, []);
    assert.equal(await state(page), null);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  for (const route of ROUTES) {
    it(`${route.path} as read, before the app: zero axe violations`, async () => {
      const { page } = await reader(route.path);
      assert.equal(await state(page), null, 'the app has not started');
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(page.appRequests, []);
      await page.close();
    });
  }
});

describe('the controls the page serves by itself start nothing (issue 20)', () => {
  it('/en/charte: every control tabbed through, the theme switch pointed at, an engagement’s French text opened, and no app downloaded', async () => {
    const { page } = await reader('/en/charte');
    await page.getByLabel('Theme').hover();
    for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
    const original = page.locator('details.original').first();
    await original.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await original.evaluate((d) => d.open), true, 'the browser opens it');
    assert.equal(await original.locator('div[lang="fr"]').isVisible(), true);
    await page.waitForLoadState('networkidle');
    assert.equal(await state(page), null);
    assert.deepEqual(page.appRequests, []);
    await page.close();
  });
});

describe('reaching for a control starts the app', () => {
  it('tabbing to a control starts it, and the focus stays on that control', async () => {
    const { page } = await reader('/programme');
    // The first box, behind « Filtrer » (closed: out of the accessibility tree until opened).
    const name = await page.locator('input[type=checkbox]').first().getAttribute('id');
    // Tab until the focus reaches the first checkbox (links before it start nothing; « Filtrer »
    // is opened on the way, before the app runs or as it starts).
    await tabToFirstCheckbox(page);
    await appRunning(page);
    assert.ok(page.appRequests.some((p) => p.endsWith('_bg.wasm')), 'the wasm is downloaded');
    assert.equal(await page.evaluate(() => document.activeElement?.id), name);
    // And it is the app's checkbox: Space filters the programme.
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.search !== '');
    assert.match(await page.getByRole('status').filter({ hasText: /correspond/ }).first().innerText(), /correspond/);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('« Mon programme » pressed before the app takes effect at once, with no app; the app, started later, keeps it with what the item was', async () => {
    const { page, release } = await reader('/programme', { held: true });
    const button = page.getByRole('button', { name: `Mon programme : ${first.title}` });
    await button.hover();
    await button.click();
    assert.equal(await state(page), null, 'the page presses it by itself: the app does not start');
    // Before any wasm (issue 20): the button says it, the choice is kept, the app's words are said.
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.equal(await button.locator('.toggle__star').textContent(), '★');
    assert.equal(await page.locator('#annonces').textContent(), `«\u202f${first.title}\u202f» ajouté à mon programme.`);
    assert.deepEqual(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), AGENDA_KEY)), [{ id: first.id }]);
    // Pressed again: taken out, as the app would.
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.locator('#annonces').textContent(), `«\u202f${first.title}\u202f» retiré de mon programme.`);
    assert.deepEqual(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), AGENDA_KEY)), []);
    await button.click();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(page.appRequests, [], 'neither the app nor the data downloaded');
    // The search reached for: the app starts, with the choice made.
    await page.locator('main input[type=search]').hover();
    assert.equal(await state(page), 'starting');
    release();
    await appRunning(page);
    await page.waitForFunction((name) => [...document.querySelectorAll('button[aria-pressed="true"]')].some((b) => b.textContent.includes(name)), first.title);
    assert.equal(await page.getByRole('button', { pressed: true }).count(), 1, 'the app does not press it again');
    assert.equal(await page.locator('[data-pending-click]').count(), 0, 'the app’s tree carries no mark');
    // The app completes the choice with what the item is (crates/nec-core/src/chosen.rs).
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key))[0]?.was !== undefined, AGENDA_KEY);
    const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), AGENDA_KEY));
    assert.deepEqual(stored.map((choice) => choice.id), [first.id]);
    assert.equal(stored[0].was.title.fr, first.title);
    await page.getByRole('link', { name: 'Mon programme', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon programme' }).waitFor();
    await page.getByRole('heading', { name: first.title }).waitFor();
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('« Mon programme » on an English item page, before the app: kept, and said in English', async () => {
    const { page, release } = await reader(`/en/programme/${first.id}`, { held: true });
    const button = page.locator('main button.toggle');
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('#annonces').textContent(), /^“.+” added to my programme\.$/);
    assert.deepEqual(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), AGENDA_KEY)), [{ id: first.id }]);
    await page.waitForLoadState('networkidle');
    assert.equal(await state(page), null, 'the only control of the page started nothing');
    assert.deepEqual(page.appRequests, []);
    // Loaded again with an agenda, the page is not the one written for none: the app starts at once.
    release();
    await page.reload({ app: false });
    await appRunning(page);
    await page.waitForFunction(() => document.querySelector('main button.toggle:not([data-pending-click])')?.getAttribute('aria-pressed') === 'true');
    assert.equal(await page.locator('#app[data-prerendered]').count(), 0, 'the app’s page');
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('« Mon programme » before the app, with a stored selection it cannot read: left to the app', async () => {
    const { page, release } = await reader('/programme', {
      held: true,
      // A stored agenda starts the app at once: the network stays busy with the held wasm.
      waitUntil: 'load',
      // Before the page's scripts, once: the app's own writes must not be undone on a reload.
      prepare: (p) => p.addInitScript((key) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem(key, '{corrompu'); sessionStorage.setItem('seeded', '1'); } }, AGENDA_KEY),
    });
    const button = page.getByRole('button', { name: `Mon programme : ${first.title}` });
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'false', 'nothing is written over what cannot be read');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), AGENDA_KEY), '{corrompu');
    assert.equal(await page.locator('#annonces').textContent(), 'Chargement de l’application…');
    assert.equal(await button.getAttribute('data-pending-click'), '', 'the app presses it');
    release();
    await appRunning(page);
    await page.waitForFunction((name) => [...document.querySelectorAll('button[aria-pressed="true"]')].some((b) => b.textContent.includes(name)), first.title);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('another button pressed while the app loads is pressed by the app: the widget’s preview on /integrer', async () => {
    const { page, release } = await reader('/integrer', { held: true });
    await page.getByRole('button', { name: 'Afficher l’aperçu' }).click();
    assert.equal(await state(page), 'starting');
    assert.equal(await page.locator('#annonces').textContent(), 'Chargement de l’application…', 'the wait is announced');
    assert.equal(await page.locator('.widget-preview').count(), 0, 'nothing happens before the app runs');
    release();
    await appRunning(page);
    await page.locator('.widget-preview').waitFor({ state: 'attached' });
    assert.equal(await page.locator('[data-pending-click]').count(), 0);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('« Mon programme » pressed before the boot module runs is kept for it, and takes effect when it runs, with no app', async () => {
    // On a phone the boot module arrives a round trip after the content has painted: hold it.
    const page = await openPage(env);
    const wasm = [];
    page.on('request', (r) => { if (isApp(r.url())) wasm.push(new URL(r.url()).pathname); });
    let releaseBoot;
    const bootHeld = new Promise((resolve) => { releaseBoot = resolve; });
    await page.route('**/boot-*.js', async (route) => { await bootHeld; await route.continue(); });
    await page.goto(env.url + '/programme', { app: false, waitUntil: 'commit' });
    const button = page.getByRole('button', { name: `Mon programme : ${first.title}` });
    await button.click();
    assert.equal(await state(page), null, 'the boot module has not run');
    assert.equal(await button.getAttribute('data-pending-click'), '', 'the press is kept for it');
    releaseBoot();
    await page.waitForFunction((name) => [...document.querySelectorAll('button[aria-pressed="true"]')].some((b) => b.textContent.includes(name)), first.title);
    assert.equal(await button.getAttribute('data-pending-click'), null, 'the boot module did it, not the app');
    await page.waitForLoadState('networkidle');
    assert.equal(await state(page), null, 'the app does not start for it');
    assert.deepEqual(wasm, []);
    assert.deepEqual(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), AGENDA_KEY)).map((choice) => choice.id), [first.id]);
    assert.equal(await page.locator('[data-pending-click]').count(), 0);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('/donnees-personnelles’ erase pressed before the boot module runs takes effect when it runs, with no app', async () => {
    const page = await openPage(env);
    const wasm = [];
    page.on('request', (r) => { if (isApp(r.url())) wasm.push(new URL(r.url()).pathname); });
    await page.addInitScript(() => { if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('nec-theme', 'dark'); } });
    let releaseBoot;
    const bootHeld = new Promise((resolve) => { releaseBoot = resolve; });
    await page.route('**/boot-*.js', async (route) => { await bootHeld; await route.continue(); });
    await page.goto(env.url + '/donnees-personnelles', { app: false, waitUntil: 'commit' });
    const erase = page.getByRole('button', { name: 'Effacer ces données de cet appareil' });
    await erase.click();
    assert.equal(await erase.getAttribute('data-pending-click'), '', 'the press is kept for the boot module');
    releaseBoot();
    await page.getByRole('button', { name: 'Rétablir les données effacées' }).waitFor();
    assert.equal(await erase.getAttribute('data-pending-click'), null, 'the boot module did it, not the app');
    assert.equal(await page.evaluate(() => localStorage.getItem('nec-theme')), null);
    assert.equal(await page.getAttribute('html', 'data-theme'), null);
    await page.waitForLoadState('networkidle');
    assert.equal(await state(page), null, 'the app does not start for it');
    assert.deepEqual(wasm, []);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('the theme chosen before the app takes effect at once, with no app, and is the app’s once it runs', async () => {
    const { page, release } = await reader('/charte', { held: true });
    await page.getByLabel('Thème').hover();
    await page.getByLabel('Thème').focus();
    await page.getByLabel('Thème').selectOption('dark');
    assert.equal(await state(page), null, 'the page switches the theme by itself: the app does not start');
    // The page turns dark and the choice is kept before any wasm has arrived (issue 20).
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.evaluate(() => localStorage.getItem('nec-theme')), 'dark');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).colorScheme), 'dark');
    await page.getByLabel('Thème').selectOption('');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null, '« Automatique » follows the system again');
    assert.equal(await page.evaluate(() => localStorage.getItem('nec-theme')), null);
    await page.getByLabel('Thème').selectOption('dark');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(page.appRequests, [], 'neither the app nor the data downloaded');
    // The app, as in-app navigation from another page brings it here, starts with the choice.
    release();
    await startApp(page);
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.equal(await page.getByLabel('Thème').inputValue(), 'dark');
    assert.equal(await page.evaluate(() => localStorage.getItem('nec-theme')), 'dark');
    await page.close();
  });
});

describe('a control reached as the app starts: the page is replaced at the next move, not under the visitor (issue 26, RGAA 7.1)', () => {
  /** /programme read, the app started by Tab presses up to the first check box (the wasm held
   * until then), and waiting: the painted page is still there, focus on its check box. */
  async function waitingOnCheckbox() {
    const { page, release } = await reader('/programme', { held: true });
    await tabToFirstCheckbox(page);
    const id = await page.evaluate(() => document.activeElement.id);
    release();
    await page.waitForFunction(() => document.documentElement.dataset.app === 'waiting');
    assert.equal(await page.locator('#app[data-prerendered]').count(), 1, 'the painted page stays while the visitor stays');
    assert.equal(await page.evaluate(() => document.activeElement.id), id);
    // Every focus move from now on is counted: a screen reader announces each.
    await page.evaluate(() => { window.focusMoves = []; addEventListener('focusin', (e) => window.focusMoves.push(e.target.id || e.target.textContent.trim()), true); });
    return { page, id };
  }
  const inApp = (page) => page.evaluate(() => Boolean(document.activeElement.closest('#app:not([data-prerendered])')));

  it('Tab reaches the next control of the app’s page, with one focus move', async () => {
    const { page, id } = await waitingOnCheckbox();
    const next = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('#app input[type=checkbox]')];
      return boxes[boxes.indexOf(document.activeElement) + 1].id;
    });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
    assert.ok(await inApp(page), 'the focus is in the app’s page');
    assert.equal(await page.evaluate(() => document.activeElement.id), next, 'on the control after the one reached');
    assert.deepEqual(await page.evaluate(() => window.focusMoves), [next], 'one focus move: the control left is not focused again');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), id);
    // The count, unchanged, was inserted silent; it speaks again once the screen reader has moved on.
    await page.waitForFunction(() => !document.querySelector('.result-count').hasAttribute('aria-live'), null, { timeout: 5000 });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.search !== '');
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('Shift+Tab reaches the previous control of the app’s page', async () => {
    const { page } = await waitingOnCheckbox();
    const previous = await page.evaluate(() => {
      const controls = [...document.querySelectorAll('#app a[href], #app button, #app input, #app select, #app summary')].filter((c) => c.getClientRects().length);
      const before = controls[controls.indexOf(document.activeElement) - 1];
      return before.id || before.textContent.trim();
    });
    await page.keyboard.press('Shift+Tab');
    assert.ok(await inApp(page));
    assert.equal(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim()), previous);
    assert.equal((await page.evaluate(() => window.focusMoves)).length, 1);
    await page.close();
  });

  it('Space ticks the app’s check box, and the new count is said, not the old one', async () => {
    const { page, id } = await waitingOnCheckbox();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.search !== '');
    assert.ok(await inApp(page));
    assert.equal(await page.evaluate(() => document.activeElement.id), id);
    assert.equal(await page.evaluate(() => document.activeElement.checked), true);
    const count = page.locator('.result-count');
    assert.match(await count.innerText(), /^\d+ éléments? correspond/);
    assert.notEqual(await count.innerText(), `${programme.items.length} éléments correspondent.`);
    assert.equal(await count.getAttribute('aria-live'), null, 'the count changed: its region speaks');
    await page.close();
  });

  it('an arrow on the theme switch chooses the next theme in the app', async () => {
    const { page, release } = await reader('/programme', { held: true });
    // The search reached for starts the app; the visitor then goes back to the theme switch.
    await page.locator('main input[type=search]').hover();
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== 'theme'; i++) await page.keyboard.press('Tab');
    release();
    await page.waitForFunction(() => document.documentElement.dataset.app === 'waiting');
    const before = await page.getByLabel('Thème').inputValue();
    await page.keyboard.press('ArrowDown');
    // The choice acts on the painted switch first (a screen reader says it), then the app takes over.
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
    assert.ok(await inApp(page));
    assert.notEqual(await page.getByLabel('Thème').inputValue(), before);
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    assert.equal(await page.evaluate(() => localStorage.getItem('nec-theme')), 'light');
    await page.close();
  });

  it('Enter on « Filtrer » opens the filters of the app’s page, with one focus move', async () => {
    const { page, release } = await reader('/programme', { held: true });
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.matches('summary'))); i++) await page.keyboard.press('Tab');
    release();
    await page.waitForFunction(() => document.documentElement.dataset.app === 'waiting');
    await page.evaluate(() => { window.focusMoves = []; addEventListener('focusin', (e) => window.focusMoves.push(e.target.textContent.trim()), true); });
    await page.keyboard.press('Enter');
    assert.ok(await inApp(page));
    assert.equal(await page.evaluate(() => document.activeElement.closest('details').open), true, '« Filtrer » is open in the app');
    assert.deepEqual(await page.evaluate(() => window.focusMoves), ['Filtrer']);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.type), 'checkbox', 'Tab goes on into the filters');
    await page.close();
  });

  it('Enter on a link, waiting, opens its page in the app', async () => {
    const { page } = await waitingOnCheckbox();
    const link = page.locator('main h3 a').first();
    const [href, title] = await link.evaluate((a) => [a.getAttribute('href'), a.textContent.slice(a.querySelector('.visually-hidden')?.textContent.length ?? 0)]);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title.trim() }).waitFor();
    assert.equal(new URL(page.url()).pathname, href);
    await page.close();
  });

  it('a click on a link, waiting, opens its page in the app', async () => {
    const { page } = await waitingOnCheckbox();
    const link = page.locator('main h3 a').first();
    const [href, title] = await link.evaluate((a) => [a.getAttribute('href'), a.textContent.slice(a.querySelector('.visually-hidden')?.textContent.length ?? 0)]);
    await link.click();
    await page.getByRole('heading', { level: 1, name: title.trim() }).waitFor();
    assert.equal(new URL(page.url()).pathname, href);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
    await page.close();
  });
});

describe('the app starts at once where the page alone cannot be right', () => {
  it('a returning visitor with an agenda sees it on /programme, without touching anything', async () => {
    const { page } = await reader('/programme', {
      prepare: (p) => p.addInitScript(([key, id]) => { if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify([id])); }, [AGENDA_KEY, first.id]),
    });
    await appRunning(page);
    assert.equal(await page.getByRole('button', { name: `Mon programme : ${first.title}` }).getAttribute('aria-pressed'), 'true');
    await page.close();
  });

  it('a returning visitor with an agenda finds it on « Mon programme » and /donnees-personnelles at once, and reads /charte with no app', async () => {
    const prepare = (p) => p.addInitScript(([key, id]) => { if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify([id])); }, [AGENDA_KEY, first.id]);
    const mine = await reader('/mon-programme', { prepare });
    await appRunning(mine.page);
    await mine.page.getByRole('heading', { name: first.title }).waitFor();
    await mine.page.close();
    // What the device keeps: the page written with nothing kept is corrected at once.
    const kept = await reader('/donnees-personnelles', { prepare });
    await appRunning(kept.page);
    const agendaRow = kept.page.locator('#stockage-caption').locator('xpath=ancestor::table').locator('tbody tr:first-child td:last-child');
    await kept.page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
    assert.equal(await agendaRow.innerText(), '1 élément');
    await kept.page.close();
    const { page } = await reader('/charte', { prepare });
    assert.equal(await state(page), null, 'the charter shows no agenda: the page is right as written');
    assert.deepEqual(page.appRequests, []);
    await page.close();
  });

  it('a filtered address shows its filter, without touching anything', async () => {
    const day = programme.days.find((d) => d.kind === 'off').date;
    const { page } = await reader(`/programme?jour=${day}`);
    await appRunning(page);
    assert.ok(page.appRequests.some((p) => p.endsWith('_bg.wasm')));
    await page.close();
  });

  it('during the event, /programme says what is on now', async () => {
    const { page } = await reader('/programme', { prepare: (p) => p.addInitScript(() => { window.NEC_NOW = '2023-10-19T10:00:00+02:00'; }) });
    await appRunning(page);
    await page.getByRole('heading', { name: 'En ce moment' }).waitFor();
    await page.close();
  });
});

describe('a page that starts the app at once (issue 26)', () => {
  const [thursday] = programme.days.filter((d) => d.kind === 'main').map((d) => d.date);
  const cases = [
    [`/programme?jour=${thursday}`, null, /^5 éléments correspondent\.$/],
    ['/programme?q=cloture', null, /^\d+ éléments? correspond(ent)?\.$/],
    ['/mon-programme?partage=grande-soiree', null, /^Programme partagé avec vous$/],
    ['/mon-programme', [first.id, 'grande-soiree'], /^2 éléments choisis/],
  ];
  for (const [path, saved, result] of cases) {
    it(`${path}${saved ? ' with 2 sessions saved' : ''}: busy until the app's content is there, focus kept through Tab presses, the result said once`, async () => {
      // The wasm held: the page never goes idle.
      const { page, release } = await reader(path, {
        held: true,
        waitUntil: 'load',
        prepare: (p) => saved && p.addInitScript(([key, ids]) => localStorage.setItem(key, JSON.stringify(ids)), [AGENDA_KEY, saved]),
      });
      await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'true');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      const before = await page.evaluate(() => document.activeElement.textContent.trim());
      assert.notEqual(before, '', 'focus is on a control of the page as written');
      // Focus left for nothing (the document) is where a screen reader finds another control (NC-14).
      await page.evaluate(() => { window.focusLost = 0; addEventListener('focusout', (e) => { if (!e.relatedTarget) window.focusLost += 1; }, true); });
      release();
      await appRunning(page);
      assert.equal(await page.locator('main').getAttribute('aria-busy'), null, 'no longer busy');
      assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), before, 'focus is on the same control in the app');
      assert.equal(await page.evaluate(() => window.focusLost), 0, 'the focus goes from the painted control to the app’s, never to the document');
      await page.waitForFunction(() => document.getElementById('annonces').textContent !== '');
      assert.match(await page.locator('#annonces').textContent(), result, 'the corrected result is announced');
      await page.keyboard.press('Tab');
      assert.notEqual(await page.evaluate(() => document.activeElement.textContent.trim()), 'Aller au contenu', 'Tab goes on, not back to the top');
      assert.deepEqual(panics(page), []);
      await page.close();
    });
  }
});

describe('a control the corrected page no longer has (issue 26)', () => {
  it('the focus goes to the nearest control before it that can take it, never to the document', async () => {
    const { page, release } = await reader('/programme?q=cloture', { held: true, waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'true');
    // Into the list as written for no search, to a session the search leaves out.
    const here = () => page.evaluate(() => document.activeElement?.textContent.trim());
    const leftOut = () => page.evaluate(() => document.activeElement?.matches('button.toggle') && !/cl[oô]ture/i.test(document.activeElement.textContent));
    for (let i = 0; i < 40 && !(await leftOut()); i++) await page.keyboard.press('Tab');
    assert.ok(await leftOut(), `on the toggle of a session the search leaves out: ${await here()}`);
    release();
    await appRunning(page);
    assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'the focus is on a control');
    assert.ok(await page.evaluate(() => document.getElementById('app').contains(document.activeElement)));
    await page.keyboard.press('Tab');
    assert.notEqual(await here(), 'Aller au contenu', 'Tab goes on, not back to the top');
    await page.close();
  });
});

describe('the app’s selects as it takes the page over (issue 26, NC-14)', () => {
  it('come in inert, so Orca does not announce them; a Tab from the language link, kept through the takeover, reaches the theme switch at once', async () => {
    const { page, release } = await reader(`/programme?q=cloture`, { held: true, waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'true');
    // To « English », the link before the theme switch.
    const here = () => page.evaluate(() => document.activeElement?.textContent.trim());
    for (let i = 0; i < 20 && (await here()) !== 'English'; i++) await page.keyboard.press('Tab');
    assert.equal(await here(), 'English');
    release();
    await appRunning(page);
    // The language link's address now carries the query, and `main` has fewer controls.
    assert.equal(await here(), 'English', 'the same link in the app’s page');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'theme', 'the theme switch, not the control after it');
    await page.waitForFunction(() => !document.querySelector('[inert]'), null, { timeout: 2000 });
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    assert.deepEqual(panics(page), []);
    await page.close();
  });
  it('are given back at the first move of the mouse, so the click that follows opens the theme switch', async () => {
    const { page, release } = await reader('/programme?q=cloture', { held: true, waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'true');
    release();
    await appRunning(page);
    // In one task, so the half second the selects are held cannot run out in between (on a slow
    // machine it may have already: then there is nothing left to give back).
    const stillInert = await page.evaluate(() => {
      const held = document.querySelector('select[inert]');
      if (!held) return null;
      dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));
      return held.hasAttribute('inert');
    });
    assert.notEqual(stillInert, true, 'a mouse move gives the theme switch back');
    await page.locator('#theme').selectOption('dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.deepEqual(panics(page), []);
    await page.close();
  });
});

describe('a filtered address before the app runs (issue 26, NC-14)', () => {
  const [thursday, friday] = programme.days.filter((d) => d.kind === 'main').map((d) => d.date);
  it('its boxes and search field say the address’s choice at once; a box unticked meanwhile stays unticked in the app', async () => {
    const { page, release } = await reader(`/programme?jour=${thursday}&q=pl%C3%A9ni%C3%A8re`, { held: true, waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'true');
    const boxes = () => page.evaluate(() => [...document.querySelectorAll('form.filters input[type=checkbox]:checked')].map((b) => b.id));
    assert.deepEqual(await boxes(), [`filtre-jour-${thursday}`], 'the painted page ticks the address’s day, and only it');
    assert.equal(await page.getByRole('searchbox', { name: 'Rechercher' }).inputValue(), 'plénière');
    assert.equal(await page.locator('details.filters__more summary').textContent(), 'Filtrer (1 filtre actif)');
    // A visitor who unticks Thursday and ticks Friday before the app runs.
    await page.locator('details.filters__more summary').click();
    await page.locator(`#filtre-jour-${thursday}`).click();
    await page.locator(`#filtre-jour-${friday}`).click();
    release();
    await appRunning(page);
    await page.waitForFunction((day) => new URL(location.href).searchParams.getAll('jour').join() === day, friday);
    assert.deepEqual(await boxes(), [`filtre-jour-${friday}`], 'what the visitor did is what the app shows');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'plénière', 'the search is kept');
    assert.equal(await page.getByRole('searchbox', { name: 'Rechercher' }).inputValue(), 'plénière');
    assert.deepEqual(panics(page), []);
    await page.close();
  });
});

describe('without the app', () => {
  /** The « Gardé en ce moment » column of /donnees-personnelles: agenda, theme, language, files. */
  const keptNow = (page) => page.locator('#stockage-caption').locator('xpath=ancestor::table').locator('tbody tr td:last-child').allInnerTexts();

  it('/donnees-personnelles shows what this device keeps, and the app then shows the same', async () => {
    // Nothing kept: the page as written.
    const fresh = await reader('/donnees-personnelles');
    assert.deepEqual(await keptNow(fresh.page), ['rien', 'rien (thème automatique)', 'rien', 'rien']);
    assert.deepEqual(fresh.page.appRequests, []);
    await fresh.page.close();

    // A theme and a language chosen, and an offline copy made by an earlier visit that used the app.
    const { page } = await reader('/', { serviceWorkers: 'allow' });
    await page.goto(env.url + '/donnees-personnelles');
    await page.getByLabel('Thème').selectOption('dark');
    await page.evaluate(() => localStorage.setItem('nec-langue', 'en'));
    await offlineCopyMade(page, workerOf(DIST));
    const fresher = await page.context().newPage();
    const requests = [];
    fresher.on('request', (r) => { if (isApp(r.url())) requests.push(new URL(r.url()).pathname); });
    await fresher.goto(env.url + '/donnees-personnelles', { waitUntil: 'networkidle' });
    const files = await fresher.evaluate(async () => {
      let n = 0;
      for (const c of await caches.keys()) n += (await (await caches.open(c)).keys()).length;
      return n;
    });
    assert.ok(files > 1, `${files} files kept offline`);
    const read = await keptNow(fresher);
    assert.deepEqual(read, ['rien', '«\u202fSombre\u202f»', 'anglais', `${files} fichiers`], 'typeset as the app will show it');
    assert.equal(await state(fresher), null, 'the app has not started');
    assert.deepEqual(requests, []);
    assert.deepEqual(await axeViolations(fresher), []);
    // The erase button is the page's own (scripts/shipped/boot.js): the app takes over as in-app
    // navigation brings it, with the same words, and no « … » in between.
    await fresher.getByRole('button', { name: 'Effacer ces données de cet appareil' }).hover();
    assert.equal(await state(fresher), null, 'reaching for the erase button starts no app');
    await startApp(fresher);
    assert.deepEqual(await keptNow(fresher), read);
    assert.ok(requests.some((p) => p.endsWith('_bg.wasm')));
    await page.close();
  });

  it('/donnees-personnelles names the current edition’s key once the app runs, even with editions.json late', async () => {
    const { page } = await reader('/donnees-personnelles');
    const key = () => page.locator('#stockage-caption').locator('xpath=ancestor::table').locator('tbody tr:first-child code').innerText();
    assert.equal(await key(), 'nec-mon-programme-2023', 'as written by the build');
    // The index arrives a second late: the app takes the page over only once it has read it.
    await page.route('**/data/editions.json', async (r) => { await new Promise((ok) => setTimeout(ok, 1000)); await r.continue(); });
    await startApp(page);
    assert.equal(await key(), 'nec-mon-programme-2023', 'no « nec-mon-programme-… » while the index loads');
    await page.close();
  });

  it('/donnees-personnelles reads stored values as the app does', async () => {
    // A language with its region (read by its primary subtag), a theme the app does not know.
    const { page } = await reader('/en/donnees-personnelles', {
      prepare: (p) => p.addInitScript(() => { localStorage.setItem('nec-langue', 'FR-fr'); localStorage.setItem('nec-theme', 'Dark'); }),
    });
    const read = await keptNow(page);
    assert.deepEqual(read, ['nothing', 'nothing (automatic theme)', 'French', 'nothing']);
    assert.deepEqual(page.appRequests, []);
    await startApp(page);
    assert.deepEqual(await keptNow(page), read);
    await page.close();
  });

  it('/donnees-personnelles erases and restores without the app, as the app does, downloading nothing', async () => {
    /** A device that keeps a theme, a language and an offline copy of the pages read; on it,
     * /donnees-personnelles' erase then its undo, by the page alone or by the app. */
    const eraseAndRestore = async ({ withApp }) => {
      const { page: before } = await reader('/', { serviceWorkers: 'allow' });
      await before.getByLabel('Thème').selectOption('dark');
      await before.evaluate(() => localStorage.setItem('nec-langue', 'en'));
      await before.waitForFunction(() => window.necOfflineCopy.files().then((n) => n > 0), null, { timeout: 30000 });
      const page = await before.context().newPage();
      const requests = [];
      page.on('request', (r) => { if (isApp(r.url()) || new URL(r.url()).pathname.startsWith('/data/')) requests.push(new URL(r.url()).pathname); });
      await page.goto(env.url + '/donnees-personnelles', { waitUntil: 'networkidle' });
      const offline = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'nec-web-…' }) }).getByRole('cell').last();
      await offline.filter({ hasText: /fichiers?$/ }).waitFor();
      if (withApp) await startApp(page);
      const said = async (words) => {
        await page.waitForFunction((words) => document.getElementById('annonces').textContent.includes(words), words);
        return page.locator('#annonces').textContent();
      };
      const shown = async () => ({
        kept: await keptNow(page),
        notice: await page.locator('main p.notice').allInnerTexts(),
        stored: await page.evaluate(() => Object.entries(localStorage).sort()),
        theme: await page.getAttribute('html', 'data-theme'),
        switch: await page.getByLabel('Thème').inputValue(),
        worker: await page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration())),
      });
      await page.getByRole('button', { name: 'Effacer ces données de cet appareil' }).click();
      await offline.filter({ hasText: /^rien$/ }).waitFor();
      // Pressed twice: the undo still brings back what the first press erased.
      await said('effacées');
      await page.getByRole('button', { name: 'Effacer ces données de cet appareil' }).click();
      const erased = { ...(await shown()), said: await said('effacées') };
      await page.getByRole('button', { name: 'Rétablir les données effacées' }).click();
      const restored = { ...(await shown()), said: await said('rétablies'), focus: await page.evaluate(() => document.activeElement.textContent) };
      const app = await state(page);
      const axe = await axeViolations(page);
      await before.close();
      return { erased, restored, requests, app, axe };
    };
    const alone = await eraseAndRestore({ withApp: false });
    assert.equal(alone.app, null, 'the page did it without the app');
    assert.deepEqual(alone.requests, [], 'neither the app nor its data downloaded');
    assert.deepEqual(alone.erased.kept, ['rien', 'rien (thème automatique)', 'rien', 'rien']);
    assert.deepEqual(alone.erased.stored, []);
    assert.equal(alone.erased.worker, false, 'the offline copy is erased, its worker gone');
    assert.match(alone.erased.notice.join(), /^Les données ont été effacées\.\s+Rétablir les données effacées\s+Ce bouton remet vos réglages/);
    assert.deepEqual(alone.restored.stored, [['nec-langue', 'en'], ['nec-theme', 'dark']]);
    assert.deepEqual(alone.restored.notice, []);
    assert.equal(alone.restored.focus, 'Effacer ces données de cet appareil');
    assert.deepEqual(alone.axe, []);
    const app = await eraseAndRestore({ withApp: true });
    assert.equal(app.app, 'ready');
    assert.deepEqual(alone.erased, app.erased, 'erased: what the page shows, says and keeps is what the app does');
    assert.deepEqual(alone.restored, app.restored, 'restored: the same as the app');
  });

  it('the language link keeps the choice for the next visit to the home page', async () => {
    const { page } = await reader('/');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/en');
    assert.equal(await page.evaluate(() => localStorage.getItem('nec-langue')), 'en');
    await page.goto(env.url + '/', { app: false });
    await page.waitForURL('**/en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.deepEqual(page.appRequests, []);
    await page.close();
  });

  it('if the app cannot download, an alert says so, with a retry, and the page stays readable', async () => {
    const { page } = await reader('/programme', { prepare: (p) => p.route('**/*_bg.wasm', (route) => route.abort('internetdisconnected')) });
    await page.locator('main input[type=search]').click();
    const alert = page.getByRole('alert').filter({ hasText: 'L’application n’a pas pu démarrer.' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /Cette page reste lisible/);
    assert.ok(await page.getByRole('heading', { name: first.title }).isVisible());
    assert.deepEqual(await axeViolations(page), []);
    // Retry, with the network back: the page loads again and the app runs.
    await page.unroute('**/*_bg.wasm');
    await alert.getByRole('button', { name: 'Réessayer' }).click();
    await page.waitForLoadState('load');
    await page.locator('main input[type=search]').click();
    await appRunning(page);
    await page.close();
  });
});
