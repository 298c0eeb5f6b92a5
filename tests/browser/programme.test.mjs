// The programme experience (issue 4): filters and accent-insensitive search kept in the URL,
// item pages, "Mon programme" kept across reloads, overlaps, sharing, calendar files checked
// with a real iCalendar parser, now/next with a fixed clock, keyboard use, print, scale.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { axeViolations, openFilters, openPage, panics, plain, settled, start } from '../support/browser.mjs';
import { programme } from '../support/routes.mjs';
import { syntheticProgramme } from '../support/scale-fixture.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** The count, its no-break spaces (French typography) as plain ones. */
const count = async (page) => plain(await page.getByRole('status').filter({ hasText: /correspond/ }).innerText());
const NOTHING_FOUND = 'Aucun élément ne correspond. Essayez avec moins de filtres ou un autre mot : la recherche porte sur les titres, les descriptions, les intervenants et les thématiques.';
/** The visible titles of the listed items (the link text without its hidden day-and-time prefix). */
const linkTitles = (locator) => locator.evaluateAll((links) => links.map((a) => a.textContent.slice(a.querySelector('.visually-hidden')?.textContent.length ?? 0)));
const titles = (page) => linkTitles(page.locator('li.item h3 a'));
/** What « Filtrer » says of itself, open or closed. */
const filterSummary = async (page) => plain(await page.locator('details.filters__more > summary').innerText()).trim();
const toggleFor = (page, title) => page.getByRole('button', { name: `Mon programme : ${title}`, exact: true });

/** What the focused element is, as a person would describe it: its role-ish tag and its text or label. */
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  const visible = e.cloneNode(true);
  for (const hidden of visible.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  const label = e.labels?.[0]?.textContent ?? e.getAttribute('aria-label') ?? visible.textContent;
  return `${e.tagName.toLowerCase()}${e.type ? `[${e.type}]` : ''} ${label.replace(/\s+/g, ' ').trim()}`;
});

/** Presses `key` until focus lands on `target`; fails if it takes more than `max` presses. */
async function pressUntil(page, key, target, max = 40) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    if ((await focused(page)) === target) return i + 1;
  }
  assert.fail(`${key} never reached « ${target} » (last: « ${await focused(page)} »)`);
}

async function open(path, options = {}) {
  const page = await openPage(env, options);
  if (options.now) await page.addInitScript((now) => { window.NEC_NOW = now; }, options.now);
  if (options.programme) {
    await page.route('**/data/programme-2023.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(options.programme) }));
  }
  await page.goto(env.url + path);
  await settled(page);
  return page;
}

/** Parses an .ics download with ical.js and returns its VEVENTs as plain objects. */
async function calendarEvents(download) {
  const text = await readFile(await download.path(), 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: vevent.hasProperty('dtend') ? event.endDate.toJSDate().toISOString() : null,
    };
  });
}

