// « Modifications du programme » and its Atom feed (issue 21, point 3), a changed item's page
// (point 3) and a share link's unknown ids (point 4). The shipped record holds the announcement
// of 26 July 2023 alone; the two publications with changes are synthetic
// (tests/fixtures/changes/, written by `nec-data publish`), served here in place of the data.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFeed } from '@rowanmanning/feed-parser';
import { axeViolations, headersOf, openPage, panics, plain, settled, start } from '../support/browser.mjs';

const fixture = (name) => fileURLToPath(new URL(`../fixtures/changes/${name}`, import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SYNTHETIC = readFileSync(fixture('programme-synthetique-2-publications.json'), 'utf8');
const FEED = '/modifications-du-programme.atom';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

async function open(path, { synthetic = false } = {}) {
  const page = await openPage(env);
  if (synthetic) {
    await page.route('**/data/programme-2023.json', (route) => route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: SYNTHETIC }));
  }
  await page.goto(`${env.url}${path}`);
  await settled(page);
  return page;
}

describe('Modifications du programme', () => {
  it('says honestly that nothing was published since the announcement of 26 July 2023, and links its feed', async () => {
    const page = await open('/modifications-du-programme');
    const main = page.getByRole('main');
    assert.equal(await main.getByRole('heading', { level: 1 }).innerText(), 'Modifications du programme');
    assert.match(plain(await main.innerText()), /Aucune modification n’a été publiée depuis l’annonce du programme, le 26 juillet 2023\./);
    const publication = main.getByRole('heading', { level: 2, name: 'Publication du 26 juillet 2023' });
    assert.equal(await publication.locator('time').getAttribute('datetime'), '2023-07-26');
    const feed = main.getByRole('link', { name: 'S’abonner aux modifications (fil Atom, en français)' });
    assert.equal(await feed.getAttribute('href'), FEED);
    assert.equal(await feed.getAttribute('hreflang'), 'fr', 'the feed is in French, said on the English page too');
    const html = readFileSync(`${DIST}modifications-du-programme/index.html`, 'utf8');
    assert.match(html, /<link rel="alternate" type="application\/atom\+xml" title="Modifications du programme \(Atom\)" href="https:\/\/nec-web\.invalid\/modifications-du-programme\.atom">/);
    assert.match(readFileSync(`${DIST}programme/index.html`, 'utf8'), /type="application\/atom\+xml"/, 'the programme advertises the feed too');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('is linked from the programme and the site map, in both languages', async () => {
    for (const [path, name] of [['/programme', 'Modifications du programme depuis son annonce'], ['/plan-du-site', 'Modifications du programme'],
      ['/en/programme', 'Changes to the programme since it was announced'], ['/en/plan-du-site', 'Changes to the programme']]) {
      const page = await open(path);
      const link = page.getByRole('main').getByRole('link', { name, exact: true });
      assert.equal(await link.getAttribute('href'), path.startsWith('/en') ? '/en/modifications-du-programme' : '/modifications-du-programme', path);
      await page.close();
    }
    const sitemap = readFileSync(`${DIST}sitemap.xml`, 'utf8');
    assert.match(sitemap, /<loc>https:\/\/nec-web\.invalid\/modifications-du-programme<\/loc>/);
    assert.match(sitemap, /<loc>https:\/\/nec-web\.invalid\/en\/modifications-du-programme<\/loc>/);
  });

  it('lists each publication newest first, its changes in words; cancelled is said, in French and in English', async () => {
    const page = await open('/modifications-du-programme', { synthetic: true });
    const main = page.getByRole('main');
    assert.match(plain(await main.innerText()), /2 publications ont modifié le programme ; la plus récente vient en premier\./);
    const headings = await main.getByRole('heading', { level: 2 }).allInnerTexts();
    assert.deepEqual(headings.map(plain), ['Publication du 2 octobre 2023', 'Publication du 1er septembre 2023', 'Publication du 26 juillet 2023']);
    const changes = (await main.locator('#publication-2 li').allInnerTexts()).map(plain);
    assert.deepEqual(changes, [
      'Déplacée : « Plénière » : avant jeudi 19 octobre 2023, 11 h 30, désormais jeudi 19 octobre 2023, 14 h 00',
      'Annulée : « Grande soirée NEC »',
    ]);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();

    const en = await open('/en/modifications-du-programme', { synthetic: true });
    const enMain = en.getByRole('main');
    assert.equal(await enMain.getByRole('heading', { level: 1 }).innerText(), 'Changes to the programme');
    assert.match(plain(await enMain.innerText()), /Cancelled: “NEC evening party”/);
    assert.match(plain(await enMain.innerText()), /Renamed: “Closing lunch” is now “Closing lunch \(synthetic\)”/);
    assert.deepEqual(await axeViolations(en), []);
    assert.deepEqual(panics(en), []);
    await en.close();
  });

  it('a changed item’s page says what changed, and when', async () => {
    const page = await open('/programme/dejeuner-cloture', { synthetic: true });
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 2, name: 'Modifications publiées' }).waitFor();
    const lines = (await main.locator('h2:text("Modifications publiées") + ul > li').allInnerTexts()).map(plain);
    assert.deepEqual(lines, [
      '2 octobre 2023 : Déplacée : avant vendredi 20 octobre 2023, 12 h 30 – 15 h 00, désormais vendredi 20 octobre 2023, 12 h 30 – 20 h 00',
      '2 octobre 2023 : Renommée : avant « Déjeuner de clôture »',
      '2 octobre 2023 : Lieu changé : avant Palais de la Bourse, désormais lieu non précisé',
    ]);
    assert.equal(await main.locator('h2:text("Modifications publiées") + ul time').first().getAttribute('datetime'), '2023-10-02');
    assert.deepEqual(await axeViolations(page), []);
    await page.close();

    const en = await open('/en/programme/grande-soiree', { synthetic: true });
    const enLines = (await en.getByRole('main').locator('h2:text("Published changes") + ul > li').allInnerTexts()).map(plain);
    assert.deepEqual(enLines, ['1 September 2023: Cancelled']);
    await en.close();

    const unchanged = await open('/programme/accueil-jeudi', { synthetic: true });
    assert.equal(await unchanged.getByRole('heading', { name: 'Modifications publiées' }).count(), 0);
    await unchanged.close();
  });
});

