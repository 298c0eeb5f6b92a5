// A SYNTHETIC programme for scale tests only — never shipped, never in public/data: 500 made-up
// items, 260 made-up speakers, 3 days, 5 themes and 6 formats, built from the real file's
// metadata so it passes the same validation. Deterministic: the same input gives the same file.
import { readFileSync } from 'node:fs';

const fr = (text) => text?.fr ?? text;

export function syntheticProgramme({ items = 500, speakers = 260 } = {}) {
  const real = JSON.parse(readFileSync(new URL('../../public/data/programme-2023.json', import.meta.url), 'utf8'));
  const source = real.sources[1].id;
  const formats = [
    ...real.formats,
    { id: 'table-ronde-fictive', name: 'Table ronde (fictive)', durations_minutes: [60], sources: [source] },
  ];
  const people = Array.from({ length: speakers }, (_, i) => `Intervenant·e fictif·ve ${String(i + 1).padStart(3, '0')}`);
  const generated = Array.from({ length: items }, (_, i) => {
    const day = real.days[i % real.days.length].date;
    const theme = real.themes[i % real.themes.length];
    const format = formats[i % formats.length];
    const minutes = format.durations_minutes[0];
    const startMinutes = 9 * 60 + (Math.floor(i / real.days.length) % 18) * 30;
    const time = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
    return {
      id: `synthetique-${String(i + 1).padStart(3, '0')}`,
      title: `Session fictive ${i + 1} : ${fr(theme.name)}`,
      kind: 'session',
      day,
      start: `${day}T${time(startMinutes)}+02:00`,
      end: `${day}T${time(startMinutes + minutes)}+02:00`,
      format: format.id,
      theme: theme.id,
      description: `Élément synthétique pour les tests de charge, thématique « ${fr(theme.name)} », format « ${fr(format.name)} ».`,
      speakers: [people[i % speakers], people[(i * 7 + 3) % speakers]],
      access: 'registration',
      sources: [source],
    };
  });
  return { ...real, formats, items: generated };
}
