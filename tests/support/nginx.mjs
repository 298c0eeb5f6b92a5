// Serves dist/ with Debian's nginx and the site configuration users deploy (deploy/): the
// server block of deploy/nginx.conf with only `listen` (a free loopback port) and `root`
// (dist/) replaced, and deploy/nec-web.conf and nec-web-headers.conf included unchanged.
// Everything else (pid, logs, temp files) lives in a temporary directory; nginx runs in the
// foreground as a single process of the current user, and is stopped by `close()`.
import { spawn, spawnSync } from 'node:child_process';
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

/** The server block of deploy/nginx.conf, listening on `port` and serving `root`. */
export function siteBlock(port, root) {
  const site = readFileSync(join(DEPLOY, 'nginx.conf'), 'utf8');
  const listens = site.match(/^\s*listen\s[^;]*;\s*$/gm) ?? [];
  const roots = site.match(/^\s*root\s[^;]*;\s*$/gm) ?? [];
  if (listens.length === 0 || roots.length !== 1) throw new Error('deploy/nginx.conf: expected `listen` and one `root` line');
  return site
    .replace(/^\s*listen\s[^;]*;\s*$/m, `    listen 127.0.0.1:${port};`)
    .replace(/^\s*listen\s[^;]*;\s*$\n?/gm, (line) => (line.includes('127.0.0.1') ? line : ''))
    .replace(/^\s*root\s[^;]*;\s*$/m, `    root ${root};`);
}

/** Starts nginx on a free loopback port; resolves to { url, close, brotli }. */
export async function serveWithNginx(root = DIST) {
  if (!nginxAvailable()) throw new Error(`nginx not found at ${NGINX} (scripts/setup.sh --browser installs it; or NEC_TEST_SERVER=node)`);
  const dir = mkdtempSync(join(tmpdir(), 'nec-nginx-'));
  mkdirSync(join(dir, 'snippets'));
  symlinkSync(MIME_TYPES, join(dir, 'mime.types'));
  const brotli = brotliAvailable();
  for (const name of ['nec-web.conf', 'nec-web-headers.conf']) {
    if (name === 'nec-web.conf' && !brotli) {
      // Without Debian's brotli module, as deploy/nec-web.conf says: gzip only.
      writeFileSync(join(dir, 'snippets', name), readFileSync(join(DEPLOY, name), 'utf8').replace(/^\s*brotli_static\s+on;\s*$/m, ''));
    } else {
      symlinkSync(join(DEPLOY, name), join(dir, 'snippets', name));
    }
  }
  const temp = (name) => join(dir, name);
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    writeFileSync(join(dir, 'nginx.conf'), [
      brotli ? `load_module ${BROTLI_MODULE};` : '',
      'daemon off;',
      'master_process off;',
      `pid ${temp('nginx.pid')};`,
      `error_log ${temp('error.log')} warn;`,
      'events { worker_connections 512; }',
      'http {',
      // What Debian's /etc/nginx/nginx.conf sets around the sites.
      '  include mime.types;',
      '  default_type application/octet-stream;',
      '  sendfile on;',
      '  tcp_nopush on;',
      '  gzip on;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${temp(t)};`),
      siteBlock(port, root),
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
      up = await accepting(port);
      if (!up) await new Promise((ok) => setTimeout(ok, 50));
    }
    if (up) {
      return {
        url: `http://127.0.0.1:${port}`,
        brotli,
        dir,
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
  console.log(`dist/ servi par nginx sur ${server.url} (configuration : ${server.dir}/nginx.conf ; Ctrl-C pour arrêter)`);
  process.on('SIGINT', async () => { await server.close(); process.exit(0); });
}
