// The accessible primitives of crates/nec-views/src/components/, each tested where the site uses it. Tested in
// other files: SkipLink (routes), FilterGroup and AgendaToggle (programme), ErrorAlert (faults),
// BarChart and DataTable's values (history), ThemeSwitch (a11y).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, panics, settled, start } from '../support/browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

async function open(path, { init } = {}) {
  const page = await openPage(env);
  if (init) await page.addInitScript(init);
  await page.goto(env.url + path);
  await settled(page);
  return page;
}

const regionText = (page, id) => page.locator(`#${id}`).textContent();

describe('VisuallyHidden', () => {
  it('puts the day and time in a programme link’s name without showing them', async () => {
    const page = await open('/programme');
    const link = page.getByRole('link', { name: 'Jeudi 19 octobre 2023, de 19 heures à 1 heure le lendemain : Grande soirée NEC', exact: true });
    assert.equal(await link.count(), 1, 'the accessible name carries day, time and title');
    const seen = await link.evaluate((a) => [...a.childNodes].filter((n) => !n.classList?.contains('visually-hidden')).map((n) => n.textContent).join(''));
    assert.equal(seen, 'Grande soirée NEC', 'only the title is seen');
    const box = await link.locator('.visually-hidden').boundingBox();
    assert.ok(box.width <= 1 && box.height <= 1, 'the hidden part takes no room');
    await page.close();
  });
});

describe('LiveRegion (announcer)', () => {
  it('has a polite and an assertive region from the first render, both empty at rest', async () => {
    const page = await open('/');
    assert.equal(await page.locator('#annonces').getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('#annonces-urgentes').getAttribute('aria-live'), 'assertive');
    assert.equal(await regionText(page, 'annonces'), '');
    assert.equal(await regionText(page, 'annonces-urgentes'), '');
    await page.close();
  });

  it('announces a repeated message again (agenda added, removed, added)', async () => {
    const page = await open('/programme');
    const toggle = page.getByRole('button', { name: 'Mon programme : Plénière', exact: true });
    const heard = [];
    for (const expected of ['«\u202fPlénière\u202f» ajouté à mon programme.', '«\u202fPlénière\u202f» retiré de mon programme.', '«\u202fPlénière\u202f» ajouté à mon programme.']) {
      await toggle.click();
      await page.waitForFunction((text) => document.getElementById('annonces').textContent === text, expected);
      heard.push(await regionText(page, 'annonces'));
    }
    assert.equal(heard.length, 3);
    await page.close();
  });
});

describe('CopyButton', () => {
  it('copies the share link and says « Lien copié » politely', async () => {
    const page = await open('/programme');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
    await page.getByRole('button', { name: 'Mon programme : Plénière', exact: true }).click();
    await page.goto(env.url + '/mon-programme');
    await settled(page);
    const button = page.getByRole('button', { name: 'Copier le lien' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('annonces').textContent === 'Lien copié.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.getByRole('textbox', { name: 'Lien de partage de mon programme' }).inputValue());
    assert.equal(await regionText(page, 'annonces-urgentes'), '');
    assert.equal(await page.locator('.copy-feedback').innerText(), 'Lien copié.', 'seen as well as heard');
    await page.close();
  });

  it('says at once, assertively, when the copy fails, and how to do it by hand', async () => {
    const page = await open('/mon-programme', {
      init: () => {
        localStorage.setItem('nec-mon-programme-2023', '["pleniere-jeudi"]');
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => ({ writeText: () => Promise.reject(new Error('refusé')) }) });
      },
    });
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    await page.waitForFunction(() => document.getElementById('annonces-urgentes').textContent.length > 0);
    assert.equal(await regionText(page, 'annonces-urgentes'), 'La copie a échoué\u00a0: sélectionnez le lien et copiez-le.');
    assert.equal(await page.locator('.copy-feedback').innerText(), 'La copie a échoué\u00a0: sélectionnez le lien et copiez-le.');
    assert.deepEqual(panics(page), []);
    await page.close();
  });
});

describe('Disclosure', () => {
  it('shows the technical details of an error on Enter, with its expanded state, and hides them again', async () => {
    const page = await openPage(env);
    await page.route('**/data/charter.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"engagements": 3}' }));
    await page.goto(env.url + '/charte');
    await settled(page);
    const summary = page.locator('.alert summary');
    assert.equal(await summary.innerText(), 'Détails techniques');
    const details = page.getByRole('alert').locator('li');
    assert.equal(await details.first().isVisible(), false, 'closed at first');
    await summary.focus();
    await page.keyboard.press('Enter');
    assert.ok(await details.first().isVisible());
    assert.equal(await page.locator('.alert details').evaluate((d) => d.open), true, 'the browser exposes it as expanded');
    await page.keyboard.press('Space');
    assert.equal(await details.first().isVisible(), false);
    assert.equal(await page.locator('.alert details').evaluate((d) => d.open), false);
    await page.close();
  });
});

describe('DataTable', () => {
  it('names its scrolling region by the caption, is focusable, and scopes every header', async () => {
    const page = await open('/donnees');
    const region = page.getByRole('region', { name: 'Fichiers de données' });
    assert.equal(await region.getAttribute('tabindex'), '0', 'keyboard users can scroll a wide table');
    const table = region.getByRole('table', { name: 'Fichiers de données' });
    assert.deepEqual(await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.scope)), ['col', 'col', 'col', 'col', 'col']);
    const rows = await table.locator('tbody tr').count();
    assert.ok(rows >= 3);
    assert.equal(await table.locator('tbody th[scope="row"]').count(), rows, 'each row starts with its header');
    assert.equal(await table.getByRole('rowheader', { name: 'programme-2023.json' }).count(), 1);
    await page.close();
  });
});
