// Hostile and broken data (issue 9). Each case serves a fixture of tests/fixtures/hostile/ (or a
// failing response) in place of a data file, in the real app: the affected view shows a French
// alert (role="alert"), nothing panics, the main navigation still works, text from the data stays
// text, and for a file's content `nec-data check` reports exactly the problems the alert lists.
// A deliberate panic (/test/panique) shows the "Une erreur est survenue" alert and its reload link.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations, openPage, panics, plain, settled, start, startApp, startAppOnly } from '../support/browser.mjs';
import { writeTooLargeProgramme } from '../fixtures/hostile/too-large.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name) => fileURLToPath(new URL(`../fixtures/hostile/${name}`, import.meta.url));

let env;
let necData;
let tooLarge;
before(async () => {
  execFileSync(process.env.CARGO ?? 'cargo', ['build', '--quiet', '--locked', '--bin', 'nec-data'], { cwd: ROOT, stdio: 'inherit' });
  necData = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'nec-data');
  tooLarge = writeTooLargeProgramme();
  env = await start();
});
after(async () => { await env?.stop(); });

/** What `nec-data check <file>` says: its exit code and its problem lines, without the file name. */
function validate(file) {
  const run = spawnSync(necData, ['check', file], { encoding: 'utf8' });
  const prefix = `${file}: `;
  const problems = run.stdout.split('\n').filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length));
  return { code: run.status, problems, output: run.stdout + run.stderr };
}

/**
 * Answers requests for a data file with `respond(route)` until the returned function is called;
 * `respond` may also never answer.
 */
async function replace(page, file, respond) {
  const pattern = `**/data/${file}`;
  await page.route(pattern, respond);
  return () => page.unroute(pattern, respond);
}

const withBody = (body, status = 200, contentType = 'application/json; charset=utf-8') => (route) => route.fulfill({ status, contentType, body });

/** The alert of the page: its text, whether it offers a retry, and its technical details. */
async function readAlert(page) {
  const alert = page.getByRole('alert');
  assert.equal(await alert.count(), 1, 'exactly one alert');
  const summary = alert.getByText('Détails techniques', { exact: true });
  if (await summary.count()) await summary.click();
  return {
    title: await alert.locator('.alert__title').innerText(),
    message: await alert.locator('p').nth(1).innerText(),
    retry: await alert.getByRole('button', { name: 'Réessayer' }).count() === 1,
    details: await alert.locator('li').allInnerTexts(),
  };
}

/** Nothing from the data became markup or a script: no injected element, no unsafe link. */
async function assertNothingInjected(page) {
  const found = await page.evaluate(() => ({
    elements: [...document.querySelectorAll('main script, main img, iframe, object, embed, [onerror], [onload], [onclick]')].map((e) => e.outerHTML.slice(0, 80)),
    links: [...document.querySelectorAll('[href], [src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')).filter((url) => /^\s*(javascript|http):/i.test(url)),
    pwned: window.__pwned,
  }));
  assert.deepEqual(found, { elements: [], links: [], pwned: undefined });
}

/** Goes to another view through the main navigation and waits for it to settle. */
async function goTo(page, linkName) {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: linkName, exact: true }).click();
  await settled(page);
}

/** Leaves through the main navigation: the other view shows its content, without alert. */
async function leaveTo(page, linkName, h1) {
  await goTo(page, linkName);
  assert.equal(await page.locator('h1').innerText(), h1);
  assert.equal(await page.getByRole('alert').count(), 0, `no alert on ${h1}`);
}

const PROGRAMME = 'programme-2023.json';
const ILLEGIBLE = 'Le fichier de données reçu est illisible.';

