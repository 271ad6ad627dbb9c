// Renders the article: paragraphs as blocks, entities and quotes as nested, focusable spans.
// User text only ever reaches the DOM through createTextNode / setAttribute, never as HTML.
import { nest, blocks } from './spans.js';
import { speakerDoubtful, speakerName } from './labels.js';

const QUOTE_RANK = 0; // quotes are the outer element when they cover the same text as an entity
const ENTITY_RANK = 1;
const ROLE_RANK = 2; // a quote's speaker and cue: innermost, lit up while the quote is active

/**
 * The spans to draw, with stable refs ("q3", "e12") shared by all fragments of one span; an
 * entity carries its cluster and a quote its source (`quoteSource[i]`, see panel.js sources), so
 * marks.js can mark either set with one CSS rule.
 */
export function spansOf(annotation, quoteSource = []) {
  const spans = [];
  const clusterOf = new Map();
  (annotation.clusters || []).forEach((c, n) => (c.mentions || []).forEach((m) => clusterOf.set(m, n)));
  annotation.quotes.forEach((q, i) => spans.push({ start: q.start, end: q.end, rank: QUOTE_RANK, ref: `q${i}`, quote: q, source: quoteSource[i] }));
  annotation.entities.forEach((e, i) =>
    spans.push({ start: e.start, end: e.end, rank: ENTITY_RANK, ref: `e${i}`, entity: e, cluster: clusterOf.get(i) ?? e.cluster }),
  );
  annotation.quotes.forEach((q, i) => {
    for (const role of ['speaker', 'cue']) {
      if (q[role]) spans.push({ start: q[role].start, end: q[role].end, rank: ROLE_RANK, ref: `${role}-q${i}`, role });
    }
    // A mixed quote's quoted words, drawn inside it.
    (q.parts || []).forEach((p, k) => spans.push({ start: p.start, end: p.end, rank: ROLE_RANK, ref: `part-q${i}-${k}`, role: 'part' }));
  });
  return spans;
}

// The speaker's name, or part of it, is written right after the quote ("…,” John Kirby said",
// "…,” Kirby said" for John Kirby): a tag would repeat it ("— John Kirby Kirby said"). A
// pronoun or an unresolved mention there still gets its tag.
function nameFollows(q) {
  const s = q.speaker;
  if (!(s && q.speaker_name && s.start >= q.end && s.start - q.end <= 2)) return false;
  const written = new Set(s.text.split(/\s+/));
  return s.text.includes(q.speaker_name) || q.speaker_name.split(/\s+/).some((w) => w.length > 1 && written.has(w));
}

// `speaking`: the speaker of the quote this element sits in, if any.
function element(node, text, speaking) {
  const el = document.createElement('span');
  const { span } = node;
  if (span.role) {
    // Not a highlight of its own (no tab stop, no details): marks who spoke and the verb.
    el.className = span.role;
    el.dataset.role = span.ref;
    fill(el, node.children, node.start, node.end, text, speaking);
    return el;
  }
  el.dataset.ref = span.ref;
  if (span.entity) {
    el.className = 'ent';
    el.dataset.label = span.entity.label;
    if (span.cluster != null) el.dataset.cluster = String(span.cluster);
  } else {
    const q = span.quote;
    el.className = `quote quote-${q.kind}`;
    if (span.source != null) el.dataset.source = String(span.source);
    // The speaker once known: the resolved name, else the mention ("the official"). One tag
    // per quote, on its last fragment; none on a quote inside a quote by the same speaker.
    const speaker = speakerName(q);
    if (speaker && speaker !== speaking && !nameFollows(q)) {
      el.dataset.speaker = speaker;
      if (speakerDoubtful(q)) el.dataset.doubtful = '';
    }
    speaking = speaker || speaking;
  }
  if (node.first) {
    el.classList.add('first');
    el.id = `ann-${span.ref}`;
    // Reached by arrow keys inside the article (roving.js), which keeps one tab stop for all.
    el.tabIndex = -1;
  }
  if (node.last) el.classList.add('last');
  fill(el, node.children, node.start, node.end, text, speaking);
  return el;
}

// Appends text and child spans of [start, end) to `parent`.
function fill(parent, nodes, start, end, text, speaking = null) {
  let pos = start;
  for (const node of nodes) {
    if (node.start > pos) parent.append(document.createTextNode(text.slice(pos, node.start)));
    parent.append(element(node, text, speaking));
    pos = node.end;
  }
  if (end > pos) parent.append(document.createTextNode(text.slice(pos, end)));
}

function renderBlock(block, text) {
  const p = document.createElement('p');
  p.className = `para para-${block.kind}`;
  p.dataset.kind = block.kind;
  if (block.kind === 'boilerplate' || block.kind === 'caption') p.classList.add('dim');
  fill(p, nest(block.spans, block.start, block.end), block.start, block.end, text);
  return p;
}

/**
 * Renders into `container` in time slices so a 2 MB article never blocks the page.
 * Returns a handle whose `done` promise resolves when finished (or false when cancelled);
 * `onProgress(fraction)` reports progress for big texts; `quoteSource[i]` is quote i's source.
 */
export function renderArticle(container, text, annotation, { onProgress = () => {}, quoteSource = [] } = {}) {
  let cancelled = false;
  let all = null;
  container.replaceChildren();
  const done = new Promise((resolve) => {
    let i = 0;
    const slice = () => {
      if (cancelled) return resolve(false);
      if (!all) {
        // Its own task for big texts: the layout of spans takes tens of ms on 2 MB.
        all = blocks(text, annotation.paragraphs, spansOf(annotation, quoteSource));
        if (text.length > 100_000) return setTimeout(slice, 0);
      }
      const until = performance.now() + 12;
      // Each slice goes into its own chunk: with content-visibility on chunks (big articles),
      // layout skips whole off-screen chunks instead of walking tens of thousands of paragraphs.
      const chunk = document.createElement('div');
      chunk.className = 'chunk';
      while (i < all.length && performance.now() < until) chunk.append(renderBlock(all[i++], text));
      container.append(chunk);
      onProgress(all.length ? i / all.length : 1);
      if (i < all.length) setTimeout(slice, 0);
      else resolve(true);
    };
    slice();
  });
  return { done, cancel: () => { cancelled = true; } };
}
