// On the open web (issue 22): what search engines, link previews, phones and crawlers read of the
// release build. Each route in both languages has its own description, its canonical address,
// its fr/en/x-default alternates and a share card; the event and its timed sessions are in
// schema.org JSON-LD; sitemap.xml passes its schema (xmllint) and robots.txt names it; the
// manifests make the site installable (Chromium's own check) and it opens offline once
// installed; and no built file carries a loopback address.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CHROMIUM_ARGS, tool } from '../../scripts/tools.mjs';
import { testCertificate } from '../support/nginx.mjs';
import { CHROMIUM, offlineCopyMade, openPage, start, startApp } from '../support/browser.mjs';
import { DIST, workerOf } from '../support/server.mjs';
import { programme, ROUTES } from '../support/routes.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

// A loopback host anywhere in a text file; in a binary (wasm), a loopback address as one is
// served, with its port or path: the widget's code knows `http://localhost` as a prefix a
// partner may test local data from (crates/nec-core/src/widget_options/), which is no address of the site.
const LOOPBACK = /(?:127\.\d+\.\d+\.\d+|localhost|\[::1\]|0\.0\.0\.0)/i;
const LOOPBACK_ADDRESS = /(?:https?|webcal):\/\/(?:127\.\d+\.\d+\.\d+|localhost|\[::1\]|0\.0\.0\.0)(?::\d|\/)/i;
const BINARY = /\.(wasm|png)(\.br|\.gz)?$/;
const en = (path) => (path === '/' ? '/en' : `/en${path}`);
const MISSING = '/cette-page-n-existe-pas';
// The address the build was made for (scripts/test.sh): read from the home page as built.
const ORIGIN = readFileSync(join(DIST, 'index.html'), 'utf8').match(/<link rel="canonical" href="(https:\/\/[^/"]+)\/">/)?.[1];

/** Every file of the build, decompressed where it is a .br or .gz copy. */
function builtFiles() {
  return readdirSync(DIST, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => {
    const path = join(e.parentPath ?? e.path, e.name);
    const bytes = readFileSync(path);
    const body = path.endsWith('.br') ? brotliDecompressSync(bytes) : path.endsWith('.gz') ? gunzipSync(bytes) : bytes;
    return { name: path.slice(DIST.length + 1), text: body.toString('latin1') };
  });
}

/** The head tags of a built page as a visitor's browser reads them (JavaScript off). */
async function headOf(path) {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.url + path);
  const head = await page.evaluate(() => {
    const meta = (key) => document.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content') ?? null;
    return {
      title: document.title,
      description: meta('description'),
      descriptions: document.querySelectorAll('meta[name="description"]').length,
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      alternates: Object.fromEntries([...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.getAttribute('href')])),
      og: Object.fromEntries(['og:title', 'og:description', 'og:url', 'og:locale', 'og:image', 'og:image:alt', 'og:type'].map((k) => [k, meta(k)])),
      twitter: Object.fromEntries(['twitter:card', 'twitter:title', 'twitter:description', 'twitter:image'].map((k) => [k, meta(k)])),
      manifest: document.querySelector('link[rel="manifest"]')?.getAttribute('href') ?? null,
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)),
    };
  });
  await context.close();
  return head;
}

