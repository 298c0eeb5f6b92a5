// The release build's JavaScript minifier (terser, pinned in tests/package.json): the
// wasm-bindgen glue, the boot module and the widget's loader, which Trunk leaves as written.
// Names and behaviour are kept; only whitespace, comments and local names go.
import { tool } from './tools.mjs';

const { minify: terser } = await tool('terser');

/** `code`, an ES module, minified; throws if terser cannot read it. */
export async function minify(code) {
  const { code: out } = await terser(code, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return out;
}
