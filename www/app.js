// Wires the page together: input (typing, paste, drop, sample) → worker → article + panel.
import * as platform from './platform.js';
import { Annotator } from './annotator.js';
import { renderArticle } from './render.js';
import { attachDetails } from './details.js';
import { renderLegend, renderQuotes, renderSources, renderAttributions, sources, quoteSources } from './panel.js';
import { renderEntities, entityCards } from './cards.js';
import { attachPanel } from './tabs.js';
import { attachRoving } from './roving.js';
import { LABEL_NAMES } from './labels.js';
import { Corrections } from './corrections.js';
import { renderGenderSummary, focusMark } from './gender-ui.js';
import { attachFold, legendSummary } from './fold.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const article = $('article');
const status = $('status');
const warnings = $('warnings');
const dateline = $('dateline');
const dateField = $('article-date');
const dateSource = $('date-source');
// Off by default: quotes are statements; beliefs, plans and findings are asked for.
const showAttributions = $('show-attributions');

const annotator = new Annotator(platform);
const hidden = new Set(); // entity types switched off in the legend
let current = null; // { text, annotation, options } on screen
let rendering = null;

const BIG = 200_000; // chars: beyond this, wait longer after typing and show progress
// Beyond this a <textarea> alone stalls Chromium for a second or more laying out the text, so
// such a text is kept in memory and the text area shows only its beginning (read-only).
const HUGE = 400_000;
const PREVIEW = 20_000;
let held = null; // the full text while the text area shows a preview
// The date the reader set in the date field: sent as options.date, it overrides the date the
// text's header gives. A new article (sample, drop, clear, a paste over everything) forgets it.
let chosenDate = null;
// The reader's corrections of source genders: sent as options.genders, per article like the date.
const corrections = new Corrections();
let refocus = null; // the source whose gender was just corrected: its mark gets focus back

const textOf = () => (held !== null ? held : input.value);

function setStatus(text, busy = false) {
  status.textContent = text;
  status.classList.toggle('busy', busy);
}

function chars(n) {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : n >= 1e3 ? `${Math.round(n / 1e3)} k` : String(n);
}

// One wasm call cannot report progress, so big runs show elapsed time and an estimate from
// the speed of earlier runs (characters per ms).
let speed = null;
let ticker = 0;

function progress(text, t0) {
  const elapsed = performance.now() - t0;
  const estimate = speed ? ` · ~${Math.min(99, Math.round((elapsed * speed * 100) / text.length))}%` : '';
  setStatus(`Annotating ${chars(text.length)} characters… ${Math.round(elapsed / 1000)} s${estimate}`, true);
}

let runs = 0;
// Yields to the event loop so a frame can be drawn between the heavy steps of a big result.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

// The options of a run: the reader's date, the other attributions when the toggle asks, and
// the reader's gender corrections.
function runOptions() {
  const options = chosenDate ? { date: chosenDate } : {};
  if (showAttributions.checked) options.attributions = true;
  return corrections.apply(options);
}

async function run() {
  const text = textOf();
  const mine = ++runs;
  const t0 = performance.now();
  clearInterval(ticker);
  if (text.length > BIG) {
    progress(text, t0);
    ticker = setInterval(() => progress(text, t0), 1000);
  } else {
    setStatus('Annotating…', true);
  }
  let result;
  try {
    await startup;
    result = await annotator.annotate(text, runOptions());
  } catch (e) {
    if (e.stale) return; // a newer run is on its way
    clearInterval(ticker);
    if (mine === runs) fail(e.message);
    return;
  }
  clearInterval(ticker);
  if (text.length > 10_000) speed = text.length / Math.max(1, result.ms);
  if (text.length > BIG) await nextTask();
  if (mine !== runs) return;
  show(text, result.annotation, result.ms, result.options);
}

// What Sources says when there is no article.
const SOURCES_HINT = 'Who is quoted shows here once there is an article: people, organisations and documents, with their quotes and words. Paste or type an article, drop a .txt file, or load the sample.';

