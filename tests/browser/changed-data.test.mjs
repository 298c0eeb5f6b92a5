// A programme that changes after the visitor's choice (issue 21, points 3 and 4): the data served
// changes between two visits (a session moved, one cancelled, one removed), and Mon programme
// says so, with what each was, and lets the visitor keep or remove it. The changed programme is
// synthetic, made here from the shipped one: never served by the site.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { axeViolations, openPage, panics, settled, start } from '../support/browser.mjs';

const SHIPPED = JSON.parse(readFileSync(fileURLToPath(new URL('../../public/data/programme-2023.json', import.meta.url)), 'utf8'));
const KEY = 'nec-mon-programme-2023';
/** The text as read, with the typeset spaces (narrow no-break, no-break) made plain. */
const plain = (text) => text.replace(/\s/g, ' ');

/** Synthetic: the plenary moved to 14:00 (written in UTC), the party cancelled, Thursday's welcome removed. */
function changedProgramme() {
  const p = structuredClone(SHIPPED);
  p.items.find((i) => i.id === 'pleniere-jeudi').start = '2023-10-19T12:00:00Z';
  p.items.find((i) => i.id === 'grande-soiree').status = 'cancelled';
  p.items = p.items.filter((i) => i.id !== 'accueil-jeudi');
  return JSON.stringify(p);
}

const serveChanged = (page) =>
  page.route('**/data/programme-2023.json', (route) => route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: changedProgramme() }));

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Chooses three items on the shipped programme, then serves the changed one: the stored choices. */
async function chooseThenChange(lang = 'fr') {
  const page = await openPage(env);
  const prefix = lang === 'en' ? '/en' : '';
  await page.goto(`${env.url}${prefix}/programme`);
  await settled(page);
  const mine = lang === 'en' ? 'My programme' : 'Mon programme';
  // The titles as each language shows them (issue 25 translated them).
  const titles = lang === 'en' ? ['Plenary', 'NEC evening party', 'NEC welcome (Thursday 19 October 2023)'] : ['Plénière', 'Grande soirée NEC', 'Accueil NEC (jeudi 19 octobre 2023)'];
  for (const name of titles) {
    const escaped = name.replace(/[()]/g, '\\$&');
    const button = page.getByRole('button', { name: new RegExp(`^${mine}\\s?:\\s${escaped}$`) });
    if (await button.count()) await button.click();
  }
  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.deepEqual(stored.map((c) => c.id), ['pleniere-jeudi', 'grande-soiree', 'accueil-jeudi']);
  assert.equal(stored[0].was.start, '2023-10-19T11:30:00+02:00', 'what it was is kept');
  await serveChanged(page);
  await page.goto(`${env.url}${prefix}/mon-programme`);
  await settled(page);
  return page;
}

