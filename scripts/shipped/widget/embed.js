// Numérique en Commun[s]: the iframe page of the partner widget (/embed/<view>.html, for sites
// that strip scripts). The query's options become the element's attributes, and each change of
// the page's height is posted to the parent: { type: 'nec-widget:height', height } (pixels).
// The parent must check the message's origin (see the listener on the site's /integrer page).
// widget.js is imported statically: the module graph then runs before the document's load, and
// the painted view (French, in widget.js itself) is in the page when a screen reader sums it up
// on load (« La page possède 3 points de repère… »). Imported dynamically, it could come after.
import '/widget.js';

const OPTIONS = ['theme', 'day', 'format', 'heading-level', 'data-src', 'lang'];
const main = document.querySelector('main');
const widget = document.createElement('nec-widget');
widget.setAttribute('view', main.dataset.view);
widget.setAttribute('heading-level', '1');
const query = new URLSearchParams(location.search);
for (const name of OPTIONS) {
  const values = query.getAll(name);
  if (values.length) widget.setAttribute(name, values.join(' '));
}
// The page speaks the widget's language: French, or English with ?lang=en (as src/locale.rs
// reads it: the primary subtag). Its title is then the English one that scripts/build-widget.mjs
// wrote beside the French.
if ((query.get('lang') ?? '').trim().split(/[-_]/)[0].toLowerCase() === 'en') {
  document.documentElement.lang = 'en';
  document.title = main.dataset.titleEn || document.title;
  document.querySelector('noscript')?.setAttribute('lang', 'fr');
}
main.append(widget);

if (window.parent !== window) {
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'nec-widget:height', height }, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
}
