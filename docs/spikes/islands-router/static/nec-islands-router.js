// nec-islands-router.js — in-app navigation between static island pages.
// Derived from Leptos 0.8.23 src/hydration/islands_routing.js (MIT, © Greg Johnston and the
// Leptos contributors: https://github.com/leptos-rs/leptos). The page diff (diffRange,
// replaceFor, seekBranchClose, replaceBranch) is Leptos's; what changed (spike, session 21):
// - links left to the browser: same-page fragments, download/target/rel=external, files
//   (an extension other than .html), and hreflang ≠ <html lang> (the language switch: a full
//   load, so no island keeps the other language's props); a fetched page whose <html lang>
//   differs is also loaded in full (a second request);
// - the fetch checks resp.ok and an HTML type; an HTTP error or a network failure falls back
//   to a full load (location.assign, or location.reload on back/forward);
// - <main aria-busy="true"> while the next page is fetched; the live region emptied;
// - pushState runs inside the DOM update (same task), so islands hydrated there see the new URL;
// - attributes absent from the new page are removed (except KEEP_ATTRS, set by islands on
//   elements outside them), so aria-current follows the page;
// - after the update: focus to the h1, the title said in a polite live region, scroll to the
//   fragment or the top, or on back/forward to the position saved in history.state;
// - forms are not intercepted (the stock script prevented every submit).
// The view transition stays optional (USE_VIEW_TRANSITION, and off under reduced motion).

const USE_VIEW_TRANSITION = true;
// Attributes written by islands on elements that are not inside them (the theme on <html>).
const KEEP_ATTRS = new Set(["data-theme"]);
const LIVE_ID = "nec-route-announcer";

let NAVIGATION = 0;
let currentKey = location.pathname + location.search;

if ("scrollRestoration" in history) {
	history.scrollRestoration = "manual";
}

function saveScroll() {
	const state = history.state && typeof history.state === "object" ? history.state : {};
	history.replaceState({ ...state, necScrollX: window.scrollX, necScrollY: window.scrollY }, "");
}

// A full load of this entry (back to a page left by a full load, or reload): restore too.
{
	const nav = performance.getEntriesByType?.("navigation")?.[0];
	const y = history.state?.necScrollY;
	if (nav && (nav.type === "back_forward" || nav.type === "reload") && typeof y === "number") {
		const restore = () => window.scrollTo(history.state.necScrollX || 0, y);
		if (document.readyState === "complete") restore(); else window.addEventListener("load", restore, { once: true });
	}
}
window.addEventListener("pagehide", saveScroll);

window.addEventListener("click", (ev) => {
	const url = clickToUrl(ev);
	if (!url) {
		return;
	}
	ev.preventDefault();
	saveScroll();
	navigateToPage(url, false);
});

window.addEventListener("popstate", () => {
	const key = location.pathname + location.search;
	if (key === currentKey) {
		// a fragment of the same page: no fetch
		restoreScroll(history.state, location.hash);
		return;
	}
	navigateToPage(new URL(location.href), true);
});

