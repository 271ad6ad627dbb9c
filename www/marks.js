// Marks a whole set of highlights at once — a cluster's mentions, a source's quotes — by one CSS
// rule in a stylesheet of its own, never by touching the marked elements: the article tags
// each entity with its cluster (data-cluster) and each quote with its source (data-source) when
// it renders, so marking 5,000 quotes in a 2 MB article costs one style change, and chunks
// off screen (content-visibility) are not even styled until they scroll in.
// CSSOM changes are not inline styles, so the page's Content-Security-Policy allows them.

let sheet = null; // made on first use, so the modules that import this one also load in Node

const rules = { cluster: null, source: null };

// Ids are numbers the page made itself (cluster index, source index), never user text.
const id = (n) => String(Number(n));

function apply() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const css = [];
  if (rules.cluster != null) css.push(`#article .ent[data-cluster="${id(rules.cluster)}"] { outline: 3px solid var(--c); outline-offset: 1px; border-radius: 3px; }`);
  if (rules.source != null) css.push(`#article .quote[data-source="${id(rules.source)}"] { outline: 2px dashed var(--quote); outline-offset: 2px; }`);
  sheet.replaceSync(css.join('\n'));
}

/** Outlines every mention of cluster `n` in the article (null: none). */
export function markCluster(n) {
  if (rules.cluster === n) return;
  rules.cluster = n;
  apply();
}

/** Outlines every quote of source `n` in the article (null: none). */
export function markSource(n) {
  if (rules.source === n) return;
  rules.source = n;
  apply();
}

export const marked = () => ({ ...rules });
