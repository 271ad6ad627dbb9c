// End-to-end tests of the served page (www/ on 127.0.0.1) in Debian's headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openPage, loadSample, setText, pasteText, checkSeed, checkLabelTable, heartbeat, screenshotPath, SEED, LABEL_TABLE, markedQuotes, servedWww } from './helpers.mjs';

const served = servedWww();

/** Every request stayed on the page's own origin (blob: is the in-memory download). */
function assertLocal(log) {
  const outside = log.requests.filter((u) => !u.startsWith(served.base) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, [], 'no request leaves 127.0.0.1');
  assert.ok(log.requests.every((u) => !u.startsWith('http') || new URL(u).hostname === '127.0.0.1'));
}

test('the seed sample is annotated: quotes, dateline, boilerplate, dates and numbers', async (t) => {
  const { page, log } = await openPage(served.browser.context, served.base);
  await loadSample(page);
  await checkSeed(t, page, assert);
  assert.equal(await page.inputValue('#input'), SEED, 'Load sample puts the seed article in');
  await page.screenshot({ path: screenshotPath('page-desktop.png'), fullPage: true });
  assertLocal(log);
  assert.deepEqual(log.errors, [], 'console is free of errors');
  await page.close();
});

test('pasted HTML stays text: no element, no script, no dialog', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  const xss = 'He said “<img src=x onerror=alert(1)>” on Friday. <script>alert(2)</script>';
  await pasteText(page, xss);
  assert.equal(await page.inputValue('#input'), xss);
  assert.equal(await page.$$eval('#article img, #article script', (els) => els.length), 0);
  assert.equal(await page.textContent('#article'), xss);
  await page.waitForTimeout(200);
  assert.deepEqual(log.dialogs, []);
  assertLocal(log);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('empty text shows a clear message and the empty-text warning', async () => {
  const { page } = await openPage(served.browser.context, served.base);
  await loadSample(page);
  await page.click('#clear');
  await page.waitForSelector('#article .empty');
  assert.match(await page.textContent('#article'), /Nothing to annotate/);
  assert.match(await page.textContent('#warnings'), /empty/i);
  assert.ok(await page.isVisible('#warnings'));
  await page.close();
});

test('typing annotates after a pause; the Annotate button runs at once', async () => {
  const { page } = await openPage(served.browser.context, served.base);
  await page.fill('#input', '');
  await page.type('#input', 'Officials met on Friday.', { delay: 5 });
  await page.waitForSelector('body[data-state="ready"]');
  await page.waitForFunction(() => document.querySelector('#article .ent')?.textContent === 'Friday');
  await page.evaluate(() => { document.getElementById('input').value = 'They left on Thursday.'; });
  await page.click('#annotate');
  await page.waitForFunction(() => document.querySelector('#article .ent')?.textContent === 'Thursday');
  await page.close();
});

test('legend toggles a type off and on', async () => {
  const { page } = await openPage(served.browser.context, served.base);
  await loadSample(page);
  await page.click('#legend-toggle'); // the legend is folded at first
  assert.equal(LABEL_TABLE.length, 18, 'www/labels.tsv has the 18 OntoNotes types');
  await checkLabelTable(page, assert, 'light');
  const style = () =>
    page.$eval('#article .ent[data-label="DATE"]', (e) => ({
      bg: getComputedStyle(e).backgroundColor,
      label: getComputedStyle(e, '::after').display,
    }));
  const on = await style();
  assert.notEqual(on.bg, 'rgba(0, 0, 0, 0)');
  await page.click('#legend .legend-item[data-label="DATE"]');
  assert.equal(await page.getAttribute('#legend .legend-item[data-label="DATE"]', 'aria-pressed'), 'false');
  const off = await style();
  assert.equal(off.bg, 'rgba(0, 0, 0, 0)', 'DATE highlights are hidden');
  assert.equal(off.label, 'none', 'DATE labels are hidden');
  // Other types are untouched.
  assert.notEqual(
    await page.$eval('#article .ent[data-label="CARDINAL"]', (e) => getComputedStyle(e).backgroundColor),
    'rgba(0, 0, 0, 0)',
  );
  await page.click('#legend .legend-item[data-label="DATE"]');
  assert.deepEqual(await style(), on);
  await page.close();
});

test('clicking a panel item scrolls to and flashes the span; a source marks its quotes', async () => {
  const { page } = await openPage(served.browser.context, served.base);
  await page.setViewportSize({ width: 1280, height: 500 });
  await loadSample(page);
  await page.click('#tab-quotes');
  await page.click('#quotes li:nth-child(4) button');
  const q = '#article .quote[data-ref="q3"]';
  await page.waitForFunction((s) => document.querySelector(s).classList.contains('flash'), q);
  await page.waitForFunction((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight + 2 * r.height;
  }, q);
  await page.click('#tab-entities');
  await page.click('#entities [data-ref] >> text=next Monday');
  await page.waitForFunction(() => [...document.querySelectorAll('#article .ent.flash')].some((e) => e.textContent === 'next Monday'));
  // A source's name marks exactly its own quotes: as many as its entry counts.
  await page.click('#tab-sources');
  const source = await page.textContent('#sources .source-name');
  const count = Number(source.match(/(\d+) quotes? · \d+ words?/)[1]);
  await page.click('#sources .source-name');
  const marked = await markedQuotes(page);
  assert.equal(marked.length, count, `the source ${source} marks its ${count} quotes`);
  const all = await page.$$eval('#sources .source-name', (bs) => bs.map((b) => Number(b.textContent.match(/(\d+) quotes?/)[1])));
  assert.equal(all.reduce((a, b) => a + b, 0), await page.$$eval('#quotes li', (l) => l.length), 'every quote has one source');
  // Every quote carries exactly one speaker tag (on its last fragment), or none when unknown.
  const tags = await page.$$eval('#article .quote', (qs) => {
    const n = {};
    for (const q of qs) if (getComputedStyle(q, '::after').content.startsWith('"— ')) n[q.dataset.ref] = (n[q.dataset.ref] || 0) + 1;
    return n;
  });
  assert.ok(Object.keys(tags).length > 0 && Object.values(tags).every((k) => k === 1), `one speaker tag per quote: ${JSON.stringify(tags)}`);
  await page.close();
});

test('keyboard: the article is one tab stop, arrows move between highlights, focus shows details', async () => {
  const { page } = await openPage(served.browser.context, served.base);
  await loadSample(page);
  const active = () => page.evaluate(() => {
    const el = document.activeElement;
    return { ref: el.dataset.ref || null, text: el.textContent, label: el.dataset.label || null, inArticle: !!el.closest('#article'), id: el.id };
  });
  // Exactly one highlight is in the tab order: the first.
  const stops = await page.$$eval('#article [tabindex="0"]', (els) => els.map((e) => e.id));
  assert.equal(stops.length, 1, `one tab stop in the article: ${stops}`);
  const firstId = await page.$eval('#article [id^="ann-"]', (e) => e.id);
  assert.equal(stops[0], firstId);
  // Shift+Tab from the panel's first control lands on it; Tab leaves the article at once.
  await page.focus('#legend-toggle');
  await page.keyboard.press('Shift+Tab');
  const first = await active();
  assert.ok(first.inArticle && first.id === firstId, `Shift+Tab from the panel reaches the article: ${JSON.stringify(first)}`);
  assert.ok(await page.isVisible('#tip'), 'focus shows the details popup');
  await page.keyboard.press('Tab');
  assert.equal((await active()).inArticle, false, 'one Tab leaves the article');
  await page.keyboard.press('Shift+Tab');
  // Arrow keys walk the highlights in reading order; the tab stop follows.
  const order = await page.$$eval('#article [id^="ann-"]', (els) => els.map((e) => e.id));
  const seen = [(await active()).id];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('ArrowRight');
    seen.push((await active()).id);
  }
  assert.deepEqual(seen, order.slice(0, 6), 'ArrowRight visits the next highlights in order');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await active()).id, order[4], 'ArrowLeft goes back');
  assert.deepEqual(await page.$$eval('#article [tabindex="0"]', (els) => els.map((e) => e.id)), [order[4]], 'the tab stop moved');
  await page.keyboard.press('End');
  assert.equal((await active()).id, order[order.length - 1], 'End: the last highlight');
  await page.keyboard.press('Home');
  assert.equal((await active()).id, order[0], 'Home: the first');
  // A type switched off in the legend is skipped by the arrow keys.
  await page.click('#legend-toggle');
  await page.click('#legend .legend-item[data-label="GPE"]');
  const shown = await page.$$eval('#article [id^="ann-"]', (els) => els.filter((e) => e.dataset.label !== 'GPE').map((e) => e.id));
  await page.focus(`#${shown[0]}`);
  const walked = [(await active()).id];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('ArrowRight');
    walked.push((await active()).id);
  }
  assert.deepEqual(walked, shown.slice(0, 9), 'arrows skip highlights of a hidden type');
  await page.click('#legend .legend-item[data-label="GPE"]');
  await page.focus(`#${order[0]}`);
  // Arrow on to the first "Friday": its details give the type and the resolved date.
  for (let i = 0; i < 30; i++) {
    if ((await active()).text === 'Friday') break;
    await page.keyboard.press('ArrowDown');
  }
  assert.equal((await active()).label, 'DATE');
  const tip = await page.textContent('#tip');
  assert.match(tip, /Date/);
  assert.match(tip, /OntoNotes DATE/, 'the OntoNotes code is in the details');
  assert.match(tip, /2023-10-13/, 'the resolved value is shown');
  // The focus ring is visible.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  // A quote's details name its speaker (or say it is unknown).
  await page.focus('#article .quote.first[data-ref="q0"]');
  assert.match(await page.textContent('#tip'), /speaker/);
  // And how sure the core is that it is an attribution (the learned confidence, in per cent).
  assert.match(await page.textContent('#tip'), /confidence\s*\d{1,3} %/);
  // Its speaker and cue light up in the text when the core found them.
  const q0 = await page.evaluate(async () => {
    const speaker = document.querySelector('[data-role="speaker-q0"]');
    return { speaker: speaker?.textContent, lit: speaker?.classList.contains('active') };
  });
  if (q0.speaker) assert.ok(q0.lit, `speaker ${q0.speaker} lit while its quote has focus`);
  // The tip stays, and follows its highlight, while the page scrolls under the focus.
  await page.setViewportSize({ width: 1280, height: 400 });
  const before = await page.$eval('#tip', (t) => t.getBoundingClientRect().top);
  await page.evaluate(() => window.scrollBy(0, 60));
  await page.waitForTimeout(100);
  assert.ok(await page.isVisible('#tip'), 'the tip stays while the focused page scrolls');
  const after = await page.$eval('#tip', (t) => t.getBoundingClientRect().top);
  assert.ok(Math.abs(before - after - 60) <= 2, `the tip moved with its highlight (${before} → ${after})`);
  await page.keyboard.press('Escape');
  assert.ok(await page.isHidden('#tip'));
  await page.close();
});

