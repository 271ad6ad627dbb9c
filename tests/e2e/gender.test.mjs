// Who gets quoted, on one article (issue 24): the words the page makes of the core's gender
// fields (plain Node), then in Debian's headless Chromium the summary line, the marks with their
// evidence, a correction reaching the summary and the JSON export, the folded legend and the
// hint of an empty page. The tests of the core's output skip, saying so, on a core without
// gender fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, loadSample, pasteText, setText, distUrl, markedQuotes, screenshotPath, ROOT, servedWww } from './helpers.mjs';
import { summaryLine, genderOf, markText, hasGender, guessedCount } from '../../www/gender.js';
import { Corrections, textKey } from '../../www/corrections.js';
import { legendSummary } from '../../www/fold.js';
import { sources } from '../../www/panel.js';

// The core as the page runs it (www/pkg), to read what it says of the test article.
const pkg = path.join(ROOT, 'www/pkg');
const core = await import(path.join(pkg, 'lede.js'));
core.initSync({ module: fs.readFileSync(path.join(pkg, 'lede_bg.wasm')) });
const CORE_GENDERS = 'source_genders' in core.annotate('“Yes,” she said.', {});
const NO_GENDERS = 'the core in www/pkg has no gender fields yet (source_genders)';

// The evidence of the contract (notes of issue 24), as the core writes it.
const SHE = { kind: 'pronoun', gender: 'female', count: 3, text: 'she' };
const MS = { kind: 'honorific', gender: 'female', count: 1, text: 'Ms.' };
const MR = { kind: 'honorific', gender: 'male', count: 1, text: 'Mr.' };
const TOM = { kind: 'first name', gender: 'male', count: 1, text: 'Tom' };

test('gender: the summary line from source_genders', () => {
  const counts = { people: 11, female: 3, male: 7, unknown: 1, words: 2400, female_words: 430, male_words: 1900, unknown_words: 70 };
  assert.equal(summaryLine(counts), 'Women 3 of 11 named sources (27 %), 18 % of quoted words; unknown 1');
  assert.equal(summaryLine(counts, 2), 'Women 3 of 11 named sources (27 %), 18 % of quoted words; unknown 1; 2 guessed from first names');
  assert.match(summaryLine(counts, 1), /; 1 guessed from the first name$/);
  assert.equal(summaryLine({ ...counts, people: 1, female: 1, male: 0, unknown: 0, words: 0 }), 'Women 1 of 1 named source (100 %); unknown 0');
  assert.equal(summaryLine({ people: 0, female: 0, male: 0, unknown: 0, words: 0 }), 'No named people quoted.');
  assert.equal(summaryLine(undefined), null, 'an older core: no line');
});

