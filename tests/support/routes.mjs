// The routes of the site, what each must show (`en`: its h1 and title under /en/…), and the data it
// comes from: shared by the route, budget, accessibility and language tests.
import { readFileSync } from 'node:fs';

const read = (name) => JSON.parse(readFileSync(new URL(`../../public/data/${name}`, import.meta.url), 'utf8'));
/** A data text (`model::Text`): a string, or `{ "fr": …, "en": … }`. */
export const isText = (value) => value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.fr === 'string' &&
  Object.keys(value).every((key) => key === 'fr' || key === 'en');
/** The data as the French pages show it: each text its French (the tests compare French pages). */
export const french = (value) => (isText(value) ? value.fr : Array.isArray(value) ? value.map(french)
  : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, french(v)])) : value);
/** The data files as shipped, with their English translations (issue 25's English content tests). */
const editionsFile = read('editions.json');
/** The current edition's programme file, as editions.json names it. */
export const programmeFile = editionsFile.editions.find((e) => e.year === editionsFile.current).programme;
export const shipped = {
  programme: read(programmeFile), charter: read('charter.json'), editions: editionsFile, catalogue: read('catalogue.json'),
};
export const programme = french(shipped.programme);
export const charter = french(shipped.charter);
export const editions = french(shipped.editions);
export const catalogue = french(shipped.catalogue);

/** Each route: its address, its h1 and title, its nav entry, the data it shows, and `firstAction`,
 * the control a first visitor's first action reaches: the theme switch, « Mon programme » (an
 * item's page) or /donnees-personnelles' erase button, which the page serves by itself
 * (scripts/shipped/boot.js, servedByPage), or a control only the app runs (`app`: a search, a
 * filter, a form). */
