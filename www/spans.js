// Turns annotation spans that may overlap (an indirect quote crossing an entity, an entity
// inside a quote, a quote running over several paragraphs) into properly nested fragments,
// so the article can be rendered as a tree of elements without ever splicing HTML strings.
//
// A span is { start, end, rank, ref }; at equal extent a lower rank is the outer element.
// Each output node is { ref, start, end, first, last, children } where first/last say whether
// the fragment starts/ends the original span (labels and badges go on those ends only).

const order = (a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank;

function cut(frag, start, end) {
  return { span: frag.span, start, end, rank: frag.rank };
}

// Index of the first fragment in list[from..] that sorts after `frag`.
function insertAt(list, from, frag) {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid], frag) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// `list` is sorted and lies inside the parent; returns the parent's child nodes.
function build(list) {
  const out = [];
  let i = 0;
  while (i < list.length) {
    const a = list[i++];
    const inner = [];
    const spill = [];
    let wasCut = false;
    // Sorted by start, so everything that starts before `a` ends is inside it or crosses it.
    while (i < list.length && list[i].start < a.end) {
      const b = list[i++];
      if (b.end <= a.end) {
        inner.push(b);
      } else {
        inner.push(cut(b, b.start, a.end));
        spill.push(cut(b, a.end, b.end));
        wasCut = true;
      }
    }
    if (wasCut) inner.sort(order);
    out.push({
      ref: a.span.ref,
      span: a.span,
      start: a.start,
      end: a.end,
      first: a.start === a.span.start,
      last: a.end === a.span.end,
      children: build(inner),
    });
    // The crossing remainders start where `a` ends: put them back in order.
    for (const s of spill) list.splice(insertAt(list, i, s), 0, s);
  }
  return out;
}

/** Nests `spans` clipped to [lo, hi); empty and outside spans are dropped. */
export function nest(spans, lo, hi) {
  const list = [];
  for (const span of spans) {
    const start = Math.max(span.start, lo);
    const end = Math.min(span.end, hi);
    if (end > start) list.push({ span, start, end, rank: span.rank });
  }
  list.sort(order);
  return build(list);
}

/**
 * Splits the text into blocks (the paragraphs, plus any stray non-blank text between them)
 * and hands each block the spans that touch it, in one sorted pass.
 */
export function blocks(text, paragraphs, spans) {
  const out = [];
  let pos = 0;
  const gap = (start, end) => {
    if (end > start && /\S/.test(text.slice(start, end))) out.push({ start, end, kind: 'body', spans: [] });
  };
  for (const p of [...paragraphs].sort((a, b) => a.start - b.start)) {
    if (p.start < pos || p.end <= p.start) continue;
    gap(pos, p.start);
    out.push({ start: p.start, end: p.end, kind: p.kind, spans: [] });
    pos = p.end;
  }
  gap(pos, text.length);
  for (const span of spans) {
    // First block that ends after the span starts.
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (out[mid].end <= span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let b = lo; b < out.length && out[b].start < span.end; b++) out[b].spans.push(span);
  }
  return out;
}
