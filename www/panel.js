// The side panel: legend with toggles, sources by kind, quotes in order (the entity cards are in
// cards.js).
import { LABEL_NAMES, TYPE_GROUP, QUOTE_KINDS, wordCount, speakerName, isPronoun, typeName, typeTitle } from './labels.js';
import { markSource } from './marks.js';

const MAX_ITEMS = 200; // per list: a 2 MB article must not build tens of thousands of rows

function button(text, onClick, className = 'item') {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

/** Ends a list cut at its limit with "… and N more" (`where`: where the rest are). */
export function more(list, n, where = '') {
  if (n > 0) {
    const li = document.createElement('li');
    li.className = 'more';
    li.textContent = `… and ${n} more${where}`;
    list.append(li);
  }
}

const LEGEND_GROUPS = [
  { id: 'name', title: 'Names' },
  { id: 'number', title: 'Dates and numbers' },
];

/**
 * Legend: one toggle per type found in the text (with its count), names first, then dates and
 * numbers; the plain name shows, the OntoNotes code is in the tooltip. `onToggle(label, on)`.
 */
export function renderLegend(root, counts, hidden, onToggle) {
  const parts = [];
  for (const g of LEGEND_GROUPS) {
    const labels = LABEL_NAMES.filter((l) => counts[l] > 0 && (TYPE_GROUP[l] || 'name') === g.id);
    if (!labels.length) continue;
    const group = document.createElement('div');
    group.className = 'legend-group';
    group.dataset.group = g.id;
    group.setAttribute('role', 'group');
    const title = document.createElement('span');
    title.className = 'legend-title';
    title.id = `legend-${g.id}`;
    title.textContent = g.title;
    group.setAttribute('aria-labelledby', title.id);
    group.append(title);
    for (const label of labels) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'legend-item';
      b.dataset.label = label;
      b.title = typeTitle(label);
      b.setAttribute('aria-pressed', String(!hidden.has(label)));
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      const name = document.createElement('span');
      name.textContent = typeName(label);
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(counts[label]);
      b.append(swatch, name, count);
      b.addEventListener('click', () => {
        const on = b.getAttribute('aria-pressed') !== 'true';
        b.setAttribute('aria-pressed', String(on));
        onToggle(label, on);
      });
      group.append(b);
    }
    parts.push(group);
  }
  if (!parts.length) {
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = 'The types found in the article appear here.';
    parts.push(hint);
  }
  root.replaceChildren(...parts);
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

// Sources: who is quoted, by kind of source. The groups in display order; a source's group comes
// from its cluster's label (see sourceOf).
const GROUPS = [
  { id: 'people', title: 'People' },
  { id: 'groups', title: 'Organisations and groups' },
  { id: 'others', title: 'Places and others' },
];
const GROUP_OF_LABEL = { PERSON: 'people', ORG: 'groups', NORP: 'groups' };

// Badges for sources without an entity type (the others show their label, e.g. PERSON).
const UNNAMED = { text: 'unnamed', title: 'no name: the article only describes this source' };
const UNTYPED = { text: 'type unknown', title: 'a name the annotator could not type (person, organisation, …)' };

/**
 * Where a quote's speaker goes: `{ key, group, label, badge, fallbackName }` (the name when the
 * quote's own speakerName is a pronoun), or null when the quote is
 * unattributed. By cluster (its label gives the group; no label: organisations and groups);
 * without a cluster, a mention such as "officials" or "a spokeswoman for the agency" is an
 * (unnamed) organisation or group; a pronoun, or a name with no mention, counts under its
 * resolved name, and a pronoun with none is unattributed.
 */
function sourceOf(q, clusters) {
  const cluster = q.speaker_cluster != null ? clusters[q.speaker_cluster] : null;
  if (cluster) {
    const label = cluster.label || null;
    return {
      key: `c${q.speaker_cluster}`,
      group: label ? GROUP_OF_LABEL[label] || 'others' : 'groups',
      label,
      badge: label ? { text: typeName(label), title: typeTitle(label) } : UNTYPED,
      fallbackName: cluster.name,
    };
  }
  const mention = q.speaker && q.speaker.text && !isPronoun(q.speaker.text) ? q.speaker.text : null;
  const name = q.speaker_name || mention;
  if (!name) return null;
  return {
    key: `n${name.toLowerCase()}`,
    group: 'groups',
    label: null,
    badge: q.speaker_name ? UNTYPED : UNNAMED,
    fallbackName: name,
  };
}

/**
 * Who is quoted, for the Sources panel: `{ groups: [{ id, title, sources }], unattributed }`.
 * Only groups with sources are listed. A source is `{ name, label, badge, quotes, words, refs,
 * indices }`; inside a group, most quotes first, then most words quoted, then first quoted.
 * `unattributed` (quotes with no speaker and no speaker name) is null when there are none.
 */
export function sources(annotation) {
  const clusters = annotation.clusters || [];
  const by = new Map();
  const named = new Map(); // lower-case display name → source, so a name without a cluster joins it
  let unattributed = null;
  const add = (s, q, i) => {
    s.quotes += 1;
    s.words += wordCount(q.text);
    s.refs.push(`q${i}`);
    s.indices.push(i);
  };
  const blank = (name, extra) => ({ name, quotes: 0, words: 0, refs: [], indices: [], ...extra });
  annotation.quotes.forEach((q, i) => {
    const where = sourceOf(q, clusters);
    if (!where) {
      unattributed ||= blank('Unattributed', { label: null, badge: null });
      add(unattributed, q, i);
      return;
    }
    let s = by.get(where.key);
    if (!s && where.key[0] === 'n') s = named.get(where.key.slice(1));
    if (!s) {
      // The display name is the one the quotes give (speakerName), unless that is a pronoun.
      const shown = speakerName(q);
      const name = shown && !isPronoun(shown) ? shown : where.fallbackName;
      s = blank(name, { group: where.group, label: where.label, badge: where.badge });
      by.set(where.key, s);
      if (!named.has(name.toLowerCase())) named.set(name.toLowerCase(), s);
    }
    add(s, q, i);
  });
  const order = (a, b) => b.quotes - a.quotes || b.words - a.words || a.indices[0] - b.indices[0];
  const all = [...by.values()];
  const groups = GROUPS.map((g) => ({ ...g, sources: all.filter((s) => s.group === g.id).sort(order) })).filter(
    (g) => g.sources.length > 0,
  );
  // Ids in display order: the article tags each quote with its source's id (see quoteSources).
  let id = 0;
  for (const g of groups) for (const s of g.sources) s.id = id++;
  if (unattributed) unattributed.id = id;
  return { groups, unattributed };
}

/** Quote index → its source's id, for the article to tag its quotes with (marks.js). */
export function quoteSources(annotation, list) {
  const out = new Array(annotation.quotes.length);
  for (const s of [...list.groups.flatMap((g) => g.sources), ...(list.unattributed ? [list.unattributed] : [])]) {
    for (const i of s.indices) out[i] = s.id;
  }
  return out;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
let sourceIds = 0;

/** One source: its name (marks all its quotes), badge and counts, and a disclosure of its quotes. */
function sourceRow(s, annotation, reveal, press) {
  const li = document.createElement('li');
  li.className = 'source';
  if (!s.badge) li.classList.add('unattributed');
  const row = document.createElement('div');
  row.className = 'source-row';

  const listId = `source-quotes-${++sourceIds}`;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'source-toggle';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', listId);
  const whose = s.badge ? `by ${s.name}` : 'with no speaker';
  toggle.setAttribute('aria-label', s.badge ? `Quotes by ${s.name}` : 'Unattributed quotes');
  toggle.title = `Show or hide the ${plural(s.quotes, 'quote')} ${whose}`;

  const name = button('', () => press(s, name), 'item source-name');
  name.setAttribute('aria-pressed', 'false');
  const text = document.createElement('span');
  text.className = 'name';
  text.textContent = s.name;
  name.append(text);
  if (s.badge) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    if (s.label) badge.dataset.label = s.label;
    badge.textContent = s.badge.text;
    badge.title = s.badge.title;
    name.append(' ', badge);
  }
  const stats = document.createElement('span');
  stats.className = 'who';
  stats.textContent = `${plural(s.quotes, 'quote')} · ${plural(s.words, 'word')}`;
  name.append(stats);
  name.title = `Mark the ${plural(s.quotes, 'quote')} ${whose} in the text`;

  const list = document.createElement('ol');
  list.id = listId;
  list.className = 'source-quotes';
  list.hidden = true;
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    if (open && !list.childElementCount) {
      // Built on first opening: a source in a 2 MB article can have thousands of quotes.
      for (const i of s.indices.slice(0, MAX_ITEMS)) {
        const q = annotation.quotes[i];
        const item = document.createElement('li');
        item.value = i + 1; // numbered as in the Quotes list
        const kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = q.kind;
        kind.title = QUOTE_KINDS[q.kind] || q.kind;
        const b = button('', () => reveal([`q${i}`]));
        b.dataset.ref = `q${i}`;
        b.append(kind, ' ', short(q.text, 70));
        item.append(b);
        list.append(item);
      }
      more(list, s.indices.length - MAX_ITEMS);
    }
    toggle.setAttribute('aria-expanded', String(open));
    list.hidden = !open;
  });

  row.append(toggle, name);
  li.append(row, list);
  return li;
}