test('keyboard: the skip link opens Sources', async () => {
  const { page } = await openPage(served.browser.context, served.base);
  await loadSample(page);
  await page.focus('.skip');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to Sources');
  assert.ok((await page.$eval('#skip-sources', (a) => a.getBoundingClientRect().left)) >= 0, 'the skip link shows when focused');
  await page.click('#tab-entities');
  await page.focus('#skip-sources');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-sources');
  assert.equal(await page.getAttribute('#tab-sources', 'aria-selected'), 'true');
  assert.ok(await page.isVisible('#sources .source-name'));
  await page.close();
});

test('phone width has no horizontal overflow; dark mode follows the system', async () => {
  const context = served.browser.context;
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(served.base);
  await page.waitForSelector('body[data-state="idle"]');
  await loadSample(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal overflow at 360 px (overflow ${overflow}px)`);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `dark background in dark mode: ${bg}`);
  await checkLabelTable(page, assert, 'dark');
  await page.screenshot({ path: screenshotPath('page-phone-dark.png'), fullPage: true });
  await page.close();
});

test('a speaker without a resolved name is shown by its mention everywhere', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  // "the official" names nobody (speaker_name null); Kirby resolves to a name.
  await pasteText(page, '“We will respond in kind,” the official said on Friday. “It is serious,” said Kirby.\n\n“We act,” Maria Lopez said.');
  const quotes = await page.$$eval('#article .quote.last', (qs) => qs.map((q) => [q.dataset.ref, q.dataset.speaker]));
  // The third quote's speaker is named right after it: no tag repeats the name.
  assert.deepEqual(quotes, [['q0', 'the official'], ['q1', 'Kirby'], ['q2', undefined]], 'the highlight shows the mention when there is no name');
  assert.equal(
    await page.$eval('#article .quote.last[data-ref="q0"]', (q) => getComputedStyle(q, '::after').content),
    '"— the official"',
    'the quote highlight ends with its speaker',
  );
  await page.focus('#article .quote.first[data-ref="q0"]');
  assert.match(await page.textContent('#tip'), /speaker\s*the official/, 'the details popup names the mention');
  assert.deepEqual(
    await page.$$eval('#quotes li .who', (w) => w.map((e) => e.textContent)),
    ['direct · the official', 'direct · Kirby', 'direct · Maria Lopez'],
  );
  assert.deepEqual(
    await page.$$eval('#sources .source-name .name', (ns) => ns.map((n) => n.textContent)).then((n) => n.sort()),
    ['Kirby', 'Maria Lopez', 'the official'],
  );
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('a quote followed by its speaker\'s name, in full or in part, gets no tag repeating it', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  await pasteText(page, 'John Kirby spoke to reporters on Friday.\n\n“We act,” Kirby said.\n\n“We wait,” he said.');
  const quotes = await page.$$eval('#article .quote.last', (qs) => qs.map((q) => [q.dataset.ref, q.dataset.speaker]));
  // "Kirby" follows the first quote: no "— John Kirby" before it; "he" is named by its tag.
  assert.deepEqual(quotes, [['q0', undefined], ['q1', 'John Kirby']]);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('a doubtful speaker is marked as doubtful in the text, the quote list and its details', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  // "he" long after three people: the core is not sure who; Maria Lopez names herself.
  await pasteText(page, 'Ana Ruiz met Tom Lee and Kofi Annan in Geneva on Monday. The talks covered trade, fishing rights, '
    + 'border crossings, water, tariffs on steel and the price of grain, and went on past midnight in a cold room near the lake '
    + 'while aides waited outside for news.\n\n“It is over,” he said.\n\n“We act,” Maria Lopez said.');
  const rows = await page.$$eval('#quotes li .who', (w) => w.map((e) => ({ text: e.textContent, title: e.title, doubtful: e.classList.contains('doubtful') })));
  assert.equal(rows.length, 2, JSON.stringify(rows));
  // Each row says how sure its speaker is; those under 70 % are doubtful, and say so.
  for (const r of rows) {
    const sure = Number(r.title.match(/^speaker (\d+) % sure$/)?.[1]);
    assert.ok(Number.isFinite(sure), JSON.stringify(r));
    assert.ok(r.doubtful ? sure <= 70 : sure >= 70, JSON.stringify(r));
    assert.equal(r.text.endsWith('(doubtful)'), r.doubtful);
  }
  assert.deepEqual(rows.map((r) => r.doubtful), [true, false], JSON.stringify(rows));
  // The highlight's speaker tag shows the doubt; a sure one does not.
  const after = (ref) => page.$eval(`#article .quote.last[data-ref="${ref}"]`, (q) => getComputedStyle(q, '::after').content);
  assert.match(await after('q0'), /\(\?\)"$/);
  // The details give the speaker confidence apart from the quote's.
  await page.focus('#article .quote.first[data-ref="q0"]');
  const tip = await page.textContent('#tip');
  assert.match(tip, /\(doubtful\)/);
  assert.match(tip, /speaker confidence\s*\d{1,2} %/);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('dropping a .txt file annotates it', async () => {
  const { page } = await openPage(served.browser.context, served.base);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Prices rose 3.5% on Friday.'], 'article.txt', { type: 'text/plain' }));
    document.getElementById('input-area').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.getElementById('input').value === 'Prices rose 3.5% on Friday.');
  await page.waitForSelector('body[data-state="ready"]');
  assert.equal(await page.textContent('#article'), 'Prices rose 3.5% on Friday.');
  await page.close();
});

test('copy and download give the Annotation JSON', async () => {
  await served.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.base.replace(/\/$/, '') });
  const { page } = await openPage(served.browser.context, served.base);
  await loadSample(page);
  await page.click('#copy');
  await page.waitForFunction(() => /copied/.test(document.getElementById('status').textContent));
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(copied.date, '2023-10-13');
  assert.ok(copied.quotes.length >= 5 && copied.entities.length >= 5);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(json.date, '2023-10-13');
  assert.ok(json.quotes.length >= 5);
  assert.ok(json.quotes.some((q) => q.kind === 'mixed' && q.parts.some((p) => p.text === '“pay a price”')));
  for (const item of [...json.quotes, ...json.entities, ...json.quotes.flatMap((q) => q.parts || [])]) {
    assert.equal(SEED.slice(item.start, item.end), item.text, 'UTF-16 offsets slice exactly');
  }
  await page.close();
});

test('a 2 MB paste keeps the page responsive, and stale runs are dropped', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  let big = '';
  for (let i = 0; big.length < 2_000_000; i++) big += `${SEED.replace('2023-10-13', `2023-10-${String((i % 28) + 1).padStart(2, '0')}`)}\n\n`;
  const beat = await heartbeat(page, async () => {
    const t0 = Date.now();
    await pasteText(page, big);
    console.log(`    2 MB (${big.length} chars): annotated and rendered in ${Date.now() - t0} ms`);
  });
  console.log(`    longest frame gap ${beat.max.toFixed(0)} ms over ${beat.frames} frames`);
  assert.ok(beat.frames > 10, 'frames kept coming while annotating');
  assert.ok(beat.max < 1000, `no main-thread stall over 1 s (longest ${beat.max.toFixed(0)} ms)`);
  assert.ok((await page.$$('#article .para')).length > 1000);
  const shown = await page.evaluate(() => document.getElementById('article').textContent.replace(/\s+/g, '').length);
  assert.equal(shown, big.replace(/\s+/g, '').length, 'the whole text is rendered');
  assert.ok(await page.$eval('#input', (t) => t.readOnly && t.value.length < 50_000), 'the text area shows a preview of a huge text');

  // Paste another big text and at once a small one: the big run is dropped (its worker is
  // restarted) and only the newest result is ever shown.
  await page.evaluate((texts) => {
    const input = document.getElementById('input');
    for (const t of texts) {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', t);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    }
  }, [big.replace(/Friday/g, 'Monday'), 'Only this, on Thursday.']);
  await page.waitForFunction(() => document.getElementById('article').textContent === 'Only this, on Thursday.', null, { timeout: 120_000 });
  await page.waitForTimeout(500);
  assert.equal(await page.textContent('#article'), 'Only this, on Thursday.', 'a stale run never overwrites the newest');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('a quote over two paragraphs is one quote per paragraph, with entities nested inside', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  const text = '“We will go on. We will not stop.\n\n“And we will win on Friday,” she said.';
  await pasteText(page, text);
  const parts = await page.$$eval('#article .para', (ps) =>
    ps.map((p) => [...p.querySelectorAll('.quote')].map((q) => `${q.dataset.ref}:${q.textContent}`)),
  );
  assert.deepEqual(parts, [['q0:“We will go on. We will not stop.'], ['q1:“And we will win on Friday,”']]);
  assert.equal(await page.$eval('#article .quote .ent', (e) => e.textContent), 'Friday');
  assert.equal(await page.$$eval('#article .quote[tabindex]', (q) => q.length), 2, 'one tab stop per quote');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('crossing spans render as nested fragments in the real DOM, text intact', async () => {
  const { page } = await openPage(served.browser.context, served.base);
  // The renderer on a synthetic annotation: an indirect quote crossing an entity, and an
  // entity inside a partial quote (shapes the core may produce once speakers land).
  const result = await page.evaluate(async () => {
    const { renderArticle } = await import('./render.js');
    const text = 'Kirby said U.S. officials will act 😀 “pay a price” now.';
    const at = (s) => [text.indexOf(s), text.indexOf(s) + s.length];
    const [ks, ke] = at('Kirby said U.S.');
    const [qs, qe] = at('U.S. officials will act');
    const [ps, pe] = at('“pay a price”');
    const annotation = {
      paragraphs: [{ start: 0, end: text.length, kind: 'body' }],
      entities: [
        { start: ks, end: ks + 5, text: 'Kirby', label: 'PERSON' },
        { start: qs, end: qs + 4, text: 'U.S.', label: 'GPE' },
        { start: ps + 5, end: ps + 10, text: 'price', label: 'WORK_OF_ART' },
      ],
      quotes: [
        { start: qs - 5, end: qe, text: '', kind: 'indirect', speaker_name: 'John Kirby' },
        { start: ps, end: pe, text: '', kind: 'partial', speaker_name: null },
        { start: ks + 3, end: qs + 2, text: '', kind: 'indirect', speaker_name: null }, // crosses two spans
      ],
    };
    const box = document.createElement('div');
    document.body.append(box);
    await renderArticle(box, text, annotation).done;
    const shape = (el) =>
      [...el.childNodes].map((n) => (n.nodeType === 3 ? n.data : { ref: n.dataset.ref, first: n.classList.contains('first'), last: n.classList.contains('last'), kids: shape(n) }));
    return { text, rendered: box.textContent, shape: shape(box.querySelector('.para')), speaker: box.querySelector('[data-speaker]')?.dataset.speaker };
  });
  assert.equal(result.rendered, result.text, 'every character rendered once, in order');
  assert.equal(result.speaker, 'John Kirby');
  // Every ref's fragments together cover its span; each has exactly one first and one last.
  const seen = {};
  const walk = (nodes) => {
    for (const n of nodes) {
      if (typeof n === 'string') continue;
      seen[n.ref] ||= { first: 0, last: 0 };
      seen[n.ref].first += n.first;
      seen[n.ref].last += n.last;
      walk(n.kids);
    }
  };
  walk(result.shape);
  assert.deepEqual(Object.keys(seen).sort(), ['e0', 'e1', 'e2', 'q0', 'q1', 'q2']);
  for (const [ref, n] of Object.entries(seen)) assert.deepEqual(n, { first: 1, last: 1 }, ref);
  await page.close();
});

test('a text over the size limit gets a clear message, and the page keeps working', async () => {
  const { page } = await openPage(served.browser.context, served.base);
  await page.evaluate(() => {
    const input = document.getElementById('input');
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', 'word '.repeat(3_500_000)); // 17.5 MB
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => /up to 16 MB/.test(document.getElementById('status').textContent), null, { timeout: 120_000 });
  await pasteText(page, 'Kirby said on Friday that talks failed.');
  assert.match(await page.textContent('#article'), /Kirby said on Friday/);
});