// A fixture in place of a data file, shown on `route`: the alert names `what`, says `message` and
// lists `details`, which must also be what `nec-data check` prints for the fixture.
const FILE_CASES = [
  {
    name: 'truncated JSON',
    fixture: 'programme-truncated.json', file: PROGRAMME, route: '/programme', what: 'le programme',
    message: ILLEGIBLE,
    details: ['$ : le fichier n’est pas du JSON valide (ligne 154, colonne 16)'],
    leave: ['Charte', 'La charte de NEC'],
    repair: { heading: /Grande soirée NEC/ },
  },
  {
    name: 'wrong types (a year written as text)',
    fixture: 'editions-wrong-types.json', file: 'editions.json', route: '/editions', what: 'l’historique des éditions',
    message: ILLEGIBLE,
    details: ['$.editions[3].year : valeur inattendue (invalid type: string "2021", expected i32 at line 56 column 20)'],
    leave: ['Charte', 'La charte de NEC'],
  },
  {
    name: 'unknown theme and format references',
    fixture: 'programme-unknown-theme-and-format.json', file: PROGRAMME, route: '/programme', what: 'le programme',
    message: 'Le fichier de données contient 2 erreurs.',
    details: [
      '$.items[4].format : le format « conference » n’existe pas dans $.formats',
      '$.items[10].theme : la thématique « intelligence-artificielle » n’existe pas dans $.themes',
    ],
    leave: ['Éditions', 'Les éditions de NEC'],
  },
  {
    name: 'duplicate ids',
    fixture: 'programme-duplicate-ids.json', file: PROGRAMME, route: '/programme/off-beta-tour', what: 'cet élément du programme',
    message: 'Le fichier de données contient 1 erreur.',
    details: ['$.items[1] : l’identifiant « off-beta-tour » est déjà utilisé'],
    leave: ['Charte', 'La charte de NEC'],
  },
  {
    name: 'end before start',
    fixture: 'programme-end-before-start.json', file: PROGRAMME, route: '/', what: 'l’édition 2023',
    message: 'Le fichier de données contient 1 erreur.',
    details: ['$.items[9].end : la fin (2023-10-20T11:00:00+02:00) n’est pas après le début (2023-10-20T12:30:00+02:00)'],
    leave: ['Éditions', 'Les éditions de NEC'],
  },
  {
    name: 'a javascript: link',
    fixture: 'programme-javascript-link.json', file: PROGRAMME, route: '/infos-pratiques', what: 'les informations pratiques',
    message: 'Le fichier de données contient 1 erreur.',
    details: ['$.registration.links[0].url : le lien « javascript:window.__pwned=1 » doit être une adresse https:// complète'],
    leave: ['Charte', 'La charte de NEC'],
  },
  {
    name: 'an http: link',
    fixture: 'charter-http-link.json', file: 'charter.json', route: '/charte', what: 'la charte',
    message: 'Le fichier de données contient 1 erreur.',
    details: ['$.licence.url : le lien « http://creativecommons.org/licenses/by-sa/4.0/deed.fr » doit être une adresse https:// complète'],
    leave: ['Programme', 'Programme 2023'],
  },
  {
    name: 'a 5 MB file',
    fixture: null, file: PROGRAMME, route: '/mon-programme', what: 'mon programme',
    message: 'Le fichier de données est trop volumineux (5,0 Mio\u202f; maximum 1,0 Mio).',
    details: ['$ : le fichier pèse 5,0 Mio, plus que le maximum accepté (1,0 Mio)'],
    leave: ['Charte', 'La charte de NEC'],
  },
  {
    name: 'HTML served instead of JSON',
    fixture: 'editions-html-page.json', contentType: 'text/html; charset=utf-8', file: 'editions.json', route: '/editions/2021', what: 'l’édition',
    message: 'Le serveur a renvoyé une page web au lieu du fichier de données.',
    details: ['$ : le fichier est une page web (HTML), pas des données JSON'],
    leave: ['Charte', 'La charte de NEC'],
    repair: { heading: /Chiffres/ },
  },
];

