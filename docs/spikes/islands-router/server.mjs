// Tiny static server: node server.mjs <dir> <port> [csp]. Sends Content-Security-Policy
// (default: the strict one of the brief) on every response; logs requests to stdout.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
const [dir, port = '8080', csp = "script-src 'self'; object-src 'none'"] = process.argv.slice(2);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json' };
export function start(dir, port, csp) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let p = join(dir, normalize(decodeURIComponent(url.pathname)));
    try { if ((await stat(p)).isDirectory()) p = join(p, 'index.html'); } catch {}
    try {
      const body = await readFile(p);
      res.writeHead(200, { 'Content-Type': TYPES[extname(p)] ?? 'application/octet-stream', 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' });
      res.end(body);
      console.log(200, req.method, req.url, req.headers['islands-router'] ? '(Islands-Router)' : '');
    } catch { res.writeHead(404, { 'Content-Security-Policy': csp }); res.end('not found'); console.log(404, req.url); }
  });
  return new Promise((ok) => server.listen(Number(port), '127.0.0.1', () => ok(server)));
}
if (import.meta.url === `file://${process.argv[1]}`) start(dir, port, csp).then(() => console.log(`serving ${dir} on ${port} with CSP: ${csp}`));