// What the panels show when there is no annotation.
const NO_ANNOTATION = { date: null, date_source: null, dateline: null, paragraphs: [], sentences: [], entities: [], clusters: [], quotes: [], sources: [], attributions: [] };

// A failed run (a text over the size limit, binary data): the old result does not match the
// text any more, so it goes, with its exports; only the message is shown.
function fail(message) {
  if (rendering) rendering.cancel();
  rendering = null;
  current = null;
  enableExport(false);
  showWarnings([]);
  dateline.hidden = true;
  renderPanels(NO_ANNOTATION, 'No sources: the text was not annotated.');
  const note = document.createElement('p');
  note.className = 'empty failed';
  note.textContent = `Not annotated: ${message}`;
  article.replaceChildren(note);
  article.classList.remove('big');
  roving.reset();
  setStatus(`Annotation failed: ${message}`);
  document.body.dataset.state = 'failed';
}

// The legend and the side panel's tabs for `annotation`; returns what Sources found. `empty`:
// what Sources says when it lists nothing (no article, a failed run).
function renderPanels(annotation, empty) {
  const counts = {};
  for (const e of annotation.entities) counts[e.label] = (counts[e.label] || 0) + 1;
  renderLegend($('legend'), counts, hidden, toggleLabel);
  $('legend-summary').textContent = legendSummary(counts, hidden);
  renderEntities($('entities'), annotation, reveal, corrections.current);
  renderQuotes($('quotes'), annotation, reveal);
  const attributionList = $('attributions');
  attributionList.hidden = !showAttributions.checked;
  renderAttributions(attributionList, annotation);
  const found = sources(annotation, corrections.current);
  // After a correction the same article comes back: the source marked in the text stays marked.
  const pressed = refocus !== null ? $('sources').querySelector('.source-name[aria-pressed="true"] .name') : null;
  renderSources($('sources'), annotation, reveal, found, {
    gender: { corrections: corrections.current, onCorrect: correct },
    empty,
    pressed: pressed ? pressed.textContent : null,
  });
  renderGenderSummary($('gender-summary'), annotation, corrections.current);
  const sourceCount = found.groups.reduce((n, g) => n + g.sources.length, 0);
  $('source-count').textContent = String(sourceCount);
  // The Entities tab counts what it lists: one card per cluster, one row per distinct other text.
  const { cards, others } = entityCards(annotation);
  $('entity-count').textContent = String(cards.length + others.reduce((n, g) => n + g.texts.length, 0));
  $('quote-count').textContent = String(annotation.quotes.length);
  return found;
}

function show(text, annotation, ms, options = {}) {
  if (rendering) rendering.cancel();
  current = { text, annotation, options };
  enableExport(text.trim() !== '');
  showWarnings(annotation.warnings || []);
  showDate(annotation);
  if (!text.trim()) {
    article.replaceChildren();
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = 'Nothing to annotate yet: paste or type an article, drop a .txt file, or load the sample.';
    article.append(empty);
  }
  const found = renderPanels(annotation, text.trim() ? undefined : SOURCES_HINT);
  if (refocus !== null) {
    // The corrected source's mark was re-rendered: give it focus back unless the reader moved on.
    if (document.activeElement === document.body || !document.activeElement) focusMark($('sources'), refocus);
    refocus = null;
  }
  const summary = `${annotation.entities.length} entities · ${annotation.quotes.length} quotes · ${annotation.sentences.length} sentences · ${ms.toFixed(1)} ms`;
  if (!text.trim()) {
    setStatus('Empty text.');
    return;
  }
  const big = text.length > BIG;
  article.classList.toggle('big', big);
  roving.reset();
  rendering = renderArticle(article, text, annotation, {
    quoteSource: quoteSources(annotation, found),
    onProgress: (f) => {
      roving.ensure();
      if (big && f < 1) setStatus(`Rendering… ${Math.round(f * 100)}%`, true);
    },
  });
  rendering.done.then((finished) => {
    if (finished) {
      setStatus(summary);
      document.body.dataset.state = 'ready';
    }
  });
}