describe('the release build for the open web', () => {
  it('was built for a public https address, and no built file carries a loopback address', () => {
    assert.match(ORIGIN ?? '', /^https:\/\//, 'index.html has a canonical link to the site’s public address');
    assert.doesNotMatch(ORIGIN, LOOPBACK);
    const files = builtFiles();
    assert.ok(files.length > 100, `${files.length} files`);
    const pattern = (name) => (BINARY.test(name) ? LOOPBACK_ADDRESS : LOOPBACK);
    const leaking = files.filter(({ name, text }) => pattern(name).test(text)).map(({ name, text }) => `${name}: ${text.match(pattern(name))[0]}`);
    assert.deepEqual(leaking, []);
  });

  const seen = { fr: new Map(), en: new Map() };
  for (const route of ROUTES) {
    for (const lang of ['fr', 'en']) {
      const path = lang === 'en' ? en(route.path) : route.path;
      it(`${path} has its own description, canonical address, alternates and share card`, async () => {
        const head = await headOf(path);
        assert.equal(head.descriptions, 1);
        assert.ok(head.description?.length > 40, `${path}: ${head.description}`);
        // The current edition's programme at its edition's address is the /programme page again:
        // its description, and its canonical address there (crates/nec-data/src/site/mod.rs, canonical_path).
        const home = route.sameAs && (lang === 'en' ? en(route.sameAs) : route.sameAs);
        if (home) assert.equal(seen[lang].get(head.description), home, `${path} describes itself as ${home}`);
        else assert.ok(!seen[lang].has(head.description), `${path} repeats the description of ${seen[lang].get(head.description)}`);
        if (!home) seen[lang].set(head.description, path);
        assert.equal(head.og['og:title'], head.title);
        assert.equal(head.og['og:description'], head.description);
        assert.equal(head.og['og:locale'], lang === 'en' ? 'en_GB' : 'fr_FR');
        assert.equal(head.og['og:image'], `${ORIGIN}/partage.png`);
        assert.ok(head.og['og:image:alt'].includes(programme.edition.city));
        assert.deepEqual(head.twitter, {
          'twitter:card': 'summary_large_image',
          'twitter:title': head.title,
          'twitter:description': head.description,
          'twitter:image': `${ORIGIN}/partage.png`,
        });
        assert.equal(head.manifest, lang === 'en' ? '/en/manifest.webmanifest' : '/manifest.webmanifest');
        if (route.path === MISSING) {
          // One page for every unknown address: it names none.
          assert.equal(head.canonical, null);
          assert.deepEqual(head.alternates, {});
          return;
        }
        const own = route.sameAs ?? route.path;
        assert.equal(head.canonical, ORIGIN + (home ?? path));
        assert.equal(head.og['og:url'], ORIGIN + (home ?? path));
        assert.deepEqual(head.alternates, { fr: ORIGIN + own, en: ORIGIN + en(own), 'x-default': ORIGIN + own });
      });
    }
  }

  it('keeps the canonical address and alternates right after a navigation inside the app', async () => {
    const page = await openPage(env);
    await page.goto(`${env.url}/en`);
    await page.getByRole('navigation', { name: /main|principale/i }).getByRole('link', { name: 'Charter' }).click();
    await page.waitForURL(`${env.url}/en/charte`);
    await page.waitForFunction(() => document.title.startsWith('The charter'));
    const head = await page.evaluate(() => ({
      canonical: document.querySelector('link[rel="canonical"]').getAttribute('href'),
      url: document.querySelector('meta[property="og:url"]').getAttribute('content'),
      alternates: Object.fromEntries([...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.getAttribute('href')])),
    }));
    assert.deepEqual(head, {
      canonical: `${ORIGIN}/en/charte`,
      url: `${ORIGIN}/en/charte`,
      alternates: { fr: `${ORIGIN}/charte`, en: `${ORIGIN}/en/charte`, 'x-default': `${ORIGIN}/charte` },
    });
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('describes an item of the programme by its title and day, in each language', async () => {
    const fr = await headOf('/programme/grande-soiree');
    assert.match(fr.description, /^Grande soirée NEC — Jeudi 19 octobre 2023, 19 h 00\./);
    const english = await headOf('/en/programme/grande-soiree');
    assert.match(english.description, /^NEC evening party — Thursday 19 October 2023, 19:00\./);
  });

  it('gives the event in schema.org JSON-LD, with its place, organisers and free entry', async () => {
    for (const [path, url] of [['/', `${ORIGIN}/`], ['/en', `${ORIGIN}/en`]]) {
      const [event] = (await headOf(path)).jsonLd;
      assert.equal(event['@context'], 'https://schema.org');
      assert.equal(event['@type'], 'Event');
      assert.equal(event.name, programme.edition.name);
      assert.equal(event.url, url);
      assert.equal(event.startDate, '2023-10-19');
      assert.equal(event.endDate, '2023-10-20');
      assert.equal(event.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode');
      assert.equal(event.eventStatus, 'https://schema.org/EventScheduled');
      assert.equal(event.isAccessibleForFree, true);
      assert.deepEqual(event.location, {
        '@type': 'Place',
        name: programme.venue.name,
        address: { '@type': 'PostalAddress', streetAddress: '17 place de la Bourse', postalCode: '33076', addressLocality: 'Bordeaux' },
      });
      assert.deepEqual(event.organizer.map((o) => o.name), programme.partners.organisers.map((o) => o.name));
    }
  });

  it('gives each timed item as an Event of the edition, and none for an item without a time', async () => {
    const [{ '@graph': graph }] = (await headOf('/programme')).jsonLd;
    const timed = programme.items.filter((i) => i.start);
    assert.deepEqual(graph.slice(1).map((e) => e.name), timed.map((i) => i.title));
    for (const session of graph.slice(1)) assert.equal(session.superEvent['@id'], `${ORIGIN}/#evenement`);
    const [party] = (await headOf('/en/programme/grande-soiree')).jsonLd;
    assert.equal(party.url, `${ORIGIN}/en/programme/grande-soiree`);
    assert.equal(party.startDate, '2023-10-19T19:00:00+02:00');
    assert.equal(party.endDate, '2023-10-20T01:00:00+02:00');
    assert.equal(party.superEvent.name, programme.edition.name);
    assert.deepEqual((await headOf('/programme/dejeuner-jeudi')).jsonLd, []);
    assert.deepEqual((await headOf('/charte')).jsonLd, []);
  });

  it('draws one share image, 1200 × 630 and small', () => {
    const bytes = readFileSync(join(DIST, 'partage.png'));
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, 630]);
    assert.ok(bytes.length < 80 * 1024, `${bytes.length} bytes`);
  });
});

describe('sitemap.xml and robots.txt', () => {
  it('lists every route in both languages with its alternates, valid against the sitemap schema', () => {
    const file = join(DIST, 'sitemap.xml');
    const lint = spawnSync('xmllint', ['--noout', '--schema', new URL('../fixtures/sitemap/all.xsd', import.meta.url).pathname, file], { encoding: 'utf8' });
    assert.equal(lint.error, undefined, 'xmllint (libxml2-utils, scripts/setup.sh --browser)');
    assert.equal(lint.status, 0, lint.stderr);
    const xml = readFileSync(file, 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    for (const route of ROUTES.filter((r) => r.path !== MISSING)) {
      // Canonical addresses only: the current edition's programme is listed under /programme.
      for (const path of [route.path, en(route.path)]) assert.equal(locs.includes(ORIGIN + path), !route.sameAs, `${path} in the sitemap: ${!route.sameAs}`);
    }
    for (const item of programme.items) assert.ok(locs.includes(`${ORIGIN}/en/programme/${item.id}`), item.id);
    assert.equal(new Set(locs).size, locs.length, 'each address once');
    assert.ok(!locs.some((loc) => loc.includes('404') || loc.includes('/test/')));
    const urls = xml.split('<url>').slice(1);
    for (const url of urls) assert.equal((url.match(/<xhtml:link rel="alternate" hreflang="(fr|en|x-default)"/g) ?? []).length, 3);
  });

  it('robots.txt names the sitemap at the public address', () => {
    const text = readFileSync(join(DIST, 'robots.txt'), 'utf8');
    assert.match(text, /^User-agent: \*$/m);
    assert.ok(text.split('\n').includes(`Sitemap: ${ORIGIN}/sitemap.xml`), text);
  });
});

/** A browser profile of its own (not incognito, which Chromium never installs from), under the
 * tests' certificate and with service workers, as a visitor's browser. */
async function profile() {
  const { chromium } = await tool('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'nec-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: ['--headless=new', ...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${testCertificate().spki}`],
    serviceWorkers: 'allow',
    locale: 'fr-FR',
  });
  context.done = async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); };
  return context;
}

describe('installable', () => {
  for (const [path, lang, start] of [['/', 'fr', '/'], ['/en', 'en', '/en']]) {
    it(`${path}: Chromium finds nothing against installing it, and its manifest speaks ${lang}`, async () => {
      const context = await profile();
      try {
        const page = context.pages()[0] ?? await context.newPage();
        await page.goto(env.url + path);
        const manifestUrl = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
        const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), manifestUrl);
        assert.equal(manifest.lang, lang);
        assert.equal(manifest.start_url, start);
        assert.equal(manifest.id, '/');
        assert.equal(manifest.display, 'standalone');
        assert.equal(manifest.name, 'Numérique en Commun[s]');
        assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
        const icons = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).sort();
        assert.deepEqual(icons, ['192x192 any', '512x512 any', '512x512 maskable']);
        for (const icon of manifest.icons) {
          const size = await page.evaluate(async (src) => {
            const image = new Image();
            image.src = src;
            await image.decode();
            return `${image.naturalWidth}x${image.naturalHeight}`;
          }, icon.src);
          assert.equal(size, icon.sizes, icon.src);
        }
        // Both colour schemes have their theme colour.
        const themes = await page.evaluate(() => [...document.querySelectorAll('meta[name="theme-color"]')].map((m) => m.media));
        assert.deepEqual(themes, ['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
        await page.evaluate(() => navigator.serviceWorker.ready);
        const cdp = await context.newCDPSession(page);
        const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
        assert.deepEqual(installabilityErrors, []);
      } finally {
        await context.done();
      }
    });
  }

  it('opens its start page offline, once visited', async () => {
    const context = await profile();
    try {
      const page = context.pages()[0] ?? await context.newPage();
      await page.goto(env.url + '/');
      const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel="manifest"]').href)).json());
      await page.evaluate(() => navigator.serviceWorker.ready);
      // The visitor uses the app once (what makes the worker keep it all).
      await startApp(page);
      await offlineCopyMade(page, workerOf(DIST));
      await context.setOffline(true);
      await page.goto(new URL(manifest.start_url, env.url).href);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), ROUTES[0].h1);
    } finally {
      await context.done();
    }
  });
});

const STANDARDS = new URL('../fixtures/c3voc/', import.meta.url);
const built = (path) => readFileSync(join(DIST, 'data', path), 'utf8');
const builtCatalogue = () => JSON.parse(built('catalogue.json'));

describe('calendars and conference-app exports', () => {
  it('schedule.xml passes the c3voc XML schema, with every timed item in it', () => {
    const lint = spawnSync('xmllint', ['--noout', '--schema', new URL('schedule.xml.xsd', STANDARDS).pathname, join(DIST, 'data', 'schedule.xml')], { encoding: 'utf8' });
    assert.equal(lint.status, 0, lint.stderr);
    const xml = built('schedule.xml');
    const timed = programme.items.filter((i) => i.start);
    assert.equal((xml.match(/<event /g) ?? []).length, timed.length);
    for (const item of timed) assert.ok(xml.includes(`<url>${ORIGIN}/programme/${item.id}</url>`), item.id);
    assert.ok(!programme.items.filter((i) => !i.start).some((i) => xml.includes(`/programme/${i.id}<`)), 'no untimed item');
  });

  it('schedule.json passes the c3voc JSON Schema (ajv, formats checked)', async () => {
    const { default: Ajv } = await import('ajv');
    const { default: addFormats } = await import('ajv-formats');
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema((await import('ajv/dist/refs/json-schema-draft-06.json', { with: { type: 'json' } })).default);
    addFormats(ajv);
    ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
    const validate = ajv.compile(JSON.parse(readFileSync(new URL('schedule.schema.json', STANDARDS), 'utf8')));
    const schedule = JSON.parse(built('schedule.json'));
    assert.ok(validate(schedule), JSON.stringify(validate.errors, null, 2));
    // It does refuse a broken one.
    schedule.schedule.events[0].guid = 'pas-un-uuid';
    assert.equal(validate(schedule), false);
    assert.equal(JSON.parse(built('schedule.json')).schedule.events.length, programme.items.filter((i) => i.start).length);
  });

  it('every calendar is read by ical.js: the whole programme, and one per theme', async () => {
    const { default: ICAL } = await import('ical.js');
    const read = (path) => new ICAL.Component(ICAL.parse(built(path)));
    const whole = read('programme-2023.ics').getAllSubcomponents('vevent');
    const timed = programme.items.filter((i) => i.start);
    assert.equal(whole.length, timed.length);
    for (const event of whole) {
      assert.match(event.getFirstPropertyValue('uid'), /^nec-2023-[a-z0-9-]+@numerique-en-communs\.fr$/);
      assert.equal(typeof event.getFirstPropertyValue('sequence'), 'number');
      assert.equal(event.getFirstPropertyValue('status'), 'CONFIRMED');
      assert.ok(event.getFirstPropertyValue('url').startsWith(`${ORIGIN}/programme/`));
    }
    for (const theme of programme.themes) {
      const events = read(`programme-2023-${theme.id}.ics`).getAllSubcomponents('vevent');
      assert.equal(events.length, timed.filter((i) => i.theme === theme.id).length, theme.id);
    }
  });

  it('/donnees lists them with their size and licence, and offers to subscribe', async () => {
    const catalogue = builtCatalogue();
    for (const path of ['programme-2023.ics', 'schedule.xml', 'schedule.json', ...programme.themes.map((t) => `programme-2023-${t.id}.ics`)]) {
      const entry = catalogue.files.find((f) => f.path === path);
      assert.ok(entry, `${path} in the built catalogue`);
      assert.equal(entry.bytes, Buffer.byteLength(built(path)), `${path}: its size`);
    }
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.url}/donnees`);
    const row = page.getByRole('row').filter({ hasText: 'schedule.xml' });
    assert.match(await row.innerText(), /XML \(frab\)/);
    assert.match(await row.innerText(), /Kio|octets/);
    assert.match(await page.locator('main').innerText(), /Licence de tous les fichiers/);
    const subscribe = page.getByRole('link', { name: /^S’abonner : Le programme 2023/ });
    assert.equal(await subscribe.getAttribute('href'), `webcal://${new URL(ORIGIN).host}/data/programme-2023.ics`);
    assert.match(await page.locator('main').innerText(), /Giggity/);
    assert.ok((await page.locator('main code').allInnerTexts()).includes(`${ORIGIN}/data/schedule.xml`));
    await page.goto(`${env.url}/en/donnees`);
    assert.ok(await page.getByRole('link', { name: /^Subscribe: The 2023 programme/ }).isVisible());
    await context.close();
  });
});
