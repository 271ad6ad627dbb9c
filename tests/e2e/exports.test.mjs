// The export control: each format downloaded from the page (served, and dist/lede.html from
// file://), its file name taken from the headline, its contents read back as the format's
// consumer reads them — offsets are code points (Array.from(text) indices) that slice the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openPage, setText, distUrl, screenshotPath, servedWww } from './helpers.mjs';

// Emoji before the spans (code points ≠ UTF-16 units), combining accents, a quote over a line end.
const TEXT = 'Chefs 👩‍🍳 reopen Cafe\u0301 Zoë\n\n'
  + '😀 Cafe\u0301 owner Zoë Ørsted said on Friday: “We’ll open 👩‍👩‍👧 three stores in Paris next\nyear.”\n\n'
  + '“Prices rose 3.5% in Łódź last month,” said Marie Dupont, the mayor of Paris.\n';
const STEM = 'chefs-reopen-cafe-zoe';
const POINTS = Array.from(TEXT);
const slice = (s, e) => POINTS.slice(s, e).join('');

const served = servedWww();

/** Chooses `format`, clicks Download and returns the `count` files it saves: [{ name, content }]. */
async function download(page, format, count = 1) {
  await page.selectOption('#export-format', format);
  const files = [];
  const saved = new Promise((resolve) => {
    page.on('download', async function collect(d) {
      files.push({ name: d.suggestedFilename(), content: fs.readFileSync(await d.path(), 'utf8') });
      if (files.length === count) {
        page.off('download', collect);
        resolve();
      }
    });
  });
  await page.click('#download');
  await saved;
  await page.waitForFunction(() => /^Downloaded /.test(document.getElementById('status').textContent));
  return files;
}

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF or LF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  const [header, ...body] = rows;
  return { header, records: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

/** Checks each format's file; `annotation` is the JSON export (code points) to compare with. */
const CHECKS = {
  json([file]) {
    assert.equal(file.name, `${STEM}.json`);
    const a = JSON.parse(file.content);
    assert.equal(a.text, TEXT, 'the JSON holds the text');
    assert.ok(a.entities.length >= 5 && a.quotes.length >= 2);
    for (const item of [...a.entities, ...a.quotes]) assert.equal(slice(item.start, item.end), item.text);
    return a;
  },
  displacy([file], a) {
    assert.equal(file.name, `${STEM}.displacy.json`);
    const doc = JSON.parse(file.content);
    assert.deepEqual(Object.keys(doc).sort(), ['ents', 'text', 'title'], "displaCy's keys");
    assert.equal(doc.text, TEXT);
    assert.equal(doc.title, 'Chefs 👩‍🍳 reopen Cafe\u0301 Zoë');
    assert.deepEqual(doc.ents, a.entities.map((e) => ({ start: e.start, end: e.end, label: e.label })));
  },
  brat(files, a) {
    const byName = Object.fromEntries(files.map((f) => [f.name, f.content]));
    assert.deepEqual(Object.keys(byName).sort(), [`${STEM}.ann`, `${STEM}.txt`], 'the .ann and the .txt brat reads beside it');
    assert.equal(byName[`${STEM}.txt`], TEXT);
    const lines = byName[`${STEM}.ann`].trimEnd().split('\n');
    const ids = new Set();
    let quotes = 0;
    for (const line of lines.filter((l) => l.startsWith('T'))) {
      const [id, typeAndOffsets, said] = line.split('\t');
      const [type, ...rest] = typeAndOffsets.split(' ');
      const pieces = rest.join(' ').split(';').map((f) => slice(...f.split(' ').map(Number)));
      assert.equal(pieces.join(' '), said, `${line}: the text at its offsets`);
      ids.add(id);
      if (type === 'Quote') quotes++;
    }
    assert.equal(quotes, a.quotes.length);
    for (const line of lines.filter((l) => /^[RA#*]/.test(l))) {
      for (const ref of line.match(/\bT\d+\b/g)) assert.ok(ids.has(ref), `${line} refers to a T line`);
    }
    assert.ok(lines.some((l) => /^R\d+\tSpokenBy Arg1:T\d+ Arg2:T\d+$/.test(l)), 'quotes link to speakers');
  },
  conll([file], a) {
    assert.equal(file.name, `${STEM}.conll`);
    const blocks = file.content.trimEnd().split('\n\n');
    assert.equal(blocks.length, a.sentences.length, 'one block per sentence');
    let at = 0;
    const spelled = [];
    for (const block of blocks) {
      for (const line of block.split('\n')) {
        const [token, tag, extra] = line.split('\t');
        assert.ok(token && tag && extra === undefined, line);
        const len = Array.from(token).length;
        while (slice(at, at + len) !== token) at++;
        if (tag.startsWith('B-')) spelled.push({ start: at, end: at + len, label: tag.slice(2) });
        else if (tag.startsWith('I-')) spelled.at(-1).end = at + len;
        else assert.equal(tag, 'O');
        at += len;
      }
    }
    assert.deepEqual(spelled, a.entities.map((e) => ({ start: e.start, end: e.end, label: e.label })));
  },
  webanno([file], a) {
    assert.equal(file.name, `${STEM}.jsonld`);
    const doc = JSON.parse(file.content);
    assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
    const items = doc.first.items;
    assert.equal(items.length, a.entities.length + a.quotes.length);
    for (const item of items) {
      const pos = item.target.selector.find((s) => s.type === 'TextPositionSelector');
      const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
      assert.equal(slice(pos.start, pos.end), quote.exact);
      assert.ok(slice(0, pos.start).endsWith(quote.prefix) && slice(pos.end).startsWith(quote.suffix));
    }
  },
  'quotes-csv'([file], a) {
    assert.equal(file.name, `${STEM}.quotes.csv`);
    const { header, records } = parseCsv(file.content);
    assert.deepEqual(header, ['speaker', 'speaker_cluster', 'kind', 'quote', 'cue', 'paragraph', 'start', 'end', 'confidence', 'speaker_confidence']);
    for (const r of records) assert.ok(Number(r.confidence) >= 0 && Number(r.confidence) <= 1, r.confidence);
    // A speaker's confidence is there exactly when the quote has a speaker.
    for (const r of records) assert.equal(r.speaker_confidence === '', r.speaker === '', JSON.stringify(r));
    for (const r of records.filter((r) => r.speaker_confidence !== '')) assert.ok(Number(r.speaker_confidence) >= 0 && Number(r.speaker_confidence) <= 1);
    assert.equal(records.length, a.quotes.length);
    for (const r of records) assert.equal(slice(Number(r.start), Number(r.end)), r.quote);
    assert.ok(records.some((r) => r.speaker === 'Marie Dupont'), JSON.stringify(records));
  },
  'entities-csv'([file], a) {
    assert.equal(file.name, `${STEM}.entities.csv`);
    const { header, records } = parseCsv(file.content);
    assert.deepEqual(header, ['label', 'text', 'value', 'cluster', 'start', 'end']);
    assert.deepEqual(records.map((r) => [r.label, r.text, Number(r.start), Number(r.end)]), a.entities.map((e) => [e.label, e.text, e.start, e.end]));
  },
};

test('each format downloads named from the headline and reads back at code-point offsets', async () => {
  await served.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.base.replace(/\/$/, '') });
  const { page, log } = await openPage(served.browser.context, served.base);
  for (const id of ['#export-format', '#copy', '#download']) {
    assert.ok(await page.isDisabled(id), `${id} is disabled before there is a result`);
  }
  await setText(page, TEXT);
  for (const id of ['#export-format', '#copy', '#download']) assert.ok(await page.isEnabled(id), `${id} is enabled`);
  const options = await page.$$eval('#export-format option', (os) => os.map((o) => o.value));
  assert.deepEqual(options, ['json', 'displacy', 'brat', 'conll', 'webanno', 'quotes-csv', 'entities-csv']);

  const annotation = CHECKS.json(await download(page, 'json'));
  for (const format of options.slice(1)) {
    const files = await download(page, format, format === 'brat' ? 2 : 1);
    CHECKS[format](files, annotation);
  }
  // Copy gives the same content as the download.
  const [csv] = await download(page, 'quotes-csv');
  await page.click('#copy');
  await page.waitForFunction(() => /copied/.test(document.getElementById('status').textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), csv.content);
  await page.locator('.actions').screenshot({ path: screenshotPath('exports-actions.png') });
  await page.screenshot({ path: screenshotPath('exports-page.png') });
  // At phone width the controls wrap inside the page.
  await page.setViewportSize({ width: 390, height: 800 });
  const overflow = await page.$$eval('.actions select, .actions button', (els) => els.filter((e) => e.getBoundingClientRect().right > innerWidth).map((e) => e.id));
  assert.deepEqual(overflow, [], 'no export control runs off a phone screen');
  await page.locator('.actions').screenshot({ path: screenshotPath('exports-actions-phone.png') });
  await page.setViewportSize({ width: 1280, height: 900 });

  // An emptied text has nothing to export.
  await page.click('#clear');
  await page.waitForSelector('#article .empty');
  assert.ok(await page.isDisabled('#download'), 'empty text: Download is disabled again');
  assert.deepEqual(log.errors, [], 'console is free of errors');
  await page.close();
});

test('dist/lede.html (file://) exports too: brat with its text', async () => {
  const { page, log } = await openPage(served.browser.context, distUrl());
  await setText(page, TEXT);
  const annotation = CHECKS.json(await download(page, 'json'));
  CHECKS.brat(await download(page, 'brat', 2), annotation);
  assert.deepEqual(log.errors, []);
  await page.close();
});
