// The npm package in a browser page without a bundler: an import map names 'lede', the page
// imports it from node_modules/lede/index.js, awaits init() (which fetches the wasm beside the
// module) and annotates. Debian's Chromium through the e2e setup (tests/e2e/helpers.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../e2e/helpers.mjs';
import { serve } from '../../scripts/static-server.mjs';
import { PACKAGE, packageVersion, checkSeed, checkOffsets, checkErrors, checkExport, checkInput } from './checks.mjs';

const PAGE = `<!doctype html>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "lede": "./node_modules/lede/index.js" } }</script>
<script type="module">
  import { init, annotate, exportAs, version } from 'lede';
  let early = null;
  try { annotate('It rained.'); } catch (e) { early = e.message; }
  await init();
  window.lede = { annotate, exportAs, version: version(), early };
  document.body.dataset.ready = 'yes';
</script>
<body></body>`;

let browser, site, server, url, page;
const log = { requests: [], errors: [] };

before(async () => {
  if (!fs.existsSync(path.join(PACKAGE, 'package.json'))) throw new Error('dist/npm is missing: run scripts/build-npm first');
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-npm-site-'));
  fs.cpSync(PACKAGE, path.join(site, 'node_modules/lede'), { recursive: true });
  fs.writeFileSync(path.join(site, 'index.html'), PAGE);
  ({ server, url } = await serve(site));
  browser = await launch();
  page = await browser.context.newPage();
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && log.errors.push(m.text()));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="yes"]', { state: 'attached', timeout: 60_000 });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

/** annotate() in the page; errors come back by name and message. */
const run = (text, options) =>
  page.evaluate(([t, o]) => {
    try {
      return { value: window.lede.annotate(t, o) };
    } catch (e) {
      return { error: { name: e.name, message: e.message } };
    }
  }, [text, options]);

test('init() fetches the wasm beside the module; annotate before init says so', async () => {
  const { early, version } = await page.evaluate(() => ({ early: window.lede.early, version: window.lede.version }));
  assert.match(early, /await init\(\)/);
  assert.equal(version, packageVersion());
  const paths = log.requests.map((u) => new URL(u).pathname);
  assert.ok(paths.includes('/node_modules/lede/wasm/lede_bg.wasm'), JSON.stringify(paths));
  assert.ok(log.requests.every((u) => u.startsWith('http://127.0.0.1:')), 'no other host');
});

test('the seed article: quotes, speakers, clusters, values', () => checkSeed(assert, run));
test('UTF-16 offsets by default, code points on request, the date option', () => checkOffsets(assert, run));
test('bad input throws TypeError; an impossible date warns', () => checkErrors(assert, run));
/** exportAs() in the page. */
const runExport = (text, options, format) =>
  page.evaluate(([t, o, f]) => {
    try {
      return { value: window.lede.exportAs(t, o, f) };
    } catch (e) {
      return { error: { name: e.name, message: e.message } };
    }
  }, [text, options, format]);

test('exportAs is exported: json, brat with its text, a TypeError for an unknown format', () => checkExport(assert, runExport));
// The lone surrogate is made in the page: it might not survive the trip through the protocol.
test('a lone surrogate warns as in Python; binary data throws', () =>
  checkInput(assert, (t, o) => (t === 'LONE' ? page.evaluate(() => ({ value: window.lede.annotate(`He said ${String.fromCharCode(0xd800)} “hi.”`) })) : run(t, o)), 'LONE'));
test('no console errors', () => assert.deepEqual(log.errors, []));
