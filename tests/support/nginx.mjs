// Serves dist/ with Debian's nginx and the site configuration users deploy (deploy/): the
// two server blocks of deploy/nginx.conf (port 80: ACME challenge and redirect; 443: the site
// over HTTPS) with only `listen` (free loopback ports), `root` (dist/) and the certificate (a
// throwaway self-signed one) replaced, and deploy's three snippets included unchanged.
// Everything else (pid, logs, temp files) lives in a temporary directory; nginx runs in the
// foreground as a single process of the current user, and is stopped by `close()`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './server.mjs';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
export const DEPLOY = resolve(fileURLToPath(new URL('../../deploy', import.meta.url)));
const MIME_TYPES = '/etc/nginx/mime.types';

export const nginxAvailable = () => existsSync(NGINX) && existsSync(MIME_TYPES);
export const brotliAvailable = () => existsSync(BROTLI_MODULE);

/** A free port on the loopback interface. */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

function accepting(port) {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); done(true); });
    socket.once('error', () => done(false));
  });
}

/**
 * A throwaway self-signed certificate for 127.0.0.1 and localhost (ECDSA P-256, two days), made
 * once per test process with openssl and deleted when it exits: `cert` and `key` (paths), and
 * `spki`, the base64 SHA-256 of its public key, which Chromium is told to accept
 * (`--ignore-certificate-errors-spki-list`, see launchTrusting in browser.mjs).
 */
