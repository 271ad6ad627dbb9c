// The corpus view's parts that need no browser, in plain Node: the CSV parser and writer, the
// file reader (Node has File and TextDecoderStream), and the counting of compact rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvParser, parseCsv, toCsv } from '../../www/corpus-csv.js';
import { readInput, articleDate, kindOf, MAX_BYTES } from '../../www/corpus-input.js';
import { CorpusStats } from '../../www/corpus-stats.js';

const TRICKY = '\uFEFFid,text,outlet\r\n1,"She said, ""no.""\nThen left.",Post\n\n2,plain text,"Times"\r3,"",\n4,a "quote" inside,x';
const TRICKY_ROWS = [
  ['\uFEFFid', 'text', 'outlet'],
  ['1', 'She said, "no."\nThen left.', 'Post'],
  ['2', 'plain text', 'Times'],
  ['3', '', ''],
  ['4', 'a "quote" inside', 'x'],
];

test('CSV: quoted fields, doubled quotes, newlines inside quotes, CRLF/LF/CR, blank lines skipped', () => {
  assert.deepEqual(parseCsv(TRICKY), TRICKY_ROWS);
  assert.deepEqual(parseCsv('a,b\n'), [['a', 'b']]);
  assert.deepEqual(parseCsv('a,b'), [['a', 'b']]);
  assert.deepEqual(parseCsv('a,,\n,'), [['a', '', ''], ['', '']]);
  assert.deepEqual(parseCsv('x\ty\n1\t"2\t3"', { delimiter: '\t' }), [['x', 'y'], ['1', '2\t3']]);
});

test('CSV: the same records however the text is cut into chunks', () => {
  for (let cut = 0; cut <= TRICKY.length; cut++) {
    for (const step of [1, 3]) {
      const parser = new CsvParser();
      const rows = [...parser.push(TRICKY.slice(0, cut))];
      for (let i = cut; i < TRICKY.length; i += step) rows.push(...parser.push(TRICKY.slice(i, i + step)));
      rows.push(...parser.end());
      assert.deepEqual(rows, TRICKY_ROWS, `cut at ${cut}, then chunks of ${step}`);
    }
  }
});

test('CSV: an unclosed quote is reported; a field over the limit is cut and its record flagged', () => {
  const parser = new CsvParser();
  parser.push('a,"never closed\nstill');
  assert.deepEqual(parser.end(), [['a', 'never closed\nstill']]);
  assert.equal(parser.unterminated, true);
  const small = new CsvParser({ maxField: 5 });
  const rows = [...small.push('id,text\n1,abcdefghij\n2,ok\n'), ...small.end()];
  assert.equal(rows[1].tooLong, true);
  assert.ok(rows[1][1].length <= 6);
  assert.equal(rows[2].tooLong, undefined);
});

test('CSV writer: RFC 4180 quoting, CRLF, null as empty; reads back the same', () => {
  const rows = [{ name: 'Ruiz, Ana', n: 2, q: 'said "no"', e: null }, { name: 'Line\nbreak', n: 0, q: '', e: undefined }];
  const csv = toCsv(['name', 'n', 'q', 'e'], rows);
  assert.equal(csv, 'name,n,q,e\r\n"Ruiz, Ana",2,"said ""no""",\r\n"Line\nbreak",0,,\r\n');
  assert.deepEqual(parseCsv(csv), [['name', 'n', 'q', 'e'], ['Ruiz, Ana', '2', 'said "no"', ''], ['Line\nbreak', '0', '', '']]);
});

test('input kinds and dates', () => {
  assert.deepEqual(['a.txt', 'b.JSONL', 'c.ndjson', 'd.csv', 'e.tsv', 'README', 'f.md'].map(kindOf), ['txt', 'jsonl', 'jsonl', 'csv', 'tsv', 'txt', 'txt']);
  assert.deepEqual(['2024-03-05', '2024-03-05T10:00:00Z', '2024-03-05 10:00', 'March 5', '', null, 20240305].map(articleDate), ['2024-03-05', '2024-03-05', '2024-03-05', null, null, null, null]);
});

async function entries(file, folder = '') {
  const out = [];
  for await (const e of readInput({ file, folder })) out.push(e);
  return out;
}
const brief = (list) => list.filter((e) => e.kind === 'article' || e.kind === 'message').map((e) => (e.kind === 'article' ? ['article', e.id, e.outlet, e.date, e.text] : ['message', e.where, e.message]));
const weight = (list) => list.reduce((n, e) => n + e.weight, 0);

