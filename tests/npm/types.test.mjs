// The npm package's TypeScript types as a user's code sees them: a strict TypeScript file
// imports 'lede' (resolved through package.json "exports" → types) and tsc checks it. The
// @ts-expect-error lines fail the check if the types were too loose (`any`) to catch misuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, PACKAGE } from './checks.mjs';

const USER_CODE = `import { init, annotate, exportAs, version } from 'lede';
import type { Annotation, Quote, Label, ParagraphKind, QuoteKind, TextSpan, Export, ExportFile } from 'lede';

await init();
const a: Annotation = annotate('It rained on Friday.', { offsets: 'chars', date: '2023-10-13' });
const date: string | null = a.date;
const kinds: ParagraphKind[] = a.paragraphs.map((p) => p.kind);
const labels: Label[] = a.entities.map((e) => e.label);
const clusters: (number | undefined)[] = a.entities.map((e) => e.cluster);
const names: string[] = a.clusters.map((c) => c.name);
const speakers: (string | null)[] = a.quotes.map((q: Quote) => q.speaker_name);
const quoteKinds: QuoteKind[] = a.quotes.map((q) => q.kind);
const parts: TextSpan[] = a.quotes.flatMap((q) => q.parts ?? []);
const cues: (number | undefined)[] = a.quotes.map((q) => q.cue?.start);
const warnings: string[] = a.warnings ?? [];
const v: string = version();
const brat: Export = exportAs('It rained.', null, 'brat');
const txt: ExportFile | undefined = brat.companion;
const csv: string = exportAs('It rained.', { date: '2023-10-13' }, 'quotes-csv').content;
export { date, kinds, labels, clusters, names, speakers, quoteKinds, parts, cues, warnings, v, txt, csv };

// @ts-expect-error formats are the seven export names
exportAs('x', null, 'docx');

// @ts-expect-error text must be a string
annotate(42);
// @ts-expect-error offsets are utf16, chars or bytes
annotate('x', { offsets: 'furlongs' });
// @ts-expect-error a quote's speaker may be null
const start: number = a.quotes[0].speaker.start;
// @ts-expect-error an entity's cluster may be absent
const cluster: number = a.entities[0].cluster;
// @ts-expect-error labels are the 18 OntoNotes types
const label: Label = 'MISC';
export { start, cluster, label };
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    lib: ['es2022', 'dom'],
    types: [],
  },
  files: ['main.mts'],
};

test('strict TypeScript using lede type-checks, and misuse does not', () => {
  if (!fs.existsSync(path.join(PACKAGE, 'package.json'))) throw new Error('dist/npm is missing: run scripts/build-npm first');
  const tsc = path.join(ROOT, 'node_modules/.bin/tsc');
  assert.ok(fs.existsSync(tsc), 'tsc is installed (npm ci; scripts/test installs it)');
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-npm-types-'));
  try {
    fs.cpSync(PACKAGE, path.join(project, 'node_modules/lede'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ type: 'module' }));
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    fs.writeFileSync(path.join(project, 'main.mts'), USER_CODE);
    const r = spawnSync(tsc, ['-p', project], { encoding: 'utf8' });
    assert.equal(r.status, 0, `tsc reports:\n${r.stdout}${r.stderr}`);
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});