export const ROUTES = [
  {
    path: '/',
    firstAction: 'theme',
    en: { h1: 'Numérique en Commun[s]', title: 'Home — Numérique en Commun[s]' },
    h1: 'Numérique en Commun[s]',
    title: 'Accueil — Numérique en Commun[s]',
    nav: 'Accueil',
    content: [programme.venue.name, french(programme.edition.status), ...programme.themes.map((t) => french(t.name))],
  },
  {
    path: '/programme',
    firstAction: 'app',
    en: { h1: '2023 programme', title: '2023 programme — Numérique en Commun[s]' },
    h1: 'Programme 2023',
    title: 'Programme 2023 — Numérique en Commun[s]',
    nav: 'Programme',
    content: [...programme.items.map((i) => french(i.title)), french(programme.edition.status), '13 éléments correspondent.'],
  },
  {
    path: '/programme/grande-soiree',
    firstAction: 'agenda',
    en: { h1: 'NEC evening party', title: 'NEC evening party — 2023 programme — Numérique en Commun[s]' },
    h1: 'Grande soirée NEC',
    title: 'Grande soirée NEC — Programme 2023 — Numérique en Commun[s]',
    nav: null,
    content: ['Jeudi 19 octobre 2023', '19 h 00 – 1 h 00 le lendemain (6 h)', 'Non précisé (édition de Bordeaux)', 'Retour au programme'],
  },
  {
    path: '/editions/2023/programme',
    firstAction: 'app',
    sameAs: '/programme',
    en: { h1: '2023 programme', title: '2023 programme — Numérique en Commun[s]' },
    h1: 'Programme 2023',
    title: 'Programme 2023 — Numérique en Commun[s]',
    nav: null,
    content: [...programme.items.map((i) => french(i.title)), '13 éléments correspondent.'],
  },
  {
    path: '/editions/2023/programme/grande-soiree',
    firstAction: 'agenda',
    sameAs: '/programme/grande-soiree',
    en: { h1: 'NEC evening party', title: 'NEC evening party — 2023 programme — Numérique en Commun[s]' },
    h1: 'Grande soirée NEC',
    title: 'Grande soirée NEC — Programme 2023 — Numérique en Commun[s]',
    nav: null,
    content: ['Jeudi 19 octobre 2023', '19 h 00 – 1 h 00 le lendemain (6 h)', 'Retour au programme'],
  },
  {
    path: '/mon-programme',
    firstAction: 'theme',
    en: { h1: 'My programme', title: 'My programme — Numérique en Commun[s]' },
    h1: 'Mon programme',
    title: 'Mon programme — Numérique en Commun[s]',
    nav: 'Mon programme',
    content: ['Votre programme est vide.'],
  },
  {
    path: '/infos-pratiques',
    firstAction: 'theme',
    en: { h1: 'Practical information', title: 'Practical information — Numérique en Commun[s]' },
    h1: 'Informations pratiques',
    title: 'Informations pratiques — Numérique en Commun[s]',
    nav: null,
    content: ['Les inscriptions sont closes : cette édition est passée.', programme.venue.address, 'Tram C et Tram D', '9 h 00 – 19 h 00',
      'Inscription obligatoire.', 'Qui peut venir', 'réservé aux agents publics', 'favoriser l’accès à tous et toutes'],
  },
  {
    path: '/charte',
    firstAction: 'theme',
    en: { h1: 'The NEC charter', title: 'The charter — Numérique en Commun[s]' },
    h1: 'La charte de NEC',
    title: 'La charte — Numérique en Commun[s]',
    nav: 'Charte',
    content: [...charter.engagements.map((e) => e.title), charter.licence.name],
  },
  {
    path: '/editions',
    firstAction: 'theme',
    en: { h1: 'The NEC editions', title: 'The editions since 2018 — Numérique en Commun[s]' },
    h1: 'Les éditions de NEC',
    title: 'Les éditions depuis 2018 — Numérique en Commun[s]',
    nav: 'Éditions',
    content: [
      ...editions.editions.map((e) => `${e.year} — ${e.locations[0].city}`),
      'Angoulême',
      'Château de la Mercerie',
      editions.local_editions.description,
    ],
  },
  {
    path: '/editions/2021',
    firstAction: 'theme',
    en: { h1: 'The 2021 edition — Sud Charente', title: 'The 2021 edition — Sud Charente — Numérique en Commun[s]' },
    h1: 'Édition 2021 — Sud Charente',
    title: 'Édition 2021 — Sud Charente — Numérique en Commun[s]',
    nav: null,
    content: ['Château de la Mercerie', 'Angoulême', '5\u202f000', 'Édition précédente : 2020, Lyon'],
  },
  {
    path: '/donnees',
    firstAction: 'theme',
    en: { h1: 'Open data', title: 'Open data — Numérique en Commun[s]' },
    h1: 'Données ouvertes',
    title: 'Données ouvertes — Numérique en Commun[s]',
    nav: null,
    content: [...catalogue.files.map((f) => f.path), catalogue.licence.label],
  },
  {
    path: '/integrer',
    firstAction: 'app',
    en: { h1: 'Embed NEC on your site', title: 'Embed the programme on your site — Numérique en Commun[s]' },
    h1: 'Intégrer NEC sur votre site',
    title: 'Intégrer le programme sur votre site — Numérique en Commun[s]',
    nav: null,
    content: ['<nec-widget view="programme"></nec-widget>', 'Sans script : une iframe', ...programme.themes.map((t) => t.name), 'Afficher l’aperçu'],
  },
  {
    path: '/accessibilite',
    firstAction: 'theme',
    en: { h1: 'Accessibility statement', title: 'Accessibility — Numérique en Commun[s]' },
    h1: 'Déclaration d’accessibilité',
    title: 'Accessibilité — Numérique en Commun[s]',
    nav: null,
    content: ['Ce site est totalement conforme avec le RGAA, version 4.1', '100\u00a0% des critères', '65 critères conformes, 0 non conforme,', 'Aucune non-conformité', 'Orca 43.1', 'quatorze parcours', 'Défenseur des droits', 'sur 106'],
  },
  {
    path: '/donnees-personnelles',
    firstAction: 'erase',
    en: { h1: 'Personal data', title: 'Personal data — Numérique en Commun[s]' },
    h1: 'Données personnelles',
    title: 'Données personnelles — Numérique en Commun[s]',
    nav: null,
    content: ['aucune donnée personnelle', 'nec-mon-programme-2023', 'nec-theme', 'rien (thème automatique)', 'nec-web-…', 'Cache Storage', 'Effacer ces données de cet appareil'],
  },
  {
    path: '/plan-du-site',
    firstAction: 'theme',
    en: { h1: 'Site map', title: 'Site map — Numérique en Commun[s]' },
    h1: 'Plan du site',
    title: 'Plan du site — Numérique en Commun[s]',
    nav: null,
    content: ['Le programme de l’édition en cours', 'Informations pratiques', 'Mon programme', 'Modifications du programme', 'La charte', 'Les éditions depuis 2018', 'Données ouvertes', 'Intégrer NEC sur votre site', 'Données personnelles', 'Déclaration d’accessibilité'],
  },
  {
    path: '/modifications-du-programme',
    firstAction: 'theme',
    en: { h1: 'Changes to the programme', title: 'Changes to the 2023 programme — Numérique en Commun[s]' },
    h1: 'Modifications du programme',
    title: 'Modifications du programme 2023 — Numérique en Commun[s]',
    nav: null,
    content: ['Aucune modification n’a été publiée depuis l’annonce du programme, le 26 juillet 2023.', 'Publication du 26 juillet 2023',
      'Annonce du programme, « en cours de construction »', 'S’abonner aux modifications (fil Atom, en français)'],
  },
  {
    path: '/cette-page-n-existe-pas',
    firstAction: 'theme',
    en: { h1: 'Page not found', title: 'Page not found — Numérique en Commun[s]' },
    h1: 'Page introuvable',
    title: 'Page introuvable — Numérique en Commun[s]',
    nav: null,
    content: ['Revenir à l’accueil'],
  },
];
