// The real host (issue 8): dist/ served by Debian's nginx with deploy/, the configuration users
// deploy. What every response of the site's server block says, read over its plain-HTTP test port
// with node:http (no decompression, explicit Accept-Encoding): types, caching, precompressed
// bodies, security headers, revalidation, the single-page fallback and real 404s. TLS, HTTP/2,
// port 80's redirect and the Observatory grade: https.test.mjs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SERVER } from '../support/browser.mjs';
import { checkConfig, serveWithNginx } from '../support/nginx.mjs';
import { DIST } from '../support/server.mjs';
import { CSP } from '../support/csp.mjs';

const skip = SERVER !== 'nginx' && 'NEC_TEST_SERVER=node: no nginx to test';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SECURITY = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
};

/** GET (or `method`) with exactly the given request headers; the body as sent, not decoded. */
function fetchRaw(url, headers = {}, method = 'GET') {
  return new Promise((done, fail) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

function decoded(response) {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body);
  if (encoding === 'gzip') return gunzipSync(response.body);
  assert.equal(encoding, undefined, `unexpected Content-Encoding ${encoding}`);
  return response.body;
}

/** The security headers; `corp`: `same-origin` for the site's pages, `cross-origin` for the files
 * partner pages may load (every other file). */
function assertSecurityHeaders(response, what, corp = 'cross-origin') {
  for (const [name, value] of Object.entries(SECURITY)) assert.equal(response.headers[name], value, `${what}: ${name}`);
  assert.equal(response.headers['cross-origin-resource-policy'], corp, `${what}: Cross-Origin-Resource-Policy`);
  const permissions = response.headers['permissions-policy'] ?? '';
  for (const feature of ['camera', 'microphone', 'geolocation', 'accelerometer', 'gyroscope', 'magnetometer', 'interest-cohort']) {
    assert.match(permissions, new RegExp(`(^|, )${feature}=\\(\\)`), `${what}: Permissions-Policy denies ${feature}`);
  }
  assert.equal(response.headers.server, 'nginx', `${what}: no version in Server`);
}

function files(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

const distFiles = skip ? [] : files(DIST);
const hashed = (re) => {
  const name = distFiles.find((f) => re.test(f));
  assert.ok(name, `dist/ has a file matching ${re}`);
  return name;
};

let server;
before(async () => { if (!skip) server = await serveWithNginx(); });
after(async () => { await server?.close(); });

describe('nginx with deploy/ (the configuration users deploy)', { skip }, () => {
  it('passes `nginx -t` with no warning, and the README gives the same CSP', () => {
    const { ok, output } = checkConfig(server.dir);
    assert.ok(ok, output);
    assert.doesNotMatch(output, /\[(warn|emerg|alert)\]/, output);
    assert.ok(server.brotli, 'the brotli static module is installed (scripts/setup.sh --browser)');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    assert.ok(readme.includes(`Content-Security-Policy: ${CSP}`), 'README and deploy/ give the same CSP');
  });

  it('the build wrote a .br and a .gz beside each compressible file, each the same content', () => {
    const compressible = distFiles.filter((f) => /\.(html|js|css|wasm|json|csv|svg|ics|webmanifest)$/.test(f));
    assert.ok(compressible.some((f) => f.startsWith('data/')), 'data files are precompressed too');
    for (const file of compressible) {
      const original = readFileSync(join(DIST, file));
      for (const [suffix, decode] of [['.br', brotliDecompressSync], ['.gz', gunzipSync]]) {
        if (!distFiles.includes(file + suffix)) {
          assert.ok(original.length < 100, `${file}${suffix} is missing`); // only a tiny file gains nothing
          continue;
        }
        assert.ok(decode(readFileSync(join(DIST, file + suffix))).equals(original), `${file}${suffix} is ${file}, not a stale copy`);
      }
    }
  });

  const assets = [
    ['wasm', /^nec-web-[0-9a-f]{12,16}_bg\.wasm$/, /^application\/wasm$/],
    ['JS', /^nec-web-[0-9a-f]{12,16}\.js$/, /^(text|application)\/javascript; charset=utf-8$/],
    ['boot script', /^boot-[0-9a-f]{16}\.js$/, /^(text|application)\/javascript; charset=utf-8$/],
    ['CSS', /^main-[0-9a-f]{12,16}\.css$/, /^text\/css; charset=utf-8$/],
  ];
  for (const [kind, re, type] of assets) {
    it(`hashed ${kind}: its type, immutable for a year, brotli or gzip as asked`, async () => {
      const name = hashed(re);
      const original = readFileSync(join(DIST, name));
      for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['br', 'br'], ['gzip', 'gzip'], ['identity', undefined], [undefined, undefined]]) {
        const response = await fetchRaw(`${server.url}/${name}`, accept ? { 'accept-encoding': accept } : {});
        const what = `${name} (Accept-Encoding: ${accept})`;
        assert.equal(response.status, 200, what);
        assert.match(response.headers['content-type'], type, what);
        assert.equal(response.headers['cache-control'], IMMUTABLE, what);
        assert.equal(response.headers['content-encoding'], encoding, what);
        assert.match(response.headers.vary ?? '', /Accept-Encoding/i, what);
        assert.ok(decoded(response).equals(original), `${what}: the body is the file`);
        if (encoding) assert.ok(response.body.length < original.length, `${what}: compressed`);
        assertSecurityHeaders(response, what);
      }
    });
  }

  it('every route: its prerendered page, revalidated on each use; an unknown address: « Page introuvable » with the 404 status', async () => {
    const pages = {
      '/': 'index.html', '/index.html': 'index.html', '/programme': 'programme/index.html', '/programme/grande-soiree': 'programme/grande-soiree/index.html',
      '/editions/2021': 'editions/2021/index.html', '/en': 'en/index.html', '/en/charte': 'en/charte/index.html', '/shell.html': 'shell.html',
      '/programme/anything': '404.html', '/data': '404.html', '/cette-page-n-existe-pas': '404.html', '/en/nowhere': 'en/404.html',
    };
    for (const [path, file] of Object.entries(pages)) {
      const response = await fetchRaw(server.url + path, { 'accept-encoding': 'br' });
      assert.equal(response.status, file.endsWith('404.html') ? 404 : 200, path);
      assert.equal(response.headers['content-type'], 'text/html; charset=utf-8', path);
      assert.equal(response.headers['content-encoding'], 'br', path);
      assert.ok(decoded(response).equals(readFileSync(join(DIST, file))), `${path} is ${file}`);
      if (response.status === 200) {
        assert.equal(response.headers['cache-control'], 'no-cache', path);
        assert.ok(response.headers.etag && response.headers['last-modified'], `${path}: validators`);
      }
      assertSecurityHeaders(response, path, 'same-origin');
    }
  });

  it('data files: their type, revalidated with ETag and Last-Modified (304), compressed', async () => {
    const types = { 'programme-2023.json': 'application/json; charset=utf-8', 'editions-chiffres.csv': 'text/csv; charset=utf-8', 'schemas/programme.schema.json': 'application/schema+json; charset=utf-8' };
    for (const [file, type] of Object.entries(types)) {
      const url = `${server.url}/data/${file}`;
      for (const accept of ['br', 'gzip']) {
        const response = await fetchRaw(url, { 'accept-encoding': accept });
        const what = `/data/${file} (${accept})`;
        assert.equal(response.status, 200, what);
        assert.equal(response.headers['content-type'], type, what);
        assert.equal(response.headers['cache-control'], 'no-cache', what);
        assert.equal(response.headers['content-encoding'], accept, what);
        assert.match(response.headers.vary ?? '', /Accept-Encoding/i, what);
        assert.ok(decoded(response).equals(readFileSync(join(DIST, 'data', file))), what);
        assertSecurityHeaders(response, what);
        const { etag, 'last-modified': lastModified } = response.headers;
        assert.ok(etag && lastModified, `${what}: ETag and Last-Modified`);
        const byEtag = await fetchRaw(url, { 'accept-encoding': accept, 'if-none-match': etag });
        assert.equal(byEtag.status, 304, `${what}: If-None-Match`);
        assert.equal(byEtag.body.length, 0);
        assert.equal(byEtag.headers['cache-control'], 'no-cache');
        const byDate = await fetchRaw(url, { 'accept-encoding': accept, 'if-modified-since': lastModified });
        assert.equal(byDate.status, 304, `${what}: If-Modified-Since`);
        const changed = await fetchRaw(url, { 'accept-encoding': accept, 'if-none-match': '"not-this-one"' });
        assert.equal(changed.status, 200, `${what}: another ETag gets the file`);
      }
    }
  });

  it('a missing file is a real 404, never the page and never cached for a year', async () => {
    for (const path of ['/data/missing.json', '/data/schemas/missing.schema.json', '/x.js', '/nec-web-0000000000000000.js', '/main-0000000000000000.css', '/favicon.ico']) {
      const response = await fetchRaw(server.url + path, { 'accept-encoding': 'br, gzip' });
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(response.headers['cache-control'] ?? '', /immutable|max-age/, path);
      assert.ok(!decoded(response).includes('<script'), `${path} is not index.html`);
      assertSecurityHeaders(response, path);
    }
  });
});

describe('nginx with deploy/: media types of files the build may add', { skip }, () => {
  let root;
  let other;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'nec-root-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(root, 'agenda.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    writeFileSync(join(root, 'site.webmanifest'), '{}');
    writeFileSync(join(root, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    other = await serveWithNginx(root);
  });
  after(async () => {
    await other?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('ics, webmanifest and svg', async () => {
    const types = { '/agenda.ics': 'text/calendar; charset=utf-8', '/site.webmanifest': 'application/manifest+json; charset=utf-8', '/logo.svg': 'image/svg+xml' };
    for (const [path, type] of Object.entries(types)) {
      const response = await fetchRaw(other.url + path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers['content-type'], type, path);
      assert.equal(response.headers['cache-control'], 'no-cache', path);
    }
  });
});
