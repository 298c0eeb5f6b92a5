// Numérique en Commun[s]: the partner widget's loader (widget.js, written by
// scripts/build-widget.mjs from this template, its views by scripts/prerender.mjs). Include it
// once, then put <nec-widget view="programme"></nec-widget> where the widget goes; see the site's
// /integrer page. It defines one global, NecWidget, and one element, <nec-widget>, and never
// touches the page outside its elements.
//
// Content first, as the site's pages: each view, as the build rendered it with the bundled data,
// is painted into the element's shadow root at once, with the widget's style sheet, from this
// file alone. The wasm (and the data) load when the visitor reaches for the widget, and it takes
// over in place (crates/nec-widget/src/lib.rs). An element the build could not render as is (filters, its
// own data-src, a wrong attribute) loads the wasm at once, as before.
const here = new URL('./', import.meta.url);
// Each view's own wasm and glue (scripts/build-widget.mjs): a page loads those of its views only.
const FILES = __FILES__;
const CSS = __CSS_TEXT__;
// The views at heading level 2, filled in by prerender.mjs: the programme in French, the default,
// here ("programme.fr" → its HTML); each other view in its own small module (→ its file name),
// so a page downloads only the views it shows.
const PAINTED = __PAINTED__;
const PAINTS = __PAINTS__;