// Where the date comes from, in words: the header line it was read from, or the reader.
const SOURCE_NAMES = {
  marker: 'the “date” line',
  published: 'the “Published” line',
  updated: 'the “Updated” line',
  byline: 'the byline',
  header: 'the date line at the top',
};

function showDate(annotation) {
  dateField.value = annotation.date || '';
  const source = annotation.date_source;
  if (source && source.kind === 'option') {
    dateSource.textContent = 'set by you: relative dates resolve against it (clear it to use the article’s own date)';
  } else if (source) {
    dateSource.textContent = `read from ${SOURCE_NAMES[source.kind] || 'the header'}${source.span ? ` (“${source.span.text}”)` : ''}; change it to re-resolve relative dates`;
  } else {
    dateSource.textContent = 'no date found in the article’s header: set one so relative dates (“on Friday”, “last week”) resolve';
  }
  const d = annotation.dateline;
  dateline.hidden = !d;
  $('dateline-place').textContent = d ? `${d.place.text}${d.agency ? ` (${d.agency.text})` : ''}` : '';
}

// Changing the date re-annotates at once: relative dates re-resolve against it.
dateField.addEventListener('change', () => {
  chosenDate = dateField.value || null;
  clearTimeout(timer);
  run();
});

// The toggle re-annotates at once: the other attributions are asked for or left out.
showAttributions.addEventListener('change', () => {
  clearTimeout(timer);
  run();
});

function showWarnings(list) {
  warnings.replaceChildren(
    ...list.map((w) => {
      const li = document.createElement('li');
      li.textContent = w;
      return li;
    }),
  );
  warnings.hidden = list.length === 0;
}

function toggleLabel(label, on) {
  if (on) hidden.delete(label);
  else hidden.add(label);
  article.classList.toggle(`off-${label}`, !on);
  const counts = {};
  for (const e of current ? current.annotation.entities : []) counts[e.label] = (counts[e.label] || 0) + 1;
  $('legend-summary').textContent = legendSummary(counts, hidden);
}

// The reader corrects a source's gender (null: back to the article's evidence): the text is
// annotated again with it (a few ms), so the summary line and the exports carry it.
function correct(name, gender) {
  corrections.set(name, gender);
  refocus = name;
  clearTimeout(timer);
  run();
}

/**
 * Scrolls to the annotation(s) and flashes every fragment. Fragments are found near their first
 * one (same chunk), never by a search of the whole article: that costs seconds on 2 MB.
 */
function reveal(refs) {
  let first = null;
  for (const ref of refs) {
    const head = document.getElementById(`ann-${ref}`);
    if (!head) continue;
    first ||= head;
    for (const el of (head.closest('.chunk') || article).querySelectorAll(`[data-ref="${ref}"]`)) {
      el.classList.remove('flash');
      void el.offsetWidth; // restart the animation when clicked twice
      el.classList.add('flash');
    }
  }
  if (first) {
    panel.yield();
    first.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    first.focus({ preventScroll: true });
  }
}

// Typing: debounce, longer for big texts so each keystroke does not start a 2 MB run.
let timer = 0;
input.addEventListener('input', () => {
  clearTimeout(timer);
  document.body.dataset.state = 'pending';
  timer = setTimeout(run, input.value.length > BIG ? 600 : 250);
});

function load(text) {
  chosenDate = null;
  corrections.switchArticle(textOf(), text);
  if (text.length > HUGE) {
    held = text;
    input.value = `${text.slice(0, PREVIEW)}\n\n[… ${chars(text.length)} characters in all: the full text is annotated below. Clear or paste to replace it.]`;
    input.readOnly = true;
  } else {
    held = null;
    input.value = text;
    input.readOnly = false;
  }
  input.classList.toggle('preview', held !== null);
  clearTimeout(timer);
  document.body.dataset.state = 'pending';
  run();
}

