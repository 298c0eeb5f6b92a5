// Visual stability (issue 8, CLS < 0.05): on every route, at a phone's and a desktop's size, the
// layout shifts the browser records while the app loads its data and replaces « Chargement… »
// by the content add up to less than 0.05 (the "good" threshold of Cumulative Layout Shift).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, settled, start } from '../support/browser.mjs';
import { ROUTES } from '../support/routes.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

describe('layout shift while a route loads', () => {
  for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 900 }]) {
    for (const route of ROUTES) {
      it(`${route.path} at ${viewport.width} px shifts less than 0.05`, async () => {
        const page = await openPage(env, { viewport });
        await page.addInitScript(() => {
          window.layoutShifts = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              if (!entry.hadRecentInput) window.layoutShifts.push({ value: entry.value, nodes: entry.sources?.map((s) => s.node?.nodeName ?? '?').join(' ') });
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        // The data arrives late, as on a slow network: the loading message is on screen first.
        await page.route('**/data/*.json', async (r) => { await new Promise((ok) => setTimeout(ok, 400)); await r.continue(); });
        await page.goto(env.url + route.path);
        await settled(page);
        await page.waitForTimeout(300);
        const shifts = await page.evaluate(() => window.layoutShifts);
        const total = shifts.reduce((sum, s) => sum + s.value, 0);
        assert.ok(total < 0.05, `${route.path}: CLS ${total.toFixed(3)} (${shifts.map((s) => `${s.value.toFixed(3)} ${s.nodes}`).join('; ')})`);
        await page.close();
      });
    }
  }
});
