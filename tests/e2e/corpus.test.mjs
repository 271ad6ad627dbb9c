// The corpus view in Debian's headless Chromium: 30 generated articles dropped, annotated in
// workers, counted into tables and charts and exported; bad files answered one by one while the
// rest goes on; 10,000 files with cancel and resume and nothing lost; dist/lede.html from file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openPage, screenshotPath, servedWww, distUrl, heartbeat } from './helpers.mjs';
import { makeCorpus, toJsonl } from './corpus-articles.mjs';
import { parseCsv } from '../../www/corpus-csv.js';

const served = servedWww();

/** Opens the page on the corpus view. */
async function openCorpus(base) {
  const opened = await openPage(served.browser.context, base);
  await opened.page.click('#view-corpus');
  await opened.page.waitForSelector('#corpus-drop', { state: 'visible' });
  return opened;
}

/**
 * Drops files on the corpus view the way a drag from the desktop does (a drop event carrying
 * Files). Specs: { name, text } | { name, binary: true } | { name, size } (that many "a"s).
 */
async function dropFiles(page, specs) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const s of list) {
      let body;
      if (s.binary) body = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
      else if (s.size) body = new Uint8Array(s.size).fill(97);
      else body = s.text;
      dt.items.add(new File([body], s.name, { type: s.binary ? 'image/png' : 'text/plain' }));
    }
    document.getElementById('corpus-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, specs);
}

const waitDone = (page, timeout = 180_000) => page.waitForSelector('#corpus[data-state="done"]', { timeout });

const messages = (page) => page.$$eval('#corpus-messages li', (ls) => ls.map((l) => l.textContent));