let certificate;
export function testCertificate() {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'nec-cert-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const made = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout', key, '-out', cert,
  ], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl could not make the test certificate: ${made.stderr}`);
  const pem = readFileSync(cert, 'utf8');
  const spki = createHash('sha256').update(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  certificate = { cert, key, pem, spki };
  return certificate;
}

/**
 * deploy/nginx.conf as the tests run it: its two server blocks unchanged but for their `listen`
 * lines (loopback ports), their `root` (dist/, and an ACME challenge directory) and the
 * certificate. The HTTPS block also listens on a plain-HTTP port, `plain`: the same files with the
 * same headers, for the suites that drive browsers over plain HTTP (127.0.0.1 is a secure context
 * even so: service workers run) and read responses with node:http.
 */
export function siteConfig({ ports: { plain, tls, redirect }, root, acme, cert, key }) {
  let site = readFileSync(join(DEPLOY, 'nginx.conf'), 'utf8');
  const once = (re, by) => {
    const found = site.match(new RegExp(re.source, 'gm')) ?? [];
    if (found.length !== 1) throw new Error(`deploy/nginx.conf: expected one line matching ${re}, found ${found.length}`);
    site = site.replace(new RegExp(re.source, 'm'), by);
  };
  once(/^\s*listen\s+80;\s*$/, `    listen 127.0.0.1:${redirect};`);
  once(/^\s*listen\s+\[::\]:80;\s*$\n?/, '');
  // Its parameters (backlog=…) kept.
  once(/^\s*listen\s+443\s+ssl\s+http2\b([^;]*);\s*$/, `    listen 127.0.0.1:${tls} ssl http2$1;\n    listen 127.0.0.1:${plain};`);
  once(/^\s*listen\s+\[::\]:443\s+ssl\s+http2\b[^;]*;\s*$\n?/, '');
  once(/^\s*root\s+\/var\/www\/acme;\s*$/, `        root ${acme};`);
  once(/^\s*root\s+\/var\/www\/nec-web;\s*$/, `    root ${root};`);
  once(/^\s*ssl_certificate\s[^;]*;\s*$/, `    ssl_certificate ${cert};`);
  once(/^\s*ssl_certificate_key\s[^;]*;\s*$/, `    ssl_certificate_key ${key};`);
  return site;
}

/**
 * Starts nginx with deploy/ on free loopback ports; resolves to { url, https, redirect, acme,
 * certificate, brotli, dir, close }: `url` the site over plain HTTP, `https` the same over TLS 1.3
 * and HTTP/2 with the test certificate, `redirect` the port-80 block (ACME challenge files in the
 * directory `acme`, a 301 to HTTPS for everything else). `connections` and `workers` change the
 * events block and the number of worker processes (the load benchmark, tests/bench/load.mjs);
 * by default one process, as the suite needs.
 */
export async function serveWithNginx(root = DIST, { connections = 512, workers = 0 } = {}) {
  if (!nginxAvailable()) throw new Error(`nginx not found at ${NGINX} (scripts/setup.sh --browser installs it; or NEC_TEST_SERVER=node)`);
  const dir = mkdtempSync(join(tmpdir(), 'nec-nginx-'));
  mkdirSync(join(dir, 'snippets'));
  const acme = join(dir, 'acme');
  mkdirSync(join(acme, '.well-known', 'acme-challenge'), { recursive: true });
  symlinkSync(MIME_TYPES, join(dir, 'mime.types'));
  const brotli = brotliAvailable();
  const { cert, key, pem, spki } = testCertificate();
  for (const name of ['nec-web.conf', 'nec-web-headers.conf', 'nec-web-tls.conf']) {
    if (name === 'nec-web.conf' && !brotli) {
      // Without Debian's brotli module, as deploy/nec-web.conf says: gzip only.
      writeFileSync(join(dir, 'snippets', name), readFileSync(join(DEPLOY, name), 'utf8').replace(/^\s*brotli_static\s+on;\s*$/m, ''));
    } else {
      symlinkSync(join(DEPLOY, name), join(dir, 'snippets', name));
    }
  }
  const temp = (name) => join(dir, name);
  for (let attempt = 1; ; attempt += 1) {
    const ports = { plain: await freePort(), tls: await freePort(), redirect: await freePort() };
    writeFileSync(join(dir, 'nginx.conf'), [
      brotli ? `load_module ${BROTLI_MODULE};` : '',
      'daemon off;',
      workers > 0 ? `worker_processes ${workers};` : 'master_process off;',
      workers > 0 ? `worker_rlimit_nofile ${connections * 2};` : '',
      `pid ${temp('nginx.pid')};`,
      `error_log ${temp('error.log')} warn;`,
      `events { worker_connections ${connections}; }`,
      'http {',
      // What Debian's /etc/nginx/nginx.conf sets around the sites.
      '  include mime.types;',
      '  default_type application/octet-stream;',
      '  sendfile on;',
      '  tcp_nopush on;',
      '  gzip on;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${temp(t)};`),
      siteConfig({ ports, root, acme, cert, key }),
      '}',
      '',
    ].join('\n'));
    const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', temp('error.log')], { stdio: ['ignore', 'inherit', 'inherit'] });
    const exited = new Promise((done) => child.once('exit', done));
    // A test process that dies without its `after` must not leave nginx behind on the port.
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    exited.then(() => process.off('exit', orphan));
    let up = false;
    for (let i = 0; i < 100 && child.exitCode === null && !up; i += 1) {
      up = (await accepting(ports.plain)) && (await accepting(ports.tls)) && (await accepting(ports.redirect));
      if (!up) await new Promise((ok) => setTimeout(ok, 50));
    }
    if (up) {
      return {
        url: `http://127.0.0.1:${ports.plain}`,
        https: `https://127.0.0.1:${ports.tls}`,
        redirect: `http://127.0.0.1:${ports.redirect}`,
        acme,
        certificate: { pem, spki },
        brotli,
        dir,
        pid: child.pid,
        async close() {
          child.kill('SIGTERM');
          await exited;
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
    await exited;
    const log = existsSync(temp('error.log')) ? readFileSync(temp('error.log'), 'utf8') : '';
    if (attempt >= 3 || !/Address already in use/.test(log)) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx did not start:\n${log}`);
    }
  }
}

/** `nginx -t` on the generated configuration: its output (warnings included). */
export function checkConfig(dir) {
  const result = spawnSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { encoding: 'utf8' });
  return { ok: result.status === 0, output: result.stderr + result.stdout };
}

// `node tests/support/nginx.mjs` serves dist/ by hand, as the tests do.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serveWithNginx();
  console.log(`dist/ servi par nginx sur ${server.url} et ${server.https} (certificat de test, SPKI ${server.certificate.spki} ; configuration : ${server.dir}/nginx.conf ; Ctrl-C pour arrêter)`);
  process.on('SIGINT', async () => { await server.close(); process.exit(0); });
}
