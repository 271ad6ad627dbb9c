// What the npm package must do wherever it runs (Node, a browser page, an installed tarball):
// the checks take `run(text, options)`, which annotates where the package runs and resolves
// to { value } or { error: { name, message } }.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PACKAGE = path.join(ROOT, 'dist/npm');
const seeds = path.join(ROOT, 'seeds');
export const SEED = fs.readFileSync(path.join(seeds, fs.readdirSync(seeds).sort()[0]), 'utf8');

/** Emoji (two UTF-16 units, and a ZWJ sequence) and accents before and inside the spans. */
export const UNICODE =
  'date 2023-10-13\n\n“The café 😀 was déjà vu for us,” said Zoë Müller, a spokeswoman for Nestlé, on Friday.\n\n' +
  'Jürgen Klopp 👩‍🔬 said the team won 3 games in Berlin last month.\n';

export function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')).version;
}

/** Every span of `a` with a `text`, as [what, span]. */
function textSpans(a) {
  const spans = a.entities.map((e) => ['entity', e]);
  for (const q of a.quotes) {
    spans.push(['quote', q]);
    for (const s of [q.speaker, q.cue, ...(q.parts ?? [])]) if (s) spans.push(['quote part', s]);
  }
  return spans;
}

export async function checkSeed(assert, run) {
  const { value: a, error } = await run(SEED);
  assert.equal(error, undefined);
  assert.equal(a.date, '2023-10-13');
  const kirby = a.quotes.filter((q) => q.kind === 'direct' && q.speaker_name === 'John Kirby');
  assert.ok(kirby.length >= 3, `John Kirby's direct quotes: ${JSON.stringify(a.quotes.map((q) => q.speaker_name))}`);
  const mixed = a.quotes.find((q) => q.kind === 'mixed');
  assert.equal(mixed?.speaker_name, 'Jake Sullivan');
  assert.deepEqual(mixed.parts.map((p) => p.text), ['“pay a price”']);
  assert.ok(a.entities.some((e) => e.label === 'DATE' && e.text === 'last month' && e.value));
  for (const [what, s] of textSpans(a)) assert.equal(SEED.slice(s.start, s.end), s.text, what);
  const cluster = a.clusters[kirby[0].speaker_cluster];
  assert.equal(cluster.name, 'John Kirby');
}

export async function checkOffsets(assert, run) {
  const { value: a } = await run(UNICODE);
  assert.ok(a.entities.length >= 4 && a.quotes.length >= 2, JSON.stringify(a));
  // UTF-16 units by default: String.prototype.slice is exact, emoji and all.
  for (const [what, s] of textSpans(a)) assert.equal(UNICODE.slice(s.start, s.end), s.text, what);
  for (const p of [...a.paragraphs, ...a.sentences]) assert.ok(0 <= p.start && p.start <= p.end && p.end <= UNICODE.length);
  // Code points on request: the same spans index the array of characters.
  const { value: c } = await run(UNICODE, { offsets: 'chars' });
  const chars = [...UNICODE];
  for (const [what, s] of textSpans(c)) assert.equal(chars.slice(s.start, s.end).join(''), s.text, what);
  assert.notDeepEqual(c.quotes.map((q) => q.end), a.quotes.map((q) => q.end), 'the units differ after an emoji');
  // The date option resolves relative dates in a text without a date line.
  const { value: d } = await run('It rained last month.', { date: '2023-10-13' });
  assert.equal(d.date, '2023-10-13');
  assert.ok(d.entities.some((e) => e.label === 'DATE' && e.value?.startsWith('2023-09')), JSON.stringify(d.entities));
}

/** exportAs(text, options, format) as the README documents it; `runExport` runs it where the
 * package runs, errors by name and message. */
export async function checkExport(assert, runExport) {
  const { value: json } = await runExport(SEED, null, 'json');
  assert.match(json.filename, /\.json$/);
  assert.equal(json.mime, 'application/json');
  assert.ok(JSON.parse(json.content).quotes.length > 0);
  const { value: brat } = await runExport(SEED, {}, 'brat');
  assert.match(brat.filename, /\.ann$/);
  assert.equal(brat.companion.content, SEED, 'brat gets the text beside the .ann');
  const bad = await runExport(SEED, null, 'docx');
  assert.equal(bad.error?.name, 'TypeError');
  assert.match(bad.error.message, /json, displacy, brat/);
}

/** A lone surrogate gets the warning Python gives; binary data is an Error, not annotated. */
export async function checkInput(assert, run, loneSurrogateText) {
  const { value: lone } = await run(loneSurrogateText);
  assert.ok(lone.warnings?.some((w) => w.startsWith('Lone surrogate replaced')), JSON.stringify(lone.warnings));
  const { value: written } = await run('A \uFFFD written as such.');
  assert.ok(!(written.warnings ?? []).some((w) => w.includes('surrogate')));
  const binary = await run('\x89PNG\r\n\x1a\n\0\0\0\rIHDR');
  assert.equal(binary.error?.name, 'Error');
  assert.match(binary.error.message, /binary/);
}

export async function checkErrors(assert, run) {
  const notText = await run(42);
  assert.equal(notText.error?.name, 'TypeError');
  assert.match(notText.error.message, /text must be a string, not number/);
  const badOptions = await run('x', { offsets: 'furlongs' });
  assert.equal(badOptions.error?.name, 'TypeError');
  const badDate = await run('It rained.', { date: '2023-13-45' });
  assert.ok(badDate.value.warnings?.length > 0, 'an impossible date is a warning');
  const { value: empty } = await run('', null);
  assert.deepEqual(empty.quotes, []);
}
