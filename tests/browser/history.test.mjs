// The charter and the edition history (issue 5): anchors, the participation chart and its
// table, the per-edition pages, the open-data downloads; axe-core in both colour schemes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, panics, plain, settled, start } from '../support/browser.mjs';
import { catalogue, charter, editions } from '../support/routes.mjs';

const fr = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
/** A figure as the page writes it, bounded as its source bounds it: « plus de 1 000 », « environ 20 ». */
const amount = (f) => (f.qualifier ? `${{ about: 'environ', more_than: 'plus de' }[f.qualifier]} ` : '') + fr(f.value);
/** Every city the sources give, « Sud Charente / Angoulême » where they disagree. */
const cities = (e) => [...new Set(e.locations.map((l) => l.city))].join(' / ');
const METRICS = ['attendees', 'speakers', 'online_viewers'];

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

describe('the charter', () => {
  for (const engagement of charter.engagements) {
    it(`/charte#engagement-${engagement.number} lands on engagement n°${engagement.number} and its full text`, async () => {
      const page = await openPage(env, { viewport: { width: 390, height: 640 } });
      await page.goto(`${env.url}/charte#engagement-${engagement.number}`);
      await settled(page);
      const target = page.locator(`#engagement-${engagement.number}`);
      // « n°3 » for the eye, « numéro 3 » for the ear (speech engines say "n trois").
      const heading = target.getByRole('heading', { level: 2 });
      assert.equal(await heading.evaluate((h) => [...h.childNodes].filter((n) => !n.classList?.contains('visually-hidden')).map((n) => n.textContent).join('')), `Engagement n°\u00a0${engagement.number}\u00a0: ${engagement.title}`);
      assert.equal(await target.getByRole('heading', { level: 2, name: `Engagement numéro ${engagement.number} : ${engagement.title}`, exact: true }).count(), 1);
      assert.ok(plain(await target.innerText()).includes(engagement.text), 'its text, typeset');
      await page.waitForFunction((id) => {
        const box = document.getElementById(id).getBoundingClientRect();
        return box.top < window.innerHeight && box.bottom > 0;
      }, `engagement-${engagement.number}`);
      await page.close();
    });
  }

  it('moves focus to the engagement a link inside the app leads to, on screen, not to the h1 above it', async () => {
    const page = await openPage(env, { viewport: { width: 390, height: 640 } });
    await page.goto(`${env.url}/donnees`);
    await settled(page);
    await page.getByRole('main').getByRole('link', { name: 'engagement numéro 3 de la charte', exact: true }).click();
    await page.waitForURL(`${env.url}/charte#engagement-3`);
    await page.waitForFunction(() => document.activeElement?.id === 'engagement-3');
    assert.ok(await page.evaluate(() => {
      const box = document.activeElement.getBoundingClientRect();
      return box.top < window.innerHeight && box.bottom > 0;
    }), 'the focused engagement is on screen');
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => {
      const position = document.getElementById('engagement-3').compareDocumentPosition(document.activeElement);
      return (position & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)) !== 0;
    }), 'Tab goes on from the engagement, not from the top of the page');
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('says how the site applies engagements 1, 3 and 5, with links and the budgets it is tested against', async () => {
    const page = await openPage(env);
    await page.goto(`${env.url}/charte`);
    await settled(page);
    const section = page.getByRole('region', { name: 'Comment ce site applique la charte' });
    const budgets = (await import('../../budgets.json', { with: { type: 'json' } })).default;
    const text = await section.innerText();
    assert.ok(text.includes(`lisible sans JavaScript\u00a0: au plus ${budgets.content_before_wasm_brotli_kib} Kio compressés suffisent pour l’afficher`), text);
    assert.ok(text.includes(`au plus ${budgets.first_load_brotli_kib} Kio`), text);
    assert.ok(text.includes(`en ${budgets.requests} requêtes au plus (et ${budgets.service_worker_requests} de plus pour la copie hors ligne)`), text);
    assert.ok(text.includes('Le thème, «\u202fMon programme\u202f» et l’effacement des données gardées sur votre appareil fonctionnent sans elle\u202f; l’application, qui fait fonctionner la recherche, les filtres et les formulaires, ne se télécharge qu’au premier usage de l’un d’eux'), text);
    assert.ok(text.includes('Aucun traceur, aucun cookie'), text);
    await section.getByRole('link', { name: 'déclaration d’accessibilité' }).click();
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), 'Déclaration d’accessibilité');
    await page.goBack();
    await settled(page);
    await page.getByRole('region', { name: 'Comment ce site applique la charte' }).getByRole('link', { name: 'les données ouvertes' }).click();
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), 'Données ouvertes');
    await page.close();
  });
});

