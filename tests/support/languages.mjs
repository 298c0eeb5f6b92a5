// What "no French left in English mode" means, for languages.test.mjs: the French strings of the
// interface tables (every `texts!` of src/, read from the source so a new string is covered the
// day it is written), and a page scan that reports French outside `lang="fr"`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isText, shipped } from './routes.mjs';

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
 * French proper names inside English sentences of the data's translations (bodies, programmes,
 * places, services, the event): they stay French and cannot carry their own `lang` inside a text.
 */
export const NAMES_IN_TRANSLATIONS = [
  'Agence nationale de la cohésion des territoires', 'Société Numérique', 'Accélérateur d’initiatives citoyennes',
  'Startups d’État', 'Incubateur de services numériques', 'Opérateur de produits interministériels',
  'Tour de France', 'Démarches Simplifiées', 'stade Bollaert-Delelis', 'Château de la Mercerie', 'Angoulême',
];

/**
 * Proper names from the data, which are the same in both languages (people, places, partners,
 * the brand): the scan removes them before looking for French words. A text with an English
 * translation is not a name.
 */
export function properNames() {
  const name = (text) => (isText(text) ? (text.en ? null : text.fr) : text);
  const { programme, editions, charter } = shipped;
  const names = [
    'Numérique en Commun[s]', 'NEC', programme.venue.name, programme.venue.address, programme.edition.city,
    ...programme.items.flatMap((i) => i.speakers ?? []),
    ...programme.items.flatMap((i) => (i.links ?? []).map((l) => name(l.label))),
    ...programme.themes.map((t) => name(t.lead_partner)).filter(Boolean), "DINUM",
    ...editions.editions.flatMap((e) => e.locations.flatMap((l) => [l.city, name(l.venue), l.address])).filter(Boolean),
    charter.licence.name, ...NAMES_IN_TRANSLATIONS,
  ];
  if (programme.partners) {
    names.push(...[...(programme.partners.organisers ?? []), ...(programme.partners.partners ?? [])].map((p) => name(p.name)),
      ...(programme.partners.associated_events ?? []).map(name));
  }
  return [...new Set(names.filter((n) => typeof n === 'string' && n.length > 1))].sort((a, b) => b.length - a.length);
}

/**
 * The French of every data text that has an English translation different from it, except those
 * that are part of a proper name (« la DINUM » in « Département … de la DINUM »).
 */
export function translatedFrench() {
  const found = new Set();
  const walk = (value) => {
    if (isText(value)) {
      if (value.en && value.en !== value.fr) found.add(value.fr);
    } else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(shipped);
  const names = properNames();
  return [...found].filter((fr) => !names.some((name) => name.includes(fr)));
}

/**
 * Runs in the page: the French texts of `frenchTexts` found outside `lang="fr"` (text and the
 * accessible names of attributes), any space as a space: a translated data text shown untranslated.
 */
export function findTranslatedFrench(frenchTexts) {
  const norm = (t) => t.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const body = document.body.cloneNode(true);
  for (const el of body.querySelectorAll('[lang]:not([lang^="en"]), script, style, template')) el.remove();
  const attributes = [...body.querySelectorAll('[aria-label], [title], [alt]')].flatMap((el) =>
    ['aria-label', 'title', 'alt'].map((a) => el.getAttribute(a)).filter(Boolean));
  const texts = [norm(body.textContent), ...attributes.map(norm)];
  const letter = /[\p{L}\p{N}]/u;
  const whole = (text, s) => {
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
      if (!letter.test(text[at - 1] ?? '') && !letter.test(text[at + s.length] ?? '')) return true;
    }
    return false;
  };
  return frenchTexts.map(norm).filter((fr) => texts.some((text) => whole(text, fr)));
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
