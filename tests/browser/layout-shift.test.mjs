// Visual stability (issue 8, CLS < 0.05): on every route, at a phone's and a desktop's size, the
// layout shifts the browser records while the app loads its data and replaces « Chargement… »
// by the content add up to less than 0.05 (the "good" threshold of Cumulative Layout Shift); and
// so they do when the page itself arrives in pieces, each painted before the next comes, as on a
// slow network (a table's columns once moved as its last rows arrived, the header's links as its
// last link did).
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, settled, start } from '../support/browser.mjs';
import { ROUTES } from '../support/routes.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const VIEWPORTS = [{ width: 412, height: 823 }, { width: 1280, height: 900 }];

/** A page that records the layout shifts no input caused. */
async function watchedPage(viewport) {
  const page = await openPage(env, { viewport });
  await page.addInitScript(() => {
    window.layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.layoutShifts.push({ value: entry.value, nodes: entry.sources?.map((s) => s.node?.nodeName ?? '?').join(' ') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return page;
}

/** Asserts that the shifts recorded on `page` add up to less than 0.05. */
async function assertStable(page, path) {
  await settled(page);
  await page.waitForTimeout(300);
  const shifts = await page.evaluate(() => window.layoutShifts);
  const total = shifts.reduce((sum, s) => sum + s.value, 0);
  assert.ok(total < 0.05, `${path}: CLS ${total.toFixed(3)} (${shifts.map((s) => `${s.value.toFixed(3)} ${s.nodes}`).join('; ')})`);
}

describe('layout shift while a route loads', () => {
  for (const viewport of VIEWPORTS) {
    for (const route of ROUTES) {
      it(`${route.path} at ${viewport.width} px shifts less than 0.05`, async () => {
        const page = await watchedPage(viewport);
        // The data arrives late, as on a slow network: the loading message is on screen first.
        await page.route('**/data/*.json', async (r) => { await new Promise((ok) => setTimeout(ok, 400)); await r.continue(); });
        await page.goto(env.url + route.path);
        await assertStable(page, route.path);
        await page.close();
      });
    }
  }
});

/** Where a slow network or a busy parser is most likely to cut a page for the worst: in the
 * header's first link, before its name; and after a table's first row, else halfway through
 * `<main>`, between two tags. */
function cutPoints(html) {
  const navigation = html.indexOf('>', html.indexOf('<a', html.indexOf('<nav'))) + 1;
  const body = html.indexOf('<tbody');
  if (body >= 0) return [navigation, html.indexOf('</tr>', body) + '</tr>'.length];
  const start = html.indexOf('<main');
  const middle = start + Math.floor((html.indexOf('</main>') - start) / 2);
  return [navigation, html.indexOf('>', middle) + 1];
}

describe('layout shift while a page arrives in pieces', () => {
  let proxy;
  let origin;
  before(async () => {
    // Sends every page in three pieces 400 ms apart; everything else as the test server does.
    proxy = http.createServer(async (request, response) => {
      const upstream = await fetch(env.url + request.url, { headers: { accept: request.headers.accept ?? '*/*' } });
      const headers = Object.fromEntries([...upstream.headers].filter(([name]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(name)));
      const body = Buffer.from(await upstream.arrayBuffer());
      response.writeHead(upstream.status, headers);
      if (!(upstream.headers.get('content-type') ?? '').startsWith('text/html')) return response.end(body);
      const html = body.toString('utf8');
      let from = 0;
      for (const cut of cutPoints(html)) {
        response.write(html.slice(from, cut));
        from = cut;
        await new Promise((ok) => setTimeout(ok, 400));
      }
      response.end(html.slice(from));
    });
    await new Promise((ok) => proxy.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${proxy.address().port}`;
  });
  after(() => proxy?.close());

  for (const viewport of VIEWPORTS) {
    for (const route of ROUTES) {
      it(`${route.path} at ${viewport.width} px shifts less than 0.05`, async () => {
        const page = await watchedPage(viewport);
        await page.goto(origin + route.path);
        await assertStable(page, route.path);
        await page.close();
      });
    }
  }
});