test('reading: a .txt is one article; empty, blank and binary files are messages; weights add up to the size', async () => {
  const txt = new File(['Headline\n\nMary Lee said so.'], 'a.txt');
  let list = await entries(txt, 'Post');
  assert.deepEqual(brief(list), [['article', 'Post/a.txt', 'Post', null, 'Headline\n\nMary Lee said so.']]);
  assert.equal(list[0].title, 'Headline');
  assert.equal(weight(list), txt.size);
  list = await entries(new File([], 'empty.txt'));
  assert.deepEqual(brief(list), [['message', null, 'empty file: no text to annotate']]);
  list = await entries(new File(['  \n\t\n'], 'blank.txt'));
  assert.deepEqual(brief(list), [['message', null, 'empty file: only white space']]);
  const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'photo.txt');
  list = await entries(png);
  assert.match(brief(list)[0][2], /looks binary/);
  assert.equal(weight(list), png.size);
  // UTF-16 text (a byte-order mark, NUL bytes in every ASCII character) is text, not binary.
  const utf16 = new File([new Uint8Array([0xff, 0xfe, ...[...'Hi there.'].flatMap((c) => [c.charCodeAt(0), 0])])], 'win.txt');
  assert.deepEqual(brief(await entries(utf16)), [['article', 'win.txt', '.txt files', null, 'Hi there.']]);
});

test('reading: a .txt over the core\'s limit is refused unread, in the core\'s words', async () => {
  const huge = new File([new Uint8Array(MAX_BYTES + 10).fill(97)], 'huge.txt');
  const list = await entries(huge);
  assert.deepEqual(brief(list), [['message', null, 'the text is 16.0 MB; Lede annotates texts up to 16 MB: split it into articles']]);
  assert.equal(weight(list), huge.size);
});