async function navigateToPage(/** @type URL */ url, /** @type bool */ isPop) {
	NAVIGATION += 1;
	const currentNav = NAVIGATION;
	const main = document.querySelector("main");
	const live = liveRegion();
	live.textContent = "";
	main?.setAttribute("aria-busy", "true");
	const fallback = () => {
		if (NAVIGATION !== currentNav) return;
		if (isPop) location.reload(); else location.assign(url.href);
	};

	let resp, htmlString;
	try {
		resp = await fetch(url.href, { headers: { "Islands-Router": "true", Accept: "text/html" } });
		const type = resp.headers.get("content-type") || "";
		if (!resp.ok || !type.includes("text/html")) {
			fallback();
			return;
		}
		htmlString = await resp.text();
		// a page in another language (a link without hreflang): a full load, so that no island
		// keeps the other language's props or children (islands are not diffed)
		const newLang = /<html\b[^>]*?\slang="([^"]*)"/i.exec(htmlString)?.[1] ?? "";
		if (primaryLang(newLang) !== primaryLang(document.documentElement.lang)) {
			fallback();
			return;
		}
	} catch (e) {
		fallback();
		return;
	} finally {
		if (NAVIGATION === currentNav) main?.removeAttribute("aria-busy");
	}
	if (NAVIGATION !== currentNav) {
		return;
	}

	const finalUrl = new URL(resp.redirected ? resp.url : url.href);
	finalUrl.hash = url.hash;
	const update = () => {
		// the URL changes in the same task as the DOM, before islands hydrate
		if (!isPop) {
			history.pushState({}, "", finalUrl.href);
		}
		currentKey = location.pathname + location.search;
		try {
			diffPages(htmlString);
			for (const island of document.querySelectorAll("leptos-island")) {
				if (!island.$$hydrated) {
					__hydrateIsland(island, island.dataset.component);
					island.$$hydrated = true;
				}
			}
		} catch (e) {
			console.error(e);
		}
		document.querySelector("main")?.removeAttribute("aria-busy");
		restoreScroll(isPop ? history.state : null, finalUrl.hash);
	};
	const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
	if (USE_VIEW_TRANSITION && document.startViewTransition && !reduced) {
		const transition = document.startViewTransition(update);
		try {
			await transition.updateCallbackDone;
		} catch (e) {
			console.error(e);
		}
	} else {
		update();
	}
	if (NAVIGATION !== currentNav) {
		return;
	}
	afterUpdate(isPop ? history.state : null, finalUrl.hash);
}

function afterUpdate(state, hash) {
	const h1 = document.querySelector("main h1") || document.querySelector("h1");
	if (h1) {
		if (!h1.hasAttribute("tabindex")) h1.setAttribute("tabindex", "-1");
		h1.focus({ preventScroll: true });
	}
	// focus can scroll in some browsers: place the scroll again
	restoreScroll(state, hash);
	const live = liveRegion();
	// after a frame, so that the emptied region and the new text are two changes
	// (the spike's renderer, with --cfg erase_components, writes branch markers inside <title>,
	// which the parser reads as text: they are stripped here, never to be said)
	const title = document.title.replace(/<!--[\s\S]*?-->|<!>/g, "").trim();
	setTimeout(() => { live.textContent = title; }, 50);
}

function restoreScroll(state, hash) {
	if (state && typeof state.necScrollY === "number") {
		window.scrollTo(state.necScrollX || 0, state.necScrollY);
		return;
	}
	if (hash && hash.length > 1) {
		let id = hash.slice(1);
		try { id = decodeURIComponent(id); } catch (e) { /* keep raw */ }
		const el = document.getElementById(id);
		if (el) {
			el.scrollIntoView();
			return;
		}
	}
	window.scrollTo(0, 0);
}

function liveRegion() {
	let el = document.getElementById(LIVE_ID);
	if (!el) {
		el = document.createElement("div");
		el.id = LIVE_ID;
		el.setAttribute("aria-live", "polite");
		el.setAttribute("aria-atomic", "true");
		el.style.cssText = "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0";
		// last in <body>: the diff walks both documents in step and stops at the shorter one
		document.body.appendChild(el);
	}
	return el;
}

