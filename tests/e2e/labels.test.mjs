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
  const { LABELS, LABEL_NAMES, GLOSS } = await import('../../www/labels.gen.js');
  assert.deepEqual(LABELS, rows.map((r) => [r.label, r.gloss]));
  assert.deepEqual(LABEL_NAMES, rows.map((r) => r.label));
  assert.deepEqual(Object.keys(GLOSS), LABEL_NAMES);
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
});

test('the table parser rejects malformed rows', () => {
  const ok = '# comment\nPERSON\tperson\t#0072b2\t-\n';
  assert.deepEqual(parseTable(ok), [{ label: 'PERSON', gloss: 'person', light: '#0072b2', dark: '#0072b2' }]);
  assert.throws(() => parseTable('PERSON\tperson\t#0072b2\n'), /4 tab-separated columns/);
  assert.throws(() => parseTable('PERSON\tperson\tblue\t-\n'), /light colour/);
  assert.throws(() => parseTable('PERSON\tperson\t#0072b2\t-\nPERSON\tx\t#000\t-\n'), /duplicate/);
  assert.throws(() => parseTable('person\tperson\t#0072b2\t-\n'), /upper-case/);
  assert.throws(() => parseTable('# only comments\n'), /no labels/);
});
