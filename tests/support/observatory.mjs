// The rules of the MDN HTTP Observatory (v2, github.com/mdn/mdn-http-observatory: the analyzer's
// tests in src/analyzer/tests/ and the modifiers of src/grader/charts.js), written out for what
// the site can be graded on: each test's result and modifier, read from real responses, then the
// score and grade. Not a copy of its code: the same rules, for the headers this host sends.
//
// Scoring: 100, plus every penalty; then, if that is 90 or more, every bonus. Grade: A+ from
// 100, A from 90, A- 85, B+ 80, B 70, B- 65, C+ 60, C 50, C- 45, D+ 40, D 30, D- 25, else F.

const BROAD = new Set(['ftp:', 'http:', 'https:', '*', 'http://*', 'http://*.*', 'https://*', 'https://*.*']);
const UNSAFE_INLINE = new Set(["'unsafe-inline'", 'data:']);
const MODIFIERS = {
  'csp-implemented-with-no-unsafe-default-src-none': 10,
  'csp-implemented-with-no-unsafe': 5,
  'csp-implemented-with-unsafe-inline-in-style-src-only': 0,
  'csp-implemented-with-insecure-scheme-in-passive-content-only': -10,
  'csp-implemented-with-unsafe-eval': -10,
  'csp-implemented-with-unsafe-inline': -20,
  'csp-implemented-with-insecure-scheme': -20,
  'csp-not-implemented': -25,
  'cookies-not-found': 0,
  'cookies-set': null, // any cookie: its own rules, which this site never needs (it sets none)
  'cross-origin-resource-sharing-not-implemented': 0,
  'cross-origin-resource-sharing-implemented-with-public-access': 0,
  'cross-origin-resource-sharing-implemented-with-universal-access': -50,
  'redirection-to-https': 0,
  'redirection-off-host-from-http': -5,
  'redirection-not-to-https': -20,
  'redirection-missing': -20,
  'referrer-policy-private': 5,
  'referrer-policy-not-implemented': 0,
  'referrer-policy-unsafe': -5,
  'referrer-policy-header-invalid': -5,
  'hsts-implemented-max-age-at-least-six-months': 0,
  'hsts-implemented-max-age-less-than-six-months': -10,
  'hsts-not-implemented': -20,
  'hsts-header-invalid': -20,
  'sri-implemented-and-all-scripts-loaded-securely': 5,
  'sri-not-implemented-but-all-scripts-loaded-from-secure-origin': 0,
  'sri-not-implemented-but-no-scripts-loaded': 0,
  'sri-not-implemented-but-external-scripts-loaded-securely': -5,
  'sri-not-implemented-and-external-scripts-not-loaded-securely': -50,
  'x-content-type-options-nosniff': 0,
  'x-content-type-options-not-implemented': -5,
  'x-content-type-options-header-invalid': -5,
  'x-frame-options-implemented-via-csp': 5,
  'x-frame-options-sameorigin-or-deny': 0,
  'x-frame-options-not-implemented': -20,
  'x-frame-options-header-invalid': -20,
  'corp-implemented-with-same-origin': 10,
  'corp-implemented-with-same-site': 10,
  'corp-implemented-with-cross-origin': 0,
  'corp-not-implemented': 0,
  'corp-header-invalid': -5,
};

/** A CSP header as a map of directive → set of sources (the first of a repeated directive wins). */
export function parseCsp(value) {
  const policy = new Map();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), new Set(sources.map((s) => (s.startsWith("'") ? s.toLowerCase() : s))));
  }
  return policy;
}

function csp(value, https) {
  if (!value) return 'csp-not-implemented';
  const policy = parseCsp(value);
  const script = new Set(policy.get('script-src') ?? policy.get('default-src') ?? ['*']);
  const object = policy.get('object-src') ?? policy.get('default-src') ?? new Set(['*']);
  const style = policy.get('style-src') ?? policy.get('default-src') ?? new Set(['*']);
  const hashed = [...script].some((s) => /^'(sha256|sha384|sha512|nonce)-/.test(s));
  if (hashed) script.delete("'unsafe-inline'");
  const active = [...policy].filter(([d]) => !['img-src', 'media-src', 'script-src'].includes(d)).flatMap(([, s]) => [...s]).concat([...script]);
  const passive = ['img-src', 'media-src'].flatMap((d) => [...(policy.get(d) ?? policy.get('default-src') ?? [])]);
  const insecure = (s) => s.startsWith('http:') || s.startsWith('ftp:');
  if ([...script].some((s) => BROAD.has(s) || UNSAFE_INLINE.has(s)) || [...object].some((s) => BROAD.has(s))) return 'csp-implemented-with-unsafe-inline';
  if (https && active.some(insecure)) return 'csp-implemented-with-insecure-scheme';
  if (script.has("'unsafe-eval'") || style.has("'unsafe-eval'")) return 'csp-implemented-with-unsafe-eval';
  if (https && passive.some(insecure)) return 'csp-implemented-with-insecure-scheme-in-passive-content-only';
  if ([...style].some((s) => BROAD.has(s) || UNSAFE_INLINE.has(s))) return 'csp-implemented-with-unsafe-inline-in-style-src-only';
  const defaults = policy.get('default-src');
  return defaults?.size === 1 && defaults.has("'none'") ? 'csp-implemented-with-no-unsafe-default-src-none' : 'csp-implemented-with-no-unsafe';
}

function hsts(value) {
  if (!value) return 'hsts-not-implemented';
  const age = value.match(/(?:^|;)\s*max-age\s*=\s*"?(\d+)"?\s*(?:;|$)/i);
  if (!age) return 'hsts-header-invalid';
  return Number(age[1]) >= 15768000 ? 'hsts-implemented-max-age-at-least-six-months' : 'hsts-implemented-max-age-less-than-six-months';
}

function referrer(value) {
  if (!value) return 'referrer-policy-not-implemented';
  // The last valid token is the one browsers apply.
  const tokens = value.split(',').map((t) => t.trim().toLowerCase());
  const privateOnes = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];
  const unsafe = ['origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade'];
  const known = tokens.filter((t) => privateOnes.includes(t) || unsafe.includes(t));
  if (known.length === 0) return 'referrer-policy-header-invalid';
  return privateOnes.includes(known.at(-1)) ? 'referrer-policy-private' : 'referrer-policy-unsafe';
}

