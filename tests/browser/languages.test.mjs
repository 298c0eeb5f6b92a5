// Issue 10: French first, English available. Every route in English under /en/…: translated h1
// and title, <html lang="en">, no French interface string left (tests/support/languages.mjs), data
// without a translation inside lang="fr", axe-core clean; the switch, the remembered choice, the
// locale formats, a translated data text, and the widget's `lang`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openFilters, openPage, panics, plain, settled, start } from '../support/browser.mjs';
import { ROUTES, programme, editions, shipped } from '../support/routes.mjs';
import { findTranslatedFrench, frenchInterfaceStrings, properNames, scanForFrench, textTables, translatedFrench } from '../support/languages.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const en = (path) => (path === '/' ? '/en' : `/en${path}`);
const scanArgs = { frenchStrings: frenchInterfaceStrings(), names: properNames() };

async function visit(page, path) {
  await page.goto(env.url + path);
  await settled(page);
}

describe('the interface tables', () => {
  it('give every French string an English one, different unless it is the same word in both', () => {
    const entries = textTables();
    assert.ok(entries.length > 300, `${entries.length} strings found in the texts! tables`);
    const same = entries.filter((e) => e.fr === e.en).map((e) => `${e.file} ${e.name}: ${e.fr}`);
    const SAME_IN_BOTH = /^(Programme|Format|Description|Dates|Participants|Source|Sources|Contributeurs|Contact|Total|Licence|Version|Notes?|Pages?|Formats?|Villes?|Vidéo|Plan|Date|Type|Code|Lien|Applicabilité|Statut)?$/;
    const suspicious = same.filter((line) => !SAME_IN_BOTH.test(line.split(': ').slice(1).join(': ')) && /[éèàçù«»]| (le|la|les|des|du|et) /.test(line));
    assert.deepEqual(suspicious, [], 'an English field that still holds the French');
    assert.deepEqual(entries.filter((e) => !e.en.trim()).map((e) => `${e.file} ${e.name}`), [], 'no empty English');
  });
});

