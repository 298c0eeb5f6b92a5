import { start, openPage, settled } from './support/browser.mjs';
const env = await start();
const [,, path, w, scheme, full, sel] = process.argv;
const page = await openPage(env, { viewport: { width: Number(w), height: 900 }, colorScheme: scheme });
await page.goto(env.url + path); await settled(page);
if (sel) await page.locator(sel).first().scrollIntoViewIfNeeded();
await page.screenshot({ path: `/tmp/shot.png`, fullPage: full === 'full' });
console.log(await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]));
await page.close(); await env.stop();
