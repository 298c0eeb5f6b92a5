import { createHash } from 'node:crypto';
// The app under the strict Content-Security-Policy a public host should send (issue 9), as the
// server actually sends it (nginx with deploy/, or the node fallback with the same headers):
// every route renders with zero `securitypolicyviolation` event, and no inline script is left;
// the service worker registers and takes control under the same policy.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, panics, settled, start } from '../support/browser.mjs';
import { DIST } from '../support/server.mjs';
import { ROUTES } from '../support/routes.mjs';
import { CSP } from '../support/csp.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

describe('strict Content-Security-Policy', () => {
  it('leaves one inline script, allowed by its hash, and no style attribute, in every built page', () => {
    const pages = readdirSync(DIST, { recursive: true }).filter((name) => name.endsWith('.html') && !name.startsWith('embed'));
    assert.ok(pages.length > 60, `${pages.length} pages`);
    for (const name of pages) {
      const html = readFileSync(join(DIST, name), 'utf8');
      // JSON-LD (schema.org, crates/nec-data/src/site/json_ld.rs) is data, not a script: the CSP does not apply to it.
      const data = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      for (const text of data) assert.doesNotThrow(() => JSON.parse(text), name);
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      assert.equal(inline.length, 1, `${name}: the theme and language script only`);
      assert.ok(inline[0].includes('nec-theme'), name);
      const hash = `'sha256-${createHash('sha256').update(inline[0]).digest('base64')}'`;
      assert.ok(CSP.includes(hash), `${name}: the CSP allows ${hash}`);
      assert.doesNotMatch(html, /\sstyle=/, name);
    }
  });

  for (const route of ROUTES) {
    it(`${route.path} renders under the CSP with no violation`, async () => {
      const page = await openPage(env, { serviceWorkers: 'allow' });
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const response = await page.goto(env.url + route.path);
      assert.equal(response.headers()['content-security-policy'], CSP, 'the server sends the strict CSP');
      await settled(page);
      assert.equal(await page.locator('h1').innerText(), route.h1);
      if (route.path.startsWith('/programme')) {
        // Exercise the dynamic parts too: a filter, the agenda toggle.
        const toggle = page.getByRole('button', { name: /^Mon programme : / }).first();
        await toggle.click();
        assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      }
      await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js'));
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(panics(page), []);
      await page.close();
    });
  }
});