describe('filters and search', () => {
  it('filters by day, theme and format, combined, with the count announced and the URL updated', async () => {
    const page = await open('/programme');
    assert.equal(await count(page), '13 éléments correspondent.');
    await openFilters(page);
    await page.getByRole('group', { name: 'Jours' }).getByLabel(/Jeudi 19 octobre 2023/).check();
    assert.equal(await count(page), '5 éléments correspondent.');
    assert.equal(new URL(page.url()).search, '?jour=2023-10-19');
    assert.equal(await filterSummary(page), 'Filtrer (1 filtre actif)');
    await page.getByRole('group', { name: 'Formats' }).getByLabel('Plénière').check();
    assert.equal(await count(page), '1 élément correspond.');
    assert.equal(await filterSummary(page), 'Filtrer (2 filtres actifs)');
    assert.deepEqual(await titles(page), ['Plénière']);
    assert.equal(new URL(page.url()).search, '?jour=2023-10-19&format=pleniere');
    await page.getByRole('group', { name: 'Formats' }).getByLabel('Plénière').uncheck();
    await page.getByRole('group', { name: 'Thématiques' }).getByLabel('Communs & souveraineté').check();
    assert.equal(await count(page), NOTHING_FOUND, 'the advice is announced with the count');
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    assert.equal(await count(page), '13 éléments correspondent.');
    assert.equal(await filterSummary(page), 'Filtrer');
    assert.equal(new URL(page.url()).search, '');
    assert.equal(await page.getByRole('group', { name: 'Thématiques' }).getByLabel('Communs & souveraineté').isChecked(), false);
    await page.close();
  });

  it('names its filter groups as /integrer does, in the same order (issue 24)', async () => {
    const page = await openPage(env);
    const legends = async (path) => {
      await page.goto(env.url + path);
      await settled(page);
      return page.locator('main fieldset:has(input[type=checkbox]) > legend').allTextContents();
    };
    const expected = ['Jours', 'Thématiques', 'Formats'];
    assert.deepEqual(await legends('/programme'), expected);
    assert.deepEqual(await legends('/integrer'), expected);
    assert.deepEqual(await legends('/en/programme'), ['Days', 'Themes', 'Formats']);
    assert.deepEqual(await legends('/en/integrer'), ['Days', 'Themes', 'Formats']);
    await page.close();
  });

  it('offers the days as a set of links that filter the programme to one day', async () => {
    const page = await open('/programme');
    const days = page.getByRole('navigation', { name: 'Jours du programme' });
    assert.equal(await days.getByRole('link').count(), 3);
    await days.getByRole('link', { name: 'Jeudi 19 octobre (Programme du jeudi)' }).click();
    await page.waitForURL(/jour=2023-10-19/);
    assert.equal(await count(page), '5 éléments correspondent.');
    await openFilters(page);
    assert.ok(await page.getByRole('group', { name: 'Jours' }).getByLabel(/Jeudi 19 octobre 2023/).isChecked());
    await page.close();
  });

  it('searches title, description, speakers and theme, ignoring case and accents', async () => {
    const page = await open('/programme');
    const search = page.getByRole('searchbox', { name: 'Rechercher dans le programme' });
    await search.fill('soiree');
    assert.deepEqual(await titles(page), ['Grande soirée NEC']);
    await search.fill('DEJEUNER');
    assert.deepEqual(await titles(page), ['Déjeuner du jeudi', 'Déjeuner de clôture']);
    await search.fill('beta.gouv');
    assert.deepEqual(await titles(page), ['L’approche Startups d’État auprès des acteurs publics territoriaux']);
    await search.fill('souverainete');
    assert.deepEqual(await titles(page), ['Le programme Accélérateur d’initiatives citoyennes (AIC)'], 'found by its theme name');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'souverainete');
    await page.close();
  });

  it('finds « Écologie & soutenabilité » by typing "ecologie" and « Médiation » by "mediation" (synthetic programme)', async () => {
    const synthetic = syntheticProgramme();
    const page = await open('/programme', { programme: synthetic });
    const search = page.getByRole('searchbox', { name: 'Rechercher dans le programme' });
    await search.fill('ecologie');
    const ecology = synthetic.items.filter((i) => i.theme === 'ecologie-soutenabilite').length;
    assert.equal(await count(page), `${ecology} éléments correspondent — page 1 sur ${Math.ceil(ecology / 15)}.`);
    assert.ok((await titles(page)).every((t) => t.endsWith('Écologie & soutenabilité')));
    await search.fill('mediation');
    assert.ok((await titles(page)).every((t) => t.endsWith('Médiation & compétences numériques')));
    await page.close();
  });

  it('restores the filters from the URL on reload, on Back and from a shared link', async () => {
    const page = await open('/programme');
    await openFilters(page);
    await page.getByRole('group', { name: 'Jours' }).getByLabel(/Vendredi 20 octobre 2023/).check();
    await page.getByRole('searchbox', { name: 'Rechercher dans le programme' }).fill('accueil');
    assert.deepEqual(await titles(page), ['Accueil NEC']);
    const shared = page.url();
    await page.reload();
    await settled(page);
    assert.deepEqual(await titles(page), ['Accueil NEC']);
    assert.equal(await page.getByRole('searchbox', { name: 'Rechercher dans le programme' }).inputValue(), 'accueil');
    await openFilters(page);
    assert.ok(await page.getByRole('group', { name: 'Jours' }).getByLabel(/Vendredi 20 octobre 2023/).isChecked());
    await page.getByRole('group', { name: 'Thématiques' }).getByLabel('Communs & souveraineté').check();
    assert.equal(await count(page), NOTHING_FOUND);
    await page.goBack();
    assert.deepEqual(await titles(page), ['Accueil NEC']);
    await page.goForward();
    assert.equal(await count(page), NOTHING_FOUND);
    const other = await open(new URL(shared).pathname + new URL(shared).search);
    assert.deepEqual(await titles(other), ['Accueil NEC']);
    await other.close();
    await page.close();
  });

  it('links each item to its page, which links back to the list with the same filters', async () => {
    const page = await open('/programme?jour=2023-10-19');
    await page.getByRole('link', { name: /Grande soirée NEC/ }).click();
    await settled(page);
    assert.equal(new URL(page.url()).pathname, '/programme/grande-soiree');
    assert.equal(await page.locator('h1').innerText(), 'Grande soirée NEC');
    assert.equal(await page.title(), 'Grande soirée NEC — Programme 2023 — Numérique en Commun[s]');
    await page.getByRole('link', { name: 'Retour au programme' }).click();
    await settled(page);
    assert.equal(new URL(page.url()).search, '?jour=2023-10-19');
    assert.equal(await count(page), '5 éléments correspondent.');
    const missing = await open('/programme/n-existe-pas');
    assert.equal(await missing.locator('h1').innerText(), 'Élément introuvable');
    await missing.close();
    await page.close();
  });
});

