// Mismatch page against whatever build is in out/external (run after PROFILE=release scripts/make-static.sh)
import { createRequire } from 'node:module';
import { start } from './server.mjs';
const require = createRequire(new URL('../../../tests/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const s = await start('out/external', 8301, "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'");
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage(); const msgs = [];
page.on('console', (m) => msgs.push(m.text().slice(0, 200))); page.on('pageerror', (e) => msgs.push('pageerror: ' + e.message));
await page.goto('http://127.0.0.1:8301/lab/mismatch/'); await page.waitForTimeout(1500);
await page.click('#mm-text-btn'); await page.waitForTimeout(200);
const themeWorks = await page.evaluate(() => { const s = document.querySelector('#theme'); s.value = 'dark'; s.dispatchEvent(new Event('change')); return document.documentElement.dataset.theme === 'dark'; });
console.log(JSON.stringify({ laterIslandButton: await page.textContent('#mm-text-btn'), themeIslandBeforeMismatchWorks: themeWorks, msgs }));
// and the programme page in release: toggles, filter
await page.goto('http://127.0.0.1:8301/programme/'); await page.waitForTimeout(1500);
await page.fill('#q', 'jazz'); await page.waitForTimeout(200);
console.log('release programme filter:', await page.textContent('#count'));
await browser.close(); s.close();
