// Shared e2e setup: Debian's Chromium driven by playwright-core (never a downloaded browser),
// www/ served from 127.0.0.1 on a random port, and a log of requests and console errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';
import { readTable, GEN_JS, GEN_CSS } from '../../scripts/labels.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS = path.join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium with a fresh profile; returns { browser, close }. */
export async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves www/ on 127.0.0.1 with a random port. */
export async function serveWww() {
  const dist = path.join(ROOT, 'www/pkg/lede_bg.wasm');
  if (!fs.existsSync(dist)) throw new Error('www/pkg is missing: run scripts/serve --build-only first');
  for (const gen of [GEN_JS, GEN_CSS]) {
    if (!fs.existsSync(gen)) throw new Error(`${path.relative(ROOT, gen)} is missing: run scripts/serve --build-only first`);
  }
  return serve(path.join(ROOT, 'www'));
}

/**
 * For a test file: before its tests, Chromium is launched and www/ served; after them both are
 * closed. The returned object's `browser` and `base` (the page's URL) are set once `before` ran.
 */
export function servedWww() {
  const served = {};
  before(async () => {
    served.browser = await launch();
    ({ server: served.server, url: served.base } = await serveWww());
  });
  after(async () => {
    await served.browser?.close();
    served.server?.close();
  });
  return served;
}

export function distUrl() {
  const file = path.join(ROOT, 'dist/lede.html');
  if (!fs.existsSync(file)) throw new Error('dist/lede.html is missing: run scripts/serve --build-only first');
  return pathToFileURL(file).href;
}

/** A page that records every request, console error, page error and dialog. */
export async function openPage(context, url) {
  const page = await context.newPage();
  const log = { requests: [], errors: [], dialogs: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('dialog', async (d) => {
    log.dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('body[data-state="idle"]', { timeout: 30_000 });
  return { page, log };
}

/** Sets the text area like a paste and waits for the rendered annotation. */
export async function setText(page, text) {
  await page.evaluate((t) => {
    const input = document.getElementById('input');
    input.value = t;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 240_000 });
}

/** Pastes over the text area's text the way a user does (a cancelable paste event, then
 *  insertText), without waiting for the result. */
export async function pasteOver(page, text) {
  await page.evaluate((t) => {
    const input = document.getElementById('input');
    input.focus();
    input.select();
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', t);
    const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
    if (input.dispatchEvent(paste)) document.execCommand('insertText', false, t);
  }, text);
}

/** Pastes into the text area the way a user does and waits for the annotation. */
export async function pasteText(page, text) {
  await pasteOver(page, text);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 240_000 });
}

export async function loadSample(page) {
  await page.click('#sample');
  await page.waitForSelector('body[data-state="ready"]');
  await page.waitForFunction(() => document.querySelectorAll('#article .para').length > 5);
}

export function screenshotPath(name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  return path.join(RESULTS, name);
}

export const SEED = fs.readFileSync(path.join(ROOT, 'seeds', fs.readdirSync(path.join(ROOT, 'seeds')).sort()[0]), 'utf8');

/** Texts of all annotations of one kind, joining the fragments of each span. */
export async function spanTexts(page, selector) {
  return page.evaluate((sel) => {
    const byRef = new Map();
    for (const el of document.querySelectorAll(`#article ${sel}`)) {
      const ref = el.dataset.ref || el.dataset.role;
      // Only direct text of this span and its nested children; fragments are joined in order.
      byRef.set(ref, (byRef.get(ref) || '') + el.textContent);
    }
    return [...byRef.values()];
  }, selector);
}

/** The acceptance checks on the seed article, shared by the served page and dist/lede.html. */
export async function checkSeed(t, page, assert) {
  const quotes = await spanTexts(page, '.quote');
  const expected = [
    ['“Due in part', 'equipment,”'],
    ['“We now have information', 'munitions.”'],
    ['“We condemn the DPRK', 'equipment,”'],
    ['“This expanding military', 'regime,”'],
    ['Pyongyang will “pay a price”', 'deal'],
  ];
  for (const [head, tail] of expected) {
    assert.ok(
      quotes.some((q) => q.startsWith(head) && q.endsWith(tail)),
      `quote ${head}…${tail} is marked; marked: ${JSON.stringify(quotes)}`,
    );
  }
  // The partial quote inside Sullivan's reported speech is one mixed quote; its quoted words
  // are drawn inside it.
  const parts = await spanTexts(page, '.part');
  assert.ok(parts.includes('“pay a price”'), `the mixed quote's part is exactly “pay a price”: ${JSON.stringify(parts)}`);
  assert.ok(!quotes.includes('“pay a price”'), 'the quoted words are not a second quote');

  assert.equal(await page.inputValue('#article-date'), '2023-10-13', 'the date field holds the marker date');
  assert.ok(!(await page.isVisible('#dateline')), 'no place dateline in the seed');

  const dimmed = await page.$$eval('#article .para.dim', (ps) =>
    ps.map((p) => ({ text: p.textContent.trim(), opacity: Number(getComputedStyle(p).opacity) })),
  );
  assert.equal(dimmed.length, 3, `three dimmed paragraphs: ${JSON.stringify(dimmed)}`);
  assert.equal(dimmed[0].text, 'ADVERTISEMENT Advertisement');
  assert.ok(dimmed[1].text.startsWith('Graphic provided by'));
  assert.ok(dimmed[2].text.startsWith('For the latest news'));
  for (const d of dimmed) assert.ok(d.opacity < 0.9, `dimmed paragraph is faded: ${d.text}`);

  const entities = await page.$$eval('#article .ent', (els) =>
    els.map((e) => ({ text: e.textContent, label: e.dataset.label, bg: getComputedStyle(e).backgroundColor })),
  );
  for (const want of ['last month', 'Friday', 'Thursday', 'next Monday', 'more than 1000']) {
    const hit = entities.find((e) => e.text === want);
    assert.ok(hit, `${want} is highlighted; highlighted: ${entities.map((e) => e.text).join(' | ')}`);
    assert.notEqual(hit.bg, 'rgba(0, 0, 0, 0)', `${want} has a highlight colour`);
  }
  // Entities nested in quotes stay highlighted.
  assert.ok(
    await page.$('#article .quote .ent'),
    'an entity inside a quote is rendered inside the quote element',
  );
}

/** The entity-label table www/labels.tsv: [{ label, gloss, light, dark }] in legend order. */
export const LABEL_TABLE = readTable();

/** `#rrggbb` / `#rgb` → the `rgb(r, g, b)` getComputedStyle reports. */
export function rgb(hex) {
  const h = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (d) => d + d) : hex;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * The legend and the entity colours follow www/labels.tsv (the page's colour scheme, light or
 * dark, picks the column): the legend lists the table's labels found in the article, names
 * first, then dates and numbers, each in table order, by plain name with the OntoNotes code and
 * gloss in the tooltip, in its colour; every label's highlight has its own colour (not the
 * transparent default of a label without a rule), its plain name after it, and its legend
 * toggle hides it.
 */