test('gender: a mark says what the article gives, a guess as a guess, a conflict as unknown', () => {
  const she = genderOf({ name: 'Ana Ruiz', group: 'people', gender: 'female', gender_evidence: [SHE, MS] });
  assert.deepEqual([she.gender, she.guess, she.corrected, she.conflict], ['female', false, false, false]);
  assert.equal(she.evidence, 'she ×3 (pronoun), Ms. (honorific)');
  assert.equal(she.says, 'female: she ×3 (pronoun), Ms. (honorific)');
  assert.equal(markText(she), 'female');

  const tom = genderOf({ name: 'Tom Becker', group: 'people', gender: 'male', gender_evidence: [TOM] });
  assert.deepEqual([tom.gender, tom.guess], ['male', true]);
  assert.equal(markText(tom), 'male?', 'a guess carries a question mark');
  assert.match(tom.says, /^male\? guessed from the first name “Tom”/);

  const both = genderOf({ name: 'Sam Lee', group: 'people', gender_evidence: [{ ...SHE, count: 1 }, MR] });
  assert.deepEqual([both.gender, both.conflict], ['unknown', true]);
  assert.equal(both.says, 'unknown: the article says both — she (pronoun, female), Mr. (honorific, male)');

  const weak = genderOf({ name: 'Ana Ruiz', group: 'people', gender_evidence: [{ ...SHE, count: 1 }] });
  assert.equal(weak.says, 'unknown: too little to tell — she (pronoun)', 'evidence the core found too weak is no gender');
  const none = genderOf({ name: 'Robin Ellis', group: 'people' });
  assert.deepEqual([none.gender, none.guess, none.evidence], ['unknown', false, '']);

  // A correction: the reader's, whatever the article says; the article's evidence still shown.
  const fixed = genderOf({ name: 'Tom Becker', gender: 'female', gender_evidence: [{ kind: 'correction', gender: 'female', count: 1, text: 'Tom Becker' }, TOM] }, { 'Tom Becker': 'female' });
  assert.deepEqual([fixed.gender, fixed.guess, fixed.corrected], ['female', false, true]);
  assert.equal(fixed.says, 'female: your correction (the article: Tom (first name))');
  const cleared = genderOf({ name: 'Ana Ruiz', gender_evidence: [SHE] }, { 'Ana Ruiz': 'unknown' });
  assert.deepEqual([cleared.gender, cleared.corrected], ['unknown', true]);

  // People get a mark; an unnamed source only with evidence ("a spokeswoman"); others none.
  assert.equal(hasGender({ group: 'people' }), true);
  assert.equal(hasGender({ group: 'groups', gender_evidence: [{ kind: 'role', gender: 'female', count: 1, text: 'spokeswoman' }] }), true);
  assert.equal(hasGender({ group: 'groups', label: 'ORG' }), false);
  assert.equal(guessedCount([{ group: 'people', named: true, gender: 'male', gender_evidence: [TOM] }, { group: 'people', named: true, gender: 'female', gender_evidence: [SHE] }]), 1);
});

test('gender: the panel adds genders only when the core gives them', () => {
  const person = { name: 'Ana Ruiz', group: 'people', cluster: 0, label: 'PERSON', named: true, quotes: [0], words: 2, gender: 'female', gender_evidence: [SHE] };
  const old = sources({ sources: [person] });
  assert.equal('gender' in old.groups[0].sources[0], false, 'an older core (no source_genders): no marks');
  const found = sources({ sources: [person], source_genders: { people: 1, female: 1, male: 0, unknown: 0, words: 2, female_words: 2, male_words: 0, unknown_words: 0 } });
  assert.equal(found.groups[0].sources[0].gender.evidence, 'she ×3 (pronoun)');
});

test('gender: corrections belong to the article and come back with its text', () => {
  const c = new Corrections();
  assert.deepEqual(c.apply({ date: '2024-01-02' }), { date: '2024-01-02' }, 'no corrections: no genders option');
  c.set('Tom Becker', 'female');
  assert.deepEqual(c.apply({ date: '2024-01-02' }), { date: '2024-01-02', genders: { 'Tom Becker': 'female' } });
  c.switchArticle('first article', 'second article');
  assert.deepEqual(c.apply({}), {}, 'another article starts without');
  c.set('Ana Ruiz', 'unknown');
  c.switchArticle('second article', 'first article');
  assert.deepEqual(c.current, { 'Tom Becker': 'female' }, 'the first article gets its corrections back');
  c.set('Tom Becker', null);
  assert.deepEqual(c.apply({ genders: { x: 'male' } }), {}, 'a cleared correction is no longer sent');
  assert.notEqual(textKey('ab'), textKey('ba'));
  assert.equal(legendSummary({ DATE: 2, GPE: 1 }, new Set(['DATE'])), '2 types · 1 hidden');
  assert.equal(legendSummary({}, new Set()), '');
});

const served = servedWww();

