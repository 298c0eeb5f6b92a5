import { start, openPage, settled } from './support/browser.mjs';
const env = await start();
const [,, path, w] = process.argv;
const page = await openPage(env, { viewport: { width: Number(w), height: 900 } });
await page.goto(env.url + path); await settled(page);
console.log(await page.evaluate(() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)} ${e.textContent.slice(0, 40)}`)));
await page.close(); await env.stop();
