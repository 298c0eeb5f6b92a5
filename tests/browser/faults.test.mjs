// Broken and missing data: the affected view shows a French alert with a retry, nothing panics,
// the other routes keep working, and retrying after the fault is gone shows the content.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeViolations, openPage, panics, settled, start } from '../support/browser.mjs';

const shipped = (name) => readFileSync(new URL(`../../public/data/${name}`, import.meta.url), 'utf8');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Serves `body` with `status` in place of a data file, until the returned function is called. */
async function breakFile(page, file, status, body) {
  const pattern = `**/data/${file}`;
  const handler = (route) => route.fulfill({ status, contentType: 'application/json', body });
  await page.route(pattern, handler);
  return () => page.unroute(pattern, handler);
}

async function navigateTo(page, linkName, h1) {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: linkName, exact: true }).click();
  await settled(page);
  assert.equal(await page.locator('h1').innerText(), h1);
}

describe('a data file that is broken or missing', () => {
  it('invalid JSON for the programme: alert on /programme only, nav works, retry recovers', async () => {
    const page = await openPage(env);
    const repair = await breakFile(page, 'programme-2023.json', 200, shipped('programme-2023.json').slice(0, 400));
    await page.goto(env.url + '/programme');
    await settled(page);

    const alert = page.getByRole('alert');
    assert.equal(await alert.count(), 1);
    const text = await alert.innerText();
    assert.match(text, /Impossible d’afficher le programme\./);
    assert.match(text, /Le fichier de données reçu est illisible\./);
    assert.equal(await page.locator('h1').innerText(), 'Programme 2023', 'the page itself still renders');
    assert.deepEqual(await axeViolations(page), [], 'the error state is accessible too');

    await navigateTo(page, 'Charte', 'La charte de NEC');
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.ok((await page.locator('main').innerText()).includes('Engagement n°3'));

    await navigateTo(page, 'Programme', 'Programme 2023');
    assert.equal(await page.getByRole('alert').count(), 1, 'still broken');
    await repair();
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByRole('heading', { name: /Grande soirée NEC/ }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    await page.waitForFunction(() => document.activeElement?.id === 'titre-page');
    // the retry button went away with the alert: focus is on the page title, not lost on <body>
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('missing charter (404): alert names the 404, other routes keep working', async () => {
    const page = await openPage(env);
    await breakFile(page, 'charter.json', 404, 'Not found');
    await page.goto(env.url + '/charte');
    await settled(page);
    const text = await page.getByRole('alert').innerText();
    assert.match(text, /Impossible d’afficher la charte\./);
    assert.match(text, /introuvable \(erreur 404\)/);
    assert.ok(await page.getByRole('button', { name: 'Réessayer' }).isVisible());

    await navigateTo(page, 'Éditions', 'Les éditions de NEC');
    assert.equal(await page.getByRole('alert').count(), 0);
    await navigateTo(page, 'Programme', 'Programme 2023');
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('well-formed but invalid editions: the alert lists each problem with its JSON path', async () => {
    const page = await openPage(env);
    const editions = JSON.parse(shipped('editions.json'));
    editions.editions[1].year = 2018;
    editions.editions[4].locations[0].city = '';
    await breakFile(page, 'editions.json', 200, JSON.stringify(editions));
    await page.goto(env.url + '/editions');
    await settled(page);
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /Le fichier de données contient 2 erreur\(s\)\./);
    await alert.getByText('Détails techniques').click();
    const details = await alert.locator('li').allInnerTexts();
    assert.deepEqual(details, [
      '$.editions[1] : l’identifiant « 2018 » est déjà utilisé',
      '$.editions[4].locations[0].city : le texte est vide alors qu’il est obligatoire',
    ]);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('the home page keeps its links to every section when the programme fails', async () => {
    const page = await openPage(env);
    await breakFile(page, 'programme-2023.json', 500, 'oops');
    await page.goto(env.url + '/');
    await settled(page);
    assert.match(await page.getByRole('alert').innerText(), /erreur \(code 500\)/);
    const sections = page.getByRole('navigation', { name: 'Rubriques' });
    assert.equal(await sections.getByRole('link').count(), 3);
    await sections.getByRole('link', { name: 'La charte' }).click();
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), 'La charte de NEC');
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('shows text from the data as text, never as HTML', async () => {
    const page = await openPage(env);
    const charter = JSON.parse(shipped('charter.json'));
    charter.engagements[0].title = '<img src=x onerror="window.__pwned=1">Titre';
    charter.engagements[1].text = '<script>window.__pwned=1</script>';
    await breakFile(page, 'charter.json', 200, JSON.stringify(charter));
    await page.goto(env.url + '/charte');
    await settled(page);
    assert.ok((await page.locator('main').innerText()).includes('<img src=x onerror="window.__pwned=1">Titre'));
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.close();
  });
});