describe('Mon programme', () => {
  it('keeps the chosen items across a reload, in time order', async () => {
    const page = await open('/programme');
    await toggleFor(page, 'Grande soirée NEC').click();
    // Two sessions share the title « Accueil NEC »: their day tells them apart (RGAA 8.6).
    assert.equal(await page.getByRole('button', { name: 'Mon programme : Accueil NEC', exact: true }).count(), 0);
    await toggleFor(page, 'Accueil NEC (jeudi 19 octobre 2023)').click();
    assert.equal(await toggleFor(page, 'Grande soirée NEC').getAttribute('aria-pressed'), 'true');
    await page.waitForFunction(() => document.getElementById('annonces').textContent.replace(/[\u00a0\u202f]/g, ' ') === '« Accueil NEC » (jeudi 19 octobre 2023) ajouté à mon programme.');
    await page.reload();
    await settled(page);
    assert.equal(await toggleFor(page, 'Grande soirée NEC').getAttribute('aria-pressed'), 'true');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon programme' }).click();
    await settled(page);
    const listed = await linkTitles(page.locator('li.item h2 a'));
    assert.deepEqual(listed, ['Accueil NEC', 'Grande soirée NEC']);
    await toggleFor(page, 'Accueil NEC (jeudi 19 octobre 2023)').click();
    assert.deepEqual(await linkTitles(page.locator('li.item h2 a')), ['Grande soirée NEC']);
    assert.deepEqual(await axeViolations(page), [], 'filled agenda');
    await page.close();
  });

  it('warns about overlaps, including the evening that ends after midnight', async () => {
    const changed = structuredClone(programme);
    changed.items.push({ ...changed.items.find((i) => i.id === 'accueil-vendredi'), id: 'apres-minuit', title: 'Atelier de nuit (test)', start: '2023-10-20T00:30:00+02:00', end: '2023-10-20T02:00:00+02:00' });
    const page = await open('/programme', { programme: changed });
    await toggleFor(page, 'Grande soirée NEC').click();
    await toggleFor(page, 'Atelier de nuit (test)').click();
    await toggleFor(page, 'Déjeuner de clôture').click();
    await page.goto(`${env.url}/mon-programme`);
    await settled(page);
    const warning = page.getByRole('note');
    assert.equal(await warning.getByRole('heading').innerText(), 'Attention\u00a0: horaires qui se chevauchent');
    assert.deepEqual((await warning.locator('li').allInnerTexts()).map(plain), ['« Grande soirée NEC » (19 octobre, 19 h 00 – 1 h 00) et « Atelier de nuit (test) » (20 octobre, 0 h 30 – 2 h 00)']);
    await page.close();
  });

  it('shares a selection by link; opening it offers an import and never overwrites silently', async () => {
    const page = await open('/programme');
    await toggleFor(page, 'Plénière').click();
    await toggleFor(page, 'Déjeuner de clôture').click();
    await page.goto(`${env.url}/mon-programme`);
    await settled(page);
    const link = await page.getByRole('textbox', { name: 'Lien de partage de mon programme' }).inputValue();
    assert.equal(new URL(link).search, '?partage=pleniere-jeudi%2Cdejeuner-cloture');

    const friend = await open('/programme');
    await toggleFor(friend, 'Grande soirée NEC').click();
    await friend.goto(link.replace(new URL(link).origin, env.url));
    await settled(friend);
    const shared = friend.getByRole('region', { name: 'Programme partagé avec vous' });
    assert.match(await shared.innerText(), /Plénière/);
    assert.match(await shared.innerText(), /Déjeuner de clôture/);
    const own = async () => linkTitles(friend.locator('li.item h2 a'));
    assert.deepEqual(await own(), ['Grande soirée NEC'], 'nothing imported yet');
    await shared.getByRole('button', { name: 'Ajouter à mon programme' }).click();
    await settled(friend);
    assert.deepEqual(await own(), ['Plénière', 'Grande soirée NEC', 'Déjeuner de clôture']);
    assert.equal(new URL(friend.url()).search, '', 'the share parameter is gone once imported');
    await friend.close();
    await page.close();
  });

  it('exports the agenda and a single item as valid iCalendar with UTC times and stable UIDs', async () => {
    const page = await open('/programme');
    await toggleFor(page, 'Grande soirée NEC').click();
    await toggleFor(page, 'Déjeuner de clôture').click();
    await toggleFor(page, 'Le programme Accélérateur d’initiatives citoyennes (AIC)').click();
    await page.goto(`${env.url}/mon-programme`);
    await settled(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger mon programme pour mon agenda, à ses dates passées (.ics)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'nec-2023-mon-programme.ics');
    const events = await calendarEvents(download);
    assert.deepEqual(events.map((e) => e.summary), ['Grande soirée NEC', 'Déjeuner de clôture'], 'the untimed AIC session is not exported');
    assert.deepEqual(events[0], {
      uid: 'nec-2023-grande-soiree@numerique-en-communs.fr',
      summary: 'Grande soirée NEC',
      start: '2023-10-19T17:00:00.000Z',
      end: '2023-10-19T23:00:00.000Z',
    });

    await page.goto(`${env.url}/programme/grande-soiree`);
    await settled(page);
    const [single] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Garder dans mon agenda, à sa date passée (fichier .ics)' }).click(),
    ]);
    assert.equal(single.suggestedFilename(), 'nec-2023-grande-soiree.ics');
    assert.deepEqual(await calendarEvents(single), [events[0]]);
    await page.goto(`${env.url}/programme/accueil-jeudi`);
    await settled(page);
    const [welcome] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /fichier \.ics/ }).click()]);
    assert.equal((await calendarEvents(welcome))[0].end, null, 'no invented end time');
    await page.close();
  });
});

