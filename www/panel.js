// The side panel: legend with toggles, entities grouped by type, quotes in order, sources.
import { LABEL_NAMES, GLOSS, wordCount, speakerName } from './labels.js';

const MAX_ITEMS = 200; // per list: a 2 MB article must not build tens of thousands of rows

function button(text, onClick, className = 'item') {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

function more(list, n) {
  if (n > 0) {
    const li = document.createElement('li');
    li.className = 'more';
    li.textContent = `… and ${n} more`;
    list.append(li);
  }
}

/** Legend: one toggle per type (all 18), with counts; `onToggle(label, on)`. */
export function renderLegend(root, counts, hidden, onToggle) {
  const items = LABEL_NAMES.map((label) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'legend-item';
    b.dataset.label = label;
    b.title = GLOSS[label];
    b.setAttribute('aria-pressed', String(!hidden.has(label)));
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    const name = document.createElement('span');
    name.textContent = label;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = String(counts[label] || 0);
    b.append(swatch, name, count);
    b.addEventListener('click', () => {
      const on = b.getAttribute('aria-pressed') !== 'true';
      b.setAttribute('aria-pressed', String(on));
      onToggle(label, on);
    });
    return b;
  });
  root.replaceChildren(...items);
}

/** Entities by type: distinct texts with mention counts; clicking cycles through mentions. */
export function renderEntities(root, annotation, reveal) {
  const byLabel = new Map();
  annotation.entities.forEach((e, i) => {
    if (!byLabel.has(e.label)) byLabel.set(e.label, new Map());
    const texts = byLabel.get(e.label);
    if (!texts.has(e.text)) texts.set(e.text, []);
    texts.get(e.text).push(i);
  });
  const groups = [];
  for (const label of [...LABEL_NAMES, ...byLabel.keys()]) {
    const texts = byLabel.get(label);
    if (!texts) continue;
    byLabel.delete(label);
    const details = document.createElement('details');
    details.open = true;
    details.className = 'group';
    details.dataset.label = label;
    const summary = document.createElement('summary');
    const mentions = [...texts.values()].reduce((n, v) => n + v.length, 0);
    summary.textContent = `${label} (${mentions})`;
    const list = document.createElement('ul');
    let shown = 0;
    for (const [text, refs] of texts) {
      if (shown++ >= MAX_ITEMS) break;
      const li = document.createElement('li');
      let next = 0;
      const b = button(refs.length > 1 ? `${text} ×${refs.length}` : text, () => {
        reveal([`e${refs[next]}`]);
        next = (next + 1) % refs.length;
      });
      b.dataset.ref = `e${refs[0]}`;
      li.append(b);
      list.append(li);
    }
    more(list, texts.size - MAX_ITEMS);
    details.append(summary, list);
    groups.push(details);
  }
  root.replaceChildren(...groups);
}

const short = (t, n = 90) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

/** Quotes in reading order with their speaker. */
export function renderQuotes(root, annotation, reveal) {
  const list = document.createElement('ol');
  annotation.quotes.slice(0, MAX_ITEMS).forEach((q, i) => {
    const li = document.createElement('li');
    const b = button(short(q.text), () => reveal([`q${i}`]));
    b.dataset.ref = `q${i}`;
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = `${q.kind} · ${speakerName(q) || 'unknown speaker'}`;
    b.append(who);
    li.append(b);
    list.append(li);
  });
  more(list, annotation.quotes.length - MAX_ITEMS);
  root.replaceChildren(list);
}

/** Who is quoted: quotes and quoted words per speaker; clicking marks all their quotes. */
export function sources(annotation) {
  const by = new Map();
  annotation.quotes.forEach((q, i) => {
    const name = speakerName(q) || 'Unknown';
    if (!by.has(name)) by.set(name, { name, quotes: 0, words: 0, refs: [] });
    const s = by.get(name);
    s.quotes += 1;
    s.words += wordCount(q.text);
    s.refs.push(`q${i}`);
  });
  return [...by.values()].sort((a, b) => b.words - a.words || a.name.localeCompare(b.name));
}

export function renderSources(root, annotation, reveal) {
  const list = document.createElement('ul');
  for (const s of sources(annotation).slice(0, MAX_ITEMS)) {
    const li = document.createElement('li');
    const b = button(s.name, () => reveal(s.refs, true));
    const stats = document.createElement('span');
    stats.className = 'who';
    stats.textContent = `${s.quotes} quote${s.quotes === 1 ? '' : 's'} · ${s.words} words`;
    b.append(stats);
    li.append(b);
    list.append(li);
  }
  root.replaceChildren(list);
}
