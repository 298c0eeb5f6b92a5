// Editions as data (issue 21): the release build with a SYNTHETIC second edition, 2099
// (tests/fixtures/edition-2099/, made up for tests, never shipped). The wasm reads /data/*.json,
// so publishing is the data alone: a copy of dist/ gets the new data in data/, then the build's
// data-dependent steps run again on it (nec-data export, then the prerender with its `nec-data
// exports` and `nec-data site`, then the service worker), with no Rust change. What the pages say
// before the wasm is read from the written files.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from '../support/server.mjs';
import { serveWithNginx } from '../support/nginx.mjs';
import { appRunning, launchBrowser, openPage, plain } from '../support/browser.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'tests/fixtures/edition-2099');
const ORIGIN = 'https://nec-web.invalid';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NEC_SITE_ORIGIN: ORIGIN, ...env }, maxBuffer: 64 << 20 });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** What an organiser does: the programme file beside the others, its edition (and source) in
 * editions.json, 2099 made current; then `nec-data export` and `nec-data check`. */
function publish2099(data) {
  const editions = JSON.parse(readFileSync(join(data, 'editions.json'), 'utf8'));
  const { source, edition } = JSON.parse(readFileSync(join(FIXTURE, 'edition-2099.json'), 'utf8'));
  editions.sources.push(source);
  editions.editions.push(edition);
  editions.current = 2099;
  writeFileSync(join(data, 'editions.json'), JSON.stringify(editions, null, 2));
  cpSync(join(FIXTURE, 'programme-2099-synthetique.json'), join(data, 'programme-2099-synthetique.json'));
  run('cargo', ['run', '--quiet', '--offline', '--locked', '--bin', 'nec-data', '--', 'export', data]);
  return run('cargo', ['run', '--quiet', '--offline', '--locked', '--bin', 'nec-data', '--', 'check', data]);
}

const text = (html) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const h1 = (html) => text(html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? '').trim();
const canonical = (html) => html.match(/<link rel="canonical" href="([^"]+)">/)?.[1];

