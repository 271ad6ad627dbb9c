// The Sources panel: who is quoted, grouped by kind of source, each source disclosing its quotes.
// What the panel makes of the core's `annotation.sources` in plain Node, then the panel on a
// synthetic article in Debian's headless Chromium (served page), light and dark, desktop and
// phone width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, pasteText, screenshotPath, markedQuotes, ROOT, servedWww } from './helpers.mjs';
import { sources, quoteSources } from '../../www/panel.js';

// A hand-made annotation and the sources the core computes for it (src/sources.rs checks them).
const FIXTURE = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/e2e/sources.json'), 'utf8'));

test("sources: the panel's groups, badges and ids from annotation.sources; unattributed apart", () => {
  const annotation = FIXTURE;
  const { groups, unattributed } = sources(annotation);
  const shape = groups.map((g) => [g.id, g.sources.map((s) => [s.name, s.badge.text, s.quotes, s.refs.join(' ')])]);
  assert.deepEqual(shape, [
    ['people', [['Bo Lee', 'Person', 2, 'q1 q9'], ['Ana Ruiz', 'Person', 2, 'q2 q3']]],
    ['groups', [['officials', 'unnamed', 2, 'q6 q10'], ['The Pentagon', 'Organisation', 1, 'q7'], ['Analysts', 'type unknown', 1, 'q8']]],
    ['others', [['Russia', 'Place', 1, 'q0']]],
    ['documents', [['A report from the council', 'document', 1, 'q11']]],
  ]);
  assert.deepEqual(groups.map((g) => g.title), ['People', 'Organisations and groups', 'Places and others', 'Documents, issuer not named']);
  assert.deepEqual(groups[0].sources.map((s) => [s.label, s.words, s.indices]), [['PERSON', 4, [1, 9]], ['PERSON', 2, [2, 3]]]);
  assert.deepEqual([unattributed.name, unattributed.badge, unattributed.quotes, unattributed.words, unattributed.refs], ['Unattributed', null, 2, 4, ['q4', 'q5']]);
  // Ids in display order; each quote maps to its source's id (the article tags quotes with it).
  assert.deepEqual(groups.flatMap((g) => g.sources.map((s) => s.id)), [0, 1, 2, 3, 4, 5, 6]);
  assert.equal(unattributed.id, 7);
  assert.deepEqual(quoteSources(annotation, { groups, unattributed }), [5, 0, 1, 1, 7, 7, 2, 3, 4, 0, 2, 6]);
  // Only the groups with sources; no unattributed row when every quote has a speaker.
  const kirby = { name: 'Kirby', group: 'groups', cluster: null, label: null, named: true, quotes: [0], words: 1 };
  assert.deepEqual(sources({ sources: [kirby] }), {
    groups: [
      {
        id: 'groups',
        title: 'Organisations and groups',
        sources: [{ id: 0, name: 'Kirby', label: null, badge: { text: 'type unknown', title: 'a name the annotator could not type (person, organisation, …)' }, quotes: 1, words: 1, refs: ['q0'], indices: [0] }],
      },
    ],
    unattributed: null,
  });
  assert.deepEqual(sources({ clusters: [], quotes: [], sources: [] }), { groups: [], unattributed: null });
});

const served = servedWww();

// Two people (one quoted twice, one once), an organisation, an unnamed spokeswoman and an
// unattributed opening quote. Written for the test; no corpus text.
const ARTICLE = [
  '“Nothing about this is normal.”',
  '“We have the votes,” Maria Delgado said on Tuesday. “Nobody should doubt it.”',
  '“The numbers do not add up,” said Tom Becker, a senator from Ohio.',
  'The Pentagon said it would review the plan.',
  '“We are looking at every option,” a spokeswoman for the agency said.',
].join('\n\n');

/** The panel as text: per group its heading and rows (name, badge, counts). */
const panel = (page) =>
  page.$$eval('#sources > .source-group', (groups) =>
    groups.map((g) => ({
      group: g.dataset.group,
      heading: g.querySelector('h3')?.textContent ?? null,
      rows: [...g.querySelectorAll('.source')].map((s) => ({
        name: s.querySelector('.name').textContent,
        badge: s.querySelector('.badge')?.textContent ?? null,
        stats: s.querySelector('.who').textContent,
      })),
    })),
  );