describe('Mon programme keeps focus and can undo', () => {
  it('moves focus to the count, then to the title, when the focused item is taken out (never to <body>)', async () => {
    const page = await open('/programme');
    await toggleFor(page, 'Plénière').click();
    await toggleFor(page, 'Déjeuner de clôture').click();
    await page.goto(`${env.url}/mon-programme`);
    await settled(page);
    // The app moves focus on the next animation frame (`focus_if_lost`): until then it is on a
    // reused button of the list, not on <body>, so wait for two frames before reading it.
    const nextFrames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await toggleFor(page, 'Plénière').focus();
    await page.keyboard.press('Enter');
    await nextFrames();
    assert.equal(await focused(page), 'p 1 élément choisi.');
    await toggleFor(page, 'Déjeuner de clôture').focus();
    await page.keyboard.press('Space');
    await nextFrames();
    assert.equal(await focused(page), 'h1 Mon programme', 'the list is gone: back to the page title');
    await page.close();
  });

  it('imports a shared selection in words that agree with their number', async () => {
    const page = await open('/mon-programme?partage=pleniere-jeudi,atelier-disparu');
    const shared = page.getByRole('region', { name: 'Programme partagé avec vous' });
    assert.match(await shared.innerText(), /1 élément du lien n’est pas dans le programme actuel\s; il ne sera pas importé\s:/);
    await shared.getByRole('button', { name: 'Importer dans mon programme' }).click();
    await page.waitForFunction(() => document.getElementById('annonces').textContent.replace(/[\u00a0\u202f]/g, ' ') === 'Programme partagé importé : 1 élément ajouté.');
    assert.match(await page.getByRole('main').innerText(), /Le fichier contient le seul élément dont l’horaire est connu, à l’heure de Paris\./);
    await page.close();
  });

  it('replaces the selection by a shared one only with a way back', async () => {
    const page = await open('/programme');
    await toggleFor(page, 'Grande soirée NEC').click();
    await page.goto(`${env.url}/mon-programme?partage=pleniere-jeudi`);
    await settled(page);
    await page.getByRole('button', { name: 'Remplacer mon programme par celui-ci' }).click();
    const own = () => linkTitles(page.locator('li.item h2 a'));
    await page.waitForFunction(() => document.activeElement !== document.body);
    assert.deepEqual(await own(), ['Plénière']);
    const notice = page.getByRole('status').filter({ hasText: 'remplacé' });
    assert.match(await notice.innerText(), /Votre programme a été remplacé par le programme partagé\./);
    await notice.getByRole('button', { name: 'Rétablir mon programme précédent' }).click();
    assert.deepEqual(await own(), ['Grande soirée NEC']);
    assert.equal(await notice.count(), 0);
    await page.waitForFunction(() => document.getElementById('annonces').textContent.replace(/[\u00a0\u202f]/g, ' ') === 'Votre programme précédent est rétabli.');
    await page.reload();
    await settled(page);
    assert.deepEqual(await own(), ['Grande soirée NEC'], 'the restored selection is kept');
    await page.close();
  });
});

