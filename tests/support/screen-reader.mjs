// A real screen reader for the tests (issue 26): Debian's Orca reading Debian's Chromium through
// AT-SPI, headless. Each run has its own X server (Xvfb), D-Bus session bus, Orca (preferences
// and speech logger in tests/screen-reader/orca/), speech-dispatcher (spawned by Orca, audio to
// ALSA's null device) and a headed Chromium driven by playwright-core. Keys are real X key
// presses (xdotool), which Orca hears and handles as for a person: browse-mode keys (h, b, x,
// k…) are Orca's, the others go to the page. What Orca speaks is read from its log.
//
// Every process started here carries NEC_SCREEN_READER_RUN=<this run's token> in its environment;
// `stop()` ends them by pid, then any other process holding the token (speech-dispatcher and
// the AT-SPI bus daemonize, so they are not children), so nothing outlives the run.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './browser.mjs';

const ORCA_FILES = fileURLToPath(new URL('../screen-reader/orca/', import.meta.url));
const TOOLS = ['orca', 'Xvfb', 'xdotool', 'dbus-daemon', 'speech-dispatcher'];

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const which = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** The tools this needs that are missing (scripts/setup.sh --browser installs them). */
export const missingTools = () => TOOLS.filter((tool) => !which(tool));

/** The installed Orca's version, as `orca --version` prints it. */
export const orcaVersion = () => spawnSync('orca', ['--version'], { encoding: 'utf8' }).stdout.trim();

