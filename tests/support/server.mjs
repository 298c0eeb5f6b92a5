// A static file server for dist/ with the SPA fallback a real host needs: a path without a
// file extension gets its prerendered page, else 404.html with the 404 status; a missing file
// gets a plain 404.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export { TYPES } from '../../scripts/tools.mjs';
import { TYPES } from '../../scripts/tools.mjs';

export const DIST = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));

/** The cache name and file lists written into a build's sw.js (scripts/service-worker.mjs). */
export function workerOf(dir = DIST) {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  return {
    cache: `nec-web-${sw.match(/const VERSION = '([0-9a-f]{16})'/)[1]}`,
    assets: JSON.parse(sw.match(/const ASSETS = (\[.*\]);/)[1]),
    data: JSON.parse(sw.match(/const DATA = (\[.*\]);/)[1]),
  };
}

/** The headers of deploy/nec-web-headers.conf (its `add_header` lines), which nginx sends too. */
export const DEPLOY_HEADERS = Object.fromEntries(
  [...readFileSync(new URL('../../deploy/nec-web-headers.conf', import.meta.url), 'utf8')
    .matchAll(/^add_header\s+([\w-]+)\s+"([^"]*)"/gm)].map(([, name, value]) => [name.toLowerCase(), value]),
);

function fileAt(root, urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root)) return null;
  try {
    return statSync(path).isFile() ? path : null;
  } catch {
    return null;
  }
}

/**
 * The file and status the host answers a URL path with, as deploy/nec-web.conf: a file as is; a
 * route, its prerendered page (scripts/prerender.mjs: `/` → index.html, `/programme` →
 * programme/index.html); an unknown route, « Page introuvable » (404.html, en/404.html under
 * /en/) with 404; a development build has only index.html. Null for a missing file. `fallback`:
 * see below.
 */
export function servedFile(root, urlPath, { fallback = '404' } = {}) {
  if (extname(urlPath) !== '') {
    const file = fileAt(root, urlPath);
    return file && { path: file, status: 200 };
  }
  // Other hosts (tests/browser/any-host.test.mjs), with 200 and never 404.html: `fallback: 'index'`
  // answers every address without a file with index.html (a single-page app's usual rule),
  // 'pages' with its page when the build wrote one, else index.html (`try_files $uri
  // $uri/index.html /index.html`).
  if (fallback === 'index') return { path: join(root, 'index.html'), status: 200 };
  const page = fileAt(root, join(urlPath, 'index.html'));
  if (page) return { path: page, status: 200 };
  if (fallback === 'pages') return { path: join(root, 'index.html'), status: 200 };
  const missing = fileAt(root, urlPath.startsWith('/en/') ? '/en/404.html' : '/404.html');
  return missing ? { path: missing, status: 404 } : { path: join(root, 'index.html'), status: 200 };
}

/**
 * Starts the server on a free loopback port; resolves to { url, close }. Every response carries
 * the deployed headers (CSP…) and `extra`; `options.fallback` as for servedFile. The tests use
 * nginx (nginx.mjs); this server is the fallback (NEC_TEST_SERVER=node), another kind of host
 * (any-host.test.mjs) and the quick way to look at dist/ without nginx.
 */
export function serve(root = DIST, port = 0, extra = {}, options = {}) {
  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    // As deploy/nec-web.conf sets it: only the widget's iframe pages may be framed.
    const csp = DEPLOY_HEADERS['content-security-policy'].replace('$nec_frame_ancestors', urlPath.startsWith('/embed/') ? '*' : "'none'");
    const { path, status } = servedFile(root, urlPath, options) ?? {};
    // As deploy/nec-web.conf sets it: the site's pages for the site alone, every other file for all.
    const corp = path?.endsWith('.html') && !urlPath.startsWith('/embed/') ? 'same-origin' : 'cross-origin';
    const headers = { ...DEPLOY_HEADERS, 'content-security-policy': csp, 'cross-origin-resource-policy': corp, ...extra };
    if (!path) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const body = await readFile(path);
    res.writeHead(status, { ...headers, 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(body);
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      done({ url: `http://127.0.0.1:${actual}`, close: () => new Promise((ok) => server.close(ok)) });
    });
  });
}

// `node tests/support/server.mjs [port]` serves dist/ by hand.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serve(DIST, Number(process.argv[2] ?? 8080));
  console.log(`dist/ servi sur ${url}`);
}