describe('the edition history', () => {
  it('lists the editions from 2018 to 2023 in an ordered list, each linking to its page', async () => {
    const page = await openPage(env);
    await page.goto(`${env.url}/editions`);
    await settled(page);
    const headings = await page.locator('ol.timeline > li h3').allInnerTexts();
    assert.deepEqual(headings, editions.editions.map((e) => `${e.year} — ${e.locations[0].city}`));
    await page.getByRole('link', { name: '2022 — Lens' }).click();
    await settled(page);
    assert.equal(new URL(page.url()).pathname, '/editions/2022');
    assert.equal(await page.locator('h1').innerText(), 'Édition 2022 — Lens');
    await page.close();
  });

  it('keeps approximations approximate (« plus de 1 000 »), and marks quotations of a source as quotations (RGAA 9.4)', async () => {
    const page = await openPage(env);
    await page.goto(`${env.url}/editions`);
    await settled(page);
    const line2022 = await page.locator('li', { has: page.getByRole('heading', { name: '2022 — Lens' }) }).locator('.figures-inline').innerText();
    assert.match(line2022, /^[^;]+\s; .*\.$/, 'figures stay one sentence, joined by « ; », ending with a full stop');
    assert.match(line2022, /plus de 1\s000 professionnels attendus/);
    assert.doesNotMatch(line2022, /(^|; )1\s000 professionnels/, 'never the bare number');
    assert.match(await page.getByRole('region', { name: 'Les NEC locaux' }).innerText(), /environ 20 acteurs locaux organisent leur propre NEC local/);
    await page.goto(`${env.url}/editions/2022`);
    await settled(page);
    assert.equal(await page.locator('.note q', { hasText: /plus de 1\s000 professionnels/ }).count(), 1);
    await page.goto(`${env.url}/en/editions`);
    await settled(page);
    const en = await page.locator('main').innerText();
    assert.match(en, /more than 1,000 /);
    assert.match(en, /about 20 /);
    await page.close();
  });

  it('has a table whose values equal the JSON, with caption, header scopes and missing values said in words', async () => {
    const page = await openPage(env);
    await page.goto(`${env.url}/editions`);
    await settled(page);
    const table = page.getByRole('table', { name: 'Participation par édition, en nombre de personnes' });
    assert.deepEqual(await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.scope)), ['col', 'col', 'col', 'col']);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      scope: tr.querySelector('th').scope,
      cells: [...tr.children].map((c) => c.innerText),
    })));
    const expected = editions.editions.map((e) => ({
      scope: 'row',
      cells: [`${e.year} — ${cities(e)}`, ...METRICS.map((m) => {
        const figure = e.figures.find((f) => f.metric === m);
        return figure ? amount(figure) : 'non communiqué';
      })],
    }));
    assert.deepEqual(rows, expected);
    const notes = await page.locator('.table-notes').innerText();
    assert.match(notes, /2020\s: Édition en ligne/);
    assert.match(notes, /2018\s: Le chiffre des intervenants compte aussi les contributeurs/);
    await page.close();
  });

  it('draws one SVG chart per metric, named, described by a visible sentence that states the trend', async () => {
    const page = await openPage(env);
    await page.goto(`${env.url}/editions`);
    await settled(page);
    const charts = page.locator('svg[role="img"]');
    assert.equal(await charts.count(), 3);
    const names = await charts.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label')));
    assert.deepEqual(names, [
      'Personnes présentes par édition, graphique en barres',
      'Intervenants et intervenantes par édition, graphique en barres',
      'Personnes ayant suivi les directs en ligne par édition, graphique en barres',
    ]);
    const descriptions = await charts.evaluateAll((svgs) => svgs.map((s) => document.getElementById(s.getAttribute('aria-describedby'))?.innerText));
    assert.equal(descriptions[0], 'Personnes présentes\u00a0: en hausse, de 850 en 2018 à 2\u202f000 en 2023, avec un minimum de 400 en 2021\u202f; pas de chiffre pour 2020.');
    assert.match(descriptions[2], /^Personnes ayant suivi les directs en ligne\s: en hausse, de 4\u202f000 en 2020 à 6\u202f000 en 2022/);
    const bars = await charts.first().locator('rect').count();
    assert.equal(bars, editions.editions.filter((e) => e.figures.some((f) => f.metric === 'attendees')).length);
    assert.ok((await charts.first().locator('text').allTextContents()).includes('n.c.'), 'the missing 2020 value is written, not just absent');
    await page.close();
  });

  for (const edition of editions.editions) {
    it(`/editions/${edition.year} shows every figure and source of that edition`, async () => {
      const page = await openPage(env);
      await page.goto(`${env.url}/editions/${edition.year}`);
      await settled(page);
      assert.equal(await page.locator('h1').innerText(), `Édition ${edition.year} — ${edition.locations[0].city}`);
      // Quotations of the sources are <q> elements whose « » are drawn by CSS: put them back.
      const text = await page.locator('main').evaluate((main) => {
        for (const q of main.querySelectorAll('q')) q.textContent = `« ${q.textContent} »`;
        return main.innerText;
      });
      for (const figure of edition.figures) {
        assert.ok(text.includes(`${amount(figure)} ${figure.label}`), `${amount(figure)} ${figure.label}`);
        const source = editions.sources.find((s) => s.id === figure.source);
        assert.ok(text.includes(source.citation), `${figure.source} cited as « ${source.citation} »`);
        assert.ok(!text.includes(figure.source), 'not by its file name');
      }
      for (const location of edition.locations) assert.ok(text.includes(location.city));
      const programmeLink = page.getByRole('link', { name: `Le programme de l’édition ${edition.year}` });
      assert.equal(await programmeLink.count(), edition.year === 2023 ? 1 : 0);
      assert.deepEqual(panics(page), []);
      await page.close();
    });
  }

  it('says plainly when an edition does not exist', async () => {
    const page = await openPage(env);
    await page.goto(`${env.url}/editions/1999`);
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), 'Édition introuvable');
    assert.equal(await page.title(), 'Édition introuvable — Numérique en Commun[s]');
    assert.match(await page.locator('main').innerText(), /2018, 2019, 2020, 2021, 2022 et 2023/);
    await page.close();
  });

  it('shows the local NECs: about twenty organisers, 22 cities, 2,000 participants, and where the texts disagree', async () => {
    const page = await openPage(env);
    await page.goto(`${env.url}/editions`);
    await settled(page);
    const region = page.getByRole('region', { name: 'Les NEC locaux' });
    const text = plain(await region.innerText());
    for (const fragment of ['environ 20 acteurs locaux', '22 villes de l’Hexagone', '2 000 participants, éditions nationales et locales confondues']) {
      assert.ok(text.includes(fragment), fragment);
    }
    // 2 000 over every edition (000) against 850 + 800 + 400 + 1 800 at the national ones (002), each with its source.
    const accounts = await region.locator('.disagreement li').allInnerTexts();
    assert.equal(accounts.length, 2);
    assert.match(accounts[0], /2\s000 participants lors des éditions nationales et locales.*\(source\s: annonce de la 6e édition/);
    assert.match(accounts[1], /850, 800, 400 et 1\s800.*\(source\s: «\sLa démarche\s»/);
    await page.close();
  });
});

