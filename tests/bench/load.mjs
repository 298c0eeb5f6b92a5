// Benchmark, not a test (run by hand, never asserted: figures depend on the machine and on what
// else runs on it): the nginx of deploy/ serving first visits over HTTPS, under load.
// Usage, after `trunk build --release` (wrk: scripts/setup.sh --bench, or apt-get install wrk):
//
//   node tests/bench/load.mjs [seconds per run, default 20] [clients…, default 50 500 2000]
//
// What a first visit downloads before the app is wanted: a page (/programme), its style sheet,
// the boot module and sw.js, each asked with `Accept-Encoding: br, gzip` (so the build's .br files
// are sent), over HTTPS (TLS 1.3, the test certificate) to dist/ served with deploy/'s server
// block (tests/support/nginx.mjs). The load generator is wrk 4.1 (Debian), one connection per
// client, HTTP/1.1 (wrk has no HTTP/2; a browser would multiplex the four files on one HTTP/2
// connection: the server's work is the same four files and one handshake).
//
// Two runs per number of clients: "visits", where the fourth request of each visit asks the
// server to close the connection, so that each connection makes four requests (a visit) and is
// then opened again, with a full TLS handshake (no session resumption: tickets are off, and wrk
// keeps no session); and "keep-alive", where clients keep their connection (returning visitors
// on an open connection, the server's ceiling for these four files).
//
// nginx runs as on a server, not as the tests run it: Debian's `worker_processes auto` (one per
// core) rather than one process, and 4,096 worker_connections per worker (Debian ships 768: two
// workers could hold 1,536 connections, fewer than 2,000 clients) with worker_rlimit_nofile 8,192;
// `ulimit -n` must allow wrk's 2,000 sockets too (checked below). deploy/nginx.conf listens with
// `backlog=4096` (nginx's default on Linux is 511): the last column counts the connections the
// kernel dropped because that queue was full (each one a client waiting 1 s or more to retry).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveWithNginx } from '../support/nginx.mjs';
import { DIST } from '../support/server.mjs';

const [seconds = '20', ...counts] = process.argv.slice(2);
const CLIENTS = counts.length > 0 ? counts.map(Number) : [50, 500, 2000];
const WORKERS = availableParallelism();
const CONNECTIONS = 4096;

if (spawnSync('wrk', ['--version']).error) {
  console.error('wrk is missing: scripts/setup.sh --bench (or apt-get install wrk)');
  process.exit(1);
}
const limit = Number(spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim());
if (limit < Math.max(...CLIENTS) + 100) {
  console.error(`ulimit -n is ${limit}: raise it above ${Math.max(...CLIENTS) + 100} (ulimit -n 8192) for wrk's sockets`);
  process.exit(1);
}

const page = '/programme';
const html = readFileSync(join(DIST, 'programme', 'index.html'), 'utf8');
const css = html.match(/href="?(\/main-[0-9a-f]+\.css)/)?.[1];
const boot = html.match(/src="?(\/boot-[0-9a-f]+\.js)/)?.[1];
if (!css || !boot) throw new Error('dist/programme/index.html: no main-<hash>.css or boot-<hash>.js (trunk build --release first)');
const PATHS = [page, css, boot, '/sw.js'];

const dir = mkdtempSync(join(tmpdir(), 'nec-load-'));
/** The wrk script: the four files in turn, brotli asked; `close`: the fourth asks to close. */
function script(close) {
  const file = join(dir, `${close ? 'visits' : 'keep-alive'}.lua`);
  writeFileSync(file, [
    `local paths = { ${PATHS.map((p) => `"${p}"`).join(', ')} }`,
    'local n = 0',
    'function request()',
    '  n = n + 1',
    '  local headers = { ["Accept-Encoding"] = "br, gzip" }',
    close ? '  if n % 4 == 0 then headers["Connection"] = "close" end' : '',
    '  return wrk.format("GET", paths[(n - 1) % 4 + 1], headers)',
    'end',
    '',
  ].join('\n'));
  return file;
}

/** Requests per second, p50 and p99 latency (ms), errors, from wrk's --latency report. */
function parse(out) {
  const ms = (value, unit) => Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60000 }[unit]);
  const latency = (p) => {
    const m = out.match(new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm'));
    return m ? ms(m[1], m[2]) : Number.NaN;
  };
  const socket = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const non2xx = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
  const requests = Number(out.match(/(\d+) requests in/)?.[1] ?? Number.NaN);
  return {
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? Number.NaN),
    p50: latency(50),
    p99: latency(99),
    requests,
    errors: { connect: Number(socket?.[1] ?? 0), read: Number(socket?.[2] ?? 0), write: Number(socket?.[3] ?? 0), timeout: Number(socket?.[4] ?? 0), status: non2xx },
    transfer: out.match(/Transfer\/sec:\s+(\S+)/)?.[1],
  };
}

/** Linux's count of connections dropped because a listen queue was full (/proc/net/netstat,
 * TcpExt ListenOverflows, this network namespace): what a too short `backlog` costs. */
function listenOverflows() {
  try {
    const [names, values] = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((l) => l.startsWith('TcpExt:')).map((l) => l.split(/\s+/));
    return Number(values[names.indexOf('ListenOverflows')]);
  } catch {
    return Number.NaN;
  }
}

const server = await serveWithNginx(DIST, { connections: CONNECTIONS, workers: WORKERS });
const rows = [];
try {
  // Each file is what the build wrote in brotli: checked once before the load.
  for (const path of PATHS) {
    const head = spawnSync('curl', ['-sk', '--http1.1', '-o', '/dev/null', '-D', '-', '-H', 'Accept-Encoding: br, gzip', server.https + path], { encoding: 'utf8' }).stdout;
    if (!/^HTTP\/1\.1 200/m.test(head) || !/^content-encoding: br/im.test(head)) throw new Error(`${path} is not sent with brotli:\n${head}`);
  }
  console.log(`nginx: ${WORKERS} workers, worker_connections ${CONNECTIONS}; ${PATHS.join(', ')} over ${server.https}; load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (const clients of CLIENTS) {
    for (const mode of ['visits', 'keep-alive']) {
      const args = ['-t', String(WORKERS), '-c', String(clients), '-d', `${seconds}s`, '--timeout', '10s', '--latency', '-s', script(mode === 'visits'), `${server.https}/`];
      const command = `wrk ${args.join(' ').replace(dir, '$DIR')}`;
      const overflows = listenOverflows();
      const run = spawnSync('wrk', args, { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`${command}: ${run.stderr}`);
      const result = { ...parse(run.stdout), dropped: listenOverflows() - overflows };
      rows.push({ clients, mode, command, ...result });
      const errors = Object.values(result.errors).reduce((a, b) => a + b, 0);
      console.log(`${String(clients).padStart(5)} clients, ${mode.padEnd(10)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  errors ${errors} ${JSON.stringify(result.errors)}  SYN dropped ${result.dropped}  (${result.requests} requests, ${result.transfer}/s)`);
      if (process.env.LOAD_VERBOSE) console.log(run.stdout);
    }
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log('\n| clients | connections | requests/s | p50 (ms) | p99 (ms) | errors | connections dropped (listen queue full) |\n| ---: | --- | ---: | ---: | ---: | --- | ---: |');
for (const r of rows) {
  const errors = Object.entries(r.errors).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ') || '0';
  console.log(`| ${r.clients.toLocaleString('en')} | ${r.mode === 'visits' ? 'one per visit (4 requests)' : 'kept open'} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${errors} | ${r.dropped.toLocaleString('en')} |`);
}
console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
