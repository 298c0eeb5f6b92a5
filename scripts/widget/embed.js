// Numérique en Commun[s]: the iframe page of the partner widget (/embed/<view>.html, for sites
// that strip scripts). The query's options become the element's attributes, and each change of
// the page's height is posted to the parent: { type: 'nec-widget:height', height } (pixels).
// The parent must check the message's origin (see the listener on the site's /integrer page).
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
main.append(widget);
await import('/widget.js');

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
