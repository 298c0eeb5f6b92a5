// Benchmark, not a test (timings vary on a shared machine): the work one keystroke or one
// filter click costs on the synthetic 500-item programme, measured in the browser.
// Usage, after `trunk build --release`:  node tests/bench/filter-keystroke.mjs
// For each event: the time from dispatching it to the end of the work it triggers (the app's
// reactive updates run in microtasks), plus the style and layout the browser then needs.
import { openPage, settled, start } from '../support/browser.mjs';
import { syntheticProgramme } from '../support/scale-fixture.mjs';

const env = await start();
const page = await openPage(env, { viewport: { width: 390, height: 844 } });
await page.route('**/data/programme-2023.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(syntheticProgramme()) }));
await page.goto(`${env.url}/programme`);
await settled(page);

const timings = await page.evaluate(async () => {
  const macrotask = () => new Promise((done) => { const c = new MessageChannel(); c.port1.onmessage = done; c.port2.postMessage(0); });
  const measure = async (act) => {
    const t0 = performance.now();
    act();
    await macrotask();
    void document.body.offsetHeight; // style and layout of the new results
    return performance.now() - t0;
  };
  const input = document.getElementById('recherche');
  const typing = [];
  for (let round = 0; round < 5; round++) {
    for (const text of ['m', 'me', 'med', 'medi', 'media', 'mediat', 'mediati', 'mediatio', 'mediation', 'mediation n', 'mediation nu', 'mediation num']) {
      typing.push(await measure(() => { input.value = text; input.dispatchEvent(new Event('input', { bubbles: true })); }));
    }
    typing.push(await measure(() => { input.value = ''; input.dispatchEvent(new Event('input', { bubbles: true })); }));
  }
  const boxes = [...document.querySelectorAll('.filter-group input[type=checkbox]')];
  const clicks = [];
  for (let round = 0; round < 5; round++) {
    for (const box of boxes) clicks.push(await measure(() => box.click()));
    for (const box of boxes) clicks.push(await measure(() => box.click()));
  }
  return { typing, clicks };
});

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `n=${values.length} médiane ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`;
};
console.log(`frappe dans la recherche (500 éléments) : ${stats(timings.typing)}`);
console.log(`clic sur un filtre (500 éléments)       : ${stats(timings.clicks)}`);
await page.close();
await env.stop();
