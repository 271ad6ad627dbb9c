// The article date field: filled from the text's header, editable, and re-resolving relative
// dates when changed; the place dateline shown above the article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, pasteText, screenshotPath, servedWww } from './helpers.mjs';

const served = servedWww();

const AP = `North Korea sends arms to Russia
By Jane Doe, Associated Press
Published 9:41 AM EDT, Fri October 13, 2023

WASHINGTON (AP) — The White House said on Friday that North Korea has delivered military equipment to Russia.

“We condemn the DPRK,” National Security Adviser John Kirby told reporters.`;

/** The tooltip lines of the highlighted entity whose text is `text`. */
async function tipOf(page, text) {
  const handle = await page.evaluateHandle((t) => [...document.querySelectorAll('#article .ent')].find((e) => e.textContent === t), text);
  assert.ok(await handle.evaluate((e) => !!e), `${text} is highlighted`);
  await handle.hover();
  await page.waitForSelector('#tip:not([hidden])');
  return page.textContent('#tip');
}

test('the date field is filled from the header; editing it re-resolves relative dates', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  assert.equal(await page.getAttribute('#input', 'placeholder'), 'Paste a news article here…');
  assert.equal(await page.textContent('label[for="article-date"]'), 'Article date');
  await pasteText(page, AP);

  assert.equal(await page.inputValue('#article-date'), '2023-10-13', 'date read from the Published line');
  assert.match(await page.textContent('#date-source'), /Published/);
  assert.ok(await page.isVisible('#dateline'));
  assert.equal((await page.textContent('#dateline')).trim(), 'Dateline: WASHINGTON (AP)');
  assert.match(await tipOf(page, 'Friday'), /value2023-10-13/, 'Friday resolves against the article date');
  const kinds = await page.$$eval('#article .para', (ps) => ps.map((p) => p.className));
  assert.ok(kinds.some((k) => /header/.test(k)), `a header paragraph is rendered: ${kinds.join(' | ')}`);
  await page.screenshot({ path: screenshotPath('date-from-header.png') });

  // The reader moves the date: Friday is now the Friday before 2023-11-20 (a Monday).
  await page.fill('#article-date', '2023-11-20');
  await page.waitForFunction(() => {
    const e = [...document.querySelectorAll('#article .ent')].find((x) => x.textContent === 'Friday');
    return document.body.dataset.state === 'ready' && e && document.getElementById('date-source').textContent.startsWith('set by you');
  });
  assert.equal(await page.inputValue('#article-date'), '2023-11-20');
  assert.match(await tipOf(page, 'Friday'), /value2023-11-17/, 'Friday re-resolved against the new date');
  await page.screenshot({ path: screenshotPath('date-edited.png') });

  // A new article forgets the reader's date and reads its own.
  await pasteText(page, 'Updated 10:05 AM EDT, Sat October 14, 2023\n\nThey met last Friday.');
  assert.equal(await page.inputValue('#article-date'), '2023-10-14');
  assert.ok(!(await page.isVisible('#dateline')), 'no dateline in that text');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('without a date in the text, the field is empty and setting it resolves relative dates', async () => {
  const { page } = await openPage(served.browser.context, served.base);
  await pasteText(page, 'Officials met on Friday to discuss the deal.');
  assert.equal(await page.inputValue('#article-date'), '');
  assert.match(await page.textContent('#date-source'), /no date found/);
  assert.doesNotMatch(await tipOf(page, 'Friday'), /value/, 'no value without an article date');
  await page.fill('#article-date', '2023-10-13');
  await page.waitForFunction(() => document.getElementById('date-source').textContent.startsWith('set by you') && document.body.dataset.state === 'ready');
  assert.match(await tipOf(page, 'Friday'), /value2023-10-13/);
  await page.close();
});
