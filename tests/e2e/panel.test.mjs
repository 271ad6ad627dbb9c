// The side panel: entity cards per cluster, the tabs, the sticky panel on a desktop and the
// bottom sheet on a phone, print media, and marking a source's quotes in a 2 MB article (the time
// is printed, not asserted). The card order in plain Node, the rest in Debian's headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, loadSample, pasteText, setText, screenshotPath, markedQuotes, SEED, servedWww } from './helpers.mjs';
import { entityCards } from '../../www/cards.js';

test('entity cards: one per cluster, by mentions then first position; the rest by type, numbers last', () => {
  const ent = (start, text, label, cluster) => ({ start, end: start + text.length, text, label, cluster });
  const annotation = {
    entities: [
      ent(0, 'Acme', 'ORG', 0), // e0
      ent(10, 'Ana Ruiz', 'PERSON', 1), // e1
      ent(20, 'Friday', 'DATE'), // e2
      ent(30, 'Ruiz', 'PERSON', 1), // e3
      ent(40, 'Lima', 'GPE', 2), // e4
      ent(50, '3%', 'PERCENT'), // e5
      ent(60, 'Acme', 'ORG', 0), // e6
      ent(70, 'Friday', 'DATE'), // e7
      ent(80, 'Euro 2024', 'EVENT'), // e8: a name in no cluster
      ent(90, 'Bo', 'PERSON', 3), // e9
    ],
    clusters: [
      { id: 0, name: 'Acme', label: 'ORG', mentions: [6, 0] },
      {
        id: 1, name: 'Ana Ruiz', label: 'PERSON', mentions: [1, 3], roles: ['mayor'],
        references: [{ start: 100, end: 103, text: 'She' }, { start: 110, end: 119, text: 'the mayor' }, { start: 120, end: 123, text: 'she' }],
      },
      { id: 2, name: 'Lima', label: 'GPE', mentions: [4] },
      { id: 3, name: 'Bo Lee', label: 'PERSON', mentions: [9] },
      { id: 4, name: 'Cy', mentions: [] }, // a speaker named only in an attribution
    ],
    quotes: [
      { start: 95, text: '“Yes.”', kind: 'direct', speaker_cluster: 1 },
      { start: 99, text: '“No.”', kind: 'direct', speaker_cluster: 4 },
      { start: 5, text: 'it rains', kind: 'indirect', speaker_cluster: null },
    ],
  };
  const { cards, others } = entityCards(annotation);
  assert.deepEqual(
    cards.map((c) => [c.name, c.label, c.mentions, c.quotes, c.roles]),
    [
      ['Acme', 'ORG', [0, 6], [], []], // two mentions, first at 0
      ['Ana Ruiz', 'PERSON', [1, 3], [0], ['mayor']], // two mentions, first at 10
      ['Lima', 'GPE', [4], [], []],
      ['Bo Lee', 'PERSON', [9], [], []],
      ['Cy', null, [], [1], []], // no mention: last, still a card with its quote
    ],
  );
  // The pronouns and descriptions linked to a cluster: each form once, with its count.
  assert.deepEqual(cards[1].referredAs, [{ text: 'she', count: 2 }, { text: 'the mayor', count: 1 }]);
  assert.deepEqual(cards[0].referredAs, []);
  assert.deepEqual(
    others.map((g) => [g.group, g.label, g.texts.map((t) => [t.text, t.refs])]),
    [
      ['name', 'EVENT', [['Euro 2024', [8]]]],
      ['number', 'DATE', [['Friday', [2, 7]]]],
      ['number', 'PERCENT', [['3%', [5]]]],
    ],
  );
  assert.deepEqual(entityCards({ entities: [], clusters: [], quotes: [] }), { cards: [], others: [] });
});

const served = servedWww();

/** Entity refs outlined as a card's mentions (the solid outline marks.js draws), in text order. */
const outlined = (page) =>
  page.$$eval('#article .ent', (es) => [
    ...new Set(es.filter((e) => getComputedStyle(e).outlineStyle === 'solid' && e !== document.activeElement).map((e) => e.dataset.ref)),
  ]);

