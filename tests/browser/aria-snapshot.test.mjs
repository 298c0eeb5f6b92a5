// What a screen reader is given on the programme and on an item page: the accessibility tree
// of <main>, compared with a reviewed file in tests/expected/. A change in roles, names, states
// or reading order fails the build until the file is reviewed again:
//   UPDATE_ARIA_SNAPSHOTS=1 node --test browser/aria-snapshot.test.mjs   (then read the diff)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { openPage, settled, start } from '../support/browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const SNAPSHOTS = [
  ['/programme', 'programme.aria.yml'],
  ['/programme/grande-soiree', 'programme-grande-soiree.aria.yml'],
  // The same pages in English (issue 10).
  ['/en/programme', 'programme.en.aria.yml'],
  ['/en/programme/grande-soiree', 'programme-grande-soiree.en.aria.yml'],
];

describe('accessibility-tree snapshots', () => {
  for (const [path, file] of SNAPSHOTS) {
    it(`${path} matches tests/expected/${file}`, async () => {
      const page = await openPage(env);
      // A fixed clock after the event, as visitors read the site now and as its pages were
      // written at build time: no « En ce moment » block, the same tree on every run.
      await page.addInitScript(() => { window.NEC_NOW = '2026-12-06T15:00:00+01:00'; });
      await page.goto(env.url + path);
      await settled(page);
      const snapshot = (await page.locator('main').ariaSnapshot()) + '\n';
      const expectedPath = new URL(`../expected/${file}`, import.meta.url);
      if (process.env.UPDATE_ARIA_SNAPSHOTS) await writeFile(expectedPath, snapshot);
      assert.equal(snapshot, await readFile(expectedPath, 'utf8'));
      await page.close();
    });
  }
});
