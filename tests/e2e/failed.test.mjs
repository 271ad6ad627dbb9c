// A failed run (a text over the size limit, binary data) leaves nothing that passes for the
// annotation of the text: the old result is cleared, Copy/Download/Export are disabled, the
// status says why and body[data-state] ends as "failed"; the next good text annotates again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, loadSample, setText, screenshotPath, servedWww, pasteOver } from './helpers.mjs';

const served = servedWww();

/** What is on screen: state, status, export controls, rendered spans, panel counts. */
const screen = (page) =>
  page.evaluate(() => ({
    state: document.body.dataset.state,
    status: document.getElementById('status').textContent,
    article: document.getElementById('article').textContent,
    spans: document.querySelectorAll('#article .para, #article [data-ref]').length,
    disabled: ['export-format', 'copy', 'download'].map((id) => document.getElementById(id).disabled),
    quotes: document.getElementById('quote-count').textContent,
    entities: document.getElementById('entity-count').textContent,
    listed: document.querySelectorAll('#quotes li, #sources li').length,
  }));

async function expectFailed(page, why) {
  await page.waitForSelector('body[data-state="failed"]', { timeout: 120_000 });
  const s = await screen(page);
  assert.equal(s.state, 'failed');
  assert.match(s.status, /^Annotation failed: /);
  assert.match(s.status, why);
  assert.match(s.article, /^Not annotated: /);
  assert.equal(s.spans, 0, 'nothing of the old article is rendered');
  assert.deepEqual(s.disabled, [true, true, true], 'no export of a result that is not there');
  assert.deepEqual([s.quotes, s.entities, s.listed], ['0', '0', 0], 'the panel is emptied');
}

test('a text over the size limit after an article: old result cleared, exports off, state failed', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  await loadSample(page);
  assert.deepEqual((await screen(page)).disabled, [false, false, false]);
  await pasteOver(page, 'Officials met on Friday. '.repeat(700_000)); // 17.5 MB
  await expectFailed(page, /16 MB/);
  await page.screenshot({ path: screenshotPath('failed-too-large.png') });
  // The next good text annotates again, exports on.
  await page.click('#clear');
  await setText(page, 'Officials met in Paris on Friday.');
  const s = await screen(page);
  assert.equal(s.state, 'ready');
  assert.deepEqual(s.disabled, [false, false, false]);
  assert.ok(s.spans > 0);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('binary data: a message, nothing rendered, state failed', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  await setText(page, 'Officials met in Paris on Friday.');
  // What a PNG dropped as text gives: NULs and control characters.
  await pasteOver(page, '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0000\u0010 Paris');
  await expectFailed(page, /binary/);
  assert.deepEqual(log.errors, []);
  await page.close();
});
