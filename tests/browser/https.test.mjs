// The host over HTTPS (issue 23): deploy/nginx.conf's two server blocks, with a throwaway
// self-signed certificate made at test time (tests/support/nginx.mjs). Port 80 answers the ACME
// challenge and redirects everything else to HTTPS with a 301; port 443 speaks TLS 1.3 only and
// HTTP/2, and sends the headers the MDN HTTP Observatory grades A+ (tests/support/observatory.mjs:
// each test's result, then the score). Chromium trusts the certificate by its public key only
// (--ignore-certificate-errors-spki-list): the site then runs there as a visitor has it, service
// worker included, and a partner page on another origin shows the widget from it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import { connect as http2Connect } from 'node:http2';
import { connect as tlsConnect } from 'node:tls';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { launchBrowser as launchChromium } from '../../scripts/tools.mjs';
import { openPage, panics, settled, SERVER, start } from '../support/browser.mjs';
import { CSP, partnerCsp } from '../support/csp.mjs';
import { grade } from '../support/observatory.mjs';
import { ROUTES } from '../support/routes.mjs';

const skip = SERVER !== 'nginx' && 'NEC_TEST_SERVER=node: no nginx, no TLS';

let env;
let pem;
before(async () => {
  if (skip) return;
  env = await start({ https: true });
  pem = (await import('../support/nginx.mjs')).testCertificate().pem;
});
after(async () => { await env?.stop(); });

/** A TLS connection to the HTTPS port trusting the test certificate: its protocol and ALPN. */
function handshake(options = {}) {
  const { port, hostname } = new URL(env.https);
  return new Promise((done) => {
    const socket = tlsConnect({ host: hostname, port: Number(port), ca: pem, ALPNProtocols: ['h2', 'http/1.1'], ...options });
    socket.once('secureConnect', () => { done({ ok: true, protocol: socket.getProtocol(), alpn: socket.alpnProtocol }); socket.end(); });
    socket.once('error', (error) => done({ ok: false, error: error.code ?? error.message }));
  });
}

/** GET over HTTP/2 with the given request headers: { status, headers, body } (body as sent). */
function get2(path, headers = {}) {
  return new Promise((done, fail) => {
    const session = http2Connect(env.https, { ca: pem });
    session.once('error', fail);
    const stream = session.request({ ':path': path, ...headers });
    const chunks = [];
    let head;
    stream.once('response', (h) => { head = h; });
    stream.on('data', (c) => chunks.push(c));
    stream.once('end', () => {
      session.close();
      done({ status: head[':status'], headers: head, body: Buffer.concat(chunks) });
    });
    stream.once('error', fail);
    stream.end();
  });
}