/** The refs and texts listed under a source's disclosure. */
const listed = (page, name) =>
  page.$$eval(
    '#sources .source',
    (rows, who) => {
      const row = rows.find((r) => r.querySelector('.name').textContent === who);
      const list = row.querySelector('.source-quotes');
      return {
        expanded: row.querySelector('.source-toggle').getAttribute('aria-expanded'),
        visible: !list.hidden && list.getBoundingClientRect().height > 0,
        items: [...list.querySelectorAll('button')].map((b) => [b.dataset.ref, b.querySelector('.kind').textContent, b.textContent]),
        numbers: [...list.querySelectorAll('li')].map((li) => li.value),
      };
    },
    name,
  );

const toggleOf = (name) => `#sources .source:has(.name:text-is("${name}")) .source-toggle`;

test('Sources: people, then organisations and groups, then unattributed; each source lists its quotes', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  await pasteText(page, ARTICLE);
  const refs = await page.$$eval('#article .quote.first', (qs) => qs.map((q) => q.dataset.ref));
  assert.deepEqual(refs, ['q0', 'q1', 'q2', 'q3', 'q4', 'q5'], 'six quotes in the text');

  assert.deepEqual(await panel(page), [
    {
      group: 'people',
      heading: 'People 2 sources · 3 quotes',
      rows: [
        { name: 'Maria Delgado', badge: 'Person', stats: '2 quotes · 8 words' },
        { name: 'Tom Becker', badge: 'Person', stats: '1 quote · 6 words' },
      ],
    },
    {
      group: 'groups',
      heading: 'Organisations and groups 2 sources · 2 quotes',
      rows: [
        { name: 'a spokeswoman for the agency', badge: 'unnamed', stats: '1 quote · 6 words' },
        { name: 'The Pentagon', badge: 'Organisation', stats: '1 quote · 5 words' },
      ],
    },
    { group: 'unattributed', heading: null, rows: [{ name: 'Unattributed', badge: null, stats: '1 quote · 5 words' }] },
  ]);
  // The unattributed row is the last row of the panel, and the only one so marked.
  assert.deepEqual(
    await page.$$eval('#sources .source', (rows) => rows.map((r) => r.classList.contains('unattributed'))),
    [false, false, false, false, true],
  );

  // Collapsed at first; the disclosure is a real button that controls its list.
  const toggle = toggleOf('Maria Delgado');
  assert.deepEqual(await listed(page, 'Maria Delgado'), { expanded: 'false', visible: false, items: [], numbers: [] });
  const controls = await page.getAttribute(toggle, 'aria-controls');
  assert.equal(await page.$eval(toggle, (b) => b.tagName), 'BUTTON');
  assert.ok(await page.$(`#${controls}.source-quotes`), 'aria-controls names the quote list');
  await page.click(toggle);
  assert.deepEqual(await listed(page, 'Maria Delgado'), {
    expanded: 'true',
    visible: true,
    items: [
      ['q1', 'direct', 'direct “We have the votes,”'],
      ['q2', 'direct', 'direct “Nobody should doubt it.”'],
    ],
    numbers: [2, 3], // as in the Quotes list
  });
  // A listed quote scrolls to and flashes that quote in the text, and only that one.
  await page.click(`#${controls} button[data-ref="q2"]`);
  await page.waitForFunction(() => document.querySelector('#article .quote[data-ref="q2"]').classList.contains('flash'));
  assert.equal(await page.$$eval('#article .quote.flash', (qs) => qs.map((q) => q.dataset.ref).join()), 'q2');
  await page.click(toggle);
  assert.equal((await listed(page, 'Maria Delgado')).visible, false, 'a second click closes it');

  // The unattributed row discloses its quote too.
  await page.click(toggleOf('Unattributed'));
  assert.deepEqual((await listed(page, 'Unattributed')).items, [['q0', 'direct', 'direct “Nothing about this is normal.”']]);

  // The name marks all the source's quotes and stays pressed; the bar offers to clear the marks.
  const maria = '#sources .source-name:has(.name:text-is("Maria Delgado"))';
  const tom = '#sources .source-name:has(.name:text-is("Tom Becker"))';
  assert.equal(await page.getAttribute(maria, 'aria-pressed'), 'false');
  assert.ok(await page.isHidden('#sources .mark-bar'), 'no clear control before a source is pressed');
  await page.click(maria);
  assert.deepEqual(await markedQuotes(page), ['q1', 'q2']);
  assert.equal(await page.getAttribute(maria, 'aria-pressed'), 'true', 'the pressed source shows it');
  assert.ok(await page.isVisible('#sources .mark-bar .clear-marks'), 'a clear control appears');
  assert.match(await page.textContent('#sources .mark-bar'), /2 quotes by Maria Delgado marked/);
  const pressedBg = await page.$eval(maria, (b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(pressedBg, await page.$eval(tom, (b) => getComputedStyle(b).backgroundColor), 'pressed looks different');
  // Another source replaces the marks; the clear control removes them.
  await page.click(tom);
  assert.deepEqual(await markedQuotes(page), ['q3']);
  assert.equal(await page.getAttribute(maria, 'aria-pressed'), 'false');
  assert.equal(await page.getAttribute(tom, 'aria-pressed'), 'true');
  await page.click('#sources .mark-bar .clear-marks');
  assert.deepEqual(await markedQuotes(page), []);
  assert.equal(await page.getAttribute(tom, 'aria-pressed'), 'false');
  assert.ok(await page.isHidden('#sources .mark-bar'));
  assert.equal(await page.evaluate(() => document.activeElement.textContent.startsWith('Tom Becker')), true, 'focus returns to the source');
  // Pressing a pressed source again clears it too.
  await page.click(maria);
  await page.click(maria);
  assert.deepEqual(await markedQuotes(page), []);
  assert.equal(await page.getAttribute(maria, 'aria-pressed'), 'false');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('Sources: the disclosure works from the keyboard', async () => {
  const { page } = await openPage(served.browser.context, served.base);
  await pasteText(page, ARTICLE);
  await page.focus(toggleOf('Maria Delgado'));
  const focused = () => page.evaluate(() => document.activeElement.closest('.source').querySelector('.name').textContent);
  await page.keyboard.press('Enter');
  assert.deepEqual((await listed(page, 'Maria Delgado')).items.map(([ref]) => ref), ['q1', 'q2']);
  assert.equal((await listed(page, 'Maria Delgado')).expanded, 'true', 'Enter opens');
  await page.keyboard.press('Space');
  assert.equal((await listed(page, 'Maria Delgado')).visible, false, 'Space closes');
  await page.keyboard.press('Space');
  assert.equal((await listed(page, 'Maria Delgado')).visible, true, 'Space opens');
  // Tab order: disclosure → name → gender mark → the listed quotes → the next source.
  const order = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => {
      const el = document.activeElement;
      return el.classList.contains('source-toggle') ? 'toggle' : el.classList.contains('source-name') ? 'name' : el.classList.contains('gender-mark') ? 'gender' : el.dataset.ref;
    }));
  }
  assert.deepEqual(order, ['name', 'gender', 'q1', 'q2', 'toggle']);
  assert.equal(await focused(), 'Tom Becker');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(ring, 'solid', 'the focus ring shows on the disclosure');
  await page.keyboard.press('Enter');
  assert.deepEqual((await listed(page, 'Tom Becker')).items.map(([ref]) => ref), ['q3']);
  // Enter on a listed quote (past the name and the gender mark) reveals it.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#article .quote[data-ref="q3"]').classList.contains('flash'));
  await page.close();
});

test('Sources: light and dark, desktop and phone width (screenshots)', async () => {
  for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 360], ['dark', 360]]) {
    const page = await served.browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(served.base);
    await page.waitForSelector('body[data-state="idle"]');
    await pasteText(page, ARTICLE);
    if (width < 800) await page.click('#panel .panel-toggle'); // the bottom sheet on a phone
    await page.click(toggleOf('Maria Delgado'));
    await page.click(toggleOf('Unattributed'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal overflow at ${width} px (${overflow}px)`);
    // Badges of a type carry its colour; text stays readable (not the page background).
    const badge = await page.$eval('#sources .badge[data-label="PERSON"]', (b) => ({
      bg: getComputedStyle(b).backgroundColor,
      fg: getComputedStyle(b).color,
      page: getComputedStyle(document.body).backgroundColor,
    }));
    assert.notEqual(badge.bg, badge.page, `the PERSON badge has a colour (${scheme})`);
    assert.notEqual(badge.fg, badge.page);
    await page.mouse.move(0, 0); // no hover state in the picture
    const section = page.locator('#tabpanel-sources');
    await section.screenshot({ path: screenshotPath(`sources-${scheme}-${width}.png`) });
    await page.close();
  }
});
