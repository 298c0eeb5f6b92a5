// Every route, loaded directly by URL (a deep link) from the release build: its h1, its title,
// its landmarks, the skip link, the current page in the nav, content from the JSON.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, panics, plain, settled, start } from '../support/browser.mjs';
import { ROUTES } from '../support/routes.mjs';

/** A seed file name, kept in the JSON and the CSV but never shown as a citation. */
const SEED_FILE = /\d{3}_[0-9a-f]{16}\.txt/;

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

describe('every route, opened directly by its URL', () => {
  for (const route of ROUTES) {
    it(`${route.path} shows its h1, title, landmarks and JSON content, (axe-core: a11y.test.mjs)`, async () => {
      const page = await openPage(env);
      const response = await page.goto(env.url + route.path);
      assert.equal(response.status(), route.path === '/cette-page-n-existe-pas' ? 404 : 200, 'the host sends the route’s prerendered page, or « Page introuvable » with 404');
      await settled(page);

      assert.deepEqual(await page.locator('h1').allInnerTexts(), [route.h1]);
      assert.equal(await page.title(), route.title);
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
      for (const role of ['banner', 'navigation', 'main', 'contentinfo']) {
        assert.ok(await page.getByRole(role).first().isVisible(), `${role} landmark`);
      }
      assert.equal(await page.getByRole('main').count(), 1);

      const current = page.locator('nav[aria-label="Navigation principale"] [aria-current="page"]');
      if (route.nav) {
        assert.deepEqual(await current.allInnerTexts(), [route.nav]);
      } else {
        assert.equal(await current.count(), 0);
      }

      // French typography (no-break spaces) aside: typography.test.mjs checks it.
      const text = plain(await page.locator('main').innerText());
      assert.doesNotMatch(await page.locator('body').innerText(), SEED_FILE, 'sources are cited for a reader, not by file name');
      for (const expected of route.content) {
        assert.ok(text.includes(plain(expected)), `${route.path} shows « ${expected} »`);
      }
      const declaration = page.getByRole('contentinfo').getByRole('link', { name: /^Accessibilité : (totalement|partiellement|non) conforme$/ });
      assert.equal(await declaration.getAttribute('href'), '/accessibilite', 'the footer states the RGAA status and links to the declaration');
      assert.equal(await declaration.innerText(), 'Accessibilité\u00a0: totalement conforme', 'every applicable criterion met (docs/rgaa-audit.md, crates/nec-core/src/rgaa.rs)');
      assert.equal(await page.getByRole('alert').count(), 0, 'no error state');
      assert.deepEqual(page.problems, [], 'no console error');
      await page.close();
    });
  }

  it('marks the section, not the page, on an item or an edition, and never a link to another page', async () => {
    const page = await openPage(env);
    for (const [path, section, back] of [
      ['/programme/grande-soiree', 'Programme', 'Retour au programme'],
      ['/editions/2021', 'Éditions', 'Toutes les éditions'],
    ]) {
      await page.goto(env.url + path);
      await settled(page);
      const nav = page.getByRole('navigation', { name: 'Navigation principale' });
      assert.equal(await nav.getByRole('link', { name: section, exact: true }).getAttribute('aria-current'), 'true', `${path}: the header marks its section`);
      assert.equal(await page.locator('[aria-current="page"]').count(), 0, `${path}: no link claims to be this page`);
      assert.equal(await page.getByRole('main').getByRole('link', { name: back }).first().getAttribute('aria-current'), null, `${path}: « ${back} » is not the current page`);
    }
    await page.close();
  });

  it('gives every route a different title', () => {
    // The current edition's programme at its edition's address is the same page as /programme
    // (canonical there, tests/browser/editions-build.test.mjs): the same title, by design.
    const own = ROUTES.filter((r) => !r.sameAs);
    assert.equal(new Set(own.map((r) => r.title)).size, own.length);
    for (const alias of ROUTES.filter((r) => r.sameAs)) assert.equal(alias.title, ROUTES.find((r) => r.path === alias.sameAs).title);
  });

  it('makes the skip link the first Tab stop, and it moves focus to the main content', async () => {
    const page = await openPage(env);
    await page.goto(env.url + '/charte');
    await settled(page);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal(await focused.innerText(), 'Aller au contenu');
    assert.ok(await focused.isVisible(), 'visible when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'contenu');
    assert.equal(new URL(page.url()).pathname, '/charte', 'no navigation');
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement.closest('main') !== null), 'the next Tab stays in main');
    assert.equal(await page.locator(':focus').innerText(), 'CC BY-SA 4.0 FR');
    await page.close();
  });

  it('navigates between routes with the nav links, updating h1, title and aria-current', async () => {
    const page = await openPage(env);
    await page.goto(env.url + '/');
    await settled(page);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    for (const route of ROUTES.filter((r) => r.nav && r.path !== '/')) {
      await nav.getByRole('link', { name: route.nav, exact: true }).click();
      await page.waitForURL(env.url + route.path);
      await settled(page);
      assert.equal(await page.locator('h1').innerText(), route.h1);
      assert.equal(await page.title(), route.title);
      assert.equal(await nav.getByRole('link', { name: route.nav, exact: true }).getAttribute('aria-current'), 'page');
      assert.equal(await page.evaluate(() => document.activeElement.tagName + ' ' + document.activeElement.textContent), `H1 ${route.h1}`,
        'focus moves to the new page title');
    }
    await page.goBack();
    await page.waitForURL(env.url + '/charte');
    assert.equal(await page.locator('h1').innerText(), 'La charte de NEC');
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('shows the 2021 location from both sources and the 2023 programme items with their times', async () => {
    const page = await openPage(env);
    await page.goto(env.url + '/programme');
    await settled(page);
    const evening = page.locator('li.item').filter({ has: page.getByRole('heading', { name: /Grande soirée NEC/ }) });
    assert.match(await evening.innerText(), /19\sh\s00 – 1\sh\s00 le lendemain/);
    assert.equal(await evening.locator('time').nth(1).getAttribute('datetime'), '2023-10-20T01:00:00+02:00');
    assert.equal(await evening.getByRole('heading', { name: 'Jeudi 19 octobre 2023, de 19 heures à 1 heure le lendemain : Grande soirée NEC' }).count(), 1,
      'a screen reader hears day, time and title together');
    const offDay = page.getByRole('region', { name: /Mercredi 18 octobre 2023/ });
    assert.equal(await offDay.locator('li.item').count(), 3);
    assert.match(await offDay.innerText(), /Accès\s: sur invitation/);
    assert.equal(await offDay.getByRole('link', { name: 'communication.dinum@modernisation.gouv.fr' }).getAttribute('href'), 'mailto:communication.dinum@modernisation.gouv.fr');
    await page.goto(env.url + '/editions');
    await settled(page);
    const e2021 = page.getByRole('article', { name: '2021 — Sud Charente' });
    const text = await e2021.innerText();
    assert.ok(text.includes('Angoulême') && text.includes('annonce de la 6e édition à Bordeaux, sans titre, auteur ni date'), text);
    await page.close();
  });

  it('shows what the texts disagree on, each side with its own source, and states nothing they do not say', async () => {
    const page = await openPage(env);
    await page.goto(env.url + '/infos-pratiques');
    await settled(page);
    const accounts = (await page.locator('.disagreement li').allInnerTexts()).map(plain);
    assert.equal(accounts.length, 2);
    assert.match(accounts[0], /^Evénement réservé aux agents publics, inscription obligatoire \(source : « Numérique en Commun\[s\] à Bordeaux »/);
    assert.match(accounts[1], /^Les événements NEC sont gratuits afin de favoriser l’accès à tous et toutes \(charte, engagement n°1\) \(source : « La démarche »/);
    for (const [path, absent, present] of [
      ['/programme/cocktail-jeudi', 'Palais de la Bourse', 'Non précisé (édition de Bordeaux)'],
      ['/programme/dinum-startups-etat', 'Sur inscription', 'Non précisé par les sources'],
      ['/programme/off-beta-tour', 'Intervenants', 'organisés par différents départements de la DINUM'],
      ['/programme/dejeuner-cloture', 'inscrits', 'gratuit pour les participants'],
      ['/editions/2021', 'Sur place\n', 'Sur place, avec des directs en ligne'],
    ]) {
      await page.goto(env.url + path);
      await settled(page);
      const text = await page.locator('main').innerText();
      assert.ok(!text.includes(absent), `${path} does not say « ${absent} »`);
      assert.ok(text.includes(present), `${path} says « ${present} »`);
    }
    await page.close();
  });

  it('cites each source as a reader can weigh it: its title, what it is, who speaks, its date', async () => {
    const page = await openPage(env);
    await page.goto(env.url + '/editions/2022');
    await settled(page);
    // Typography aside: « » hold narrow no-break spaces.
    const read = async () => plain(await page.locator('main').innerText());
    let text = await read();
    assert.ok(text.includes('« Les acteurs du numérique d’intérêt général ont rendez-vous à Lens », entretien avec Caroline Corbal (ANCT) sur l’édition 2022, non daté'), text);
    assert.ok(text.includes('« La démarche », texte de présentation de Numérique en Commun[s], ses éditions et sa charte, non daté'), text);
    assert.equal(await page.locator('cite', { hasText: 'La démarche' }).count() > 0, true, 'the title a source gives itself is a <cite>');
    await page.goto(env.url + '/programme/grande-soiree');
    await settled(page);
    text = await read();
    assert.match(text, /\(source : « Numérique en Commun\[s\] à Bordeaux », fiche évènement sur la DINUM, partenaire de l’édition 2023, 26 juillet 2023\)/);
    await page.goto(env.url + '/en/programme/grande-soiree');
    await settled(page);
    text = await read();
    assert.match(text, /\(source: “Numérique en Commun\[s\] à Bordeaux”, event page on the DINUM, a partner of the 2023 edition, 26 July 2023\)/);
    assert.equal(await page.locator('cite[lang="fr"]', { hasText: 'Numérique en Commun[s] à Bordeaux' }).count(), 1, 'the French title is marked French');
    await page.close();
  });
});
