// The site as the cross-engine journeys reach it: Debian's nginx serving dist/ with deploy/
// (tests/support/nginx.mjs, as users deploy it), behind a small pass-through proxy on its own
// loopback port that the journeys use as the site's origin. The proxy forwards every request and
// response byte for byte (encodings, caching, status) except one header: it appends
// `report-uri /__csp-report` to the Content-Security-Policy nginx sends, so that each engine
// itself reports any violation of the strict policy, from the first byte of the page on (WebKit's
// WebDriver has no way to listen in the page before it loads). The policy enforced is unchanged.
//
// It also lets a journey hold a file back (the wasm, to act while the app loads, in every engine
// alike), and records the paths asked for.
import { createServer, request } from 'node:http';
import { serveWithNginx } from '../support/nginx.mjs';
import { DIST } from '../support/server.mjs';

export const REPORT_PATH = '/__csp-report';

/** One readable line per CSP report (report-uri's `application/csp-report` body). */
export function reportLine(body) {
  const report = body['csp-report'] ?? body;
  return `${report['effective-directive'] ?? report['violated-directive']} ${report['blocked-uri'] ?? ''} (${report['document-uri'] ?? ''})`;
}

/** Reads one CSP report POSTed to REPORT_PATH into `reports`, as a line, and answers 204. */
export function receiveReport(req, res, reports) {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try {
      reports.push(reportLine(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    } catch {
      reports.push(`unreadable report: ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`);
    }
    res.writeHead(204).end();
  });
}

/** Starts nginx with deploy/ on `root`, and the proxy before it: { url, nginx, reports, requests, hold, close }. */
export async function serveFront(root = DIST) {
  const nginx = await serveWithNginx(root);
  const upstream = new URL(nginx.url);
  const reports = [];
  const requests = [];
  const holds = new Set();
  const sockets = new Set();

  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://front').pathname;
    if (req.method === 'POST' && path === REPORT_PATH) return receiveReport(req, res, reports);
    requests.push(path);
    const forward = () => {
      const up = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        const headers = [];
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          const [name, value] = answer.rawHeaders.slice(i, i + 2);
          headers.push(name, name.toLowerCase() === 'content-security-policy' ? `${value}; report-uri ${REPORT_PATH}` : value);
        }
        res.writeHead(answer.statusCode, answer.statusMessage, headers);
        answer.pipe(res);
      });
      up.on('error', () => res.destroy());
      req.pipe(up);
    };
    const hold = [...holds].find((h) => h.pattern.test(path));
    if (hold) hold.released.then(forward);
    else forward();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((done, fail) => server.once('error', fail).listen(0, '127.0.0.1', done));

  return {
    url: `http://127.0.0.1:${server.address().port}`,
    nginx: nginx.url,
    reports,
    requests,
    /** Holds back every request whose path matches `pattern` until the returned function is called. */
    hold(pattern) {
      let release;
      const released = new Promise((done) => { release = done; });
      const entry = { pattern, released, release };
      holds.add(entry);
      return () => { holds.delete(entry); release(); };
    },
    /** The site goes away: the proxy stops listening and drops every connection, then nginx stops. */
    async close() {
      for (const h of holds) h.release();
      await new Promise((done) => {
        server.close(done);
        for (const socket of sockets) socket.destroy();
      });
      await nginx.close();
    },
  };
}