test('reading: JSONL lines — articles, bad JSON, no text, empty text, bad date, blank lines', async () => {
  const lines = [
    JSON.stringify({ id: 7, text: 'One.', date: '2024-01-02', outlet: 'Post' }),
    '',
    'not json',
    JSON.stringify({ title: 'no text' }),
    JSON.stringify({ text: '   ' }),
    JSON.stringify(['text']),
    JSON.stringify({ text: 'Two.', date: 'yesterday' }),
    JSON.stringify({ text: 'Three.', date: '2024-05-06T08:00:00Z' }),
  ];
  const file = new File([lines.join('\n')], 'c.jsonl');
  const list = await entries(file);
  const got = brief(list);
  assert.deepEqual(got.map((e) => e.slice(0, 4)), [
    ['article', '7', 'Post', '2024-01-02'],
    ['message', 'line 3', got[1][2]],
    ['message', 'line 4', 'no "text" field: skipped'],
    ['message', 'line 5', 'empty text: skipped'],
    ['message', 'line 6', 'not a JSON object with a "text" field: skipped'],
    ['article', 'c.jsonl line 7', 'c.jsonl', null],
    ['article', 'c.jsonl line 8', 'c.jsonl', '2024-05-06'],
  ]);
  assert.match(got[1][2], /^not JSON \(/);
  assert.match(list.find((e) => e.id === 'c.jsonl line 7').note, /date "yesterday" is not YYYY-MM-DD/);
  assert.equal(weight(list), file.size, 'every byte is accounted for');
  assert.deepEqual(brief(await entries(new File(['\n\n'], 'blank.jsonl'))), [['message', null, 'no articles in the file: only blank lines']]);
});

test('reading: CSV with a text column (any case, other names), without one, and with only a header', async () => {
  const file = new File(['ID,Body,Outlet,Date\n1,"First, with a comma.",Post,2024-01-02\n2,,Post,\n3,Third.\n'], 'c.csv');
  const list = await entries(file);
  assert.deepEqual(brief(list).map((e) => e.slice(0, 4)), [
    ['article', '1', 'Post', '2024-01-02'],
    ['message', 'row 2', 'empty text: skipped'],
    ['article', '3', 'c.csv', null],
  ]);
  assert.equal(list[0].text, 'First, with a comma.');
  assert.equal(weight(list), file.size);
  const none = await entries(new File(['headline,author\nA,B\n'], 'no-text.csv'));
  assert.deepEqual(brief(none), [['message', 'header', 'no text column: the header is "headline", "author"; name the column of article texts "text" (or body, content, article)']]);
  assert.deepEqual(brief(await entries(new File(['text\n'], 'header-only.csv'))), [['message', null, 'no rows under the header']]);
  const tsv = await entries(new File(['text\tid\nA tab-separated article.\tt1\n'], 'x.tsv'));
  assert.deepEqual(brief(tsv), [['article', 't1', 'x.tsv', null, 'A tab-separated article.']]);
});

const row = (name, gender, evidence, quotes = 1, words = 10, extra = {}) => ({ name, type: 'PERSON', group: 'people', named: true, gender, gender_evidence: evidence, evidence_text: evidence && 'x', quotes, words, ...extra });
const result = (rows, quotes = 3) => ({ rows, article: { quotes, date: null }, ms: 5 });

test('counting: named people per article by gender, sources merged across articles, shares per outlet', () => {
  const stats = new CorpusStats();
  stats.add({ id: 'a', outlet: 'Post', title: 'A' }, result([row('Ana Ruiz', 'female', 'pronoun', 2, 20), row('Bo Lee', 'male', 'honorific'), row('Kim Park', null, null), row('officials', null, null, 1, 5, { type: null, group: 'groups', named: false })]));
  stats.add({ id: 'b', outlet: 'Times', title: 'B' }, result([row('Ana Ruiz', 'female', 'honorific', 1, 7), row('Kim Park', 'male', 'first name')]));
  stats.add({ id: 'c', outlet: 'Times', title: 'C' }, result([row('Kim Park', 'female', 'pronoun'), row('a spokeswoman', 'female', 'role', 1, 4, { type: null, named: false })]));
  assert.deepEqual(stats.articles.map((a) => [a.id, a.people, a.female, a.male, a.unknown, a.sources]), [['a', 3, 1, 1, 1, 4], ['b', 2, 1, 1, 0, 2], ['c', 1, 1, 0, 0, 2]]);
  const table = Object.fromEntries(stats.sourceTable().map((s) => [s.name, [s.gender, s.gender_evidence, s.articles, s.quotes, s.words]]));
  assert.deepEqual(table, {
    'Ana Ruiz': ['female', 'honorific', 2, 3, 27], // the stronger evidence of the two articles
    'Bo Lee': ['male', 'honorific', 1, 1, 10],
    'Kim Park': ['conflicting', 'pronoun', 3, 3, 30],
    officials: ['unknown', null, 1, 1, 5],
    'a spokeswoman': ['female', 'role', 1, 1, 4],
  });
  // The unnamed spokeswoman is no named person: not in the shares.
  const { all, outlets } = stats.shares();
  assert.deepEqual([all.female, all.male, all.unknown], [3, 2, 1]);
  assert.deepEqual(outlets.map((o) => [o.label, o.female, o.male, o.unknown]), [['Post', 1, 1, 1], ['Times', 2, 1, 0]]);
  assert.deepEqual(stats.topQuoted(2).map((s) => s.name), ['Kim Park', 'Ana Ruiz'], 'most quotes, then most words');
  assert.deepEqual(stats.rowTable()[0], { id: 'a', outlet: 'Post', name: 'Ana Ruiz', type: 'PERSON', group: 'people', named: true, gender: 'female', gender_evidence: 'pronoun', quotes: 2, words: 20 });
});

test('reading: a JSONL line or CSV field over the limit is a message, not held in memory; the next one is read', async () => {
  const huge = 'a'.repeat(MAX_BYTES + (1 << 20)); // longer than a chunk past the limit: never held whole
  const jsonl = await entries(new File([`{"text":"${huge}"}\n{"id":"next","text":"After."}\n`], 'big.jsonl'));
  assert.deepEqual(brief(jsonl).map((e) => e.slice(0, 2)), [['message', 'line 1'], ['article', 'next']]);
  assert.match(brief(jsonl)[0][2], /^the text is 17\.0 MB; Lede annotates texts up to 16 MB: split it into articles: skipped$/);
  const csv = await entries(new File([`id,text\nbig,${huge}\nnext,After.\n`], 'big.csv'));
  assert.deepEqual(brief(csv).map((e) => e.slice(0, 2)), [['message', 'row 1'], ['article', 'next']]);
});

test('counting: a correction wins over the articles in the table, the per-article counts, the shares and the rows', () => {
  const stats = new CorpusStats();
  stats.add({ id: 'a', outlet: 'Post', title: 'A' }, result([row('Kim Park', null, null), row('Bo Lee', 'male', 'honorific')]));
  stats.add({ id: 'b', outlet: 'Post', title: 'B' }, result([row('Kim Park', 'male', 'first name')]));
  stats.correct('Kim Park', 'female');
  const kim = stats.sourceTable().find((s) => s.name === 'Kim Park');
  assert.deepEqual([kim.gender, kim.gender_evidence], ['female', 'correction']);
  assert.deepEqual(stats.articles.map((a) => [a.female, a.male, a.unknown]), [[1, 1, 0], [1, 0, 0]]);
  assert.deepEqual([stats.shares().all.female, stats.shares().all.male], [2, 1]);
  assert.deepEqual(stats.rowTable().filter((r) => r.name === 'Kim Park').map((r) => [r.gender, r.gender_evidence]), [['female', 'correction'], ['female', 'correction']]);
  // An article added after the correction takes it too; "unknown" clears the gender; removing it restores the evidence.
  stats.add({ id: 'c', outlet: 'Post', title: 'C' }, result([row('Kim Park', 'male', 'pronoun')]));
  assert.equal(stats.articles[2].female, 1);
  stats.correct('Kim Park', null);
  assert.deepEqual([stats.sourceTable().find((s) => s.name === 'Kim Park').gender, stats.shares().all.unknown], ['unknown', 3]);
  stats.correct('Kim Park', undefined);
  assert.deepEqual(stats.sourceTable().find((s) => s.name === 'Kim Park').gender, 'male');
  assert.deepEqual(stats.articles.map((a) => [a.female, a.male, a.unknown]), [[0, 1, 1], [0, 1, 0], [0, 1, 0]]);
});