describe('open data', () => {
  it('lists each file with its size and schema, and serves each download with the right type', async () => {
    const page = await openPage(env);
    await page.goto(`${env.url}/donnees`);
    await settled(page);
    const table = page.getByRole('table', { name: 'Fichiers de données' });
    for (const file of catalogue.files) {
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: file.path }) });
      const link = row.getByRole('link', { name: file.path });
      assert.equal(await link.getAttribute('href'), `/data/${file.path}`);
      const response = await page.request.get(`${env.url}/data/${file.path}`);
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-type'].split(';')[0], file.media_type);
      assert.equal((await response.body()).length, file.bytes, `${file.path} size in the catalogue`);
      if (file.schema) {
        const schema = await page.request.get(`${env.url}/data/${file.schema.path}`);
        assert.equal(schema.status(), 200);
        assert.equal((await schema.json()).$schema, 'https://json-schema.org/draft/2020-12/schema');
      }
    }
    const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('link', { name: 'editions-chiffres.csv' }).click()]);
    assert.equal(download.suggestedFilename(), 'editions-chiffres.csv');
    const csv = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
    assert.ok(csv.startsWith('annee,edition,ville,indicateur,qualificatif,valeur,libelle,source\r\n2018,nationale,Nantes,attendees,,850,'));
    assert.ok(csv.includes(',plus de,1000,professionnels attendus,'), 'the CSV says « plus de »');
    assert.ok(csv.includes(',environ,20,acteurs locaux'), 'the CSV says « environ »');
    assert.ok(csv.includes('\r\n2021,nationale,Sud Charente / Angoulême,'), 'Angoulême (seed 000) stays in the CSV');
    await page.close();
  });
});