/** Pids of the processes whose environment holds `NAME=value`. */
function holders(name, value) {
  const needle = Buffer.from(`${name}=${value}\0`);
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`).includes(needle)) pids.push(Number(entry));
    } catch { /* gone, or not ours */ }
  }
  return pids;
}

const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const signal = (pid, sig) => { try { process.kill(pid, sig); } catch { /* already gone */ } };

/** SIGTERM, then SIGKILL after `grace` ms for whatever is left. */
async function end(pids, grace = 3000) {
  for (const pid of pids) signal(pid, 'SIGTERM');
  for (const deadline = Date.now() + grace; pids.some(alive) && Date.now() < deadline;) await sleep(50);
  for (const pid of pids.filter(alive)) signal(pid, 'SIGKILL');
}

/** One line of Orca's log: { time, kind, lang, text }. */
function parse(line) {
  const [time, kind, lang, ...text] = line.split('\t');
  return { time: Number(time), kind, lang, text: text.join('\t') };
}

/** The lines of `file` from byte `offset` up to its last complete line: [lines, next offset]. */
function newLines(file, offset) {
  if (!existsSync(file)) return [[], offset];
  const bytes = readFileSync(file);
  const upTo = bytes.lastIndexOf(10) + 1;
  if (upTo <= offset) return [[], offset];
  return [bytes.subarray(offset, upTo).toString('utf8').split('\n').filter(Boolean), upTo];
}

// speech-dispatcher (LogLevel 5) logs each message through its symbol dictionaries, the first
// being gender-neutral.dic (speechd.conf): `'<name>.dic' translated '<in>' to '<out>'`.
const TRANSLATED = /speechd:\s+'([\w-]+)\.dic' translated '(.*)' to '(.*)'$/;
const FIRST_DICTIONARY = 'gender-neutral';

/**
 * Starts Xvfb, a D-Bus session, Orca and Chromium, and opens `url`. Resolves to the session:
 * `page` (playwright's, to wait for the page's state), `press(key, options)`, `open(url)`,
 * `settle(options)`, `heard()`, `stop()`. SCREEN_READER_DEBUG=1 shows the processes' output;
 * SCREEN_READER_KEEP=1 keeps their folder (logs, speech-dispatcher's among them).
 */
export async function startScreenReader({ url, debug = !!process.env.SCREEN_READER_DEBUG }) {
  const missing = missingTools();
  if (missing.length) throw new Error(`missing: ${missing.join(', ')} (scripts/setup.sh --browser installs them)`);
  const token = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const work = mkdtempSync(join(tmpdir(), 'nec-screen-reader-'));
  const log = join(work, 'speech.log');
  mkdirSync(join(work, 'run'), { mode: 0o700 });
  mkdirSync(join(work, 'prefs'));
  mkdirSync(join(work, 'chromium', 'Default'), { recursive: true });
  for (const name of ['orca-customizations.py', 'user-settings.conf']) cpSync(join(ORCA_FILES, name), join(work, 'prefs', name));
  cpSync('/etc/speech-dispatcher', join(work, 'config', 'speech-dispatcher'), { recursive: true, dereference: true });
  cpSync(join(ORCA_FILES, 'speechd.conf'), join(work, 'config', 'speech-dispatcher', 'speechd.conf'));
  // No "Translate this page?" bubble for Orca to read.
  writeFileSync(join(work, 'chromium', 'Default', 'Preferences'), JSON.stringify({ translate: { enabled: false } }));
  writeFileSync(log, '');

  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? work,
    LANG: 'C.UTF-8',
    // Orca in French, as the site's listeners have it (its messages are read from LANGUAGE;
    // the French locale itself need not be installed). speechd.conf makes the voice French.
    LANGUAGE: 'fr',
    XDG_RUNTIME_DIR: join(work, 'run'),
    XDG_CONFIG_HOME: join(work, 'config'),
    XDG_DATA_HOME: join(work, 'data'),
    XDG_CACHE_HOME: join(work, 'cache'),
    ORCA_SPEECH_LOG: log,
    NEC_SCREEN_READER_RUN: token,
  };
  const children = [];
  const output = (name, child) => {
    child.stdout?.on('data', (d) => { if (debug) process.stderr.write(`[${name}] ${d}`); });
    child.stderr?.on('data', (d) => { if (debug) process.stderr.write(`[${name}] ${d}`); });
  };
  const launch = (name, command, args) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.exited = new Promise((done) => child.once('exit', done));
    children.push(child);
    output(name, child);
    return child;
  };
  // A test process that dies without its `after` must leave nothing behind.
  const orphans = () => {
    for (const child of children) signal(child.pid, 'SIGKILL');
    for (const pid of holders('NEC_SCREEN_READER_RUN', token)) signal(pid, 'SIGKILL');
    if (!process.env.SCREEN_READER_KEEP) rmSync(work, { recursive: true, force: true });
  };
  process.once('exit', orphans);
  // Nor one stopped by a signal (a CI time limit, Ctrl-C).
  const stopped = (name) => () => { orphans(); process.exit(name === 'SIGINT' ? 130 : 143); };
  const onSignal = { SIGINT: stopped('SIGINT'), SIGTERM: stopped('SIGTERM') };
  for (const [name, handler] of Object.entries(onSignal)) process.once(name, handler);

  let context;
  let offset = 0;
  const voice = { file: join(work, 'run', 'speech-dispatcher', 'log', 'speech-dispatcher.log'), offset: 0, messages: [], next: 0 };
  const readVoice = () => {
    const [lines, next] = newLines(voice.file, voice.offset);
    voice.offset = next;
    for (const line of lines) {
      const match = TRANSLATED.exec(line);
      if (!match) continue;
      if (match[1] === FIRST_DICTIONARY) voice.messages.push({ text: match[2], spoken: match[3] });
      else if (voice.messages.length) voice.messages.at(-1).spoken = match[3];
    }
  };
  /** What the synthesiser was given for Orca's utterance `text` (symbols spelled out as the voice
   * says them: « tiret cadratin », « crochet gauche »…), or null if it never got it. */
  const spokenAs = async (text) => {
    // Orca sends no-break spaces as spaces, and spells out itself the symbols speech-dispatcher
    // does not know (« · », « point médian »): the message is the same text, or holds its words
    // in the same order with a few more.
    const plain = (t) => t.replace(/\s+/g, ' ').trim();
    const words = (t) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const holds = (message) => {
      const [inner, outer] = [words(text), words(message)];
      let at = 0;
      for (const word of outer) if (word === inner[at]) at += 1;
      return at === inner.length && outer.length - inner.length <= 8;
    };
    const same = (m, i) => i >= voice.next && plain(m.text) === plain(text);
    const close = (m, i) => i >= voice.next && i < voice.next + 5 && holds(m.text);
    for (const deadline = Date.now() + 3000; ;) {
      readVoice();
      let index = voice.messages.findIndex(same);
      if (index < 0) index = voice.messages.findIndex(close);
      if (index >= 0) {
        voice.next = index + 1;
        return voice.messages[index].spoken;
      }
      if (Date.now() > deadline) return null;
      await sleep(50);
    }
  };
  const session = {
    work,
    log,
    page: null,
    /** Everything Orca has said since the last `heard()` (or since it started): { time, kind,
     * lang, text, spoken }, `spoken` being what the voice was given (see spokenAs). */
    async heard() {
      const [lines, next] = newLines(log, offset);
      offset = next;
      const heard = lines.map(parse);
      for (const line of heard) line.spoken = line.kind === 'speak' ? await spokenAs(line.text) : null;
      return heard;
    },
    /** Waits until Orca has said nothing for `quiet` ms (and at least `min` ms have passed), or
     * until `expect` (a RegExp) has been said and then nothing for `quiet` ms; at most `max` ms. */
    async settle({ quiet = 900, min = 300, max = 10000, expect } = {}) {
      const start = Date.now();
      let size = readFileSync(log).length;
      let changed = Date.now();
      let seen = !expect;
      let text;
      for (;;) {
        await sleep(50);
        const now = Date.now();
        const bytes = readFileSync(log);
        if (bytes.length !== size) { size = bytes.length; changed = now; }
        text = bytes.subarray(offset).toString('utf8');
        if (!seen && expect.test(text)) seen = true;
        if (seen && now - start >= min && now - changed >= quiet) return;
        if (now - start > max) {
          if (!seen) throw new Error(`Orca did not say ${expect} within ${max} ms; it said:\n${text}`);
          return;
        }
      }
    },
    /** Presses `key` (an xdotool key name: h, Tab, control+Home…) as a person does. */
    key(key) {
      const result = spawnSync('xdotool', ['key', '--delay', '60', key], { env, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`xdotool key ${key}: ${result.stderr}`);
    },
    /** Presses `key` and waits until Orca is done: until it has said something (or `expect`),
     * then nothing for a while. */
    async press(key, { expect = /./, ...options } = {}) {
      session.key(key);
      await session.settle({ expect, ...options });
    },
    /** Opens `url` as a person does: typed in the address bar (control+L), then Return. Resolves
     * once Orca has presented the page (« La page possède … ») and gone quiet; what it said about the
     * address bar is dropped. A page loaded by playwright's `goto` is presented or not depending
     * on timing, and the first one would leave the focus in the address bar. */
    async open(url) {
      session.key('ctrl+l');
      await session.settle({ quiet: 300, max: 5000 });
      const typed = spawnSync('xdotool', ['type', '--delay', '10', url], { env, encoding: 'utf8' });
      if (typed.status !== 0) throw new Error(`xdotool type: ${typed.stderr}`);
      await session.settle({ quiet: 300, max: 5000 });
      await session.heard();
      // Chromium completes an address typed to one visited with more (`/programme` to
      // `/programme?jour=…`): Delete refuses the completion, and does nothing without one.
      session.key('Delete');
      session.key('Return');
      await session.settle({ expect: /La page possède/, quiet: 1500, max: 20000 });
    },
    async stop() {
      try { await context?.close(); } catch { /* Chromium already gone */ }
      await end(children.filter((c) => c.exitCode === null && c.signalCode === null).reverse().map((c) => c.pid));
      await end(holders('NEC_SCREEN_READER_RUN', token));
      process.off('exit', orphans);
      for (const [name, handler] of Object.entries(onSignal)) process.off(name, handler);
      if (!process.env.SCREEN_READER_KEEP) rmSync(work, { recursive: true, force: true });
    },
  };

  try {
    // The X server, on the first free display (it prints the number it took).
    const xvfb = launch('Xvfb', 'Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp']);
    session.display = await new Promise((done, fail) => {
      let out = '';
      xvfb.stdout.on('data', (d) => { out += d; if (/\d+\n/.test(out)) done(`:${out.trim()}`); });
      xvfb.exited.then((code) => fail(new Error(`Xvfb exited (${code})`)));
      setTimeout(() => fail(new Error('Xvfb did not start in 10 s')), 10000);
    });
    env.DISPLAY = session.display;
    // The session bus. It starts the AT-SPI bus when Orca asks (and dconf), and nothing else:
    // not the desktop portals, whose FUSE mount in XDG_RUNTIME_DIR outlives a killed run.
    const services = join(work, 'dbus-services');
    mkdirSync(services);
    for (const name of ['org.a11y.Bus.service', 'ca.desrt.dconf.service']) {
      if (existsSync(`/usr/share/dbus-1/services/${name}`)) cpSync(`/usr/share/dbus-1/services/${name}`, join(services, name));
    }
    writeFileSync(join(work, 'bus.conf'), [
      '<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">',
      '<busconfig>',
      '  <type>session</type>',
      '  <keep_umask/>',
      `  <listen>unix:path=${join(work, 'run', 'bus')}</listen>`,
      '  <auth>EXTERNAL</auth>',
      `  <servicedir>${services}</servicedir>`,
      '  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>',
      '</busconfig>',
      '',
    ].join('\n'));
    const dbus = launch('dbus', 'dbus-daemon', [`--config-file=${join(work, 'bus.conf')}`, '--nofork', '--print-address=1']);
    env.DBUS_SESSION_BUS_ADDRESS = await new Promise((done, fail) => {
      let out = '';
      dbus.stdout.on('data', (d) => { out += d; if (out.includes('\n')) done(out.trim().split('\n')[0]); });
      dbus.exited.then((code) => fail(new Error(`dbus-daemon exited (${code})`)));
      setTimeout(() => fail(new Error('dbus-daemon did not start in 10 s')), 10000);
    });
    // Orca. Never `--replace`: it would end every Orca of this user on the machine.
    launch('orca', 'orca', ['-u', join(work, 'prefs')]);
    await session.settle({ expect: /./, max: 30000, quiet: 300 });
    await session.heard();
    context = await chromium.launchPersistentContext(join(work, 'chromium'), {
      executablePath: CHROMIUM,
      headless: false,
      env,
      viewport: null,
      locale: 'fr-FR',
      serviceWorkers: 'block',
      args: [
        '--force-renderer-accessibility', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
        '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--window-position=0,0', '--window-size=1200,900', '--test-type',
      ],
    });
    session.page = context.pages()[0] ?? (await context.newPage());
    // The first page is typed in the address bar, as a person does: a page loaded by playwright
    // would leave the focus in the address bar (where Chromium's new window has it).
    await session.settle({ expect: /Chromium/, max: 20000 });
    await session.open(url);
    await session.heard();
    return session;
  } catch (error) {
    if (existsSync(log)) error.message += `\nOrca said:\n${readFileSync(log, 'utf8')}`;
    await session.stop();
    throw error;
  }
}
