// The nesting renderer's core, in plain Node: overlapping spans become nested fragments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nest, blocks } from '../../www/spans.js';

const span = (ref, start, end, rank = 1) => ({ ref, start, end, rank });
// Compact form: ref[start,end){children} with ^ / $ marking the first / last fragment.
const show = (nodes) =>
  nodes.map((n) => `${n.first ? '^' : ''}${n.ref}[${n.start},${n.end})${n.last ? '$' : ''}${n.children.length ? `{${show(n.children)}}` : ''}`).join(' ');

test('entities inside a quote nest inside it', () => {
  assert.equal(show(nest([span('e1', 5, 9), span('q', 0, 20, 0), span('e2', 12, 15)], 0, 20)), '^q[0,20)${^e1[5,9)$ ^e2[12,15)$}');
});

test('a quote and an entity over the same text: the quote is outside', () => {
  assert.equal(show(nest([span('e', 3, 8, 1), span('q', 3, 8, 0)], 0, 10)), '^q[3,8)${^e[3,8)$}');
});

test('crossing spans are split into fragments that nest', () => {
  // An indirect quote [4,12) crossing an entity [0,6).
  assert.equal(show(nest([span('e', 0, 6), span('q', 4, 12, 0)], 0, 20)), '^e[0,6)${^q[4,6)} q[6,12)$');
});

test('a chain of crossings keeps order and covers every span exactly once', () => {
  const spans = [span('a', 0, 10), span('b', 5, 15), span('c', 8, 20), span('d', 9, 9), span('e', 30, 25)];
  const nodes = nest(spans, 0, 40);
  const cover = new Map();
  const walk = (ns, lo, hi) => {
    let pos = lo;
    for (const n of ns) {
      assert.ok(n.start >= pos && n.end <= hi && n.start < n.end, `${n.ref} [${n.start},${n.end}) inside [${pos},${hi})`);
      cover.set(n.ref, (cover.get(n.ref) || 0) + (n.end - n.start));
      walk(n.children, n.start, n.end);
      pos = n.end;
    }
  };
  walk(nodes, 0, 40);
  assert.deepEqual(Object.fromEntries(cover), { a: 10, b: 10, c: 12 }, 'empty and reversed spans are dropped');
});

test('random spans always nest properly and keep their lengths', () => {
  let seed = 7;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  for (let round = 0; round < 300; round++) {
    const spans = Array.from({ length: rand(12) }, (_, i) => {
      const s = rand(50);
      return span(`s${i}`, s, s + 1 + rand(20), rand(2));
    });
    const total = new Map();
    const walk = (ns, lo, hi) => {
      let pos = lo;
      for (const n of ns) {
        assert.ok(n.start >= pos && n.end <= hi);
        total.set(n.ref, (total.get(n.ref) || 0) + n.end - n.start);
        walk(n.children, n.start, n.end);
        pos = n.end;
      }
    };
    walk(nest(spans, 0, 80), 0, 80);
    for (const s of spans) assert.equal(total.get(s.ref), s.end - s.start, `round ${round}: ${s.ref}`);
  }
});

test('blocks: paragraphs get the spans that touch them; a quote across paragraphs goes to both', () => {
  const text = 'aaaa\n\nbbbb\n\ncccc';
  const paragraphs = [{ start: 0, end: 4, kind: 'body' }, { start: 6, end: 10, kind: 'body' }, { start: 12, end: 16, kind: 'boilerplate' }];
  const q = span('q', 2, 9, 0);
  const out = blocks(text, paragraphs, [q, span('e', 13, 15)]);
  assert.deepEqual(out.map((b) => [b.start, b.end, b.kind, b.spans.map((s) => s.ref).join()]), [
    [0, 4, 'body', 'q'],
    [6, 10, 'body', 'q'],
    [12, 16, 'boilerplate', 'e'],
  ]);
  const first = nest(out[0].spans, 0, 4)[0];
  const second = nest(out[1].spans, 6, 10)[0];
  assert.deepEqual([first.first, first.last, second.first, second.last], [true, false, false, true]);
});

test('blocks: stray text outside any paragraph is still shown', () => {
  const out = blocks('  intro\n\nbody', [{ start: 9, end: 13, kind: 'body' }], []);
  assert.deepEqual(out.map((b) => [b.start, b.end]), [[0, 9], [9, 13]]);
});