/** A plain-HTTP request to the port-80 block (never followed). */
function get1(url, method = 'GET') {
  return new Promise((done, fail) => {
    const req = httpRequest(url, { method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done({ url, status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.once('error', fail);
    req.end();
  });
}

describe('port 443: TLS 1.3 and HTTP/2', { skip }, () => {
  it('negotiates TLS 1.3 and HTTP/2, and refuses TLS 1.2', async () => {
    assert.deepEqual(await handshake(), { ok: true, protocol: 'TLSv1.3', alpn: 'h2' });
    const old = await handshake({ maxVersion: 'TLSv1.2' });
    assert.equal(old.ok, false, 'a TLS 1.2 client is refused (Mozilla modern profile)');
  });

  it('sends the site with brotli, HSTS and the security headers over HTTP/2', async () => {
    const home = await get2('/', { 'accept-encoding': 'br' });
    assert.equal(home.status, 200);
    assert.equal(home.headers['content-encoding'], 'br');
    assert.match(brotliDecompressSync(home.body).toString(), /<title>Accueil — Numérique en Commun\[s\]<\/title>/);
    assert.equal(home.headers['strict-transport-security'], 'max-age=63072000; includeSubDomains');
    assert.equal(home.headers['content-security-policy'], CSP);
    assert.equal(home.headers['cross-origin-resource-policy'], 'same-origin', 'the site’s pages are for the site alone');
    const missing = await get2('/programme/rien-de-tel');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['strict-transport-security'], 'max-age=63072000; includeSubDomains', 'on errors too');
    assert.equal(missing.headers['cross-origin-resource-policy'], 'same-origin');
    // What partner pages load from other origins: any origin may.
    const html = brotliDecompressSync(home.body).toString();
    const css = html.match(/href="?\/(main-[0-9a-f]+\.css)/)[1];
    for (const path of [`/${css}`, '/widget.js', '/data/programme-2023.json', '/embed/programme.html']) {
      const file = await get2(path, { 'accept-encoding': 'br' });
      assert.equal(file.status, 200, path);
      assert.equal(file.headers['cross-origin-resource-policy'], 'cross-origin', `${path}: any origin may load it`);
      assert.equal(file.headers['access-control-allow-origin'], '*', path);
    }
    assert.match((await get2('/embed/programme.html')).headers['content-security-policy'], /frame-ancestors \*$/);
  });
});

describe('port 80: the ACME challenge, and a 301 to HTTPS for the rest', { skip }, () => {
  it('redirects every address, its query kept, to the same host over HTTPS', async () => {
    for (const path of ['/', '/programme?jour=2023-10-19', '/en/charte', '/data/programme-2023.json', '/nulle-part']) {
      for (const method of ['GET', 'HEAD']) {
        const response = await get1(env.redirect + path, method);
        assert.equal(response.status, 301, `${method} ${path}`);
        assert.equal(response.headers.location, `https://127.0.0.1${path}`, `${method} ${path}`);
      }
    }
  });

  it('serves a challenge file over plain HTTP, and a missing one is a 404, not a redirect', async () => {
    const token = 'Kx9-jetonDeTest_0123';
    writeFileSync(join(env.acme, '.well-known', 'acme-challenge', token), `${token}.empreinte`);
    const found = await get1(`${env.redirect}/.well-known/acme-challenge/${token}`);
    assert.equal(found.status, 200);
    assert.equal(found.body, `${token}.empreinte`);
    assert.match(found.headers['content-type'], /^text\/plain/);
    const absent = await get1(`${env.redirect}/.well-known/acme-challenge/absent`);
    assert.equal(absent.status, 404);
    assert.equal(absent.headers.location, undefined);
  });
});

describe('MDN HTTP Observatory: A+', { skip }, () => {
  it('grades each header as the Observatory does, and the sum is at least 100', async () => {
    const home = await get2('/', { 'accept-encoding': 'identity' });
    const page = { url: env.https + '/', headers: home.headers, body: home.body.toString() };
    const cors = await get2('/', { origin: 'https://partenaire.example' });
    const http = await get1(env.redirect + '/');
    const { tests, score, grade: letter } = grade({ page, cors, http });
    const results = Object.fromEntries(Object.entries(tests).map(([name, { result, modifier }]) => [name, `${result} (${modifier})`]));
    assert.deepEqual(results, {
      'content-security-policy': 'csp-implemented-with-no-unsafe (5)',
      cookies: 'cookies-not-found (0)',
      'cross-origin-resource-sharing': 'cross-origin-resource-sharing-implemented-with-public-access (0)',
      redirection: 'redirection-to-https (0)',
      'referrer-policy': 'referrer-policy-private (5)',
      'strict-transport-security': 'hsts-implemented-max-age-at-least-six-months (0)',
      'subresource-integrity': 'sri-implemented-and-all-scripts-loaded-securely (5)',
      'x-content-type-options': 'x-content-type-options-nosniff (0)',
      'x-frame-options': 'x-frame-options-implemented-via-csp (5)',
      'cross-origin-resource-policy': 'corp-implemented-with-same-origin (10)',
    });
    // 100, no penalty (so the bonuses count): CSP 5 + Referrer-Policy 5 + SRI 5 (Trunk's integrity
    // on the boot module) + frame-ancestors 5 + CORP 10.
    assert.equal(score, 130);
    assert.equal(letter, 'A+');
  });

  it('would not be A+ over plain HTTP, nor without HSTS: the arithmetic can fail', () => {
    const headers = { 'content-security-policy': CSP, 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-origin' };
    const page = { url: 'https://nec.example/', headers, body: '<script type="module" src="/boot.js"></script>' };
    const redirected = { url: 'http://nec.example/', status: 301, headers: { location: 'https://nec.example/' } };
    const noHsts = grade({ page, cors: { headers: {} }, http: redirected });
    assert.equal(noHsts.tests['strict-transport-security'].modifier, -20);
    assert.deepEqual([noHsts.score, noHsts.grade], [80, 'B+']);
    const noRedirect = grade({ page: { ...page, headers: { ...headers, 'strict-transport-security': 'max-age=63072000' } }, cors: { headers: {} }, http: { url: 'http://nec.example/', status: 200, headers: {} } });
    assert.deepEqual([noRedirect.score, noRedirect.grade], [80, 'B+']);
    const shortHsts = grade({ page: { ...page, headers: { ...headers, 'strict-transport-security': 'max-age=86400' } }, cors: { headers: {} }, http: redirected });
    assert.deepEqual([shortHsts.score, shortHsts.grade], [115, 'A+'], '90 after the penalty: the bonuses still count');
  });
});

describe('Chromium over HTTPS, trusting the test certificate by its key', { skip }, () => {
  it('refuses the site without the pinned key: the certificate is not trusted otherwise', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await assert.rejects(page.goto(env.https + '/'), /ERR_CERT_AUTHORITY_INVALID|ERR_CERT/);
    } finally {
      await browser.close();
    }
  });

  for (const path of ['/programme', '/en/charte']) {
    it(`${path}: a secure context over HTTP/2, the app and the service worker run, no CSP violation`, async () => {
      const route = ROUTES.find((r) => path.endsWith(r.path) && r.path !== '/');
      const page = await openPage(env, { serviceWorkers: 'allow' });
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const response = await page.goto(env.https + path);
      assert.equal(response.status(), 200);
      assert.equal((await response.securityDetails())?.protocol, 'TLS 1.3');
      assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation')[0].nextHopProtocol), 'h2');
      assert.equal(await page.evaluate(() => isSecureContext), true);
      await settled(page);
      assert.equal(await page.locator('h1').innerText(), path.startsWith('/en/') ? route.en.h1 : route.h1);
      await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js'), null, { timeout: 15000 });
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(panics(page), []);
      await page.close();
    });
  }

  it('a partner page on another origin, with a strict CSP, shows the widget loaded over HTTPS', async () => {
    const partner = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': partnerCsp(env.https) });
      res.end(`<!DOCTYPE html><html lang="fr"><head><title>Partenaire</title><script type="module" src="${env.https}/widget.js"></script></head>
        <body><main><h1>Partenaire</h1><nec-widget id="module" view="charte" heading-level="2"></nec-widget></main></body></html>`);
    });
    await new Promise((ok) => partner.listen(0, '127.0.0.1', ok));
    try {
      const page = await openPage(env);
      const violations = [];
      page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
      await page.goto(`http://127.0.0.1:${partner.address().port}/`, { app: false });
      await page.waitForFunction(() => document.getElementById('module')?.shadowRoot?.querySelector('.nec-root h2'));
      assert.match(await page.locator('#module').getByRole('heading', { level: 2 }).innerText(), /charte/i);
      assert.deepEqual(violations, []);
      await page.close();
    } finally {
      await new Promise((ok) => partner.close(ok));
    }
  });
});
