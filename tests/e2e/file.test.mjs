// dist/lede.html opened straight from disk (file://): everything inlined, no network at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, distUrl, openPage, loadSample, setText, checkSeed, checkLabelTable, screenshotPath, markedQuotes } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('dist/lede.html works from file:// with no http request', async (t) => {
  const { page, log } = await openPage(browser.context, distUrl());
  await loadSample(page);
  await checkSeed(t, page, assert);
  await checkLabelTable(page, assert); // the inlined CSS and modules include the generated label files
  await page.screenshot({ path: screenshotPath('file-bundle.png'), fullPage: true });
  // Marks are CSSOM rules (marks.js), which the bundle's CSP allows: a source marks its quotes.
  const count = Number((await page.textContent('#sources .source-name')).match(/(\d+) quotes?/)[1]);
  await page.click('#sources .source-name');
  assert.equal((await markedQuotes(page)).length, count, 'a source marks its quotes from file:// too');

  const xss = '<img src=x onerror=alert(1)> said so on Friday.';
  await setText(page, xss);
  assert.equal(await page.$$eval('#article img', (els) => els.length), 0);
  assert.equal(await page.textContent('#article'), xss);

  const network = log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(network, [], 'no http(s) requests');
  assert.deepEqual(log.dialogs, []);
  assert.deepEqual(log.errors, [], 'console is free of errors (CSP included)');
  await page.close();
});