/** Clicks an export button and returns the downloaded file's name and text. */
async function exported(page, what, format) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-export="${what}"][data-format="${format}"]`)]);
  return { name: download.suggestedFilename(), content: fs.readFileSync(await download.path(), 'utf8') };
}

/** A CSV export as objects keyed by its header. */
function records(csv) {
  const [header, ...rows] = parseCsv(csv);
  return { header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

const sum = (rows, key) => rows.reduce((n, r) => n + Number(r[key]), 0);

/** The core's `sources` of each article, from the wasm the page runs, annotated here in Node. */
async function coreSources(articles) {
  const { default: init, annotate } = await import('../../www/pkg/lede.js');
  await init({ module_or_path: fs.readFileSync(new URL('../../www/pkg/lede_bg.wasm', import.meta.url)) });
  return articles.map((a) => annotate(a.text, {}).sources);
}

test('30 dropped articles: progress to done, sources and articles tables, charts, CSV and JSON exports', async () => {
  const { page, log } = await openCorpus(served.base);
  assert.ok(await page.isHidden('#input-area'), 'the article input is hidden in the corpus view');
  const corpus = makeCorpus(30);
  const beat = await heartbeat(page, async () => {
    await dropFiles(page, corpus.map((a) => ({ name: `${a.id}.txt`, text: a.text })));
    await page.waitForSelector('#corpus[data-state="running"]');
    await waitDone(page);
  });
  assert.ok(beat.max < 1000, `no main-thread stall over 1 s while annotating (longest ${beat.max.toFixed(0)} ms)`);
  assert.equal(await page.$eval('#corpus-progress', (p) => p.value), 1, 'the progress bar is full');
  assert.match(await page.textContent('#corpus-status'), /^Done: 30 articles in \d+ s \(\d+\.\d articles\/s\)$/);
  assert.ok(await page.isHidden('#corpus-messages-box'), 'no messages for good files');

  // Tables: the articles (one row each), the sources across them, sortable and filterable.
  assert.equal(await page.textContent('#articles-table .table-count'), '30 articles');
  assert.equal(await page.$$eval('#articles-table tbody tr', (rs) => rs.length), 30);
  const sourceRows = await page.$$eval('#sources-table tbody tr', (rs) => rs.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.ok(sourceRows.length > 30, `sources listed: ${sourceRows.length}`);
  const quotesColumn = sourceRows.map((r) => Number(r[5]));
  assert.deepEqual(quotesColumn, [...quotesColumn].sort((a, b) => b - a), 'most quoted first');
  await page.click('#sources-table th:nth-child(1) button');
  const names = await page.$$eval('#sources-table tbody tr td:first-child', (ts) => ts.map((t) => t.textContent));
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)), 'sorted by name after a click on its header');
  assert.equal(await page.getAttribute('#sources-table th:nth-child(1)', 'aria-sort'), 'ascending');

  // The rows are the core's sources, article by article (the same wasm annotating in Node),
  // with their gender and strongest evidence.
  const rows = records((await exported(page, 'rows', 'csv')).content);
  assert.deepEqual(rows.header, ['id', 'outlet', 'name', 'type', 'group', 'named', 'gender', 'gender_evidence', 'quotes', 'words']);
  const expected = (await coreSources(corpus)).flatMap((sources, i) =>
    sources.map((s) => [`${corpus[i].id}.txt`, '.txt files', s.name, s.label || '', s.group, String(s.named), s.gender || '', s.gender_evidence?.[0]?.kind || '', String(s.quotes.length), String(s.words)]),
  );
  assert.deepEqual(rows.rows.map((r) => rows.header.map((h) => r[h])), expected, 'the rows CSV holds what the core says, in input order');
  // Against the people the generator wrote: none with the wrong gender, most with one.
  let right = 0;
  let wrong = 0;
  const people = corpus.flatMap((a) => a.people.map((p) => ({ ...p, id: `${a.id}.txt` })));
  for (const p of people) {
    const found = rows.rows.find((r) => r.id === p.id && r.name === p.name);
    if (found && found.gender === p.gender) right++;
    else if (found && found.gender) wrong++;
  }
  console.log(`    generated people quoted: ${people.length}; gender right ${right}, wrong ${wrong}, unknown ${people.length - right - wrong}`);
  assert.equal(wrong, 0, 'no one with the wrong gender');
  assert.ok(right >= people.length * 0.7, `${right} of ${people.length} people given their gender`);

  // The filter: women only.
  await page.selectOption('#sources-gender', 'female');
  const genders = await page.$$eval('#sources-table tbody tr td:nth-child(3)', (ts) => ts.map((t) => t.textContent));
  assert.ok(genders.length > 0 && genders.every((g) => g.startsWith('female')), `female only: ${genders.slice(0, 5)}`);
  await page.selectOption('#sources-gender', '');

  // Charts: shares overall and per outlet, bars per gender with their counts; the most quoted.
  const shares = await page.$$eval('#chart-shares svg rect.bar', (rs) => rs.map((r) => [r.dataset.gender, Number(r.dataset.count)]));
  const named = rows.rows.filter((r) => r.group === 'people' && r.named === 'true');
  const count = (g) => named.filter((r) => (r.gender || 'unknown') === g).length;
  const overall = Object.fromEntries(shares.slice(0, 3));
  assert.deepEqual(overall, { female: count('female'), male: count('male'), unknown: count('unknown') }, 'the overall bar counts named people by gender');
  assert.equal(await page.$$eval('#chart-top svg rect.bar', (rs) => rs.length), 10, 'the ten most quoted people');
  assert.ok(await page.$eval('#chart-shares svg', (s) => s.getAttribute('role') === 'img' && s.querySelector('title').textContent.length > 0));

  // Exports: the sources CSV is the table; every quote is counted once in each export.
  const sources = await exported(page, 'sources', 'csv');
  assert.equal(sources.name, 'corpus-sources.csv');
  const table = records(sources.content);
  assert.deepEqual(table.header, ['name', 'type', 'group', 'named', 'gender', 'gender_evidence', 'evidence_text', 'articles', 'quotes', 'words']);
  assert.equal(`${table.rows.length} sources`, await page.textContent('#sources-table .table-count').then((t) => t.replace(/ ·.*/, '')));
  const articles = records((await exported(page, 'articles', 'csv')).content);
  assert.equal(articles.rows.length, 30);
  assert.deepEqual(articles.rows.map((r) => r.id), corpus.map((a) => `${a.id}.txt`));
  const quotes = sum(articles.rows, 'quotes');
  assert.ok(quotes > 300, `quotes found: ${quotes}`);
  assert.equal(sum(table.rows, 'quotes'), quotes, 'sources CSV: each quote counted once');
  assert.equal(sum(rows.rows, 'quotes'), quotes, 'rows CSV: each quote counted once');
  for (const r of articles.rows) assert.equal(Number(r.female) + Number(r.male) + Number(r.unknown), Number(r.people));
  const top = table.rows.find((r) => r.group === 'people');
  assert.ok(['female', 'male'].includes(top.gender) && top.gender_evidence, `a person with gender evidence: ${JSON.stringify(top)}`);
  const json = JSON.parse((await exported(page, 'sources', 'json')).content);
  assert.equal(json.length, table.rows.length);
  assert.deepEqual(Object.keys(json[0]), table.header);
  assert.equal(typeof json[0].quotes, 'number');

  // A correction: a person the articles leave unknown, said to be a woman, counts as one in the
  // table, the chart and the exports; "as found" undoes it.
  const unknown = rows.rows.find((r) => r.group === 'people' && r.named === 'true' && !r.gender);
  const times = rows.rows.filter((r) => r.name === unknown.name).length;
  const women = () => page.$eval('#chart-shares svg rect.g-female', (r) => Number(r.dataset.count));
  const womenBefore = await women();
  await page.fill('#sources-filter', unknown.name);
  const control = `#sources-table select[aria-label="Correct the gender of ${unknown.name}"]`;
  await page.selectOption(control, 'female');
  assert.equal(await women(), womenBefore + times, 'the chart counts the corrected person as a woman');
  assert.equal(await page.textContent('#sources-table tbody tr td:nth-child(3)'), 'female · corrected by you');
  assert.ok(await page.$eval(control, (s) => s === document.activeElement), 'the focus stays on the correction');
  const corrected = records((await exported(page, 'rows', 'csv')).content).rows.filter((r) => r.name === unknown.name);
  assert.deepEqual(corrected.map((r) => [r.gender, r.gender_evidence]), Array(times).fill(['female', 'correction']));
  await page.selectOption(control, '');
  assert.equal(await women(), womenBefore);
  await page.fill('#sources-filter', '');

  // Screenshots: desktop and phone width.
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.evaluate(() => document.activeElement.blur());
  await page.screenshot({ path: screenshotPath('corpus-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200); // the charts redraw at the new width
  assert.ok(await page.$eval('#chart-shares svg', (s) => s.getBoundingClientRect().right <= 390), 'the chart fits a phone');
  await page.screenshot({ path: screenshotPath('corpus-phone.png'), fullPage: true });

  // Back to the article view.
  await page.click('#view-article');
  assert.ok(await page.isVisible('#input-area'));
  assert.ok(await page.isHidden('#corpus'));
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.requests.filter((u) => !u.startsWith(served.base) && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  await page.close();
});

test('bad files: a message each (binary, empty, huge, CSV without a text column, bad lines); the rest is annotated', async () => {
  const { page, log } = await openCorpus(served.base);
  const good = makeCorpus(5, 3);
  const jsonl = toJsonl(makeCorpus(4, 5)) + 'this is not JSON\n{"id": "x", "title": "no text"}\n';
  const csv = `id,outlet,text\r\n${makeCorpus(3, 9).map((a) => `${a.id},Post,"${a.text.replace(/"/g, '""')}"`).join('\r\n')}\r\n`;
  await dropFiles(page, [
    ...good.map((a) => ({ name: `${a.id}.txt`, text: a.text })),
    { name: 'photo.png', binary: true },
    { name: 'empty.txt', text: '' },
    { name: 'huge.txt', size: 17 << 20 },
    { name: 'authors.csv', text: 'headline,author\nA,B\n' },
    { name: 'good.csv', text: csv },
    { name: 'feed.jsonl', text: jsonl },
  ]);
  await waitDone(page);
  assert.match(await page.textContent('#corpus-status'), /^Done: 12 articles in .* · 6 messages$/);
  assert.deepEqual(await messages(page), [
    'photo.png: the input looks binary (NUL bytes or many control characters), not text: not annotated',
    'empty.txt: empty file: no text to annotate',
    'huge.txt: the text is 17.0 MB; Lede annotates texts up to 16 MB: split it into articles',
    'authors.csv (header): no text column: the header is "headline", "author"; name the column of article texts "text" (or body, content, article)',
    `feed.jsonl (line 5): not JSON (Unexpected token 'h', "this is not JSON" is not valid JSON): skipped`,
    'feed.jsonl (line 6): no "text" field: skipped',
  ]);
  const articles = await page.$$eval('#articles-table tbody tr td:nth-child(2)', (ts) => ts.map((t) => t.textContent));
  assert.equal(articles.length, 12, 'the good files and lines are all annotated');
  assert.ok(articles.includes('a0000') && articles.includes('a0003'), 'CSV and JSONL ids kept');
  const list = records((await exported(page, 'messages', 'csv')).content);
  assert.deepEqual(list.header, ['file', 'where', 'message']);
  assert.equal(list.rows.length, 6);
  // A text the page lets through but the annotator refuses (control characters, no NUL in the
  // first 4 KB): the worker's own refusal, and the worker goes on with the next file.
  const binaryLater = `${'Officials met on Friday. '.repeat(200)}${'\u0001\u0002\u0003\u0004\u0005'.repeat(2000)}`;
  await dropFiles(page, [{ name: 'late-binary.txt', text: binaryLater }, { name: 'after.txt', text: good[0].text }]);
  await waitDone(page);
  const last = await messages(page);
  assert.match(last[last.length - 1], /^late-binary\.txt: the input looks binary/);
  assert.match(await page.textContent('#corpus-status'), /^Done: 13 articles .* · 7 messages$/);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('10,000 files: cancel and resume, nothing lost, the page responsive throughout', async () => {
  const { page, log } = await openCorpus(served.base);
  const count = 10_000;
  // The files are made first: making them is the test's work, not the page's.
  await page.evaluate((n) => {
    const dt = new DataTransfer();
      const names = ['Mary Holloway', 'James Okafor', 'Ruth Lindqvist', 'Peter Marsh'];
      for (let i = 0; i < n; i++) {
        // Every 500th file empty: 20 messages.
        const text = i % 500 === 499 ? '' : `Vote ${i} on the budget\n\n“We will vote on the plan on Tuesday,” said ${names[i % 4]}. The council met ${i} times.`;
        dt.items.add(new File([text], `n${String(i).padStart(5, '0')}.txt`, { type: 'text/plain' }));
      }
    window.__files = dt;
  }, count);
  const beat = await heartbeat(page, async () => {
    await page.evaluate(() => {
      document.getElementById('corpus-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: window.__files, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => /Annotating… [\d,]{4,} articles/.test(document.getElementById('corpus-status').textContent), null, { timeout: 120_000 });
    assert.match(await page.textContent('#corpus-status'), /articles\/s · about .* left · [\d,]+ files of 10,000 read/);
    await page.click('#corpus-cancel');
    await page.waitForSelector('#corpus[data-state="paused"]');
    const paused = await page.textContent('#corpus-status');
    await page.waitForTimeout(1000);
    assert.equal(await page.textContent('#corpus-status'), paused, 'nothing runs while cancelled');
    assert.match(paused, /^Cancelled: [\d,]+ articles annotated, \d+ % of the input; Resume goes on from there/);
    await page.click('#corpus-resume');
    await waitDone(page, 400_000);
  });
  const status = await page.textContent('#corpus-status');
  console.log(`    ${status}; longest frame gap ${beat.max.toFixed(0)} ms over ${beat.frames} frames`);
  assert.match(status, /^Done: 9,980 articles in .* · 20 messages$/, 'every file annotated once or answered');
  assert.equal(await page.textContent('#articles-table .table-count'), '9980 articles · showing the first 100');
  const ids = records((await exported(page, 'articles', 'csv')).content).rows.map((r) => r.id);
  assert.equal(new Set(ids).size, 9980, 'no article twice');
  assert.ok(beat.max < 1000, `no main-thread stall over 1 s (longest ${beat.max.toFixed(0)} ms)`);
  assert.equal(await page.$$eval('#corpus-messages li', (ls) => ls.length), 20);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('dist/lede.html from file://: the corpus view works offline, with no request and no CSP error', async () => {
  const browser = await launch();
  try {
    const { page, log } = await openPage(browser.context, `${distUrl()}#corpus`);
    assert.ok(await page.isVisible('#corpus-drop'), 'the #corpus address opens the corpus view');
    await dropFiles(page, [{ name: 'feed.jsonl', text: toJsonl(makeCorpus(8, 11)) }]);
    await waitDone(page);
    assert.match(await page.textContent('#corpus-status'), /^Done: 8 articles/);
    assert.ok((await page.$$('#sources-table tbody tr')).length > 5);
    assert.ok((await page.$$('#chart-shares svg rect.bar')).length >= 3, 'the share chart renders');
    const outlets = await page.$$eval('#chart-shares svg .chart-label', (ts) => ts.map((t) => t.firstChild.textContent.replace(/ · \d+$/, '')));
    assert.deepEqual(outlets.slice(1).sort(), [...new Set(makeCorpus(8, 11).map((a) => a.outlet))].sort(), 'a bar per outlet');
    assert.equal(outlets[0], 'All articles');
    const csv = await exported(page, 'rows', 'csv');
    assert.ok(records(csv.content).rows.length > 8);
    const network = log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(network, [], 'no http(s) requests');
    assert.deepEqual(log.errors, [], 'console is free of errors (CSP included)');
    await page.close();
  } finally {
    await browser.close();
  }
});