/** The scripts of an HTML page: every `<script src>` and whether it has an integrity attribute. */
function sri(html, pageUrl) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map(([, attributes]) => attributes).filter((a) => /\bsrc\s*=/i.test(a));
  if (scripts.length === 0) return 'sri-not-implemented-but-no-scripts-loaded';
  const page = new URL(pageUrl);
  const sources = scripts.map((a) => ({ url: new URL(a.match(/\bsrc\s*=\s*"?([^"\s>]+)/i)[1], page), integrity: /\bintegrity\s*=/i.test(a) }));
  const similar = (u) => u.hostname === page.hostname; // same host, any port (the Observatory's "similar origin")
  if (sources.every((s) => s.integrity) && sources.every((s) => s.url.protocol === 'https:' || similar(s.url))) return 'sri-implemented-and-all-scripts-loaded-securely';
  if (sources.every((s) => similar(s.url))) return 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin';
  const external = sources.filter((s) => !similar(s.url));
  return external.every((s) => s.url.protocol === 'https:') ? 'sri-not-implemented-but-external-scripts-loaded-securely' : 'sri-not-implemented-and-external-scripts-not-loaded-securely';
}

/**
 * Grades a site as the Observatory would from: `page`, the HTTPS response of its home page
 * ({ url, headers (lower-case names), body }); `cors`, the response of the same page asked with
 * an `Origin` of another site; `http`, the response of its http:// address (not followed).
 * Resolves to { tests: { name: { result, modifier } }, score, grade }.
 */
export function grade({ page, cors, http }) {
  const h = page.headers;
  const corpValue = (h['cross-origin-resource-policy'] ?? '').trim().toLowerCase();
  const xfo = (h['x-frame-options'] ?? '').trim().toLowerCase();
  const allowOrigin = cors.headers['access-control-allow-origin'];
  const location = http.headers.location ? new URL(http.headers.location, http.url) : null;
  const tests = {
    'content-security-policy': csp(h['content-security-policy'], new URL(page.url).protocol === 'https:'),
    cookies: h['set-cookie'] ? 'cookies-set' : 'cookies-not-found',
    'cross-origin-resource-sharing': !allowOrigin ? 'cross-origin-resource-sharing-not-implemented'
      : allowOrigin === '*' || cors.headers['access-control-allow-credentials'] !== 'true' ? 'cross-origin-resource-sharing-implemented-with-public-access'
        : 'cross-origin-resource-sharing-implemented-with-universal-access',
    redirection: !location || ![301, 302, 307, 308].includes(http.status) ? 'redirection-missing'
      : location.protocol !== 'https:' ? 'redirection-not-to-https'
        : location.hostname !== new URL(http.url).hostname ? 'redirection-off-host-from-http' : 'redirection-to-https',
    'referrer-policy': referrer(h['referrer-policy']),
    'strict-transport-security': hsts(h['strict-transport-security']),
    'subresource-integrity': sri(page.body, page.url),
    'x-content-type-options': !h['x-content-type-options'] ? 'x-content-type-options-not-implemented'
      : h['x-content-type-options'].trim().toLowerCase() === 'nosniff' ? 'x-content-type-options-nosniff' : 'x-content-type-options-header-invalid',
    'x-frame-options': h['content-security-policy'] && parseCsp(h['content-security-policy']).has('frame-ancestors') ? 'x-frame-options-implemented-via-csp'
      : !xfo ? 'x-frame-options-not-implemented' : ['deny', 'sameorigin'].includes(xfo) ? 'x-frame-options-sameorigin-or-deny' : 'x-frame-options-header-invalid',
    'cross-origin-resource-policy': !corpValue ? 'corp-not-implemented'
      : { 'same-origin': 'corp-implemented-with-same-origin', 'same-site': 'corp-implemented-with-same-site', 'cross-origin': 'corp-implemented-with-cross-origin' }[corpValue] ?? 'corp-header-invalid',
  };
  const scored = Object.fromEntries(Object.entries(tests).map(([name, result]) => [name, { result, modifier: MODIFIERS[result] }]));
  const modifiers = Object.values(scored).map((t) => t.modifier ?? Number.NaN);
  const penalised = 100 + modifiers.filter((m) => m < 0).reduce((a, b) => a + b, 0);
  const score = Math.max(0, penalised >= 90 ? penalised + modifiers.filter((m) => m > 0).reduce((a, b) => a + b, 0) : penalised);
  return { tests: scored, score, grade: gradeOf(score) };
}

/** The letter for a score (src/grader/charts.js: rounded down to a multiple of 5, capped at 100). */
export function gradeOf(score) {
  const chart = [[100, 'A+'], [90, 'A'], [85, 'A-'], [80, 'B+'], [70, 'B'], [65, 'B-'], [60, 'C+'], [50, 'C'], [45, 'C-'], [40, 'D+'], [30, 'D'], [25, 'D-'], [0, 'F']];
  return chart.find(([min]) => score >= min)[1];
}
