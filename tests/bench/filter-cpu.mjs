// Benchmark, not a test: the main-thread CPU time (not wall time) one filter click or one
// keystroke costs on the synthetic 500-item programme, read from a Chrome trace. Thread time
// is less disturbed than wall time by other work on a shared machine, though not immune.
// Usage, after `trunk build --release`:  node tests/bench/filter-cpu.mjs [clicks|typing]
import { openPage, settled, start } from '../support/browser.mjs';
import { syntheticProgramme } from '../support/scale-fixture.mjs';

const mode = process.argv[2] === 'typing' ? 'typing' : 'clicks';
const env = await start();
const page = await openPage(env, { viewport: { width: 390, height: 844 } });
await page.route('**/data/programme-2023.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(syntheticProgramme()) }));
await page.goto(`${env.url}/programme`);
await settled(page);

const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
const count = await page.evaluate(async (mode) => {
  const macrotask = () => new Promise((done) => { const c = new MessageChannel(); c.port1.onmessage = done; c.port2.postMessage(0); });
  let n = 0;
  const act = async (f) => { f(); await macrotask(); void document.body.offsetHeight; n++; };
  if (mode === 'clicks') {
    const boxes = [...document.querySelectorAll('.filter-group input[type=checkbox]')];
    for (let round = 0; round < 3; round++) for (const box of [...boxes, ...boxes]) await act(() => box.click());
  } else {
    const input = document.getElementById('recherche');
    for (let round = 0; round < 5; round++) {
      for (const text of ['m', 'me', 'med', 'medi', 'media', 'mediat', 'mediati', 'mediatio', 'mediation', '']) {
        await act(() => { input.value = text; input.dispatchEvent(new Event('input', { bubbles: true })); });
      }
    }
  }
  return n;
}, mode);
await cdp.send('Tracing.end');
await complete;

// The renderer's main thread is the one that lays out the page.
const layoutByThread = {};
for (const e of events) if (e.name === 'Layout') layoutByThread[e.tid] = (layoutByThread[e.tid] ?? 0) + (e.dur ?? 0);
const main = Number(Object.entries(layoutByThread).sort((a, b) => b[1] - a[1])[0][0]);
const cpu = (name) => events.filter((e) => e.name === name && e.ph === 'X' && e.tid === main).reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000 / count;
console.log(`${mode} (${count} events, 500 items): main-thread CPU ${cpu('RunTask').toFixed(1)} ms per event`);
for (const name of ['RunMicrotasks', 'EventDispatch', 'UpdateLayoutTree', 'Layout', 'Paint']) console.log(`  ${name.padEnd(16)} ${cpu(name).toFixed(1)} ms`);
await page.close();
await env.stop();
