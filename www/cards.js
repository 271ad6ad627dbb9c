// The Entities tab: one card per cluster (a person, organisation, place… with all its mentions),
// most mentioned first; below, the entities outside any cluster — other names, then dates and
// numbers together — as distinct texts. Hovering or focusing a card marks all its mentions in the
// article (marks.js).
import { LABEL_NAMES, TYPE_GROUP, QUOTE_KINDS, typeName, typeTitle } from './labels.js';
import { markCluster } from './marks.js';
import { more } from './panel.js';
import { genderOf, sentence } from './gender.js';

const MAX_CARDS = 200; // a 2 MB article must not build thousands of cards
const MAX_TEXTS = 200;
const CARD_QUOTES = 3; // quotes shown on a card; the rest are under Sources

/**
 * How the article refers to a cluster besides its names (`references`: the pronouns and
 * descriptions the learned coreference links to it): each form once, lower case, with its count,
 * in the order first used.
 */
function referredAs(c) {
  const counts = new Map();
  for (const r of c.references || []) {
    const form = r.text.toLowerCase();
    counts.set(form, (counts.get(form) || 0) + 1);
  }
  return [...counts].map(([text, count]) => ({ text, count }));
}

/**
 * The cards and the rest, from an Annotation: `{ cards, others }`. A card is `{ cluster, name,
 * label, roles, referredAs, mentions, quotes, first }` (entity and quote indices in text order; `first` the
 * earliest offset), ordered by mentions, then first position. `others` are the entities in no
 * cluster: `[{ group: 'name' | 'number', label, texts: [{ text, refs }] }]`, names first, each
 * group in legend order.
 */