if (!globalThis.NecWidget) {
  const api = {
    version: '__VERSION__',
    css: new URL('__CSS__', here).href,
    site: here.href.replace(/\/$/, ''),
    data: new URL('data/', here).href,
    // The current edition's programme file in data/, as the build's editions.json names it: the
    // widget reads it at once, without that index (another data-src reads its own index).
    programme: __PROGRAMME__,
    // Per view, the elements waiting for its wasm; the wasm mounts them, then sets `mount`.
    views: Object.fromEntries(Object.keys(FILES).map((view) => [view, { queue: [], mount: null }])),
  };
  Object.defineProperty(globalThis, 'NecWidget', { value: api });

  let sheet = null;
  /** The element's shadow root with the widget's style sheet, and its empty `.nec-root`. */
  const shadowOf = (element) => {
    const shadow = element.attachShadow({ mode: 'open' });
    try {
      sheet ??= new CSSStyleSheet();
      if (sheet.cssRules.length === 0) sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      // A browser without constructed style sheets links the file instead.
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = api.css;
      shadow.append(link);
    }
    const root = document.createElement('div');
    root.className = 'nec-root';
    // An unnamed group, which Orca does not say. In a shadow root, Chromium tells assistive
    // technologies of a subtree that leaves only when its root is in the accessibility tree,
    // which a bare `div` is not: Orca then lost its place when the widget's app replaced the
    // painted view (with a copy of this root, crates/nec-widget/src/lib.rs), and said the focused
    // field again with its containers (NC-15, docs/rgaa-audit.md).
    root.setAttribute('role', 'group');
    shadow.append(root);
    return root;
  };

  // Said inside the element itself when the wasm cannot load (network, or the host's CSP); what
  // was painted stays, its controls say they cannot work.
  const failed = (element) => {
    const root = element.shadowRoot?.querySelector('.nec-root');
    if (!root) return;
    const p = document.createElement('p');
    p.className = 'nec-failed';
    p.setAttribute('role', 'alert');
    p.textContent = 'Ce contenu de Numérique en Commun[s] n’a pas pu se charger. ';
    const a = document.createElement('a');
    a.href = api.site + '/';
    a.textContent = 'Le voir sur le site de Numérique en Commun[s]';
    p.append(a);
    root.prepend(p);
  };

  const loading = {};
  const load = (view) => {
    // The wasm's download starts with its glue's, not after it.
    loading[view] ??= Promise.all([import(new URL(FILES[view].glue, here).href), fetch(new URL(FILES[view].wasm, here).href)])
      .then(([glue, wasm]) => glue.default({ module_or_path: wasm }))
      .catch((error) => {
        console.error('NecWidget : chargement impossible', error);
        api.views[view].queue.splice(0).forEach(failed);
      });
    return loading[view];
  };

  /** The view the wasm will render, as crates/nec-core/src/widget_options/ reads `view` (unknown: programme). */
  const viewOf = (element) => {
    const view = element.getAttribute('view')?.trim() ?? 'programme';
    return Object.hasOwn(FILES, view) ? view : 'programme';
  };

  /** The painted view for the element's attributes, as crates/nec-core/src/widget_options/ reads them, or null. */
  const paintable = (element) => {
    const attr = (name) => element.getAttribute(name)?.trim();
    const view = attr('view') ?? 'programme';
    const level = attr('heading-level') ?? '2';
    const lang = (attr('lang') ?? 'fr').split(/[-_]/)[0].toLowerCase();
    if (!/^[1-6]$/.test(level) || !['fr', 'en'].includes(lang)) return null;
    // Filters and another data source: the build did not render that.
    if (element.hasAttribute('data-src') || ['theme', 'day', 'format'].some((name) => attr(name))) return null;
    const key = `${view}.${lang}`;
    if (!Object.hasOwn(PAINTED, key) && !Object.hasOwn(PAINTS, key)) return null;
    return { key, lang, level: Number(level) };
  };

  /** The view's HTML: at hand, or from its module. */
  const htmlOf = async ({ key }) => PAINTED[key] ?? (await import(new URL(PAINTS[key], here).href)).default;

  /** Paints the build's view into the still empty root; true when done (an exotic host may
   * refuse it: the wasm then will). */
  const paint = (root, view, html) => {
    if (root.firstChild) return false;
    try {
      const template = document.createElement('template');
      template.innerHTML = html;
      // The build wrote level 2; the partner's level shifts every heading (at most h6).
      for (const heading of template.content.querySelectorAll('h2, h3, h4, h5, h6')) {
        const level = Math.min(6, Number(heading.tagName[1]) - 2 + view.level);
        if (level === Number(heading.tagName[1])) continue;
        const moved = document.createElement(`h${level}`);
        for (const { name, value } of heading.attributes) moved.setAttribute(name, value);
        moved.append(...heading.childNodes);
        heading.replaceWith(moved);
      }
      root.lang = view.lang;
      root.setAttribute('data-painted', '');
      root.append(template.content);
      return true;
    } catch {
      root.replaceChildren();
      return false;
    }
  };

  // Reaching for the widget: a pointer over or on it, a touch, the focus in it, a change.
  const INTENT = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'input', 'change'];
  const startOnIntent = (shadow, view) => {
    const intent = () => {
      for (const type of INTENT) shadow.removeEventListener(type, intent, { capture: true });
      load(view);
    };
    for (const type of INTENT) shadow.addEventListener(type, intent, { capture: true, passive: true });
    // A button pressed before the wasm runs is pressed again once it has taken over.
    shadow.addEventListener('click', (event) => {
      const button = event.target.closest?.('.nec-root[data-painted] button');
      if (!button) return;
      event.preventDefault();
      shadow.querySelectorAll('[data-pending-click]').forEach((b) => b.removeAttribute('data-pending-click'));
      button.setAttribute('data-pending-click', '');
      load(view);
    }, { capture: true });
  };

  customElements.get('nec-widget') ?? customElements.define('nec-widget', class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = shadowOf(this);
      const view = viewOf(this);
      const slot = api.views[view];
      if (slot.mount) return slot.mount(this);
      slot.queue.push(this);
      const painted = paintable(this);
      if (!painted) return load(view);
      htmlOf(painted).then((html) => {
        if (paint(root, painted, html)) startOnIntent(this.shadowRoot, view);
        else if (!root.firstChild) load(view);
      }, () => load(view));
    }
  });
}

// For ESLint, last, as the build fills in the first occurrence (scripts/build-widget.mjs):
/* global __FILES__, __CSS_TEXT__, __PAINTED__, __PAINTS__, __PROGRAMME__ */