describe('The Atom feed', () => {
  it('is served as Atom and a real feed parser reads it; xmllint finds it well-formed', async () => {
    const headers = await headersOf(`${env.url}${FEED}`);
    assert.match(headers['content-type'], /^application\/atom\+xml/);
    const text = readFileSync(`${DIST}${FEED.slice(1)}`, 'utf8');
    const feed = parseFeed(text);
    assert.equal(feed.meta.type, 'atom');
    assert.equal(feed.title, 'Modifications du programme 2023 — Numérique en Commun[s]');
    assert.equal(feed.url, 'https://nec-web.invalid/modifications-du-programme');
    assert.equal(feed.self, 'https://nec-web.invalid/modifications-du-programme.atom');
    assert.equal(feed.items.length, 1);
    assert.equal(feed.items[0].title, 'Publication du 26 juillet 2023');
    assert.equal(feed.items[0].updated.toISOString(), '2023-07-25T22:00:00.000Z');
    assert.match(feed.items[0].content, /Annonce du programme, « en cours de construction »/);
    execFileSync('xmllint', ['--noout', `${DIST}${FEED.slice(1)}`]);
  });

  it('reads the synthetic feed of two publications with changes, newest first', () => {
    const path = fixture('modifications-synthetiques.atom');
    execFileSync('xmllint', ['--noout', path]);
    const feed = parseFeed(readFileSync(path, 'utf8'));
    assert.deepEqual(feed.items.map((i) => i.title), [
      'Publication du 2 octobre 2023 : 3 modifications', 'Publication du 1er septembre 2023 : 2 modifications', 'Publication du 26 juillet 2023',
    ]);
    assert.deepEqual(feed.items.map((i) => i.id), [3, 2, 1].map((n) => `https://nec.invalid/modifications-du-programme#publication-${n}`));
    assert.match(feed.items[1].content, /Annulée : « Grande soirée NEC »/);
  });
});

describe('A share link with ids the programme does not have', () => {
  it('names them instead of dropping them silently', async () => {
    const page = await open('/mon-programme?partage=pleniere-jeudi,atelier-disparu,autre-inconnu,atelier-disparu');
    const shared = page.getByRole('region', { name: 'Programme partagé avec vous' });
    assert.match(plain(await shared.innerText()), /2 éléments du lien ne sont pas dans le programme actuel ; ils ne seront pas importés :/);
    assert.deepEqual((await shared.locator('ul.unknown-shared > li').allInnerTexts()).map(plain),
      ['identifiant inconnu : atelier-disparu', 'identifiant inconnu : autre-inconnu']);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();

    const en = await open('/en/mon-programme?partage=atelier-disparu');
    const enShared = en.getByRole('region', { name: 'Programme shared with you' });
    assert.match(plain(await enShared.innerText()), /1 item of the link is not in the current programme; it will not be imported:\s*unknown id: atelier-disparu/);
    await en.close();
  });
});
