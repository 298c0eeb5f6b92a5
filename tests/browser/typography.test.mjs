// French typography (issue 25): a no-break space before « : », a narrow one before « ; ? ! » and
// inside « », no-break spaces in « 9 h 00 » and « 2 000 », on the interface's words and the data's
// alike, in the prerendered page as in the app; none of it on English text, in attributes or URLs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, settled, start } from '../support/browser.mjs';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** The page's text outside or inside French runs (`lang` of the nearest element, else the page's). */
function textIn(lang) {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const at = node.parentElement.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
    if (at.startsWith(lang)) found.push(node.data);
  }
  return found.join('|');
}

describe('French typography', () => {
  it('is applied to the interface’s words and the data’s on French pages, once the app runs', async () => {
    const page = await openPage(env);
    await page.goto(env.url + '/infos-pratiques');
    await settled(page);
    const text = await page.locator('main').innerText();
    assert.ok(text.includes(`Comment y aller${NNBSP}?`), 'interface: a narrow no-break space before « ? »');
    assert.ok(text.includes(`9${NBSP}h${NBSP}00 – 19${NBSP}h${NBSP}00`), 'interface: « 9 h 00 » stays together');
    assert.ok(text.includes(`(source${NBSP}: «${NNBSP}Numérique en Commun[s] à Bordeaux${NNBSP}»`), 'a citation');
    assert.ok(text.includes(`Qui peut venir${NBSP}: les textes`), 'data: a no-break space before « : »');
    await page.goto(env.url + '/editions/2022');
    await settled(page);
    const quoted = await page.locator('.note q', { hasText: 'professionnels' }).innerText();
    assert.equal(quoted, `plus de 1${NNBSP}000 professionnels`, 'a number typed in the data: « 1 000 »');
    const marks = await page.locator('.note q').first().evaluate((q) => getComputedStyle(q).quotes);
    assert.equal(marks, `"«${NNBSP}" "${NNBSP}»"`, 'quotation marks drawn by CSS hold narrow no-break spaces');
    const separators = await page.locator('main').innerText();
    assert.ok(separators.includes(`non daté${NNBSP}; «${NNBSP}`), 'a narrow no-break space before « ; »');
    await page.close();
  });

  it('is in the prerendered page, before any wasm', async () => {
    const response = await fetch(env.url + '/programme/grande-soiree');
    const html = (await response.text()).replace(/&nbsp;/g, NBSP);
    assert.ok(html.includes(`>19${NBSP}h${NBSP}00</time> – <time datetime="2023-10-20T01:00:00+02:00">1${NBSP}h${NBSP}00</time>`), 'the prerendered page has it');
    assert.ok(html.includes(`Accessibilité${NBSP}: totalement conforme`));
    assert.ok(html.includes('datetime="2023-10-19T19:00:00+02:00"'), 'machine attributes keep their own form');
  });

  it('leaves English text, attributes and addresses alone, and types French runs on English pages in French', async () => {
    const page = await openPage(env);
    await page.goto(env.url + '/en/programme/grande-soiree');
    await settled(page);
    const english = await page.evaluate(textIn, 'en');
    assert.doesNotMatch(english, /[\u00a0\u202f]/, 'no French spacing in English');
    assert.ok(english.includes('19:00'), english);
    // The data is translated (issue 25): the French on an English page is the « Original French »
    // of each commitment, in lang="fr".
    await page.goto(env.url + '/en/charte');
    await settled(page);
    const french = await page.evaluate(textIn, 'fr');
    assert.ok(french.includes(`principes forts${NBSP}: respect du RGPD`), `a French original on an English page is typed in French: ${french}`);
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.every((h) => !/[\u00a0\u202f]/.test(h)), 'addresses are never touched');
    await page.close();
  });
});
