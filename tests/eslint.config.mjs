// ESLint for every JavaScript file of the repository (issue 24): what ships to browsers
// (scripts/shipped/), the build's scripts (scripts/*.mjs) and the tests. Run from the repository's
// root by scripts/test.sh: `tests/node_modules/.bin/eslint --config tests/eslint.config.mjs`.
import js from '@eslint/js';
import globals from 'globals';

export default [
  // docs/spikes/: research code kept to be run again by hand (its README), never shipped nor tested.
  { ignores: ['dist/**', '**/target/**', '**/node_modules/**', 'tests/fixtures/**', 'docs/spikes/**'] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unused-vars': ['error', { caughtErrors: 'none' }],
      // `catch {}`: storage or a cache the browser refuses is not an error; the page goes on.
      'no-empty': ['error', { allowEmptyCatch: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  // What runs in a visitor's browser: modules (the boot module, the widget's loader and iframe
  // page) and one classic script pasted by partners (the height listener).
  { files: ['scripts/shipped/**/*.js'], languageOptions: { sourceType: 'module', globals: globals.browser } },
  { files: ['scripts/shipped/widget/height-listener.js'], languageOptions: { sourceType: 'script' } },
  { files: ['scripts/shipped/sw.js'], languageOptions: { sourceType: 'script', globals: globals.serviceworker } },
  // Node: the build and the tests; a test's functions run in the page (page.evaluate) too.
  { files: ['scripts/**/*.mjs'], languageOptions: { globals: globals.node } },
  { files: ['scripts/prerender.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ['tests/**/*.mjs', 'tests/**/*.js'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
];