test('an empty page shows a hint in Sources; the footer says the exports count code points', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  assert.match(await page.textContent('#sources'), /Who is quoted shows here/);
  assert.ok(await page.isHidden('#gender-summary'));
  assert.match(await page.textContent('footer'), /exports count Unicode code points/);
  await pasteText(page, '“We will see,” said Maria Delgado.');
  assert.doesNotMatch(await page.textContent('#sources'), /Who is quoted shows here/);
  await page.click('#clear');
  await page.waitForSelector('#article .empty');
  await page.waitForFunction(() => /Who is quoted shows here/.test(document.getElementById('sources').textContent));
  assert.ok(await page.isHidden('#gender-summary'), 'no summary without an article');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('the legend is folded: the Sources list starts on the first screen at 1400 × 900', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  await page.setViewportSize({ width: 1400, height: 900 });
  await loadSample(page);
  assert.equal(await page.getAttribute('#legend-toggle', 'aria-expanded'), 'false');
  assert.ok(await page.isHidden('#legend-body'), 'the legend is closed at first');
  assert.match(await page.textContent('#legend-summary'), /^\d+ types$/, 'its heading counts the types');
  const legend = await page.$eval('.legend-box', (e) => e.getBoundingClientRect().height);
  assert.ok(legend < 0.08 * 900, `the folded legend takes one line (${legend} px)`);
  const rows = await page.$$eval('#sources .source', (els) => els.map((e) => e.getBoundingClientRect().bottom));
  assert.ok(rows.length >= 3, 'the sample has sources');
  assert.ok(rows.every((bottom) => bottom <= 900), `the sample's sources all show on the first screen: ${rows}`);
  await page.screenshot({ path: screenshotPath('gender-legend-folded.png') });
  // Opened from the keyboard, a type switched off, closed again: the heading says one is hidden.
  await page.focus('#legend-toggle');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#legend-toggle', 'aria-expanded'), 'true');
  assert.ok(await page.isVisible('#legend .legend-item[data-label="DATE"]'));
  await page.click('#legend .legend-item[data-label="DATE"]');
  await page.click('#legend-toggle');
  assert.ok(await page.isHidden('#legend-body'));
  assert.match(await page.textContent('#legend-summary'), /^\d+ types · 1 hidden$/);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('marks render names and evidence as text, never as HTML', async () => {
  const { page, log } = await openPage(served.browser.context, served.base);
  // The panel's own modules on a hand-made annotation with markup in a name and its evidence.
  await page.evaluate(async () => {
    const { renderSources, sources: list } = await import('./panel.js');
    const bad = '<img src=x onerror="window.__xss=1">';
    const annotation = {
      quotes: [{ kind: 'direct', text: 'x' }],
      source_genders: { people: 1, female: 1, male: 0, unknown: 0, words: 1, female_words: 1, male_words: 0, unknown_words: 0 },
      sources: [{ name: bad, group: 'people', cluster: 0, label: 'PERSON', named: true, quotes: [0], words: 1, gender: 'female', gender_evidence: [{ kind: 'pronoun', gender: 'female', count: 1, text: bad }] }],
    };
    renderSources(document.getElementById('sources'), annotation, () => {}, list(annotation), { gender: { corrections: {}, onCorrect() {} } });
  });
  await page.hover('#sources .gender-mark');
  await page.click('#sources .gender-mark');
  assert.equal(await page.$$eval('#panel img, #gender-tip img', (els) => els.length), 0);
  assert.match(await page.textContent('#sources .gender-evidence'), /<img src=x/);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(log.errors, []);
  await page.close();
});

// People for the summary and the marks (written for the test): she and Ms. for Maria Delgado,
// Mr. and he for Tom Becker, a first name alone for Laura Chen, nothing for Robin Ellis.
const ARTICLE = [
  'Senators clash over the budget',
  '“We have the votes,” Maria Delgado said on Tuesday. She said the deal was close. “Nobody should doubt it,” Ms. Delgado added.',
  '“The numbers do not add up,” said Tom Becker, a senator from Ohio. Mr. Becker said he would vote against the plan.',
  '“We will wait and see,” said Laura Chen.',
  '“It is a fair plan,” said Robin Ellis.',
].join('\n\n');

/** The person rows: name → { text, gender, guess, corrected }. */
const marks = (page) =>
  page.$$eval('#sources .source', (rows) =>
    Object.fromEntries(
      rows
        .filter((r) => r.querySelector('.gender-mark'))
        .map((r) => {
          const m = r.querySelector('.gender-mark');
          return [r.querySelector('.name').textContent, { text: m.textContent, gender: m.dataset.gender, guess: 'guess' in m.dataset, corrected: 'corrected' in m.dataset }];
        }),
    ),
  );

const markOf = (name) => `#sources .gender-mark[data-source="${name}"]`;

/** The JSON export of the shown article, parsed (the Download button's file). */
async function exportJson(page) {
  await page.selectOption('#export-format', 'json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
}

test('the summary line and the marks follow the core; hover and focus show the evidence', async (t) => {
  if (!CORE_GENDERS) return t.skip(NO_GENDERS);
  const expected = core.annotate(ARTICLE, {});
  const { page, log } = await openPage(served.browser.context, served.base);
  await page.setViewportSize({ width: 1400, height: 900 });
  await pasteText(page, ARTICLE);
  const guessed = guessedCount(expected.sources);
  assert.equal(await page.textContent('#gender-summary'), summaryLine(expected.source_genders, guessed));
  const shown = await marks(page);
  assert.deepEqual(shown['Maria Delgado'], { text: 'female', gender: 'female', guess: false, corrected: false });
  assert.deepEqual(shown['Tom Becker'], { text: 'male', gender: 'male', guess: false, corrected: false });
  assert.deepEqual(shown['Laura Chen'], { text: 'female?', gender: 'female', guess: true, corrected: false }, 'a first name alone is a guess');
  // Each person's mark is what the core says, a first name alone marked as a guess.
  for (const s of expected.sources.filter((x) => x.group === 'people')) {
    const g = genderOf(s);
    assert.deepEqual(shown[s.name], { text: markText(g), gender: g.gender, guess: g.guess, corrected: false }, s.name);
  }

  // Hover shows the evidence; so does keyboard focus, which also describes the mark.
  await page.hover(markOf('Maria Delgado'));
  await page.waitForSelector('#gender-tip:not([hidden])');
  const tip = await page.textContent('#gender-tip');
  assert.match(tip, /^Female: /, tip);
  assert.match(tip, /\bshe( ×\d)? \(pronoun\)/i, tip);
  assert.match(tip, /\bMs\.? \(honorific\)/, tip);
  await page.screenshot({ path: screenshotPath('gender-hover.png') });
  await page.mouse.move(0, 0);
  await page.focus(markOf('Tom Becker'));
  await page.waitForSelector('#gender-tip:not([hidden])');
  assert.match(await page.textContent('#gender-tip'), /^Male: /);
  const described = await page.$eval(markOf('Tom Becker'), (m) => document.getElementById(m.getAttribute('aria-describedby')).textContent);
  assert.equal(described, await page.textContent('#gender-tip'));
  assert.match(await page.getAttribute(markOf('Tom Becker'), 'aria-label'), /^Gender of Tom Becker: male, from the article/);
  // The Entities cards of people say it too.
  await page.click('#tab-entities');
  const cards = await page.$$eval('#entities .card', (cs) => Object.fromEntries(cs.map((c) => [c.querySelector('.card-name').textContent, c.querySelector('.gender-line')?.textContent ?? null])));
  assert.match(cards['Maria Delgado'], /^Female: /);
  assert.match(cards['Laura Chen'], /^Female\? guessed from the first name “Laura”/);
  assert.equal(cards.Ohio, null, 'no gender for a place');
  await page.click('#tab-sources');
  const guesses = Object.entries(shown).filter(([, m]) => m.guess);
  for (const [name] of guesses) {
    await page.focus(markOf(name));
    assert.match(await page.textContent('#gender-tip'), /guessed from the first name/, `${name} is a guess`);
  }
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('a correction changes the summary, the mark and the JSON export, and stays with the article', async (t) => {
  if (!CORE_GENDERS) return t.skip(NO_GENDERS);
  const { page, log } = await openPage(served.browser.context, served.base);
  await pasteText(page, ARTICLE);
  const before = await exportJson(page);
  const tom = (a) => a.sources.find((s) => s.name === 'Tom Becker');
  assert.equal(tom(before).gender, 'male');
  const summary = await page.textContent('#gender-summary');
  // Tom Becker's quotes are marked in the text; they stay marked through the correction.
  const tomName = '#sources .source-name:has(.name:text-is("Tom Becker"))';
  await page.click(tomName);
  const marked = await markedQuotes(page);
  assert.ok(marked.length > 0);

  // From the keyboard: the mark opens its menu on the current choice; arrows, Enter.
  await page.focus(markOf('Tom Becker'));
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute(markOf('Tom Becker'), 'aria-expanded'), 'true');
  assert.match(await page.textContent('#sources .gender-evidence'), /^Male: /);
  const focused = () => page.evaluate(() => [document.activeElement.getAttribute('role'), document.activeElement.textContent]);
  assert.deepEqual(await focused(), ['menuitemradio', 'As the article says']);
  await page.screenshot({ path: screenshotPath('gender-menu.png') });
  await page.keyboard.press('Home');
  assert.deepEqual(await focused(), ['menuitemradio', 'Female']);
  await page.keyboard.press('Enter');
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.gender === 'female', markOf('Tom Becker'));
  assert.deepEqual((await marks(page))['Tom Becker'], { text: 'female', gender: 'female', guess: false, corrected: true });
  assert.notEqual(await page.textContent('#gender-summary'), summary, 'the summary counts the correction');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.source), 'Tom Becker', 'focus is back on the mark');
  assert.deepEqual(await markedQuotes(page), marked, 'the marked quotes stay marked');
  assert.equal(await page.getAttribute(tomName, 'aria-pressed'), 'true');
  const after = await exportJson(page);
  assert.equal(tom(after).gender, 'female', 'the export carries the correction');
  assert.equal(tom(after).gender_evidence[0].kind, 'correction');
  assert.equal(after.source_genders.female, before.source_genders.female + 1);

  // Editing the text keeps it; another article does not have it; the same text gets it back.
  await page.focus('#input');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Mr. Becker left.');
  await page.waitForFunction(() => document.body.dataset.state === 'ready' && document.getElementById('input').value.endsWith('left.'));
  await page.waitForSelector('#sources .gender-mark[data-source="Tom Becker"][data-corrected]');
  await pasteText(page, '“Fine,” said Tom Becker. He left.');
  assert.equal((await marks(page))['Tom Becker'].corrected, false, 'another article starts without corrections');
  await pasteText(page, ARTICLE);
  assert.equal((await marks(page))['Tom Becker'].corrected, false, 'an edited text is another article');
  await pasteText(page, `${ARTICLE} Mr. Becker left.`);
  assert.equal((await marks(page))['Tom Becker'].corrected, true, 'the article gets its correction back');

  // "As the article says" removes it.
  await page.click(markOf('Tom Becker'));
  await page.click('#sources .gender-fix [data-gender="article"]');
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.gender === 'male', markOf('Tom Becker'));
  assert.equal(await page.textContent('#gender-summary'), summary);
  assert.equal(tom(await exportJson(page)).gender, 'male');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('dist/lede.html (file://) shows the summary and takes a correction too', async (t) => {
  if (!CORE_GENDERS) return t.skip(NO_GENDERS);
  const { page, log } = await openPage(served.browser.context, distUrl());
  await setText(page, ARTICLE);
  const expected = core.annotate(ARTICLE, {});
  assert.equal(await page.textContent('#gender-summary'), summaryLine(expected.source_genders, guessedCount(expected.sources)));
  await page.click(markOf('Laura Chen'));
  await page.click('#sources .gender-fix [data-gender="male"]');
  await page.waitForSelector(`${markOf('Laura Chen')}[data-corrected][data-gender="male"]`);
  assert.equal((await exportJson(page)).sources.find((s) => s.name === 'Laura Chen').gender, 'male');
  assert.deepEqual(log.errors, []);
  await page.close();
});
