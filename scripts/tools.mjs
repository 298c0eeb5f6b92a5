// The npm tools the build shares with the tests (tests/package.json pins them: playwright-core,
// terser), resolved from tests/node_modules, where scripts/setup.sh installs them. The build
// never imports tests/ code, only these packages.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(new URL('../tests/package.json', import.meta.url));

/** The package `name` as installed for the tests (its CommonJS exports under `default` too). */
export async function tool(name) {
  const module = await import(pathToFileURL(require.resolve(name)).href);
  return { ...module.default, ...module };
}

/** Debian's Chromium, unless CHROMIUM_PATH says otherwise. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every Chromium of the build and the tests runs with: no sandbox (root in a
 * container), no GPU, no QUIC, and nothing fetched in the background. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Debian's Chromium, headless, as the prerender and every browser test run it (`args`: more flags). */
export async function launchBrowser({ args = [] } = {}) {
  const { chromium } = await tool('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', ...CHROMIUM_ARGS, ...args] });
}

/** The Content-Type of each file extension the site serves (the test server's too). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.xml': 'text/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