// A huge paste bypasses the text area (see HUGE); a paste into a preview replaces it.
input.addEventListener('paste', (e) => {
  const pasted = e.clipboardData && e.clipboardData.getData('text/plain');
  if (pasted == null) return;
  const replacing = input.selectionStart === 0 && input.selectionEnd === input.value.length;
  // Pasted over the whole text: another article, with its own date and corrections (load()
  // switches them for the texts it takes).
  if (replacing) chosenDate = null;
  if (replacing && pasted.length <= HUGE && held === null) corrections.switchArticle(textOf(), pasted);
  if (pasted.length > HUGE || held !== null) {
    e.preventDefault();
    const whole = held === null && (input.selectionStart > 0 || input.selectionEnd < input.value.length)
      ? input.value.slice(0, input.selectionStart) + pasted + input.value.slice(input.selectionEnd)
      : pasted;
    load(whole);
  }
});

$('annotate').addEventListener('click', () => {
  clearTimeout(timer);
  run();
});

$('sample').addEventListener('click', async () => {
  try {
    load(await platform.loadSample());
  } catch (e) {
    setStatus(e.message);
  }
});

$('clear').addEventListener('click', () => load(''));

// Drag and drop of a text file anywhere on the input area.
const drop = $('input-area');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('dragging');
});
drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
drop.addEventListener('drop', async (e) => {
  e.preventDefault();
  drop.classList.remove('dragging');
  const file = e.dataTransfer.files[0];
  if (!file) return;
  if (file.type && !file.type.startsWith('text/')) {
    setStatus(`${file.name} is not a text file.`);
    return;
  }
  load(await file.text());
});

// Export: the shown article in the chosen format (src/export/, run in the worker), named from
// its headline; offsets in code points. brat also gets the text it reads beside the .ann.
const exportFormat = $('export-format');
const exportControls = [exportFormat, $('copy'), $('download')];

function enableExport(on) {
  for (const el of exportControls) el.disabled = !on;
}

async function exported() {
  const format = exportFormat.value;
  const label = exportFormat.selectedOptions[0].textContent.replace(/ \(.*\)$/, '');
  setStatus(`Preparing ${label}…`, true);
  try {
    // The corrections made since the shown run are included too.
    return { label, file: await annotator.exportAs(current.text, corrections.apply(current.options), format) };
  } catch (e) {
    setStatus(`Export failed: ${e.message}`);
    return null;
  }
}

$('copy').addEventListener('click', async () => {
  if (!current) return;
  const done = await exported();
  if (!done) return;
  try {
    await navigator.clipboard.writeText(done.file.content);
  } catch {
    // file:// and some browsers refuse the async clipboard: fall back to a selection copy.
    const t = document.createElement('textarea');
    t.value = done.file.content;
    document.body.append(t);
    t.select();
    document.execCommand('copy');
    t.remove();
  }
  setStatus(`${done.label} copied.`);
});

function save(file) {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

$('download').addEventListener('click', async () => {
  if (!current) return;
  const done = await exported();
  if (!done) return;
  save(done.file);
  if (done.file.companion) save(done.file.companion);
  const names = [done.file, done.file.companion].filter(Boolean).map((f) => f.filename);
  setStatus(`Downloaded ${names.join(' and ')}.`);
});

attachDetails(article, $('tip'), () => current && current.annotation);
const panel = attachPanel($('panel'));
const roving = attachRoving(article);
$('skip-sources').addEventListener('click', (e) => {
  e.preventDefault();
  panel.show('sources');
});
renderLegend($('legend'), {}, hidden, toggleLabel);
attachFold($('legend-toggle'));
renderSources($('sources'), NO_ANNOTATION, reveal, undefined, { empty: SOURCES_HINT });
document.documentElement.dataset.labels = String(LABEL_NAMES.length);

const startup = annotator.start();
startup
  .then((version) => {
    $('version').textContent = `Lede ${version}`;
    document.body.dataset.state = 'idle';
    setStatus('Ready. Paste an article or load the sample.');
    if (input.value) run(); // text restored by the browser on reload
  })
  .catch((e) => setStatus(`Could not start the annotator: ${e.message}`));