test('cards: hovering or focusing a card marks all its mentions in the article', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  await loadSample(page);
  await page.click('#tab-entities');
  const cards = await page.$$eval('#entities .card', (cs) =>
    cs.map((c) => ({
      cluster: c.dataset.cluster,
      name: c.querySelector('.card-name').textContent,
      type: c.querySelector('.badge').textContent,
      code: c.querySelector('.badge').title,
      mentions: Number(c.querySelector('.who').textContent.match(/(\d+) mentions?/)[1]),
    })),
  );
  assert.ok(cards.length >= 5, `cards: ${JSON.stringify(cards)}`);
  // The tab's count is what it lists: the cards and the rows of other names, dates and numbers.
  const rows = await page.$$eval('#entities .others li:not(.more)', (ls) => ls.length);
  assert.equal(Number(await page.textContent('#entity-count')), cards.length + rows, 'Entities count = cards + other rows');
  for (let i = 1; i < cards.length; i++) assert.ok(cards[i - 1].mentions >= cards[i].mentions, 'most mentioned first');
  const kirby = cards.find((c) => c.name === 'John Kirby');
  assert.ok(kirby, 'John Kirby has a card');
  assert.equal(kirby.type, 'Person', 'the plain type name');
  assert.match(kirby.code, /^PERSON: /, 'the OntoNotes code in the tooltip');
  assert.match(await page.textContent(`#entities .card[data-cluster="${kirby.cluster}"]`), /National Security Adviser/, 'roles');
  assert.match(await page.textContent(`#entities .card[data-cluster="${kirby.cluster}"]`), /\d+ quotes?/, 'quotes by that source');
  // Dates and numbers sit below the cards, grouped.
  assert.equal(await page.textContent('#entities .others:last-child h3'), 'Dates and numbers');

  const mentions = await page.$$eval(`#article .ent[data-cluster="${kirby.cluster}"]`, (es) => [...new Set(es.map((e) => e.dataset.ref))]);
  assert.equal(mentions.length, kirby.mentions, 'the card counts its mentions in the text');
  assert.deepEqual(await outlined(page), [], 'nothing marked at first');
  await page.hover(`#entities .card[data-cluster="${kirby.cluster}"] .who`);
  assert.deepEqual(await outlined(page), mentions, 'hover marks exactly the mentions of the cluster');
  await page.mouse.move(0, 0);
  assert.deepEqual(await outlined(page), [], 'leaving the card clears them');
  // Keyboard: focus on the card's name marks them; Tab away clears.
  const russia = cards[0];
  await page.focus(`#entities .card[data-cluster="${russia.cluster}"] .card-name`);
  const russian = await page.$$eval(`#article .ent[data-cluster="${russia.cluster}"]`, (es) => [...new Set(es.map((e) => e.dataset.ref))]);
  assert.equal(russian.length, russia.mentions);
  assert.deepEqual(await outlined(page), russian, 'focus marks the first card’s mentions');
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await outlined(page), [], 'focus leaving the card clears them');
  // Pressing the name shows its mentions one after another.
  await page.click(`#entities .card[data-cluster="${kirby.cluster}"] .card-name`);
  await page.waitForFunction((ref) => document.activeElement.dataset.ref === ref, mentions[0]);
  await page.click(`#entities .card[data-cluster="${kirby.cluster}"] .card-name`);
  await page.waitForFunction((ref) => document.activeElement.dataset.ref === ref, mentions[1]);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('panel on a desktop: sticky beside the article, scrolling on its own, ARIA tabs from the keyboard', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  await page.setViewportSize({ width: 1280, height: 700 });
  await loadSample(page);
  const roles = await page.$$eval('[role="tab"]', (ts) =>
    ts.map((t) => ({ id: t.id, selected: t.getAttribute('aria-selected'), tabindex: t.tabIndex, panel: document.getElementById(t.getAttribute('aria-controls'))?.getAttribute('role') })),
  );
  assert.deepEqual(roles, [
    { id: 'tab-sources', selected: 'true', tabindex: 0, panel: 'tabpanel' },
    { id: 'tab-quotes', selected: 'false', tabindex: -1, panel: 'tabpanel' },
    { id: 'tab-entities', selected: 'false', tabindex: -1, panel: 'tabpanel' },
  ]);
  assert.equal(await page.getAttribute('[role="tablist"]', 'aria-label'), 'Annotation lists');
  const visiblePanels = () => page.$$eval('[role="tabpanel"]', (ps) => ps.filter((p) => !p.hidden && p.offsetHeight > 0).map((p) => p.id));
  assert.deepEqual(await visiblePanels(), ['tabpanel-sources']);
  await page.focus('#tab-sources');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-quotes');
  assert.deepEqual(await visiblePanels(), ['tabpanel-quotes'], 'arrows select');
  await page.keyboard.press('End');
  assert.deepEqual(await visiblePanels(), ['tabpanel-entities']);
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await visiblePanels(), ['tabpanel-sources'], 'wraps around');
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await visiblePanels(), ['tabpanel-entities']);
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-sources');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => !!document.activeElement.closest('#tabpanel-sources')), 'Tab goes into the selected panel');

  // Sticky: scrolled down the article, the panel is still in view, and scrolls by itself.
  await page.click('#tab-entities');
  // (Down the article, not to the very foot: there the panel's column ends and takes it along.)
  await page.evaluate(() => window.scrollTo(0, document.getElementById('article').getBoundingClientRect().bottom + scrollY - innerHeight));
  const box = await page.$eval('#panel', (p) => {
    const r = p.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, overflow: getComputedStyle(p).overflowY, scrolls: p.scrollHeight > p.clientHeight, y: scrollY };
  });
  assert.ok(box.y > 300, `the page scrolled (${box.y})`);
  assert.ok(box.top >= -1 && box.top < 50 && box.bottom <= 701, `the panel stays in view: ${JSON.stringify(box)}`);
  assert.equal(box.overflow, 'auto');
  assert.ok(box.scrolls, 'the long entity list scrolls inside the panel');
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('panel-desktop.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.click('#tab-sources');
  await page.screenshot({ path: screenshotPath('panel-desktop-dark.png') });
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('panel on a phone: a button opens a bottom sheet over the article, not the page foot', async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await served.browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(served.base);
    await page.waitForSelector('body[data-state="idle"]');
    await loadSample(page);
    const toggle = '#panel .panel-toggle';
    const bar = await page.$eval(toggle, (b) => ({ ...b.getBoundingClientRect().toJSON(), expanded: b.getAttribute('aria-expanded') }));
    assert.equal(bar.expanded, 'false');
    assert.ok(bar.top > 600 && bar.bottom <= 740 && bar.width >= 300, `the button sits at the foot of the screen: ${JSON.stringify(bar)}`);
    assert.ok(await page.isHidden('#tab-sources'), 'the sheet starts closed');
    await page.click(toggle);
    assert.equal(await page.getAttribute(toggle, 'aria-expanded'), 'true');
    const sheet = await page.$eval('#panel', (p) => ({ ...p.getBoundingClientRect().toJSON(), y: scrollY }));
    assert.ok(sheet.top >= 0 && sheet.bottom <= 741 && sheet.height > 300, `the sheet is on screen: ${JSON.stringify(sheet)}`);
    assert.ok(await page.isVisible('#sources .source-name'), 'Sources show in the sheet');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: screenshotPath(`panel-phone-${scheme}.png`) });
    // Pointing into the article gets the sheet out of the way.
    await page.click('#tab-quotes');
    await page.click('#quotes li:nth-child(3) button');
    assert.equal(await page.getAttribute(toggle, 'aria-expanded'), 'false');
    await page.waitForFunction(() => {
      const r = document.querySelector('#article .quote[data-ref="q2"]').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal overflow (${overflow}px)`);
    // Escape closes an open sheet from the keyboard and gives focus back to its button.
    await page.click(toggle);
    await page.focus('#tab-quotes');
    await page.keyboard.press('Escape');
    assert.equal(await page.getAttribute(toggle, 'aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('panel-toggle')), true);
    await page.close();
  }
});

test('print: the article with its highlights and the sources list, no controls', async () => {
  const { page } = await openPage(served.browser.context, served.base);
  await loadSample(page);
  await page.click('#tab-entities'); // print shows the sources whatever tab is open
  await page.emulateMedia({ media: 'print' });
  const shown = (sel) => page.$$eval(sel, (els) => els.some((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'));
  for (const sel of ['#input', 'button:not(.source-name)', '.actions', '[role="tablist"]', '#legend', '.panel-toggle', '.skip', '#tabpanel-quotes', '#tabpanel-entities']) {
    assert.equal(await shown(sel), false, `${sel} is not printed`);
  }
  for (const sel of ['#article', '#article .ent', '#article .quote', '#tabpanel-sources', '#sources .source .name']) {
    assert.equal(await shown(sel), true, `${sel} is printed`);
  }
  const ent = await page.$eval('#article .ent', (e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(ent, 'rgba(0, 0, 0, 0)', 'highlights keep their colour on paper');
  await page.screenshot({ path: screenshotPath('print.png'), fullPage: true });
  await page.close();
});

test('a 2 MB article: pressing a source marks its thousands of quotes at once (time printed)', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  let big = '';
  for (let i = 0; big.length < 2_000_000; i++) big += `${SEED.replace('2023-10-13', `2023-10-${String((i % 28) + 1).padStart(2, '0')}`)}\n\n`;
  await pasteText(page, big);
  const name = '#sources .source-name';
  const count = Number((await page.textContent(name)).match(/(\d+) quotes?/)[1]);
  // Click to the next frame after it (style, layout and paint of the marks included).
  const times = [];
  for (let i = 0; i < 4; i++) {
    times.push(
      await page.evaluate(
        (sel) =>
          new Promise((resolve) => {
            const t0 = performance.now();
            document.querySelector(sel).click();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          }),
        name,
      ),
    );
  }
  console.log(`    2 MB: marking a source's ${count} quotes (press / clear, ×2): ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}`);
  await page.click(name);
  assert.equal(await page.getAttribute(name, 'aria-pressed'), 'true');
  assert.equal((await markedQuotes(page)).length, count, 'every quote of the source is marked');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('beliefs, plans and findings are off by default and shown under the quotes when asked', async () => {
  const { page } = await openPage(served.browser.context, served.base);
  const text = 'The senator said the bill would pass. Critics believe the plan will fail. A study found that prices rose.';
  await setText(page, text);
  await page.waitForSelector('body[data-state="ready"]');
  await page.click('#tab-quotes');
  assert.ok(await page.isVisible('#show-attributions'), 'the toggle is visible');
  assert.equal(await page.isChecked('#show-attributions'), false, 'off by default');
  assert.equal(await page.isVisible('#attributions'), false);
  const quotes = await page.$$eval('#quotes li', (els) => els.map((e) => e.textContent));
  assert.ok(quotes.some((q) => q.includes('the bill would pass')), `the statement is a quote: ${quotes}`);
  assert.ok(!quotes.some((q) => q.includes('fail') || q.includes('prices')), `no belief or finding is a quote: ${quotes}`);
  await page.check('#show-attributions');
  await page.waitForSelector('#attributions .attributions li');
  const others = await page.$$eval('#attributions li', (els) => els.map((e) => e.textContent));
  assert.ok(others.some((o) => o.startsWith('belief') && o.includes('the plan will fail')), `${others}`);
  assert.ok(others.some((o) => o.startsWith('finding') && o.includes('prices rose')), `${others}`);
  // The quotes stay statements only, with the toggle on too.
  const after = await page.$$eval('#quotes li', (els) => els.map((e) => e.textContent));
  assert.deepEqual(after, quotes);
  await page.close();
});
