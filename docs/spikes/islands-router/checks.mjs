// Browser checks for the islands spike: node checks.mjs   (after scripts/make-static.sh)
import { createRequire } from 'node:module';
import { start } from './server.mjs';
const require = createRequire(new URL('../../../tests/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const STRICT = "script-src 'self'; object-src 'none'";
const WASM = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";
const out = {};
const log = (k, v) => { out[k] = v; console.log(k, JSON.stringify(v)); };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
const servers = [];
async function serve(mode, port, csp) { const s = await start(`out/${mode}`, port, csp); servers.push(s); return `http://127.0.0.1:${port}`; }
async function newPage() {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  page.msgs = [];
  page.on('console', (m) => page.msgs.push(`${m.type()}: ${m.text()}`.slice(0, 300)));
  page.on('pageerror', (e) => page.msgs.push(`pageerror: ${e.message}`.slice(0, 300)));
  page.on('request', (r) => { if (r.resourceType() === 'document') page.msgs.push(`document request ${r.url()}`); });
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.log(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`)));
  return page;
}
const hydrated = (page) => page.waitForFunction(() => { const s = document.querySelector('#theme'); s.value = 'dark'; s.dispatchEvent(new Event('change')); return document.documentElement.dataset.theme === 'dark'; }, null, { timeout: 8000 }).then(() => true, () => false);
const state = (page) => page.evaluate(() => ({
  url: location.pathname + location.search + location.hash, title: document.title, marker: window.marker ?? null,
  h1: document.querySelector('h1')?.textContent, lang: document.documentElement.lang,
  description: document.querySelector('meta[name=description]')?.content ?? null,
  active: document.activeElement && (document.activeElement.tagName + (document.activeElement.id ? '#' + document.activeElement.id : '') + ' ' + (document.activeElement.textContent || '').slice(0, 30)),
  scrollY: Math.round(scrollY), theme: document.querySelector('#theme')?.value, live: [...document.querySelectorAll('[aria-live],[role=status],[role=alert]')].map((e) => e.outerHTML.slice(0, 80)),
  headHTML: document.head.innerHTML.replace(/<script[\s\S]*?<\/script>/g, '<script…>').slice(0, 600),
}));
const navClick = async (page, sel) => { await page.evaluate((s) => document.querySelector(s).click(), sel); await page.waitForTimeout(700); };

// ---- b. CSP: which variant hydrates under which policy
for (const [mode, csp, port] of [['inline', STRICT, 8101], ['external', STRICT, 8102], ['inline', WASM, 8103], ['external', WASM, 8104]]) {
  const url = await serve(mode, port, csp);
  const page = await newPage();
  await page.goto(url + '/programme/');
  const ok = await hydrated(page);
  log(`b.csp ${mode} [${csp}]`, { hydrated: ok, msgs: page.msgs.filter((m) => !m.startsWith('document')).slice(0, 6) });
  await page.context().close();
}

// ---- a/c/f. islands router, external loader, CSP with wasm-unsafe-eval
{
  const url = 'http://127.0.0.1:8104';
  const page = await newPage();
  await page.goto(url + '/');
  log('a.first load hydrated', await hydrated(page));
  await page.evaluate(() => { window.marker = 1; });
  await page.focus('nav a[href="/programme/"]');
  await navClick(page, 'nav a[href="/programme/"]');
  log('a.after click /programme/', await state(page));
  // islands of the new page
  await page.fill('#q', 'jazz');
  await page.waitForTimeout(200);
  log('a.filter on navigated page', await page.evaluate(() => ({ count: document.querySelector('#count').textContent, visible: [...document.querySelectorAll('#items li')].filter((l) => !l.hidden).map((l) => l.dataset.id) })));
  await page.click('li[data-id=a1] button');
  log('a.toggle on navigated page', await page.evaluate(() => ({ pressed: document.querySelector('li[data-id=a1] button').getAttribute('aria-pressed'), stored: localStorage.getItem('spike-agenda') })));
  log('a.remote island on navigated page', await page.textContent('#remote'));
  await page.goBack(); await page.waitForTimeout(700);
  log('a.back', await state(page));
  await page.goForward(); await page.waitForTimeout(700);
  log('a.forward', await state(page));
  log('a.storage', await page.evaluate(() => localStorage.getItem('spike-agenda')));
  log('a.after forward: filter input value, a1 pressed', await page.evaluate(() => ({ q: document.querySelector('#q').value, pressed: document.querySelector('li[data-id=a1] button').getAttribute('aria-pressed'), count: document.querySelector('#count').textContent })));
  await page.fill('#q', 'bal'); await page.waitForTimeout(200);
  await page.click('li[data-id=a5] button');
  log('a.islands work after back/forward', await page.evaluate(() => ({ count: document.querySelector('#count').textContent, visible: [...document.querySelectorAll('#items li')].filter((l) => !l.hidden).map((l) => l.dataset.id), stored: localStorage.getItem('spike-agenda') })));
  // f: head diff (lang en + no description on /charte/)
  await navClick(page, 'nav a[href="/charte/"]');
  log('f.charte (no description expected; lang fr since session 21)', await state(page));
  await page.evaluate(() => scrollTo(0, 2500));
  await navClick(page, 'nav a[href="/charte/"]');
  log('c.scrollY after nav /charte/ -> /charte/ from scrollY 2500', (await state(page)).scrollY);
  await page.evaluate(() => scrollTo(0, 2500));
  await navClick(page, 'nav a[href="/"]');
  await page.goBack(); await page.waitForTimeout(700);
  log('c.scrollY after back to /charte/ (was 2500)', (await state(page)).scrollY);
  await navClick(page, 'nav a[href="/"]');
  log('c.scroll after nav from scrolled charte to /', await state(page));
  await navClick(page, 'nav a[href="/charte/"]');
  await navClick(page, '#l-hash');
  log('f.hash link #fin', await state(page));
  await navClick(page, '#l-query');
  log('f.query link /programme/?q=jazz', { ...(await state(page)), q: await page.inputValue('#q').catch((e) => 'ERR ' + e.message), count: await page.textContent('#count') });
  await navClick(page, 'nav a[href="/charte/"]');
  const [popup] = await Promise.all([page.context().waitForEvent('page', { timeout: 3000 }).catch(() => null), navClick(page, '#l-target')]);
  log('f.target=_blank', { popup: popup && popup.url(), here: (await state(page)).url });
  await navClick(page, '#f-get-btn');
  log('f.GET form', { ...(await state(page)), q: await page.inputValue('#q') });
  log('a.messages (console, page errors, full document requests)', page.msgs);
  await page.context().close();
}

// ---- c. focus after keyboard navigation
{
  const page = await newPage();
  await page.goto('http://127.0.0.1:8104/');
  await hydrated(page);
  await page.focus('nav a[href="/charte/"]');
  await page.keyboard.press('Enter'); await page.waitForTimeout(700);
  log('c.keyboard Enter on nav link', await state(page));
  await page.keyboard.press('Tab');
  log('c.next Tab goes to', await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80)));
  await page.context().close();
}

// ---- d. deferred hydration
const durl = await serve('deferred', 8105, WASM);
for (const path of ['/programme/', '/lab/seeded/']) {
  const page = await newPage();
  await page.goto(durl + path);
  await page.waitForTimeout(300);
  log(`d.${path} wasm requested before?`, await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.includes('wasm'))));
  await page.fill('#q', 'jazz');
  await page.check('#mine');
  await page.focus('#q');
  await page.evaluate(() => { const q = document.querySelector('#q'); q.setSelectionRange(2, 2); window.qRef = q; window.liRef = document.querySelector('li[data-id=a1]'); window.btnRef = document.querySelector('li[data-id=a1] button'); });
  const before = await page.evaluate(() => ({ q: document.querySelector('#q').value, mine: document.querySelector('#mine').checked, active: document.activeElement.id, count: document.querySelector('#count').textContent }));
  await page.evaluate(() => window.__hydrateLate());
  await page.waitForTimeout(300);
  const after = await page.evaluate(() => ({ q: document.querySelector('#q').value, mine: document.querySelector('#mine').checked, active: document.activeElement.id, caret: document.querySelector('#q').selectionStart, sameInput: window.qRef === document.querySelector('#q'), sameLi: window.liRef === document.querySelector('li[data-id=a1]'), sameBtn: window.btnRef === document.querySelector('li[data-id=a1] button'), count: document.querySelector('#count').textContent, visible: [...document.querySelectorAll('#items li')].filter((l) => !l.hidden).map((l) => l.dataset.id) }));
  await page.keyboard.type('z');
  await page.waitForTimeout(200);
  const typed = await page.evaluate(() => ({ q: document.querySelector('#q').value, count: document.querySelector('#count').textContent, visible: [...document.querySelectorAll('#items li')].filter((l) => !l.hidden).map((l) => l.dataset.id) }));
  log(`d.${path}`, { before, after, afterTypingZ: typed, msgs: page.msgs.filter((m) => !m.startsWith('document')) });
  await page.context().close();
}

// ---- d. deferred: navigate with the islands router before the wasm is loaded, then hydrate
{
  const page = await newPage();
  await page.goto(durl + '/');
  await navClick(page, 'nav a[href="/programme/"]');
  const beforeMsgs = [...page.msgs];
  await page.evaluate(() => window.__hydrateLate());
  await page.waitForTimeout(300);
  await page.fill('#q', 'bal'); await page.waitForTimeout(200);
  log('d.navigate-then-late-hydrate', { url: (await state(page)).url, msgsBeforeHydrate: beforeMsgs, count: await page.textContent('#count'), pressedA1: await page.getAttribute('li[data-id=a1] button', 'aria-pressed') });
  await navClick(page, 'nav a[href="/charte/"]');
  await navClick(page, 'nav a[href="/programme/"]');
  await page.fill('#q', 'jazz'); await page.waitForTimeout(200);
  log('d.after late hydrate, navigate again: new islands hydrate?', { count: await page.textContent('#count'), msgs: page.msgs.filter((m) => !m.startsWith('document')) });
  await page.context().close();
}

// ---- d. mismatch, e. big props and self-fetching island
{
  const page = await newPage();
  await page.goto('http://127.0.0.1:8104/lab/mismatch/');
  await page.waitForTimeout(1500);
  const clicks = await page.evaluate(() => { for (const id of ['mm-btn', 'mm-text-btn']) document.getElementById(id)?.click(); return null; });
  await page.waitForTimeout(200);
  log('d.mismatch', { html: await page.evaluate(() => document.querySelector('main').innerHTML.slice(0, 900)), msgs: page.msgs });
  await page.goto('http://127.0.0.1:8104/lab/big/');
  await page.waitForTimeout(2000);
  log('e.big prop island', { text: await page.textContent('#big'), propsAttrChars: await page.evaluate(() => document.querySelector('leptos-island[data-props]').dataset.props.length), msgs: page.msgs.filter((m) => !m.startsWith('document')) });
  await page.context().close();
}
await browser.close();
for (const s of servers) s.close();
