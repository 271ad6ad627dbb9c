// The generated label files against their table www/labels.tsv, in plain Node (no browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { readTable, parseTable, genJs, genCss, GEN_JS, GEN_CSS } from '../../scripts/labels.mjs';

const rows = readTable();
const css = fs.readFileSync(GEN_CSS, 'utf8');

test('the generated files are up to date with www/labels.tsv', () => {
  assert.equal(fs.readFileSync(GEN_JS, 'utf8'), genJs(rows), 'www/labels.gen.js: run node scripts/labels.mjs');
  assert.equal(css, genCss(rows), 'www/labels.gen.css: run node scripts/labels.mjs');
});

test('labels.gen.js exports the table in legend order', async () => {
  const { LABELS, LABEL_NAMES, GLOSS, TYPE_NAME, TYPE_GROUP } = await import('../../www/labels.gen.js');
  assert.deepEqual(LABELS, rows.map((r) => [r.label, r.gloss]));
  assert.deepEqual(LABEL_NAMES, rows.map((r) => r.label));
  assert.deepEqual(Object.keys(GLOSS), LABEL_NAMES);
  assert.deepEqual(TYPE_NAME, Object.fromEntries(rows.map((r) => [r.label, r.name])));
  assert.deepEqual(TYPE_GROUP, Object.fromEntries(rows.map((r) => [r.label, r.group])));
  // Plain names as the page shows them, number types grouped.
  assert.equal(TYPE_NAME.ORG, 'Organisation');
  assert.equal(TYPE_NAME.NORP, 'Nationality or group');
  assert.deepEqual(LABEL_NAMES.filter((l) => TYPE_GROUP[l] === 'number'), ['DATE', 'TIME', 'PERCENT', 'MONEY', 'QUANTITY', 'ORDINAL', 'CARDINAL']);
  // labels.js passes the same table on.
  const page = await import('../../www/labels.js');
  assert.equal(page.LABELS, LABELS);
  assert.equal(page.LABEL_NAMES, LABEL_NAMES);
});

test('labels.gen.css has a colour, a dark colour and a legend toggle for every label, and no other label', () => {
  const [light, dark = ''] = css.split('@media (prefers-color-scheme: dark)');
  const labelsIn = (re, text) => [...text.matchAll(re)].map((m) => m[1]);
  const names = rows.map((r) => r.label);
  assert.deepEqual(labelsIn(/^\[data-label="(\w+)"\] \{ --c: #[0-9a-f]+; \}$/gm, light), names, 'one --c per label');
  for (const r of rows) {
    assert.ok(light.includes(`[data-label="${r.label}"] { --c: ${r.light}; }`), `${r.label} light colour`);
    const override = `[data-label="${r.label}"] { --c: ${r.dark}; }`;
    assert.equal(dark.includes(override), r.dark !== r.light, `${r.label} dark colour ${r.dark}`);
  }
  for (const label of labelsIn(/data-label="(\w+)"/g, css)) assert.ok(names.includes(label), `${label} is in the table`);
  // Each label's toggle rule hides both its highlight and its type badge.
  assert.deepEqual(labelsIn(/^\.off-(\w+) \.ent\[data-label="\1"\](?:,| \{)$/gm, css), names, 'highlight toggles');
  assert.deepEqual(labelsIn(/^\.off-(\w+) \.ent\[data-label="\1"\]::after(?:,| \{)$/gm, css), names, 'badge toggles');
  // Each label's highlight ends with its plain name.
  for (const r of rows) assert.ok(css.includes(`.ent.last[data-label="${r.label}"]::after { content: ${JSON.stringify(r.name)}; }`), `${r.label} tag`);
});

test('the table parser rejects malformed rows', () => {
  const row = (cols) => `${cols.join('\t')}\n`;
  const ok = `# comment\n${row(['PERSON', 'Person', 'name', 'person', '#0072b2', '-'])}`;
  assert.deepEqual(parseTable(ok), [{ label: 'PERSON', name: 'Person', group: 'name', gloss: 'person', light: '#0072b2', dark: '#0072b2' }]);
  assert.throws(() => parseTable(row(['PERSON', 'person', '#0072b2', '-'])), /6 tab-separated columns/);
  assert.throws(() => parseTable(row(['PERSON', 'Person', 'name', 'person', 'blue', '-'])), /light colour/);
  assert.throws(() => parseTable(row(['PERSON', 'Person', 'name', 'person', '#0072b2', '-']) + row(['PERSON', 'P', 'name', 'x', '#000', '-'])), /duplicate/);
  assert.throws(() => parseTable(row(['person', 'Person', 'name', 'person', '#0072b2', '-'])), /upper-case/);
  assert.throws(() => parseTable(row(['PERSON', '', 'name', 'person', '#0072b2', '-'])), /plain name/);
  assert.throws(() => parseTable(row(['PERSON', 'Say "hi"', 'name', 'person', '#0072b2', '-'])), /plain name/);
  assert.throws(() => parseTable(row(['PERSON', 'Person', 'thing', 'person', '#0072b2', '-'])), /group must be/);
  assert.throws(() => parseTable('# only comments\n'), /no labels/);
});