/**
 * The Sources tab. Pressing a source's name marks all its quotes in the text (one CSS rule, see
 * marks.js) and shows the first; the name stays pressed and a bar offers to clear the marks.
 */
export function renderSources(root, annotation, reveal, found = sources(annotation)) {
  const { groups, unattributed } = found;
  const parts = [];
  const bar = document.createElement('div');
  bar.className = 'mark-bar';
  bar.hidden = true;
  const what = document.createElement('span');
  what.setAttribute('role', 'status');
  const clear = button('Clear marks', () => unpress(true), 'clear-marks');
  bar.append(what, clear);
  parts.push(bar);
  let pressed = null;
  const unpress = (focus = false) => {
    if (pressed) pressed.setAttribute('aria-pressed', 'false');
    const was = pressed;
    pressed = null;
    markSource(null);
    bar.hidden = true;
    what.textContent = '';
    if (focus && was) was.focus();
  };
  const press = (s, b) => {
    if (pressed === b) return unpress();
    unpress();
    pressed = b;
    b.setAttribute('aria-pressed', 'true');
    markSource(s.id);
    what.textContent = `${plural(s.quotes, 'quote')} ${s.badge ? `by ${s.name}` : 'with no speaker'} marked`;
    bar.hidden = false;
    reveal([s.refs[0]]);
  };
  markSource(null);
  for (const g of groups) {
    const section = document.createElement('div');
    section.className = 'source-group';
    section.dataset.group = g.id;
    const heading = document.createElement('h3');
    heading.textContent = g.title;
    const count = document.createElement('span');
    count.className = 'count';
    const quotes = g.sources.reduce((n, s) => n + s.quotes, 0);
    count.textContent = `${plural(g.sources.length, 'source')} · ${plural(quotes, 'quote')}`;
    heading.append(' ', count);
    const list = document.createElement('ul');
    list.className = 'sources';
    for (const s of g.sources.slice(0, MAX_ITEMS)) list.append(sourceRow(s, annotation, reveal, press));
    more(list, g.sources.length - MAX_ITEMS);
    section.append(heading, list);
    parts.push(section);
  }
  if (unattributed) {
    const list = document.createElement('ul');
    list.className = 'sources source-group';
    list.dataset.group = 'unattributed';
    list.append(sourceRow(unattributed, annotation, reveal, press));
    parts.push(list);
  }
  if (parts.length === 1) {
    const empty = document.createElement('p');
    empty.className = 'hint';
    empty.textContent = 'No quotes found.';
    parts.push(empty);
  }
  root.replaceChildren(...parts);
}
