// The strict Content-Security-Policy the site runs under (issue 9), written out here on its own:
// the tests check that deploy/nec-web-headers.conf, hence nginx, and the README send this one.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' 'sha256-dYyC6LuN+VT0IPJ52Xx5oNik73gVoX0uKeaeFwcV17s='",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A partner's strict policy for the widget tests: its own origin and the NEC site `nec`, nothing else. */
export function partnerCsp(nec) {
  return [
    "default-src 'self'",
    `script-src 'self' ${nec} 'wasm-unsafe-eval'`,
    `style-src 'self' ${nec}`,
    `connect-src 'self' ${nec}`,
    "img-src 'self' data:",
    `frame-src ${nec}`,
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}
