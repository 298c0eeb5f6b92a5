// Numérique en Commun[s]: the partner widget's loader (widget.js, written by
// scripts/build-widget.mjs from this template). Include it once, then put
// <nec-widget view="programme"></nec-widget> where the widget goes; see the site's /integrer page.
// It defines one global, NecWidget, and one element, <nec-widget>; it loads its wasm only when
// a first element is on the page, and never touches the page outside its elements.
const here = new URL('./', import.meta.url);
const files = { glue: '__GLUE__', wasm: '__WASM__', css: '__CSS__' };

if (!globalThis.NecWidget) {
  const api = {
    version: '__VERSION__',
    css: new URL(files.css, here).href,
    site: here.href.replace(/\/$/, ''),
    data: new URL('data/', here).href,
    // Elements waiting for the wasm; it mounts them, then replaces `mount` with its own.
    queue: [],
    mount: null,
  };
  Object.defineProperty(globalThis, 'NecWidget', { value: api });

  // Said inside the element itself when the wasm cannot load (network, or the host's CSP).
  const failed = (element) => {
    if (element.shadowRoot) return;
    const root = element.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.textContent = 'Ce contenu de Numérique en Commun[s] n’a pas pu se charger. ';
    const a = document.createElement('a');
    a.href = api.site + '/';
    a.textContent = 'Le voir sur le site de Numérique en Commun[s]';
    p.append(a);
    root.append(p);
  };

  let loading = null;
  const load = () => {
    loading ??= import(new URL(files.glue, here).href)
      .then((glue) => glue.default({ module_or_path: new URL(files.wasm, here).href }))
      .catch((error) => {
        console.error('NecWidget : chargement impossible', error);
        api.queue.splice(0).forEach(failed);
      });
    return loading;
  };

  customElements.get('nec-widget') ?? customElements.define('nec-widget', class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      if (api.mount) {
        api.mount(this);
      } else {
        api.queue.push(this);
        load();
      }
    }
  });
}
