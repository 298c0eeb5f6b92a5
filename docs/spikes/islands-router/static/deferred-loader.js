// Deferred hydration: no wasm until asked. window.__hydrateLate() loads the module and hydrates
// every <leptos-island> like Leptos's island_script.js does (same traversal, same exports).
// NB: islands-routing.js marks every island present at start-up `$$hydrated` (it assumes
// island_script.js hydrates them eagerly), so this loader keeps its own flag ($$late).
// Here it is called by the test; a site would call it on the first pointerdown/keydown/focusin.
let MOST_RECENT_CHILDREN_CB = [];
async function hydrateIsland(el, id, mod) {
  const f = mod[id];
  if (!f) { console.warn(`Could not find WASM function for the island ${id}.`); return; }
  const cb = MOST_RECENT_CHILDREN_CB[MOST_RECENT_CHILDREN_CB.length - 1];
  if (cb) cb();
  const res = f(el);
  if (res && res.then) await res;
  el.$$hydrated = true;
  el.$$late = true;
}
async function traverse(node, mod) {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const tag = node.tagName.toLowerCase();
  if (tag === 'leptos-island') {
    if (!node.$$late) await hydrateIsland(node, node.dataset.component, mod);
    for (const c of node.children) await traverse(c, mod);
  } else if (tag === 'leptos-children') {
    MOST_RECENT_CHILDREN_CB.push(node.$$on_hydrate);
    for (const c of node.children) await traverse(c, mod);
    MOST_RECENT_CHILDREN_CB.pop();
  } else {
    for (const c of node.children) await traverse(c, mod);
  }
}
let started;
window.__hydrateLate = () => started ??= (async () => {
  const mod = await import('/pkg/spike.js');
  await mod.default({ module_or_path: '/pkg/spike_bg.wasm' });
  mod.hydrate();
  window.__hydrateIsland = (el, id) => hydrateIsland(el, id, mod);
  await traverse(document.body, mod);
  window.__hydrated = true;
})();