describe('a second edition published with data only (synthetic 2099)', { timeout: 600_000 }, () => {
  let dist;
  let checked;
  const page = (route) => readFileSync(join(dist, route, 'index.html'), 'utf8');

  before(() => {
    dist = mkdtempSync(join(tmpdir(), 'nec-editions-build-'));
    cpSync(DIST, dist, { recursive: true });
    // Every page is written anew: none of the 2023 build's is left to pass for it.
    for (const route of ['programme', 'en/programme', 'editions', 'en/editions']) rmSync(join(dist, route), { recursive: true, force: true });
    for (const name of readdirSync(join(dist, 'data'))) if (/\.(br|gz)$/.test(name)) rmSync(join(dist, 'data', name));
    const data = mkdtempSync(join(tmpdir(), 'nec-editions-data-'));
    cpSync(join(ROOT, 'public/data'), data, { recursive: true });
    checked = publish2099(data);
    cpSync(data, join(dist, 'data'), { recursive: true });
    rmSync(data, { recursive: true, force: true });
    run('node', ['scripts/prerender.mjs', dist], { NEC_PRERENDER_KEEP_WIDGET: '1' });
    run('node', ['scripts/service-worker.mjs', dist]);
  });
  after(() => rmSync(dist, { recursive: true, force: true }));

  it('passes nec-data check with the new file and its entry', () => {
    assert.match(checked, /Données valides : 6 fichiers vérifiés\./);
  });

  it('shows the current edition, 2099, at /programme, and its items at /programme/<id>', () => {
    const html = page('programme');
    assert.equal(h1(html), 'Programme 2099');
    assert.match(html, /<title>Programme 2099 — Numérique en Commun\[s\]<\/title>/);
    assert.ok(text(html).includes('Ouverture synthétique 2099') && text(html).includes('Atelier synthétique 2099'));
    assert.ok(!text(html).includes('Grande soirée NEC'), 'no 2023 item on the current programme');
    assert.equal(canonical(html), `${ORIGIN}/programme`);
    assert.equal(h1(page('programme/ouverture-synthetique')), 'Ouverture synthétique 2099');
    assert.equal(h1(page('en/programme')), '2099 programme');
  });

  it('keeps 2023 at its own address, with its item pages, canonical there', () => {
    const html = page('editions/2023/programme');
    assert.equal(h1(html), 'Programme 2023');
    assert.ok(text(html).includes('Grande soirée NEC') && text(html).includes('13 éléments correspondent.'));
    assert.ok(html.includes('href="/editions/2023/programme/grande-soiree"'), 'its items link under its address');
    assert.equal(canonical(html), `${ORIGIN}/editions/2023/programme`);
    const party = page('editions/2023/programme/grande-soiree');
    assert.equal(h1(party), 'Grande soirée NEC');
    assert.match(party, /<title>Grande soirée NEC — Programme 2023 — Numérique en Commun\[s\]<\/title>/);
    assert.ok(party.includes('href="/editions/2023/programme"'), 'back to its own programme');
    assert.equal(h1(page('en/editions/2023/programme')), '2023 programme');
    assert.ok(text(page('editions/2023')).includes('Le programme de l’édition 2023'));
  });

  it('gives 2099 its stable address too, canonical at /programme while it is current', () => {
    const html = page('editions/2099/programme');
    assert.equal(h1(html), 'Programme 2099');
    assert.equal(canonical(html), `${ORIGIN}/programme`);
    assert.ok(existsSync(join(dist, 'editions/2099/programme/atelier-synthetique-2099/index.html')));
  });

  it('keeps the former edition\'s choices in view: « Mon programme » names them, with their programme', async () => {
    const server = await serveWithNginx(dist);
    const browser = await launchBrowser();
    try {
      const page = await openPage({ url: server.url, browser });
      // A visitor who chose the 2023 evening party, as stored before 2099 became current.
      await page.goto(`${server.url}/`, { app: false });
      await page.evaluate(() => localStorage.setItem('nec-mon-programme-2023', JSON.stringify(['grande-soiree'])));
      await page.goto(`${server.url}/mon-programme`);
      await page.getByText('Gardé aussi sur cet appareil, pour d’autres éditions :').waitFor();
      const other = page.getByRole('listitem').filter({ hasText: 'Édition 2023' });
      assert.equal(plain((await other.innerText()).trim()), 'Édition 2023 : 1 élément choisi, dans le programme 2023.');
      const link = other.getByRole('link', { name: 'le programme 2023' });
      assert.equal(await link.getAttribute('href'), '/editions/2023/programme');
      assert.ok((await page.locator('main').innerText()).includes('Votre programme est vide.'), 'the 2099 selection is empty');
      await link.click();
      await page.waitForURL(`${server.url}/editions/2023/programme`);
      await appRunning(page);
      const toggle = page.getByRole('button', { name: 'Mon programme : Grande soirée NEC' });
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the choice is there, on its edition\'s programme');
      assert.deepEqual(page.problems, []);
      await page.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('lists the canonical addresses in the sitemap, and the new file in the service worker', () => {
    const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    for (const path of ['/programme', '/programme/ouverture-synthetique', '/editions/2023/programme', '/editions/2023/programme/grande-soiree', '/editions/2099']) {
      assert.ok(sitemap.includes(`<loc>${ORIGIN}${path}</loc>`), path);
    }
    assert.ok(!sitemap.includes('/editions/2099/programme'), 'canonical at /programme, not listed twice');
    assert.ok(!sitemap.includes(`<loc>${ORIGIN}/programme/grande-soiree</loc>`), 'a 2023 item is no longer under /programme');
    assert.ok(readFileSync(join(dist, 'sw.js'), 'utf8').includes('/data/programme-2099-synthetique.json'));
  });
});
