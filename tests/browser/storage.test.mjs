// "Mon programme" when the browser will not keep it (issue 9): localStorage that throws,
// that is full, or that holds corrupt data. The app keeps working and says what happens.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, panics, settled, start } from '../support/browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const FAULTS = {
  'localStorage disabled (every call throws)': () => {
    for (const name of ['getItem', 'setItem', 'removeItem']) {
      Storage.prototype[name] = () => { throw new DOMException('denied', 'SecurityError'); };
    }
  },
  'localStorage full (writing throws QuotaExceededError)': () => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  },
};

describe('Mon programme when storage fails', () => {
  for (const [name, fault] of Object.entries(FAULTS)) {
    it(`${name}: choices work for this visit and the page says they will not be kept`, async () => {
      const page = await openPage(env);
      await page.addInitScript(fault);
      await page.goto(`${env.url}/programme`);
      await settled(page);
      const toggle = page.getByRole('button', { name: 'Mon programme : Grande soirée NEC', exact: true });
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon programme' }).click();
      await settled(page);
      assert.match(await page.getByRole('status').filter({ hasText: 'enregistrer' }).innerText(), /ne permet pas d’enregistrer «\sMon programme\s»/);
      assert.match(await page.locator('main').innerText(), /Grande soirée NEC/);
      assert.deepEqual(panics(page), []);
      await page.close();
    });
  }

  it('corrupt stored data: the agenda starts empty, says so, and saving works again', async () => {
    const page = await openPage(env);
    await page.addInitScript(() => localStorage.setItem('nec-mon-programme-2023', '{pas du JSON'));
    await page.goto(`${env.url}/mon-programme`);
    await settled(page);
    assert.match(await page.getByRole('status').filter({ hasText: 'illisible' }).innerText(), /était illisible/);
    assert.match(await page.locator('main').innerText(), /Votre programme est vide/);
    assert.deepEqual(panics(page), []);
    await page.close();
  });
});

describe('Données personnelles', () => {
  it('shows what is kept on this device right now, and erases it', async () => {
    const page = await openPage(env);
    await page.goto(env.url + '/programme');
    await settled(page);
    await page.getByRole('button', { name: 'Mon programme : Plénière', exact: true }).click();
    await page.getByRole('button', { name: 'Mon programme : Grande soirée NEC', exact: true }).click();
    await page.getByRole('combobox', { name: 'Thème' }).selectOption({ label: 'Sombre' });
    await page.getByRole('contentinfo').getByRole('link', { name: 'Données personnelles' }).click();
    await settled(page);
    const table = page.getByRole('table', { name: 'Ce que ce site garde sur votre appareil' });
    const kept = () => table.locator('tbody tr td:last-child').allInnerTexts();
    // The offline copy (service workers are blocked in this context: nothing is copied).
    await table.getByRole('row', { name: /nec-web-…/ }).getByRole('cell', { name: 'rien', exact: true }).waitFor();
    assert.deepEqual(await kept(), ['2 éléments', '«\u202fSombre\u202f»', 'rien', 'rien']);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).sort().join()), 'nec-mon-programme-2023,nec-theme', 'nothing else is stored');
    assert.deepEqual((await page.context().cookies()), [], 'no cookie');

    await page.getByRole('button', { name: 'Effacer ces données de cet appareil' }).click();
    assert.deepEqual(await kept(), ['rien', 'rien (thème automatique)', 'rien', 'rien']);
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.equal(await page.getAttribute('html', 'data-theme'), null);
    assert.equal(await page.getByRole('combobox', { name: 'Thème' }).inputValue(), '');
    await page.waitForFunction(() => document.getElementById('annonces').textContent.includes('effacées'));

    // RGAA 11.12: the erase can be undone, and focus stays on the page when the undo button goes.
    await page.getByRole('button', { name: 'Rétablir les données effacées' }).click();
    assert.deepEqual(await kept(), ['2 éléments', '«\u202fSombre\u202f»', 'rien', 'rien']);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).sort().join()), 'nec-mon-programme-2023,nec-theme');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    await page.waitForFunction(() => document.getElementById('annonces').textContent.includes('rétablies'));
    assert.equal(await page.getByRole('button', { name: 'Rétablir les données effacées' }).count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Effacer ces données de cet appareil');

    await page.getByRole('button', { name: 'Effacer ces données de cet appareil' }).click();
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await page.reload();
    await settled(page);
    await table.getByRole('row', { name: /nec-web-…/ }).getByRole('cell', { name: 'rien', exact: true }).waitFor();
    assert.deepEqual(await kept(), ['rien', 'rien (thème automatique)', 'rien', 'rien'], 'still erased after a reload');
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('undoing the erase puts back every edition’s agenda, as it was stored', async () => {
    const page = await openPage(env);
    // One agenda for 2023, the current edition, and one kept from an earlier edition's programme.
    const earlier = JSON.stringify([{ id: 'atelier-2021' }]);
    await page.addInitScript((earlier) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('nec-mon-programme-2021', earlier);
    }, earlier);
    await page.goto(env.url + '/programme');
    await settled(page);
    await page.getByRole('button', { name: 'Mon programme : Plénière', exact: true }).click();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Données personnelles' }).click();
    await settled(page);
    const stored = () => page.evaluate(() => Object.keys(localStorage).sort().map((key) => [key, key.endsWith('2021') ? localStorage.getItem(key) : null]));
    const before = await stored();
    assert.deepEqual(before.map(([key]) => key), ['nec-mon-programme-2021', 'nec-mon-programme-2023']);
    await page.getByRole('button', { name: 'Effacer ces données de cet appareil' }).click();
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await page.getByRole('button', { name: 'Rétablir les données effacées' }).click();
    assert.deepEqual(await stored(), before);
    assert.equal(await page.evaluate(() => localStorage.getItem('nec-mon-programme-2021')), earlier, 'the earlier edition’s agenda, word for word');
    assert.deepEqual(panics(page), []);
    await page.close();
  });
});