describe('now and next', () => {
  it('shows what is on and what comes next by an injected clock', async () => {
    const night = await open('/programme', { now: '2023-10-20T00:30:00+02:00' });
    const block = night.getByRole('region', { name: 'En ce moment' });
    const text = await block.innerText();
    assert.match(text, /Il est 0\sh\s30, heure de Paris\./);
    assert.match(text, /En cours\s:\s+Grande soirée NEC/);
    assert.match(text, /Ensuite, à 9\sh\s00\s:\s+Accueil NEC/);
    await night.close();
    const before = await open('/programme', { now: '2023-09-01T10:00:00+02:00' });
    assert.equal(await before.getByRole('region', { name: 'En ce moment' }).count(), 0);
    await before.close();
  });
});

describe('the programme first on a phone (issue 25)', () => {
  it('at 390 × 844, shows the search field in the first screen and the first session within a screen and a half', async () => {
    const page = await open('/programme', { viewport: { width: 390, height: 844 } });
    const top = (locator) => locator.evaluate((e) => e.getBoundingClientRect().top + scrollY);
    assert.ok(await top(page.getByRole('searchbox', { name: 'Rechercher dans le programme' })) < 844, 'the search field in the first screen');
    const first = await top(page.locator('li.item h3').first());
    assert.ok(first <= 1.5 * 844, `the first session heading at ${first} px`);
    assert.equal(await page.getByRole('navigation', { name: 'Jours du programme' }).getByRole('link').count(), 3, 'the day links kept');
    // The 17 check boxes wait behind « Filtrer », closed.
    assert.equal(await page.locator('details.filters__more').evaluate((d) => d.open), false);
    assert.equal(await page.getByRole('checkbox').filter({ visible: true }).count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  it('on a wide screen, holds the site name, navigation, language and theme on one line', async () => {
    const page = await open('/programme', { viewport: { width: 1280, height: 900 } });
    const banner = page.getByRole('banner');
    const boxes = await Promise.all([
      banner.getByRole('link', { name: 'Numérique en Commun[s]' }),
      banner.getByRole('navigation'),
      banner.getByRole('link', { name: 'English', exact: true }),
      banner.getByRole('combobox', { name: 'Thème' }),
    ].map((locator) => locator.first().boundingBox()));
    const [lowestTop, highestBottom] = [Math.max(...boxes.map((b) => b.y)), Math.min(...boxes.map((b) => b.y + b.height))];
    assert.ok(lowestTop < highestBottom, `one line: ${JSON.stringify(boxes.map((b) => [Math.round(b.y), Math.round(b.height)]))}`);
    await page.close();
  });
});

describe('a past edition told as past (issue 25)', () => {
  const CLOCKS = { before: '2023-09-01T10:00:00+02:00', during: '2023-10-19T10:00:00+02:00', after: '2026-12-06T15:00:00+01:00' };
  const notice = async (page) => plain(await page.locator('main .notice').first().innerText());

  for (const [phase, now] of Object.entries(CLOCKS)) {
    it(`says where the edition stands ${phase} it, by the visitor's clock`, async () => {
      const page = await open('/programme', { now });
      // The pages are written at build time, after the edition: by another clock, the app corrects them.
      assert.equal(await page.locator('main [data-phase]').getAttribute('data-phase'), phase);
      const over = phase === 'after';
      const said = await notice(page);
      assert.equal(said.startsWith('Cette édition a eu lieu du 18 au 20 octobre 2023. '), over, said);
      assert.match(said, /Programme annoncé le 26 juillet 2023, alors « en cours de construction »/);
      assert.equal(await page.getByRole('region', { name: 'En ce moment' }).count(), phase === 'during' ? 1 : 0);

      await page.goto(`${env.url}/infos-pratiques`);
      await settled(page);
      assert.equal(await page.getByRole('link', { name: 'S’inscrire seul' }).count(), over ? 0 : 1);
      assert.equal(await page.getByText('Les inscriptions sont closes : cette édition est passée.').count(), over ? 1 : 0);

      await page.goto(`${env.url}/programme/grande-soiree`);
      await settled(page);
      const calendar = over ? 'Garder dans mon agenda, à sa date passée (fichier .ics)' : 'Ajouter à mon agenda (fichier .ics)';
      assert.equal(await page.getByRole('link', { name: calendar }).count(), 1);
      assert.deepEqual(panics(page), []);
      await page.close();
    });
  }

  it('says a time the sources do not give is not given, whatever the clock', async () => {
    const page = await open('/programme/dinum-accelerateur-initiatives-citoyennes');
    const facts = plain(await page.locator('main dl').innerText());
    assert.match(facts, /Horaire\s+Horaire non précisé\s/);
    assert.doesNotMatch(facts, /non précisé \(heure de Paris\)/, 'no time zone for a time not given');
    assert.equal(await page.getByText(/à préciser/).count(), 0);
    await page.close();
  });
});

describe('keyboard only', () => {
  it('searches, filters, opens an item and adds it to Mon programme with the keyboard alone', async () => {
    const page = await open('/programme');
    await page.getByRole('searchbox', { name: 'Rechercher dans le programme' }).focus();
    await page.keyboard.type('accueil');
    assert.equal(await count(page), '2 éléments correspondent.');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'summary Filtrer');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.match(await page.evaluate(() => document.activeElement.parentElement.textContent), /Vendredi 20 octobre/);
    await page.keyboard.press('Space');
    assert.equal(await count(page), '1 élément correspond.');
    const link = page.getByRole('link', { name: /Accueil NEC/ });
    await link.focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'false');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true', 'focus stays on the toggle');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), 'Accueil NEC (vendredi 20 octobre 2023)', 'its day tells it from Thursday’s');
    assert.equal(await page.title(), 'Accueil NEC (vendredi 20 octobre 2023) — Programme 2023 — Numérique en Commun[s]');
    assert.equal(await toggleFor(page, 'Accueil NEC (vendredi 20 octobre 2023)').getAttribute('aria-pressed'), 'true');
    assert.deepEqual(panics(page), []);
    await page.close();
  });
});

describe('keyboard-only journey', () => {
  it('opens the programme, filters, searches, adds two items, opens Mon programme and exports it', async () => {
    const page = await open('/');
    await pressUntil(page, 'Tab', 'a Programme', 8);
    await page.keyboard.press('Enter');
    await settled(page);
    assert.equal(await focused(page), 'h1 Programme 2023', 'focus starts the new page at its title');

    await pressUntil(page, 'Tab', 'summary Filtrer');
    await page.keyboard.press('Enter');
    await pressUntil(page, 'Tab', 'input[checkbox] Plénière');
    await page.keyboard.press('Space');
    assert.equal(await count(page), '1 élément correspond.');
    await page.keyboard.press('Space');
    assert.equal(await count(page), '13 éléments correspondent.');

    await pressUntil(page, 'Shift+Tab', 'input[search] Rechercher dans le programme');
    await page.keyboard.type('dejeuner');
    assert.equal(await count(page), '2 éléments correspondent.');
    await pressUntil(page, 'Tab', 'button[button] Mon programme : Déjeuner du jeudi');
    await page.keyboard.press('Space');
    await pressUntil(page, 'Tab', 'button[button] Mon programme : Déjeuner de clôture');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true', 'focus stays on the toggle');

    await pressUntil(page, 'Shift+Tab', 'a Mon programme', 60);
    await page.keyboard.press('Enter');
    await settled(page);
    assert.equal(await focused(page), 'h1 Mon programme');
    assert.deepEqual(await linkTitles(page.locator('li.item h2 a')), ['Déjeuner du jeudi', 'Déjeuner de clôture']);

    await pressUntil(page, 'Tab', 'a Télécharger mon programme pour mon agenda, à ses dates passées (.ics)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(download.suggestedFilename(), 'nec-2023-mon-programme.ics');
    assert.deepEqual((await calendarEvents(download)).map((e) => e.summary), ['Déjeuner de clôture'], 'the lunch without a time is not exported');
    assert.deepEqual(panics(page), []);
    await page.close();
  });
});

describe('print, scale and accessibility', () => {
  it('prints without controls and never splits an item', async () => {
    const page = await open('/programme');
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => ['.filters', '.toggle', '.site-header nav'].map((s) => getComputedStyle(document.querySelector(s)).display));
    assert.deepEqual(hidden, ['none', 'none', 'none']);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('li.item')).breakInside), 'avoid');
    await page.close();
  });

  it('renders 500 synthetic items a page at a time, under 300 DOM elements, and pages by keyboard', async () => {
    const page = await open('/programme', { programme: syntheticProgramme(), viewport: { width: 390, height: 844 } });
    assert.equal(await count(page), '500 éléments correspondent — page 1 sur 34.');
    // What the browser lays out: the body (the head's metadata, crates/nec-data/src/site/, is not rendered).
    const elements = () => page.evaluate(() => [...document.body.getElementsByTagName('*')].filter((e) => !e.parentElement?.closest('svg')).length);
    assert.ok((await elements()) <= 300, `${await elements()} elements`);
    await page.getByRole('link', { name: 'Page suivante' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('result-count'));
    assert.equal(await count(page), '500 éléments correspondent — page 2 sur 34.');
    assert.equal(new URL(page.url()).searchParams.get('page'), '2');
    assert.ok((await elements()) <= 300);
    await page.close();
  });

  // Every route's plain state is scanned in a11y.test.mjs; these are the states only reached here.
  for (const [path, setup] of [['/mon-programme?partage=grande-soiree', null], ['/programme', 'now']]) {
    it(`${path}${setup ? ' (during the event)' : ''} has no axe-core violation`, async () => {
      const page = await open(path, setup ? { now: '2023-10-19T20:00:00+02:00' } : {});
      assert.deepEqual(await axeViolations(page), []);
      await page.close();
    });
  }
});
