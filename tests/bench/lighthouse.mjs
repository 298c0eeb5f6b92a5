// Lighthouse 12 on every route (and on the static floor page), mobile preset (Lighthouse's
// default: a mid-range phone, simulated slow 4G and 4× CPU slowdown), Debian's Chromium, against
// dist/ served by nginx with deploy/ (tests/support/nginx.mjs). Writes the four category scores
// and LCP, TBT, CLS into BENCHMARKS.md between the lighthouse markers (a re-run replaces them),
// with the audits that cost each score below 100. Not part of scripts/test.sh (minutes, and
// the timings vary on a shared machine).
//
//   trunk build --release && node tests/bench/lighthouse.mjs [route…]
//
// Lighthouse lives in its own package (tests/bench/lighthouse/package.json and its lock), so the
// test suite's install stays lean; this script installs it (npm ci) the first time.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM } from '../support/browser.mjs';
import { serveWithNginx } from '../support/nginx.mjs';
import { ROUTES } from '../support/routes.mjs';

const PACKAGE = fileURLToPath(new URL('./lighthouse/', import.meta.url));
const BENCHMARKS = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const FLOOR = fileURLToPath(new URL('../fixtures/floor/', import.meta.url));
const START = '<!-- lighthouse:start (written by tests/bench/lighthouse.mjs) -->';
const END = '<!-- lighthouse:end -->';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

if (!existsSync(`${PACKAGE}node_modules/lighthouse/package.json`)) {
  console.log('lighthouse: npm ci in tests/bench/lighthouse/ …');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PACKAGE, stdio: 'inherit' });
}
const require = createRequire(`${PACKAGE}package.json`);
const { default: lighthouse } = await import(pathToFileURL(require.resolve('lighthouse')));
const chromeLauncher = await import(pathToFileURL(require.resolve('chrome-launcher')));
const lighthouseVersion = JSON.parse(readFileSync(`${PACKAGE}node_modules/lighthouse/package.json`, 'utf8')).version;

const wanted = process.argv.slice(2);
const targets = [
  // Lighthouse refuses to audit a page sent with the 404 status (ERRORED_DOCUMENT_REQUEST): the
  // unknown address is left out.
  ...ROUTES.filter((r) => r.path !== '/cette-page-n-existe-pas' && (wanted.length === 0 || wanted.includes(r.path))).map((r) => ({ label: `\`${r.path}\``, path: r.path, root: null })),
  ...(wanted.length === 0 || wanted.includes('floor') ? [{ label: 'plancher : `programme.html` statique', path: '/programme.html', root: FLOOR }] : []),
];

/** The audits of a category that cost it points: "title (score)". */
function losses(lhr, id) {
  return lhr.categories[id].auditRefs
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
    .map((ref) => `${lhr.audits[ref.id].id} ${Math.round(lhr.audits[ref.id].score * 100)}`);
}

const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
const servers = new Map();
const rows = [];
let chromiumVersion = '';
try {
  for (const target of targets) {
    if (!servers.has(target.root)) servers.set(target.root, await serveWithNginx(target.root ?? undefined));
    const url = servers.get(target.root).url + target.path;
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (lhr.runtimeError) throw new Error(`${target.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    chromiumVersion = lhr.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '';
    const scores = CATEGORIES.map((id) => Math.round(lhr.categories[id].score * 100));
    const lcp = lhr.audits['largest-contentful-paint'].numericValue;
    const tbt = lhr.audits['total-blocking-time'].numericValue;
    const cls = lhr.audits['cumulative-layout-shift'].numericValue;
    const lost = CATEGORIES.map((id) => [id, losses(lhr, id)]).filter(([, list]) => list.length > 0);
    rows.push({ label: target.label, scores, lcp, tbt, cls, lost });
    console.log(`${target.path.padEnd(28)} ${scores.join(' / ')}  LCP ${(lcp / 1000).toFixed(2)} s  TBT ${Math.round(tbt)} ms  CLS ${cls.toFixed(3)}`);
  }
} finally {
  await chrome.kill();
  for (const server of servers.values()) await server.close();
}

if (wanted.length > 0) {
  console.log('(some routes only: BENCHMARKS.md left unchanged)');
} else {
  const table = [
    START,
    `Measured ${new Date().toISOString().slice(0, 10)}, Lighthouse ${lighthouseVersion}, Chromium ${chromiumVersion}, mobile preset (simulated throttling), first visit (storage cleared).`,
    '',
    '| route | performance | accessibility | best practices | SEO | LCP | TBT | CLS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.label} | ${r.scores.join(' | ')} | ${(r.lcp / 1000).toFixed(1)} s | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} |`),
    '',
    'Audits that cost points (audit id, its score out of 100):',
    '',
    ...rows.filter((r) => r.lost.length > 0).map((r) => `- ${r.label}: ${r.lost.map(([id, list]) => `${id}: ${list.join(', ')}`).join('; ')}`),
    END,
  ].join('\n');
  const text = readFileSync(BENCHMARKS, 'utf8');
  const begin = text.indexOf(START);
  const end = text.indexOf(END);
  const updated = begin >= 0 && end > begin
    ? text.slice(0, begin) + table + text.slice(end + END.length)
    : `${text.trimEnd()}\n\n## Lighthouse (mobile)\n\n${table}\n`;
  writeFileSync(BENCHMARKS, updated);
  console.log('BENCHMARKS.md: Lighthouse section written');
}
