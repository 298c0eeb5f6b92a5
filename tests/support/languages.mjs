// What "no French left in English mode" means, for languages.test.mjs: the French strings of the
// interface tables (every `texts!` of src/, read from the source so a new string is covered the
// day it is written), and a page scan that reports French outside `lang="fr"`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { programme, editions, charter } from './routes.mjs';

const SRC = new URL('../../src/', import.meta.url).pathname;

function rustFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? rustFiles(join(dir, entry.name)) : entry.name.endsWith('.rs') ? [join(dir, entry.name)] : []);
}

const literal = String.raw`"((?:[^"\\]|\\.)*)"`;
const ENTRY = new RegExp(String.raw`(\w+):\s*${literal}\s*,\s*${literal}\s*;`, 'g');
const unescape = (s) => JSON.parse(`"${s.replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))}"`);

/** Every (file, name, French, English) entry of the `texts!` tables. */
export function textTables() {
  const entries = [];
  for (const file of rustFiles(SRC)) {
    const source = readFileSync(file, 'utf8');
    for (const block of source.split('texts! {').slice(1)) {
      const body = block.slice(0, block.indexOf('\n}'));
      for (const [, name, fr, en] of body.matchAll(ENTRY)) {
        entries.push({ file: file.slice(SRC.length), name, fr: unescape(fr), en: unescape(en) });
      }
    }
  }
  return entries;
}

/** The French strings an English page must never show: those that differ from their English. */
export function frenchInterfaceStrings() {
  return [...new Set(textTables().filter((e) => e.fr !== e.en && e.fr.trim().length >= 6).map((e) => e.fr.trim()))];
}

/**
 * Proper names from the data, which are the same in both languages (people, places, partners,
 * the brand): the scan removes them before looking for French words.
 */
export function properNames() {
  const names = [
    'Numérique en Commun[s]', 'NEC', programme.venue.name, programme.venue.address, programme.edition.city,
    ...programme.items.flatMap((i) => i.speakers ?? []),
    ...programme.themes.map((t) => t.lead_partner?.fr ?? t.lead_partner).filter(Boolean), "DINUM",
    ...editions.editions.flatMap((e) => e.locations.flatMap((l) => [l.city, l.venue, l.address])).filter(Boolean),
    charter.licence.name,
  ];
  if (programme.partners) {
    names.push(...(programme.partners.partners ?? []).map((p) => p.name), ...(programme.partners.associated_events ?? []));
  }
  return [...new Set(names.filter((n) => typeof n === 'string' && n.length > 1))].sort((a, b) => b.length - a.length);
}

/**
 * Runs in the page: every visible or announced text outside `lang="fr"` (text nodes, the title,
 * aria-label, title, alt, placeholder, button values), with the proper names taken out; returns
 * the pieces that contain one of `frenchStrings` or look French (« », accents, French words).
 */
export function scanForFrench({ frenchStrings, names }) {
  const FRENCH_WORDS = /\b(le|la|les|des|du|une|et|pour|avec|dans|sur|aux|est|sont|vous|votre|vos|nous|ou|au|ce|cette|ces|pas|sans|Chargement|Accueil|Programme du)\b/;
  const FRENCH_MARKS = /[«»éèêëàâùûüçôîïœ]/i;
  const inFrench = (el) => (el?.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase().startsWith('fr');
  const strip = (text) => names.reduce((t, name) => t.split(name).join(' '), text);
  const found = [];
  const check = (where, text) => {
    const clean = strip(text).replace(/\s+/g, ' ').trim();
    if (!clean) return;
    // A whole word or phrase: « Charte » is not in "Charter".
    const table = frenchStrings.find((s) => {
      const at = clean.indexOf(s);
      if (at < 0) return false;
      const letter = /[\p{L}\p{N}]/u;
      return !letter.test(clean[at - 1] ?? '') && !letter.test(clean[at + s.length] ?? '');
    });
    if (table) found.push(`${where}: French interface string « ${table} »`);
    else if (FRENCH_MARKS.test(clean) || FRENCH_WORDS.test(clean)) found.push(`${where}: « ${clean.slice(0, 120)} »`);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript, code, pre, [hidden]') || inFrench(parent)) continue;
    check(`text in <${parent.tagName.toLowerCase()}${parent.id ? `#${parent.id}` : ''}>`, node.textContent);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder], input[type=button], input[type=submit]')) {
    if (inFrench(el)) continue;
    for (const attribute of ['aria-label', 'title', 'alt', 'placeholder', 'value']) {
      if (attribute === 'value' && !/^(button|submit)$/.test(el.type ?? '')) continue;
      const value = el.getAttribute(attribute);
      if (value) check(`${attribute} of <${el.tagName.toLowerCase()}>`, value);
    }
  }
  // A title cannot say its language: a French data heading (marked on the h1) is allowed in it.
  const h1 = document.querySelector('h1');
  check('<title>', inFrench(h1) ? document.title.split(h1.textContent).join(' ') : document.title);
  return found;
}
