// The npm package (dist/npm, built by scripts/build-npm) imported straight into Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE, packageVersion, checkSeed, checkOffsets, checkErrors, checkExport, checkInput } from './checks.mjs';

if (!fs.existsSync(path.join(PACKAGE, 'package.json'))) throw new Error('dist/npm is missing: run scripts/build-npm first');
const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8'));
const lede = await import(pathToFileURL(path.join(PACKAGE, manifest.exports['.'].node)).href);

const run = async (text, options) => {
  try {
    return { value: lede.annotate(text, options) };
  } catch (e) {
    return { error: { name: e.name, message: e.message } };
  }
};

test('package.json: name, crate version, ES module, exports and types', () => {
  const cargo = fs.readFileSync(path.join(PACKAGE, '../../Cargo.toml'), 'utf8');
  assert.equal(manifest.name, 'lede');
  assert.equal(manifest.version, cargo.match(/^version = "(.*)"/m)[1]);
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.types, './lede.d.ts');
  for (const f of [...Object.values(manifest.exports['.']), ...manifest.files]) {
    assert.ok(fs.existsSync(path.join(PACKAGE, f)), `${f} is in dist/npm`);
  }
});

test('annotate works at import in Node; init() resolves; version() is the package version', async () => {
  assert.equal(typeof lede.annotate('It rained.'), 'object');
  await lede.init();
  assert.equal(lede.version(), packageVersion());
});

test('the seed article: quotes, speakers, clusters, values', () => checkSeed(assert, run));
test('UTF-16 offsets by default, code points on request, the date option', () => checkOffsets(assert, run));
test('bad input throws TypeError; an impossible date warns', () => checkErrors(assert, run));

const runExport = async (text, options, format) => {
  try {
    return { value: lede.exportAs(text, options, format) };
  } catch (e) {
    return { error: { name: e.name, message: e.message } };
  }
};

test('exportAs is exported: json, brat with its text, a TypeError for an unknown format', () => checkExport(assert, runExport));
test('a lone surrogate warns as in Python; binary data throws', () => checkInput(assert, run, 'He said \uD800 “hi.”'));

test('a text over 16 MiB throws a RangeError', () => {
  assert.throws(() => lede.annotate('word '.repeat((16 << 20) / 5 + 1)), RangeError);
  assert.equal(lede.annotate('It rained on Friday.').entities[0].text, 'Friday', 'and the next call works');
});
