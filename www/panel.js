// The side panel: legend with toggles, sources by kind, quotes in order (the entity cards are in
// cards.js).
import { LABEL_NAMES, TYPE_GROUP, QUOTE_KINDS, speakerDoubtful, speakerName, speakerSureness, typeName, typeTitle } from './labels.js';
import { markSource } from './marks.js';
import { genderOf, hasGender } from './gender.js';
import { genderMark } from './gender-ui.js';

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
    if (speakerDoubtful(q)) {
      who.classList.add('doubtful');
      who.textContent += ' (doubtful)';
    }
    if (speakerSureness(q)) who.title = `speaker ${speakerSureness(q)} sure`;
    b.append(who);
    li.append(b);
    list.append(li);
  });
  more(list, annotation.quotes.length - MAX_ITEMS);
  root.replaceChildren(list);
}

// What the other attributions report, in words (the core's `act`).
const ACT_NAMES = {
  belief: 'belief',
  plan: 'plan',
  finding: 'finding',
  perception: 'perception',
  action: 'action',
};

/**
 * The attributions that are not statements (`annotation.attributions`, present only when the
 * page asked for them): each with its act and source, as text. They are not quotes, so they are
 * neither marked in the article nor counted in Sources.
 */
export function renderAttributions(root, annotation) {
  const items = annotation.attributions || [];
  const list = document.createElement('ol');
  list.className = 'attributions';
  items.slice(0, MAX_ITEMS).forEach((q) => {
    const li = document.createElement('li');
    const act = document.createElement('span');
    act.className = 'act';
    act.textContent = ACT_NAMES[q.act] || q.act || 'attribution';
    const text = document.createElement('span');
    text.textContent = ` ${short(q.text)}`;
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = `${q.cue ? q.cue.text : ''} · ${speakerName(q) || 'unknown source'}`;
    li.append(act, text, who);
    list.append(li);
  });
  if (!items.length) {
    const none = document.createElement('p');
    none.className = 'hint';
    none.textContent = 'No beliefs, plans, findings or other attributions in this article.';
    root.replaceChildren(none);
    return;
  }
  more(list, items.length - MAX_ITEMS);
  root.replaceChildren(list);
}

// Sources: who is quoted, by kind of source. The core lists them (`annotation.sources`, see
// src/sources.rs: groups, order, names, word counts); the page titles the groups and badges the
// sources. The groups in display order:
const GROUPS = [
  { id: 'people', title: 'People' },
  { id: 'groups', title: 'Organisations and groups' },
  { id: 'others', title: 'Places and others' },
  { id: 'documents', title: 'Documents, issuer not named' },
];

// Badges for sources without an entity type (the others show their label, e.g. PERSON).
const UNNAMED = { text: 'unnamed', title: 'no name: the article only describes this source' };
const DOCUMENT = { text: 'document', title: 'a document; the article does not say who issued it' };
const UNTYPED = { text: 'type unknown', title: 'a name the annotator could not type (person, organisation, …)' };

/** A source's badge: its type, else unnamed or type unknown; none for the unattributed row. */
function badgeOf(s) {
  if (s.group === 'unattributed') return null;
  if (s.group === 'documents') return DOCUMENT;
  if (s.label) return { text: typeName(s.label), title: typeTitle(s.label) };
  return s.named ? UNTYPED : UNNAMED;
}

/**
 * Who is quoted, for the Sources panel, from `annotation.sources`: `{ groups: [{ id, title,
 * sources }], unattributed }`. Only groups with sources are listed. A source is `{ id, name,
 * label, badge, quotes, words, refs, indices, gender? }` (`quotes`: how many); `id` is its position in
 * `annotation.sources` (display order); `gender` (see genderOf in gender.js, with the reader's
 * `corrections`) only for a person source of a core that finds genders. `unattributed` is null
 * when every quote has a speaker.
 */
export function sources(annotation, corrections = {}) {
  const gendered = annotation.source_genders != null; // an older core has no gender fields
  const groups = GROUPS.map((g) => ({ ...g, sources: [] }));
  let unattributed = null;
  (annotation.sources || []).forEach((s, id) => {
    const row = {
      id,
      name: s.name,
      label: s.label || null,
      badge: badgeOf(s),
      quotes: s.quotes.length,
      words: s.words,
      refs: s.quotes.map((i) => `q${i}`),
      indices: s.quotes,
    };
    if (gendered && hasGender(s)) row.gender = genderOf(s, corrections);
    if (s.group === 'unattributed') unattributed = row;
    else groups.find((g) => g.id === s.group).sources.push(row);
  });
  return { groups: groups.filter((g) => g.sources.length > 0), unattributed };
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
function sourceRow(s, annotation, reveal, press, gender) {
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
  if (s.gender && gender) row.append(genderMark(s, row, gender.corrections, gender.onCorrect));
  li.append(row, list);
  return li;
}

/**
 * The Sources tab. Pressing a source's name marks all its quotes in the text (one CSS rule, see
 * marks.js) and shows the first; the name stays pressed and a bar offers to clear the marks.
 * `options`: `gender` ({ corrections, onCorrect(name, gender | null) }) lets the reader correct
 * a person's gender from its mark; `empty`, the hint shown when there is no article; `pressed`,
 * the name of a source to mark again (without scrolling to it).
 */
export function renderSources(root, annotation, reveal, found = sources(annotation), options = {}) {
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
  const press = (s, b, quiet = false) => {
    if (pressed === b) return unpress();
    unpress();
    pressed = b;
    b.setAttribute('aria-pressed', 'true');
    markSource(s.id);
    what.textContent = `${plural(s.quotes, 'quote')} ${s.badge ? `by ${s.name}` : 'with no speaker'} marked`;
    bar.hidden = false;
    if (!quiet) reveal([s.refs[0]]);
  };
  const rows = []; // [source, its row], to press one again after a re-render
  const row = (s) => {
    const li = sourceRow(s, annotation, reveal, press, options.gender);
    rows.push([s, li]);
    return li;
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
    for (const s of g.sources.slice(0, MAX_ITEMS)) list.append(row(s));
    more(list, g.sources.length - MAX_ITEMS);
    section.append(heading, list);
    parts.push(section);
  }
  if (unattributed) {
    const list = document.createElement('ul');
    list.className = 'sources source-group';
    list.dataset.group = 'unattributed';
    list.append(row(unattributed));
    parts.push(list);
  }
  // The source pressed before a re-render of the same article (a gender correction) stays marked.
  const again = options.pressed != null && rows.find(([s]) => s.name === options.pressed);
  if (again) press(again[0], again[1].querySelector('.source-name'), true);
  if (parts.length === 1) {
    const empty = document.createElement('p');
    empty.className = 'hint';
    empty.textContent = options.empty || 'No quotes found.';
    parts.push(empty);
  }
  root.replaceChildren(...parts);
}