describe('Mon programme after the programme changed', () => {
  it('says what moved, what was cancelled and what is gone, with what it was; keep and remove work', async () => {
    const page = await chooseThenChange();
    const section = page.getByRole('region', { name: 'Changé depuis votre choix' });
    const rows = (await section.locator('li > p:first-child').allInnerTexts()).map(plain);
    assert.equal(rows.length, 3, rows.join('\n'));
    assert.match(rows[0], /^« Plénière » a changé : 19 octobre, 11 h 30, Palais de la Bourse → 19 octobre, 14 h 00, Palais de la Bourse\.$/);
    assert.match(rows[1], /^« Grande soirée NEC » \(19 octobre, 19 h 00 – 1 h 00\) est annulé\.$/);
    assert.match(rows[2], /^« Accueil NEC » \(19 octobre, 9 h 00, Palais de la Bourse\) n’est plus au programme\. Il reste dans votre liste/);
    assert.match(await page.locator('#selection-count').innerText(), /^3 éléments choisis/, 'nothing dropped');
    // Cancelled in words in the list, inside the link's name.
    await page.getByRole('link', { name: /Grande soirée NEC Annulé$/ }).waitFor();
    assert.deepEqual(await axeViolations(page), []);

    // The calendar: the party cancelled, the plenary's move sequenced.
    const ics = decodeURIComponent((await page.getByRole('link', { name: /Télécharger mon programme/ }).getAttribute('href')).split(',')[1]);
    assert.match(ics, /UID:nec-2023-grande-soiree@[^\r]*\r\n(?:[^\r]*\r\n)*?STATUS:CANCELLED\r\n/);
    assert.match(ics, /UID:nec-2023-pleniere-jeudi@[^\r]*\r\nDTSTAMP:[^\r]*\r\nSEQUENCE:1\r\n/);
    assert.match(ics, /DTSTART:20231019T120000Z/);

    await section.getByRole('button', { name: 'Garder : «\u202fPlénière\u202f»' }).click();
    await page.waitForFunction(() => document.getElementById('annonces')?.textContent.includes('Gardé dans mon programme'));
    assert.equal(await section.locator('li').count(), 2);
    await section.getByRole('button', { name: 'Retirer : «\u202fAccueil NEC\u202f»' }).click();
    assert.equal(await section.locator('li').count(), 1);
    assert.match(await page.locator('#selection-count').innerText(), /^2 éléments choisis/);
    const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
    assert.deepEqual(stored.map((c) => [c.id, c.sequence ?? 0, c.was.start]), [
      ['pleniere-jeudi', 1, '2023-10-19T14:00:00+02:00'],
      ['grande-soiree', 0, '2023-10-19T19:00:00+02:00'],
    ]);
    // The removed row's button took the focus with it; the page puts it back on the next frame
    // (`focus_if_lost`), so wait for that frame rather than read the focus at once.
    await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, { timeout: 2000 })
      .catch(() => assert.fail('focus is lost after « Retirer »'));
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('in English too, and axe finds nothing', async () => {
    const page = await chooseThenChange('en');
    const section = page.getByRole('region', { name: 'Changed since you chose it' });
    const rows = (await section.locator('li > p:first-child').allInnerTexts()).map(plain);
    assert.equal(rows.length, 3, rows.join('\n'));
    assert.match(rows[0], /has changed: 19 October, 11:30, Palais de la Bourse → 19 October, 14:00, Palais de la Bourse\.$/);
    assert.match(rows[1], /is cancelled\.$/);
    assert.match(rows[2], /is no longer on the programme\. It stays in your list/);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  it('migrates the former stored format (an array of ids) without losing one', async () => {
    const page = await openPage(env);
    await page.addInitScript((key) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, '["grande-soiree","atelier-supprime-depuis"]');
        sessionStorage.setItem('seeded', '1');
      }
    }, KEY);
    await page.goto(`${env.url}/mon-programme`);
    await settled(page);
    assert.match(await page.locator('#selection-count').innerText(), /^2 éléments choisis/);
    const section = page.getByRole('region', { name: 'Changé depuis votre choix' });
    assert.match(plain(await section.innerText()), /L’élément « atelier-supprime-depuis\s», choisi avant que ce site garde vos choix tels qu’ils étaient, n’est plus au programme\./);
    const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
    assert.deepEqual(stored, [
      { id: 'grande-soiree', was: { title: { fr: 'Grande soirée NEC', en: 'NEC evening party' }, day: '2023-10-19', start: '2023-10-19T19:00:00+02:00', end: '2023-10-20T01:00:00+02:00' } },
      { id: 'atelier-supprime-depuis' },
    ]);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
});

describe('A cancelled item', () => {
  it('is said in words on the programme and on its page, in French and English', async () => {
    const page = await openPage(env);
    await serveChanged(page);
    await page.goto(`${env.url}/programme/grande-soiree`);
    await settled(page);
    assert.match(await page.locator('main h1').innerText(), /^Grande soirée NEC \(annulé\)$/);
    assert.match(await page.title(), /^Grande soirée NEC \(annulé\) — Programme 2023/);
    assert.match(plain(await page.locator('main').innerText()), /Annulé : cet élément du programme n’aura pas lieu\./);
    assert.deepEqual(await axeViolations(page), []);
    await page.goto(`${env.url}/en/programme/grande-soiree`);
    await settled(page);
    assert.match(await page.locator('main h1').innerText(), /\(cancelled\)$/);
    assert.match(plain(await page.locator('main').innerText()), /Cancelled: this programme item will not take place\./);
    assert.deepEqual(await axeViolations(page), []);
    await page.goto(`${env.url}/programme`);
    await settled(page);
    await page.getByRole('link', { name: /Grande soirée NEC Annulé$/ }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(panics(page), []);
    await page.close();
  });
});