export function entityCards(annotation) {
  const clusters = annotation.clusters || [];
  const inCluster = new Map();
  clusters.forEach((c, n) => (c.mentions || []).forEach((m) => inCluster.set(m, n)));
  const quotesOf = clusters.map(() => []);
  annotation.quotes.forEach((q, i) => {
    if (q.speaker_cluster != null && quotesOf[q.speaker_cluster]) quotesOf[q.speaker_cluster].push(i);
  });
  const cards = clusters.map((c, n) => {
    const mentions = [...(c.mentions || [])].filter((m) => annotation.entities[m]).sort((a, b) => annotation.entities[a].start - annotation.entities[b].start);
    const starts = [...mentions.map((m) => annotation.entities[m].start), ...quotesOf[n].map((i) => annotation.quotes[i].start)];
    return {
      cluster: n,
      name: c.name,
      label: c.label || null,
      roles: c.roles || [],
      referredAs: referredAs(c),
      mentions,
      quotes: quotesOf[n],
      first: starts.reduce((a, b) => Math.min(a, b), Infinity),
    };
  });
  cards.sort((a, b) => b.mentions.length - a.mentions.length || a.first - b.first);

  const byLabel = new Map();
  annotation.entities.forEach((e, i) => {
    if (inCluster.has(i) || e.cluster != null) return;
    if (!byLabel.has(e.label)) byLabel.set(e.label, new Map());
    const texts = byLabel.get(e.label);
    if (!texts.has(e.text)) texts.set(e.text, []);
    texts.get(e.text).push(i);
  });
  const labels = [...LABEL_NAMES, ...[...byLabel.keys()].filter((l) => !LABEL_NAMES.includes(l))];
  const others = [];
  for (const group of ['name', 'number']) {
    for (const label of labels) {
      if (!byLabel.has(label) || (TYPE_GROUP[label] || 'name') !== group) continue;
      others.push({ group, label, texts: [...byLabel.get(label)].map(([text, refs]) => ({ text, refs })) });
    }
  }
  return { cards, others };
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const short = (t, n = 80) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

function badge(label) {
  const b = document.createElement('span');
  b.className = 'badge';
  if (label) {
    b.dataset.label = label;
    b.textContent = typeName(label);
    b.title = typeTitle(label);
  } else {
    b.textContent = 'type unknown';
    b.title = 'a name the annotator could not type (person, organisation, …)';
  }
  return b;
}

// A button that shows the next of `refs` in the article each time it is pressed.
function cycler(text, refs, reveal, className = 'item') {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  if (refs.length) b.dataset.ref = refs[0];
  let next = 0;
  b.addEventListener('click', () => {
    if (!refs.length) return;
    reveal([refs[next]]);
    next = (next + 1) % refs.length;
  });
  return b;
}

function card(c, annotation, reveal, corrections) {
  const li = document.createElement('li');
  li.className = 'card';
  li.dataset.cluster = String(c.cluster);
  if (c.label) li.dataset.label = c.label;

  const head = document.createElement('div');
  head.className = 'card-head';
  const name = cycler(c.name, c.mentions.map((m) => `e${m}`), reveal, 'item card-name');
  name.title = c.mentions.length ? 'Show the next mention in the text' : 'Named only as a speaker';
  head.append(name, badge(c.label));
  li.append(head);

  if (c.roles.length) {
    const roles = document.createElement('p');
    roles.className = 'roles';
    roles.textContent = c.roles.join(' · ');
    li.append(roles);
  }
  if (c.referredAs.length) {
    const also = document.createElement('p');
    also.className = 'referred';
    also.title = 'How the article also refers to it (learned coreference)';
    also.textContent = `also: ${c.referredAs.map((r) => (r.count > 1 ? `${r.text} ×${r.count}` : r.text)).join(' · ')}`;
    li.append(also);
  }
  // A person's gender and what it rests on, in words (a guess says so), from a core that finds them.
  const cluster = annotation.clusters[c.cluster];
  if (annotation.source_genders && c.label === 'PERSON' && cluster) {
    const gender = document.createElement('p');
    gender.className = 'gender-line';
    gender.textContent = sentence(genderOf(cluster, corrections));
    li.append(gender);
  }
  const stats = document.createElement('p');
  stats.className = 'who';
  stats.textContent = `${plural(c.mentions.length, 'mention')}${c.quotes.length ? ` · ${plural(c.quotes.length, 'quote')}` : ''}`;
  li.append(stats);

  if (c.quotes.length) {
    const list = document.createElement('ol');
    list.className = 'card-quotes';
    for (const i of c.quotes.slice(0, CARD_QUOTES)) {
      const q = annotation.quotes[i];
      const item = document.createElement('li');
      item.value = i + 1; // numbered as in the Quotes tab
      const b = cycler(short(q.text), [`q${i}`], reveal);
      b.title = QUOTE_KINDS[q.kind] || q.kind;
      item.append(b);
      list.append(item);
    }
    more(list, c.quotes.length - CARD_QUOTES, ' under Sources');
    li.append(list);
  }

  // Hover or focus anywhere on the card marks all its mentions in the text.
  const on = () => markCluster(c.cluster);
  const off = () => markCluster(null);
  li.addEventListener('mouseenter', on);
  li.addEventListener('mouseleave', () => { if (!li.contains(document.activeElement)) off(); });
  li.addEventListener('focusin', on);
  li.addEventListener('focusout', (e) => { if (!li.contains(e.relatedTarget)) off(); });
  return li;
}

function othersSection(title, groups, reveal) {
  const section = document.createElement('div');
  section.className = 'others';
  const h = document.createElement('h3');
  h.textContent = title;
  section.append(h);
  for (const g of groups) {
    const details = document.createElement('details');
    details.open = true;
    details.className = 'group';
    details.dataset.label = g.label;
    const summary = document.createElement('summary');
    const n = g.texts.reduce((k, t) => k + t.refs.length, 0);
    summary.textContent = `${typeName(g.label)} (${n})`;
    summary.title = typeTitle(g.label);
    const list = document.createElement('ul');
    for (const { text, refs } of g.texts.slice(0, MAX_TEXTS)) {
      const li = document.createElement('li');
      li.append(cycler(refs.length > 1 ? `${text} ×${refs.length}` : text, refs.map((r) => `e${r}`), reveal));
      list.append(li);
    }
    more(list, g.texts.length - MAX_TEXTS);
    details.append(summary, list);
    section.append(details);
  }
  return section;
}

/**
 * Renders the Entities tab into `root`; `reveal(refs)` shows annotations in the article;
 * `corrections` are the reader's gender corrections (name → gender).
 */
export function renderEntities(root, annotation, reveal, corrections = {}) {
  markCluster(null);
  const { cards, others } = entityCards(annotation);
  const parts = [];
  if (cards.length) {
    const list = document.createElement('ul');
    list.className = 'cards';
    for (const c of cards.slice(0, MAX_CARDS)) list.append(card(c, annotation, reveal, corrections));
    more(list, cards.length - MAX_CARDS);
    parts.push(list);
  }
  const names = others.filter((g) => g.group === 'name');
  const numbers = others.filter((g) => g.group === 'number');
  if (names.length) parts.push(othersSection('Other names', names, reveal));
  if (numbers.length) parts.push(othersSection('Dates and numbers', numbers, reveal));
  if (!parts.length) {
    const empty = document.createElement('p');
    empty.className = 'hint';
    empty.textContent = 'No entities found.';
    parts.push(empty);
  }
  root.replaceChildren(...parts);
}