export async function checkLabelTable(page, assert, scheme = 'light') {
  const legend = await page.$$eval('#legend .legend-item', (bs) =>
    bs.map((b) => ({
      label: b.dataset.label,
      group: b.closest('.legend-group').dataset.group,
      name: b.querySelector('span:not(.swatch):not(.count)').textContent,
      title: b.title,
      swatch: getComputedStyle(b.querySelector('.swatch')).backgroundColor,
    })),
  );
  const found = new Set(await page.$$eval('#article .ent', (es) => es.map((e) => e.dataset.label)));
  const want = ['name', 'number'].flatMap((group) =>
    LABEL_TABLE.filter((r) => r.group === group && found.has(r.label)).map((r) => ({
      label: r.label,
      group,
      name: r.name,
      title: `${r.label}: ${r.gloss}`,
      swatch: rgb(scheme === 'dark' ? r.dark : r.light),
    })),
  );
  assert.ok(want.length > 0, 'the article has entities');
  assert.deepEqual(legend, want, `legend = the rows of www/labels.tsv found in the article (${scheme})`);
  // A highlight of each label, and one of a label the table lacks (no colour: the default).
  const styles = await page.evaluate((labels) => {
    const article = document.getElementById('article');
    const style = (label) => {
      const s = document.createElement('span');
      s.className = 'ent last';
      s.dataset.label = label;
      s.textContent = label;
      article.append(s);
      const on = { border: getComputedStyle(s).borderBottomColor, bg: getComputedStyle(s).backgroundColor, tag: getComputedStyle(s, '::after').content };
      article.classList.add(`off-${label}`);
      const off = { bg: getComputedStyle(s).backgroundColor, after: getComputedStyle(s, '::after').display };
      article.classList.remove(`off-${label}`);
      s.remove();
      return { label, on, off };
    };
    return { labels: labels.map(style), unknown: style('NOT_A_LABEL') };
  }, LABEL_TABLE.map((r) => r.label));
  assert.equal(styles.unknown.on.bg, 'rgba(0, 0, 0, 0)', 'a label outside the table has no highlight colour');
  for (const [i, s] of styles.labels.entries()) {
    const row = LABEL_TABLE[i];
    assert.notEqual(s.on.bg, 'rgba(0, 0, 0, 0)', `${row.label} highlights have a colour (${scheme})`);
    assert.equal(s.on.border, rgb(scheme === 'dark' ? row.dark : row.light), `${row.label} has its table colour (${scheme})`);
    assert.equal(s.on.tag, JSON.stringify(row.name), `${row.label} highlights end with the plain name ${row.name}`);
    assert.deepEqual(s.off, { bg: 'rgba(0, 0, 0, 0)', after: 'none' }, `the legend toggle hides ${row.label}`);
  }
}

/** Refs of the quotes the page marks (the dashed outline of a pressed source), in text order. */
export async function markedQuotes(page) {
  return page.$$eval('#article .quote', (qs) => [
    ...new Set(qs.filter((q) => getComputedStyle(q).outlineStyle === 'dashed').map((q) => q.dataset.ref)),
  ]);
}

/** Longest gap between animation frames (ms) while `action` runs: the page's responsiveness. */
export async function heartbeat(page, action) {
  await page.evaluate(() => {
    window.__beat = { last: performance.now(), max: 0, frames: 0, on: true };
    const tick = (now) => {
      const b = window.__beat;
      if (!b.on) return;
      b.max = Math.max(b.max, now - b.last);
      b.last = now;
      b.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await action();
  return page.evaluate(() => {
    window.__beat.on = false;
    return window.__beat;
  });
}
