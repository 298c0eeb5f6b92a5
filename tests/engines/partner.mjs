// A partner's site for the widget journey: the fixture pages of tests/fixtures/widget-host/ (as
// tests/browser/widget.test.mjs serves them: hostile CSS, its own links and hash router, two
// widgets) on another loopback port, hence another origin than the NEC site, under its own strict
// Content-Security-Policy that lets in the NEC site and nothing else. The policy carries a
// `report-uri` to this server, so that each engine reports any violation itself.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { REPORT_PATH, receiveReport } from './front.mjs';
import { partnerCsp } from '../support/csp.mjs';
import { TYPES } from '../support/server.mjs';

const FIXTURES = new URL('../fixtures/widget-host/', import.meta.url);

/** Serves the partner's pages, with `nec` (the NEC site's origin) in place of __NEC__. */
export function servePartner(nec) {
  const csp = `${partnerCsp(nec)}; report-uri ${REPORT_PATH}`;
  const reports = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://partner').pathname;
    if (req.method === 'POST' && path === REPORT_PATH) return receiveReport(req, res, reports);
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'content-security-policy': csp, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      const body = readFileSync(new URL(`.${path === '/' ? '/index.html' : path}`, FIXTURES), 'utf8').replaceAll('__NEC__', nec);
      send(200, TYPES[extname(path) || '.html'] ?? 'text/plain', body);
    } catch {
      send(404, 'text/plain', 'absent');
    }
  });
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((done, fail) => {
    server.once('error', fail).listen(0, '127.0.0.1', () => {
      done({
        url: `http://127.0.0.1:${server.address().port}`,
        csp,
        reports,
        close: () => new Promise((ok) => {
          server.close(ok);
          for (const socket of sockets) socket.destroy();
        }),
      });
    });
  });
}