function clickToUrl(ev) {
	if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.altKey || ev.ctrlKey || ev.shiftKey) {
		return;
	}
	/** @type HTMLAnchorElement | undefined */
	const a = ev.composedPath().find((el) => el instanceof Node && el.nodeName.toUpperCase() === "A");
	if (!a) return;

	const svg = a.namespaceURI === "http://www.w3.org/2000/svg";
	const href = svg ? a.href.baseVal : a.href;
	const target = svg ? a.target.baseVal : a.target;
	if (target || !href) return;

	const rel = (a.getAttribute("rel") || "").split(/\s+/);
	if (a.hasAttribute("download") || rel.includes("external")) return;

	const url = new URL(href, document.baseURI);
	if (url.origin !== window.location.origin) return;
	if (url.protocol !== "http:" && url.protocol !== "https:") return;

	// a fragment of this page: the browser scrolls (and pushes the entry) itself
	if (url.pathname === location.pathname && url.search === location.search && url.hash) {
		saveScroll();
		return;
	}
	// files: any extension but .html
	const last = url.pathname.split("/").pop();
	const ext = last.includes(".") ? last.slice(last.lastIndexOf(".") + 1).toLowerCase() : "";
	if (ext && ext !== "html" && ext !== "htm") return;

	// the language switch: a full load (and, without hreflang, after the fetch: see above)
	const hreflang = a.getAttribute("hreflang");
	if (hreflang && primaryLang(hreflang) !== primaryLang(document.documentElement.lang)) return;

	return url;
}

function primaryLang(tag) {
	return (tag || "").trim().toLowerCase().split("-")[0];
}

// ---- Below: Leptos's diff, unchanged but for the attribute removal in diffElement.

function diffPages(htmlString) {
	const parser = new DOMParser();
	const doc = parser.parseFromString(htmlString, "text/html");
	diffRange(document, document, doc, doc);
}

function diffRange(oldDocument, oldRoot, newDocument, newRoot, oldEnd, newEnd) {
	const oldDocWalker = oldDocument.createTreeWalker(oldRoot);
	const newDocWalker = newDocument.createTreeWalker(newRoot);
	let oldNode = oldDocWalker.currentNode;
	let newNode = newDocWalker.currentNode;

	while (oldDocWalker.nextNode() && newDocWalker.nextNode()) {
		oldNode = oldDocWalker.currentNode;
		newNode = newDocWalker.currentNode;

		if (oldNode == oldEnd || newNode == newEnd) {
			break;
		}

		if (oldNode.nodeType !== newNode.nodeType) {
			oldNode.replaceWith(newNode);
		} else if (oldNode.nodeType === Node.TEXT_NODE) {
			oldNode.textContent = newNode.textContent;
		} else if (oldNode.nodeType === Node.ELEMENT_NODE && oldNode.tagName === "LEPTOS-ISLAND") {
			// islands keep their client state (Leptos: TODO diff the leptos-children)
			oldDocWalker.nextSibling();
			newDocWalker.nextSibling();
		} else if (oldNode.nodeType === Node.ELEMENT_NODE) {
			diffElement(oldNode, newNode);
		} else if (oldNode.nodeType === Node.COMMENT_NODE) {
			const oldText = oldNode.textContent;
			const newText = newNode.textContent;
			if (oldText.startsWith("bo-for")) {
				replaceFor(oldDocument, oldDocWalker, newDocument, newDocWalker, oldNode, newNode);
			} else if (oldText.startsWith("bo-item")) {
				// a new item within a For
			} else if (oldText.startsWith("bo") && newText !== oldText) {
				replaceBranch(oldDocWalker, newDocWalker, oldNode, newNode);
			}
		}
	}
}