describe('every route in English', () => {
  for (const route of ROUTES) {
    it(`${en(route.path)}: English h1 and title, <html lang="en">, no French interface left, French data marked`, async () => {
      const page = await openPage(env);
      const response = await page.goto(env.url + en(route.path));
      assert.equal(response.status(), route.path === '/cette-page-n-existe-pas' ? 404 : 200);
      await settled(page);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.deepEqual(await page.locator('h1').allInnerTexts(), [route.en.h1]);
      assert.equal(await page.title(), route.en.title);
      assert.deepEqual(await page.evaluate(scanForFrench, scanArgs), []);
      assert.doesNotMatch(await page.locator('body').innerText(), /\d{3}_[0-9a-f]{16}\.txt/, 'sources are cited for a reader, not by file name');
      assert.equal(await page.getByRole('alert').count(), 0, 'no error state');
      // Internal links stay in English.
      const french = await page.locator('a[href^="/"]:not([hreflang])').evaluateAll((as) =>
        as.map((a) => a.getAttribute('href')).filter((h) => !/^\/(en(\/|$|\?|#)|data\/|embed\/|widget\.js)/.test(h)));
      assert.deepEqual(french, [], 'every internal link keeps the language');
      assert.deepEqual(page.problems, [], 'no console error');
      await page.close();
    });
  }

  it('gives every English route a different title, different from the French one', () => {
    const own = ROUTES.filter((r) => !r.sameAs); // the current edition's programme at its edition's address: same page
    assert.equal(new Set(own.map((r) => r.en.title)).size, own.length);
    const unchanged = ROUTES.filter((r) => r.en.title === r.title).map((r) => r.path);
    assert.deepEqual(unchanged, []);
  });

  for (const colorScheme of ['light', 'dark']) {
    it(`axe-core: zero violations on every English route at 320 and 1280 px (${colorScheme})`, async () => {
      const found = [];
      for (const width of [320, 1280]) {
        const page = await openPage(env, { colorScheme, viewport: { width, height: 800 } });
        for (const route of ROUTES) {
          await visit(page, en(route.path));
          found.push(...(await axeViolations(page)).map((v) => `${en(route.path)} at ${width}: ${v}`));
        }
        assert.deepEqual(panics(page), []);
        await page.close();
      }
      assert.deepEqual(found, []);
    });
  }
});

describe('the language switch', () => {
  it('is a link to the same page, query and fragment in the other language, named in that language', async () => {
    const page = await openPage(env);
    await visit(page, '/programme?jour=2023-10-19');
    const english = page.getByRole('banner').getByRole('link', { name: 'English', exact: true });
    assert.equal(await english.getAttribute('lang'), 'en');
    assert.equal(await english.getAttribute('hreflang'), 'en');
    assert.equal(await english.getAttribute('href'), '/en/programme?jour=2023-10-19');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');

    await english.click();
    await page.waitForURL(/\/en\/programme\?jour=2023-10-19$/);
    await page.getByRole('heading', { level: 1, name: '2023 programme' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), '2023 programme — Numérique en Commun[s]');
    assert.equal((await page.locator('details.filters__more > summary').innerText()).trim(), 'Filter (1 active)');
    await openFilters(page);
    assert.ok(await page.getByRole('checkbox', { name: /^Thursday 19 October 2023/ }).isChecked(), 'the filters are kept');
    assert.ok(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My programme' }).isVisible());

    const french = page.getByRole('banner').getByRole('link', { name: 'Français', exact: true });
    assert.equal(await french.getAttribute('lang'), 'fr');
    assert.equal(await french.getAttribute('hreflang'), 'fr');
    await french.click();
    await page.waitForURL(/\/programme\?jour=2023-10-19$/);
    await page.getByRole('heading', { level: 1, name: 'Programme 2023' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('is remembered: the home address opens in the chosen language, while any shared link keeps its own', async () => {
    const page = await openPage(env);
    await visit(page, '/charte');
    await page.getByRole('link', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'The NEC charter' }).waitFor();

    await visit(page, '/');
    await page.waitForURL(/\/en$/);
    assert.equal(await page.locator('h1').innerText(), 'Numérique en Commun[s]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.ok(await page.getByRole('link', { name: 'The 2023 programme' }).isVisible());

    await visit(page, '/editions');
    assert.equal(await page.locator('h1').innerText(), 'Les éditions de NEC', 'a French address stays French');
    // Inside the app, the home link of a French page stays French.
    await page.getByRole('link', { name: 'Accueil' }).click();
    await page.waitForURL(/\/$/);
    // The card names the year once the programme is read: it may still be on its way.
    await page.getByRole('link', { name: 'Le programme 2023' }).waitFor({ timeout: 10000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');

    await visit(page, '/en/charte');
    await page.getByRole('link', { name: 'Français', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'La charte de NEC' }).waitFor();
    await visit(page, '/');
    assert.ok(page.url().endsWith('/'), 'choosing French again is remembered too');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.close();
  });

  it('is listed on the personal data page as what is kept, in both languages', async () => {
    const page = await openPage(env);
    for (const path of ['/donnees-personnelles', '/en/donnees-personnelles']) {
      await visit(page, path);
      assert.ok((await page.locator('main').innerText()).includes('nec-langue'), path);
    }
    await page.close();
  });
});

describe('locale formats and content', () => {
  it('writes dates, times, durations and numbers per language', async () => {
    const page = await openPage(env);
    await visit(page, '/programme/grande-soiree');
    let text = await page.locator('main').innerText();
    assert.ok(text.includes('Jeudi 19 octobre 2023'), text);
    assert.ok(text.includes('19\u00a0h\u00a000 – 1\u00a0h\u00a000 le lendemain (6\u00a0h)'), text);
    await visit(page, '/en/programme/grande-soiree');
    text = await page.locator('main').innerText();
    assert.ok(text.includes('Thursday 19 October 2023'), text);
    assert.ok(text.includes('19:00 – 1:00 the next day (6 h)'), text);
    assert.equal(await page.locator('main time').first().getAttribute('datetime'), '2023-10-19T19:00:00+02:00');

    const big = editions.editions.flatMap((e) => e.figures).find((f) => f.value >= 1000);
    await visit(page, '/editions');
    assert.ok((await page.locator('main').innerText()).includes(big.value.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, '\u202f')), 'French groups with a narrow space');
    await visit(page, '/en/editions');
    assert.ok((await page.locator('main').innerText()).includes(big.value.toLocaleString('en-GB')), 'English groups with a comma');
    await page.close();
  });

  it('shows a data text without translation in French inside lang="fr", and a translated one in English', async () => {
    const page = await openPage(env);
    const [first, second] = programme.items;
    const translated = structuredClone(programme);
    translated.items[0].title = { fr: first.title, en: 'A title translated for this test' };
    await page.route('**/data/programme-2023.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(translated) }));
    await visit(page, '/en/programme');
    const firstLink = page.getByRole('link', { name: /A title translated for this test$/ });
    assert.equal(await firstLink.locator('[lang="fr"]').count(), 0, 'a translation is not marked French');
    const secondTitle = page.locator('main h3 a', { hasText: second.title }).locator('span[lang="fr"]', { hasText: second.title });
    assert.equal(await secondTitle.count(), 1, 'an untranslated title is in French, marked lang="fr"');
    // Search finds both languages.
    await page.getByRole('searchbox', { name: 'Search the programme' }).fill('translated for this');
    await page.getByRole('status').filter({ hasText: '1 item matches.' }).waitFor();
    await visit(page, '/programme');
    assert.ok(await page.getByRole('link', { name: new RegExp(`${first.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).isVisible(), 'French pages keep the French');
    await page.close();
  });
});

describe('English content (issue 25)', () => {
  it('shows no translated data text in French outside lang="fr", on any route under /en', async () => {
    const frenchTexts = translatedFrench();
    assert.ok(frenchTexts.length > 80, `${frenchTexts.length} translated texts`);
    const page = await openPage(env);
    const found = [];
    for (const route of ROUTES) {
      await visit(page, en(route.path));
      found.push(...(await page.evaluate(findTranslatedFrench, frenchTexts)).map((fr) => `${en(route.path)}: « ${fr} »`));
    }
    assert.deepEqual(found, []);
    await page.close();
  });

  it('shows the data in English: titles, themes, formats, days, commitments, figure labels', async () => {
    const page = await openPage(env);
    const { programme: p, charter: c, editions: e } = shipped;
    const expect = {
      '/en/programme': [...p.items.map((i) => i.title.en), ...p.themes.map((t) => t.name.en), ...p.formats.map((f) => f.name.en), ...p.days.map((d) => d.title.en)],
      '/en/charte': [c.introduction.en, ...c.engagements.flatMap((g) => [g.title.en, g.text.en])],
      '/en/editions': [e.local_editions.description.en, ...e.editions.flatMap((x) => x.figures.map((f) => f.label.en)), ...e.local_editions.figures.map((f) => f.label.en)],
      // (The registration links are gone since the edition is over: « Registration is closed ».)
      '/en/infos-pratiques': [...p.meals.map((m) => m.text.en), p.registration.conditions.en, p.partners.associated_events[0].en, 'Registration is closed: this edition is over.'],
    };
    for (const [path, texts] of Object.entries(expect)) {
      await visit(page, path);
      // Themes and formats are named in the filters, behind « Filter ».
      if (path === '/en/programme') await openFilters(page);
      const text = plain(await page.locator('main').innerText());
      const missing = texts.filter((t) => !text.includes(t));
      assert.deepEqual(missing, [], `${path}: English data texts not shown`);
    }
    await visit(page, '/en/editions');
    assert.doesNotMatch(await page.locator('main').innerText(), /inscrits|personnes|intervenants/, 'no French figure label in English sentences');
    await page.close();
  });

  it('says the data is translated, with the French page one step away, and the original French of an item and of each commitment in lang="fr"', async () => {
    const page = await openPage(env);
    await visit(page, '/en/programme?jour=2023-10-19');
    const note = page.locator('main .translated');
    assert.equal(await note.count(), 1, 'one note per page');
    assert.match(await note.innerText(), /translated from French/);
    const link = note.getByRole('link', { name: 'Read this page in French' });
    assert.equal(await link.getAttribute('hreflang'), 'fr');
    assert.equal(await link.getAttribute('href'), '/programme?jour=2023-10-19', 'the same page and query, in French');
    await openFilters(page);
    await page.getByRole('checkbox', { name: /^Friday 20 October 2023/ }).check();
    await page.waitForFunction(() => document.querySelector('main .translated a').getAttribute('href').includes('2023-10-20'));
    assert.equal(await link.getAttribute('href'), '/programme?jour=2023-10-19&jour=2023-10-20', 'it follows the filters');
    assert.equal(await page.locator('details.original').count(), 0, 'no disclosure in lists');

    for (const id of ['grande-soiree', 'dinum-startups-etat']) {
      const item = shipped.programme.items.find((i) => i.id === id);
      await visit(page, `/en/programme/${id}`);
      assert.equal(await page.locator('h1').innerText(), item.title.en);
      const original = page.locator('main details.original');
      assert.equal(await original.count(), 1);
      assert.equal(await original.locator('summary').innerText(), 'Original French');
      assert.equal(await original.getAttribute('open'), null, 'closed until asked for');
      const french = original.locator('> div[lang="fr"]');
      await original.locator('summary').click();
      assert.deepEqual((await french.locator('p').allInnerTexts()).map(plain), [item.title.fr, item.description.fr]);
      assert.equal(await page.locator('main .translated a[hreflang="fr"]').getAttribute('href'), `/programme/${id}`);
    }

    await visit(page, '/en/charte');
    const originals = page.locator('main .engagements details.original');
    assert.equal(await originals.count(), shipped.charter.engagements.length, 'one per commitment');
    for (const [i, engagement] of shipped.charter.engagements.entries()) {
      const french = originals.nth(i).locator('> div[lang="fr"] p');
      assert.deepEqual((await french.allTextContents()).map(plain), [engagement.title.fr, engagement.text.fr]);
    }
    assert.ok(await page.getByRole('heading', { level: 2, name: `Commitment number 1: ${shipped.charter.engagements[0].title.en}` }).isVisible());
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  it('leaves French pages as they were: no note, no disclosure', async () => {
    const page = await openPage(env);
    for (const route of ROUTES) {
      await visit(page, route.path);
      assert.equal(await page.locator('.translated, details.original').count(), 0, route.path);
    }
    await page.close();
  });
});

describe('announcements in English', () => {
  it('mark a French title lang="fr" inside the English confirmation, so it is read with a French voice', async () => {
    const page = await openPage(env);
    const [first] = programme.items;
    // The data without its translations, as a programme only in French would be.
    await page.route('**/data/programme-2023.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(programme) }));
    await visit(page, '/en/programme');
    await page.getByRole('button', { name: first.title }).first().click();
    const region = page.locator('#annonces');
    await page.waitForFunction((text) => document.getElementById('annonces').textContent === text, `“${first.title}” added to my programme.`);
    assert.equal(await region.locator('[lang="fr"]').textContent(), first.title, 'the title, and only it, is French');
    assert.equal(await region.locator('[lang]').count(), 1);
    await page.close();
  });
});

describe('the widget in English', () => {
  it('renders /embed/programme.html?lang=en in English, marked lang="en", with the French data marked', async () => {
    const page = await openPage(env, { viewport: { width: 390, height: 800 } });
    await page.goto(`${env.url}/embed/programme.html?lang=en`);
    const root = page.locator('nec-widget .nec-root');
    await root.locator('.nec-count').waitFor();
    assert.equal(await root.getAttribute('lang'), 'en');
    assert.ok(await page.getByRole('heading', { name: 'Numérique en Commun[s] 2023 programme' }).isVisible());
    assert.ok(await page.getByRole('searchbox', { name: 'Search' }).isVisible());
    assert.match(await root.locator('.nec-count').innerText(), /^\d+ items/);
    const found = await page.locator('nec-widget').evaluate((host, args) => {
      // The scan, inside the shadow root.
      const shadow = host.shadowRoot;
      const fake = { body: shadow.querySelector('.nec-root'), title: '' };
      const walker = document.createTreeWalker(fake.body, NodeFilter.SHOW_TEXT);
      const texts = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const lang = n.parentElement.closest('[lang]')?.getAttribute('lang') ?? '';
        if (!lang.startsWith('fr') && !n.parentElement.closest('style')) texts.push(n.textContent);
      }
      return texts.filter((t) => args.frenchStrings.some((s) => t.includes(s)));
    }, scanArgs);
    assert.deepEqual(found, [], 'no French interface string in the English widget');
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
});