describe('a data file with hostile or broken content', () => {
  for (const c of FILE_CASES) {
    it(`${c.name}: alert on ${c.route}, same problems as nec-data, other routes work`, async () => {
      const path = c.fixture ? fixture(c.fixture) : tooLarge;
      const checked = validate(path);
      assert.equal(checked.code, 1, checked.output);
      assert.deepEqual(checked.problems, c.details, 'nec-data reports these problems');

      const page = await openPage(env);
      const requests = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      const repair = await replace(page, c.file, withBody(readFileSync(path, 'utf8'), 200, c.contentType));
      await page.goto(env.url + c.route);
      await settled(page);

      assert.deepEqual(await readAlert(page), { title: `Impossible d’afficher ${c.what}.`, message: c.message, retry: true, details: c.details });
      await assertNothingInjected(page);
      assert.deepEqual(panics(page), []);

      if (c.repair) {
        await repair();
        await page.getByRole('button', { name: 'Réessayer' }).click();
        await page.getByRole('heading', { name: c.repair.heading }).first().waitFor();
        assert.equal(await page.getByRole('alert').count(), 0, 'retrying once the file is repaired shows the content');
        await page.waitForFunction(() => document.activeElement?.id === 'titre-page'); // the retry button is gone: focus is not lost on <body>
      }
      await leaveTo(page, ...c.leave);
      await assertNothingInjected(page);
      assert.ok(!requests.some((p) => p.includes('pwned')), 'nothing fetched from the data');
      assert.deepEqual(panics(page), []);
      await page.close();
    });
  }

  it('the alert of a broken file is accessible', async () => {
    const page = await openPage(env);
    await replace(page, PROGRAMME, withBody(readFileSync(fixture('programme-unknown-theme-and-format.json'), 'utf8')));
    await page.goto(env.url + '/programme');
    await settled(page);
    await readAlert(page);
    assert.equal(await page.locator('h1').innerText(), 'Programme 2023', 'the page itself still renders');
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
});

// Markup in text fields is valid data: nec-data accepts it, and the app shows it as text.
const TEXT_CASES = [
  {
    name: '<script> in the charter',
    fixture: 'charter-script-in-text.json', file: 'charter.json', route: '/charte',
    shown: ['<script>window.__pwned=1</script>Agir pour la diversité', '</p><script src="/pwned.js"></script><p>La programmation d’un NEC'],
    leave: ['Éditions', 'Les éditions de NEC'],
    back: 'Charte',
  },
  {
    name: '<img onerror>, <iframe> and <a href="javascript:"> in a programme item',
    fixture: 'programme-img-in-text.json', file: PROGRAMME, route: '/programme/grande-soiree',
    shown: ['<img src=x onerror="window.__pwned=1">Grande soirée NEC', '<iframe src="javascript:window.__pwned=1"></iframe><a href="javascript:window.__pwned=1">Cliquez ici</a>'],
    leave: ['Charte', 'La charte de NEC'],
    back: 'Programme',
  },
];

describe('markup in the text of a data file', () => {
  for (const c of TEXT_CASES) {
    it(`${c.name}: shown as text on ${c.route}, accepted by nec-data like by the app`, async () => {
      const checked = validate(fixture(c.fixture));
      assert.deepEqual([checked.code, checked.problems], [0, []], checked.output);

      const page = await openPage(env);
      const requests = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await replace(page, c.file, withBody(readFileSync(fixture(c.fixture), 'utf8')));
      await page.goto(env.url + c.route);
      await settled(page);
      assert.equal(await page.getByRole('alert').count(), 0);
      const text = plain(await page.locator('main').innerText());
      for (const shown of c.shown) assert.ok(text.includes(shown), `shows ${shown}`);
      await assertNothingInjected(page);

      await leaveTo(page, ...c.leave);
      await goTo(page, c.back);
      assert.ok(plain(await page.locator('main').innerText()).includes(c.shown[0]), 'still text after client-side navigation');
      await assertNothingInjected(page);
      assert.ok(!requests.some((p) => p.includes('pwned')), 'nothing fetched from the data');
      assert.deepEqual(panics(page), []);
      await page.close();
    });
  }
});

describe('a server that fails, stalls or is slow', () => {
  it('404 on the charter: alert, retry recovers once the file is back', async () => {
    const page = await openPage(env);
    const repair = await replace(page, 'charter.json', withBody('Not found', 404, 'text/plain'));
    await page.goto(env.url + '/charte');
    await settled(page);
    assert.deepEqual(await readAlert(page), {
      title: 'Impossible d’afficher la charte.', message: 'Le fichier de données est introuvable (erreur 404).', retry: true, details: [],
    });
    await leaveTo(page, 'Éditions', 'Les éditions de NEC');
    await leaveTo(page, 'Programme', 'Programme 2023');
    await goTo(page, 'Charte');
    assert.equal(await page.getByRole('alert').count(), 1, 'still missing');
    await repair();
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByRole('heading', { name: /Engagement numéro 3/ }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('500 on the programme: the home page keeps its sections, retry recovers', async () => {
    const page = await openPage(env);
    const repair = await replace(page, PROGRAMME, withBody('oops', 500, 'text/plain'));
    await page.goto(env.url + '/');
    await settled(page);
    assert.deepEqual(await readAlert(page), {
      title: 'Impossible d’afficher l’édition 2023.', message: 'Le serveur a répondu par une erreur (code 500).', retry: true, details: [],
    });
    const sections = page.getByRole('navigation', { name: 'Rubriques' });
    assert.equal(await sections.getByRole('link').count(), 3);
    await repair();
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByText('Programme annoncé le 26 juillet 2023').first().waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    await sections.getByRole('link', { name: 'La charte' }).click();
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), 'La charte de NEC');
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('no connection: alert, retry recovers', async () => {
    const page = await openPage(env);
    const repair = await replace(page, 'editions.json', (route) => route.abort('internetdisconnected'));
    await page.goto(env.url + '/editions');
    await settled(page);
    assert.deepEqual(await readAlert(page), {
      title: 'Impossible d’afficher l’historique des éditions.',
      message: 'Le serveur n’a pas pu être joint. Vérifiez votre connexion, puis réessayez.',
      retry: true,
      details: [],
    });
    await leaveTo(page, 'Charte', 'La charte de NEC');
    await goTo(page, 'Éditions');
    assert.equal(await page.getByRole('alert').count(), 1, 'still no connection');
    await repair();
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByRole('heading', { name: 'Chronologie' }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('a request that never answers ends after 15 s with an alert, and retry recovers', async () => {
    const page = await openPage(env);
    await page.clock.install();
    const stalled = [];
    const repair = await replace(page, PROGRAMME, (route) => { stalled.push(route); });
    // A first load: the prerendered programme shows while the app, still detached, waits.
    await page.goto(env.url + '/programme', { app: false });
    // The visitor reaches for a control: the app starts, and asks for its data.
    await startAppOnly(page);
    while (stalled.length === 0) {
      await page.clock.runFor(20);
      await new Promise((done) => setTimeout(done, 50));
    }
    await page.clock.runFor(13_000);
    assert.equal(await page.getByRole('alert').count(), 0, 'still waiting after 13 s');
    assert.equal(await page.getByRole('heading', { level: 1, name: 'Programme 2023' }).count(), 1);
    assert.equal(await page.getByRole('link', { name: /Grande soirée NEC$/ }).count(), 1, 'the prerendered programme meanwhile');
    await page.clock.runFor(2_500);
    await settled(page);
    assert.deepEqual(await readAlert(page), {
      title: 'Impossible d’afficher le programme.',
      message: 'Le serveur ne répond pas (aucune réponse en 15 secondes). Réessayez dans quelques instants.',
      retry: true,
      details: [],
    });
    assert.equal(stalled.length, 1);
    await leaveTo(page, 'Charte', 'La charte de NEC');

    // Coming back asks again; the server stalls again; once it is repaired, retry recovers.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Programme', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Chargement du programme…' }).waitFor();
    await page.clock.runFor(16_000);
    await settled(page);
    assert.equal((await readAlert(page)).title, 'Impossible d’afficher le programme.');
    assert.equal(stalled.length, 2);
    await repair();
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByRole('heading', { name: /Grande soirée NEC/ }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('a slow answer (3 s): inside the app, the loading message, then the content; never an alert', async () => {
    const page = await openPage(env);
    await page.goto(env.url + '/');
    await replace(page, 'charter.json', async (route) => {
      await new Promise((done) => setTimeout(done, 3_000));
      await route.fallback();
    });
    const started = Date.now();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Charte', exact: true }).click();
    const loading = page.getByRole('status').filter({ hasText: 'Chargement de la charte…' });
    await loading.waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    await page.getByRole('heading', { name: /Engagement numéro 3/ }).waitFor({ timeout: 10_000 });
    assert.ok(Date.now() - started >= 3_000, 'the content came after the delay');
    assert.equal(await loading.count(), 0);
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('a slow answer (3 s) on a first load: the prerendered page all along, then the app; never a loading message', async () => {
    const page = await openPage(env);
    await replace(page, 'charter.json', async (route) => {
      await new Promise((done) => setTimeout(done, 3_000));
      await route.fallback();
    });
    const started = Date.now();
    await page.goto(env.url + '/charte', { app: false });
    await page.getByRole('heading', { name: /Engagement numéro 3/ }).waitFor();
    const loading = page.getByRole('status').filter({ hasText: 'Chargement de la charte…' });
    assert.equal(await loading.count(), 0, 'the prerendered page has its content');
    await startApp(page);
    assert.ok(Date.now() - started >= 3_000, 'the app took over once its data came');
    assert.equal(await page.getByRole('heading', { name: /Engagement numéro 3/ }).count(), 1);
    assert.equal(await loading.count(), 0);
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.deepEqual(panics(page), []);
    await page.close();
  });
});

describe('a panic that still happens', () => {
  it('shows a focused "Une erreur est survenue" alert whose reload link works', async () => {
    const page = await openPage(env);
    // Armed for the first load only, so that the reload shows the page again.
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('nec-test-panicked')) {
        sessionStorage.setItem('nec-test-panicked', '1');
        window.NEC_TEST_PANIC = true;
      }
    });
    await page.goto(env.url + '/test/panique');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /^Une erreur est survenue : cette page ne répond plus\. Rechargez-la pour continuer/);
    // The wasm aborts at once on a panic (-Cpanic=immediate-abort): no message, a trap.
    assert.ok(panics(page).some((p) => /RuntimeError: unreachable/.test(p)), `a real panic happened (${panics(page).join('; ')})`);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'alert', 'the alert has the focus');
    assert.deepEqual(await axeViolations(page), []);

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Recharger la page');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), 'Page introuvable', 'unarmed, the test route is the 404 page');
    assert.equal(await page.getByRole('alert').count(), 0);
    await page.close();
  });
});