function replaceFor(oldDocument, oldDocWalker, newDocument, newDocWalker, oldNode, newNode) {
	oldDocWalker.nextNode();
	newDocWalker.nextNode();
	const oldRange = new Range();
	const newRange = new Range();
	let oldBranches = 1;
	let newBranches = 1;
	const oldKeys = {};
	const newKeys = {};

	while (oldBranches > 0) {
		const c = oldDocWalker.currentNode;
		if (c.nodeType === Node.COMMENT_NODE) {
			const t = c.textContent;
			if (t.startsWith("bo-for")) {
				oldBranches += 1;
			} else if (t.startsWith("bc-for")) {
				oldBranches -= 1;
			} else if (t.startsWith("bo-item")) {
				oldKeys[t.replace("bo-item-", "")] = { open: c, close: null };
			} else if (t.startsWith("bc-item")) {
				oldKeys[t.replace("bc-item-", "")].close = c;
			}
		}
		if (!oldDocWalker.nextNode()) {
			break;
		}
	}
	while (newBranches > 0) {
		const c = newDocWalker.currentNode;
		if (c.nodeType === Node.COMMENT_NODE) {
			const t = c.textContent;
			if (t.startsWith("bo-for")) {
				newBranches += 1;
			} else if (t.startsWith("bc-for")) {
				newBranches -= 1;
			} else if (t.startsWith("bo-item")) {
				newKeys[t.replace("bo-item-", "")] = { open: c, close: null };
			} else if (t.startsWith("bc-item")) {
				newKeys[t.replace("bc-item-", "")].close = c;
			}
		}
		if (!newDocWalker.nextNode()) {
			break;
		}
	}

	for (const key in oldKeys) {
		if (newKeys[key]) {
			const oldOne = oldKeys[key];
			const newOne = newKeys[key];
			const oldItemRange = new Range();
			const newItemRange = new Range();
			oldItemRange.setStartAfter(oldOne.open);
			oldItemRange.setEndBefore(oldOne.close);
			newItemRange.setStartAfter(newOne.open);
			newItemRange.setEndBefore(newOne.close);
			const oldContents = oldItemRange.extractContents();
			const newContents = newItemRange.extractContents();
			diffRange(oldDocument, oldContents, newDocument, newContents, oldOne.close, newOne.close);
			newItemRange.insertNode(oldContents);
			newOne.open.replaceWith(oldOne.open);
			newOne.close.replaceWith(oldOne.close);
		}
	}

	try {
		oldRange.setStartAfter(oldNode);
		oldRange.setEndBefore(oldDocWalker.currentNode);
		newRange.setStartAfter(newNode);
		newRange.setEndAfter(newDocWalker.currentNode);
		const newContents = newRange.extractContents();
		oldRange.deleteContents();
		oldRange.insertNode(newContents);
		oldNode.replaceWith(newNode);
		oldDocWalker.currentNode.replaceWith(newDocWalker.currentNode);
	} catch (e) {
		console.error(e);
	}
}

// Advances the walker from a branch's opening marker to its matching closing marker.
function seekBranchClose(walker) {
	let branches = 1;
	while (walker.nextNode()) {
		const node = walker.currentNode;
		if (node.nodeType === Node.COMMENT_NODE) {
			if (node.textContent.startsWith("bo")) {
				branches += 1;
			} else if (node.textContent.startsWith("bc")) {
				branches -= 1;
				if (branches === 0) {
					return true;
				}
			}
		}
	}
	return false;
}

function replaceBranch(oldDocWalker, newDocWalker, oldNode, newNode) {
	const oldRange = new Range();
	const newRange = new Range();
	seekBranchClose(oldDocWalker);
	seekBranchClose(newDocWalker);
	const oldClose = oldDocWalker.currentNode;
	const newClose = newDocWalker.currentNode;
	try {
		oldRange.setStartAfter(oldNode);
		oldRange.setEndBefore(oldClose);
		newRange.setStartAfter(newNode);
		newRange.setEndBefore(newClose);
		const newContents = newRange.extractContents();
		oldRange.deleteContents();
		oldRange.insertNode(newContents);
		oldNode.textContent = newNode.textContent;
		oldClose.textContent = newClose.textContent;
	} catch (e) {
		console.error(e);
	}
}

function diffElement(oldEl, newEl) {
	if (oldEl.tagName !== newEl.tagName) {
		oldEl.replaceWith(newEl);
		return;
	}
	for (const attr of newEl.attributes) {
		if (oldEl.getAttribute(attr.name) !== attr.value) {
			oldEl.setAttribute(attr.name, attr.value);
		}
	}
	// the stock diff never removed attributes: aria-current piled up on every visited link
	for (const attr of [...oldEl.attributes]) {
		if (!newEl.hasAttribute(attr.name) && !KEEP_ATTRS.has(attr.name)) {
			oldEl.removeAttribute(attr.name);
		}
	}
}

for (const island of document.querySelectorAll("leptos-island")) {
	island.$$hydrated = true;
}
