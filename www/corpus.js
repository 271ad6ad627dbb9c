// The corpus view: many articles in, who gets quoted out. Files (dropped, chosen, or folders)
// are read one article at a time (corpus-input.js) by parallel workers (corpus-run.js) that
// answer with compact rows; the rows are counted (corpus-stats.js) into the tables
// (corpus-table.js) and SVG charts (chart.js), exported as CSV or JSON. The page only redraws a
// few times a second, so it stays responsive however fast rows arrive.
import * as platform from './platform.js';
import { CorpusRun, defaultWorkers, MAX_WORKERS } from './corpus-run.js';
import { readInput } from './corpus-input.js';
import { CorpusStats } from './corpus-stats.js';
import { DataTable } from './corpus-table.js';
import { shareChart, barChart } from './chart.js';
import { toCsv } from './corpus-csv.js';
import { typeName } from './labels.js';

const $ = (id) => document.getElementById(id);
const view = $('corpus');
const statusLine = $('corpus-status');
const progress = $('corpus-progress');
const workersField = $('corpus-workers');
const cancelButton = $('corpus-cancel');
const resumeButton = $('corpus-resume');
const clearButton = $('corpus-clear');
const results = $('corpus-results');
const messageBox = $('corpus-messages-box');
const messageList = $('corpus-messages');

const SHOWN_MESSAGES = 300; // listed on the page; all of them go in the messages export
const SHOWN_OUTLETS = 12; // bars of the share chart, most people first
const GENDER_NAMES = { female: 'women', male: 'men', unknown: 'unknown' };
const GROUP_NAMES = { people: 'person', groups: 'organisation or group', others: 'place or other', documents: 'document', unattributed: 'unattributed' };

// ---- Views: "Article | Corpus" in the header, the corpus one at #corpus (works from file://).
function showView() {
  const corpus = location.hash === '#corpus';
  document.body.dataset.view = corpus ? 'corpus' : 'article';
  for (const [id, on] of [['view-article', !corpus], ['view-corpus', corpus]]) {
    if (on) $(id).setAttribute('aria-current', 'page');
    else $(id).removeAttribute('aria-current');
  }
  if (corpus) drawCharts();
}
window.addEventListener('hashchange', showView);
$('view-article').addEventListener('click', (e) => {
  e.preventDefault();
  history.pushState(null, '', location.pathname + location.search);
  showView();
});
showView();

// ---- State of the corpus: its inputs, what was read and annotated, and the run.
let inputs = []; // { file, folder }
let nextInput = 0;
let reader = null; // the entries of the input being read: { entries, input, weight }
let stats = new CorpusStats();
let messages = [];
let totalWeight = 0; // bytes of every input
let doneWeight = 0; // bytes read and annotated (or turned away)
let articleCount = 0; // articles read
let done = 0; // articles annotated
let failed = 0; // articles the annotator refused
let run = null;
let module = null;
let activeMs = 0; // time spent running, pauses excluded
let since = 0; // when the current stretch of running began

for (let n = 1; n <= Math.max(2, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 2)); n++) {
  workersField.append(new Option(String(n), String(n)));
}
workersField.value = String(defaultWorkers());

const state = () => view.dataset.state;
function setState(s) {
  view.dataset.state = s;
  cancelButton.disabled = s !== 'running';
  resumeButton.disabled = s !== 'paused';
  clearButton.disabled = s === 'empty';
  workersField.disabled = s === 'running';
}

/** The next entry of the inputs, reading them in order; null when all are read. */
async function next() {
  for (;;) {
    if (!reader) {
      if (nextInput >= inputs.length) return null;
      const input = inputs[nextInput++];
      reader = { entries: readInput(input), input, weight: 0 };
    }
    const current = reader;
    let step;
    try {
      step = await current.entries.next();
    } catch (e) {
      // The file went away or cannot be read: say so, and count what was left of it.
      if (reader === current) reader = null;
      const name = current.input.folder ? `${current.input.folder}/${current.input.file.name}` : current.input.file.name;
      return { kind: 'message', file: name, where: null, message: `could not be read (${e.message})`, weight: Math.max(0, current.input.file.size - current.weight) };
    }
    if (step.done) {
      if (reader === current) reader = null;
      continue;
    }
    current.weight += step.value.weight;
    if (step.value.kind === 'article') step.value.n = ++articleCount; // input order: workers finish out of it
    return step.value;
  }
}

function addMessage(entry) {
  messages.push({ file: entry.file, where: entry.where, message: entry.message });
  if (messages.length <= SHOWN_MESSAGES) {
    const li = document.createElement('li');
    li.textContent = `${entry.file}${entry.where ? ` (${entry.where})` : ''}: ${entry.message}`;
    messageList.append(li);
  } else if (messages.length === SHOWN_MESSAGES + 1) {
    const li = document.createElement('li');
    li.className = 'more';
    messageList.append(li);
  }
  if (messages.length > SHOWN_MESSAGES) messageList.lastChild.textContent = `… and ${messages.length - SHOWN_MESSAGES} more: download them all below`;
  messageBox.hidden = false;
  $('corpus-message-count').textContent = String(messages.length);
}

function onArticle(entry, result) {
  // The largest wasm memory a worker reported, for scripts/bench-corpus.mjs (a worker's memory
  // grows to its biggest article and stays there; corpus-run.js replaces it after a huge one).
  if (result.memory > Number(view.dataset.workerMemory || 0)) view.dataset.workerMemory = String(result.memory);
  if (result.error) {
    failed++;
    addMessage({ file: entry.file, where: entry.where, message: result.error });
  } else {
    done++;
    stats.add(entry, result);
    if (entry.note) addMessage({ file: entry.file, where: entry.where, message: entry.note });
  }
  schedule();
}

let loading = null; // the wasm module being compiled, once for every worker

async function start() {
  since = performance.now();
  setState('running');
  if (!module) {
    statusLine.textContent = 'Starting the annotators…';
    try {
      module = await (loading ||= platform.loadWasmModule());
    } catch (e) {
      loading = null;
      pause();
      statusLine.textContent = `Could not start the annotator: ${e.message}`;
      return;
    }
    if (state() !== 'running') return; // cancelled or cleared while compiling
  }
  run ||= new CorpusRun({
    platform,
    module,
    next,
    onArticle,
    onMessage: (entry) => {
      addMessage(entry);
      schedule();
    },
    onWeight: (w) => {
      doneWeight += w;
    },
    onIdle: finished,
    onFatal: (message) => {
      pause();
      statusLine.textContent = `Could not start the annotator: ${message}`;
    },
  });
  run.start(Number(workersField.value));
  schedule();
}

function pause() {
  if (run) run.cancel();
  activeMs += performance.now() - since;
  setState('paused');
  redraw();
}

function finished() {
  activeMs += performance.now() - since;
  if (run) run.cancel(); // every worker is idle: free their memory
  setState('done');
  redraw();
}

/** Adds inputs; starts (or goes on) unless the run is paused, which Resume continues. */
function addInputs(list) {
  if (!list.length) return;
  inputs.push(...list);
  for (const { file } of list) totalWeight += file.size;
  if (state() === 'empty' || state() === 'done') start();
  else if (state() === 'running' && run) run.pump(); // (without a run yet, start() is on its way)
  schedule();
}

function clear() {
  if (run) run.cancel();
  run = null;
  inputs = [];
  nextInput = 0;
  reader = null;
  stats = new CorpusStats();
  messages = [];
  totalWeight = doneWeight = articleCount = done = failed = activeMs = 0;
  messageList.replaceChildren();
  messageBox.hidden = true;
  delete view.dataset.workerMemory;
  results.hidden = true;
  setState('empty');
  redraw();
}

// ---- Drawing: the status line and bar often, tables and charts every 2 s while running.
let statusTimer = 0;
let lastTables = 0;
function schedule() {
  if (statusTimer) return;
  statusTimer = setTimeout(() => {
    statusTimer = 0;
    drawStatus();
    if (performance.now() - lastTables > 2000) drawResults();
  }, 200);
}

function redraw() {
  drawStatus();
  drawResults(true);
}

const seconds = (ms) => (ms >= 90_000 ? `${Math.round(ms / 60_000)} min` : `${Math.max(1, Math.round(ms / 1000))} s`);
const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function drawStatus() {
  const s = state();
  const fraction = totalWeight ? Math.min(1, doneWeight / totalWeight) : 0;
  progress.value = s === 'done' ? 1 : fraction;
  const elapsed = activeMs + (s === 'running' ? performance.now() - since : 0);
  const count = done + failed;
  const rate = elapsed > 0 ? (count * 1000) / elapsed : 0;
  const said = messages.length ? ` · ${plural(messages.length, 'message')}` : '';
  const files = inputs.length > 1 ? ` · ${plural(Math.max(0, nextInput - (reader ? 1 : 0)), 'file')} of ${inputs.length.toLocaleString('en')} read` : '';
  if (s === 'empty') statusLine.textContent = 'No files yet.';
  else if (s === 'running') {
    const left = fraction > 0.02 && count > 0 ? ` · about ${seconds((elapsed * (1 - fraction)) / fraction)} left` : '';
    statusLine.textContent = `Annotating… ${plural(done, 'article')}${count ? ` · ${rate.toFixed(1)} articles/s` : ''}${left}${files}${said}`;
  } else if (s === 'paused') {
    statusLine.textContent = `Cancelled: ${plural(done, 'article')} annotated, ${Math.round(fraction * 100)} % of the input; Resume goes on from there${said}`;
  } else if (s === 'done') {
    statusLine.textContent = `Done: ${plural(done, 'article')} in ${seconds(elapsed)} (${rate.toFixed(1)} articles/s)${said}`;
  }
  statusLine.classList.toggle('busy', s === 'running');
}

// ---- Tables
const genderText = (r) => {
  if (r.gender === 'unknown' && r.gender_evidence === 'correction') return 'unknown · corrected by you';
  if (r.gender === 'unknown' || r.gender === 'conflicting') return r.gender;
  const how = { 'first name': 'guessed from the first name', correction: 'corrected by you' }[r.gender_evidence];
  return `${r.gender} · ${how || r.gender_evidence || 'evidence'}`;
};
const genderTitle = (r) => (r.evidence_text ? `strongest evidence: ${r.gender_evidence} “${r.evidence_text}”` : '');

/**
 * The gender correction of a named person: the reader's word wins over every article's evidence
 * in the counts, charts and exports (evidence "correction"), as `options.genders` does for one
 * article. Kept for this corpus until Clear.
 */
function correction(row) {
  if (row.group !== 'people' || !row.named) return null;
  const select = document.createElement('select');
  select.setAttribute('aria-label', `Correct the gender of ${row.name}`);
  for (const [value, label] of [['', 'as found'], ['female', 'female'], ['male', 'male'], ['unknown', 'unknown']]) select.append(new Option(label, value));
  const set = stats.corrections.get(row.name);
  select.value = set === undefined ? '' : set || 'unknown';
  select.addEventListener('change', () => {
    const v = select.value;
    stats.correct(row.name, v === '' ? undefined : v === 'unknown' ? null : v);
    drawResults(true);
    // The redrawn table has a new control for this person: keep the focus on it.
    const label = select.getAttribute('aria-label');
    [...$('sources-table').querySelectorAll('select')].find((s) => s.getAttribute('aria-label') === label)?.focus();
  });
  return select;
}

const sourcesTable = new DataTable($('sources-table'), {
  noun: 'sources',
  sort: { key: 'quotes', down: true },
  columns: [
    { key: 'name', label: 'Name' },
    { key: 'type', label: 'Type', text: (r) => (r.type ? typeName(r.type) : r.named ? GROUP_NAMES[r.group] : `${GROUP_NAMES[r.group]}, unnamed`) },
    { key: 'gender', label: 'Gender', text: genderText, title: genderTitle },
    { key: 'correct', label: 'Correct', sortable: false, render: correction },
    { key: 'articles', label: 'Articles', numeric: true },
    { key: 'quotes', label: 'Quotes', numeric: true },
    { key: 'words', label: 'Words', numeric: true },
  ],
});

const articlesTable = new DataTable($('articles-table'), {
  noun: 'articles',
  sort: { key: 'n', down: false },
  columns: [
    { key: 'n', label: '#', numeric: true },
    { key: 'id', label: 'Article' },
    { key: 'title', label: 'Title' },
    { key: 'outlet', label: 'Outlet' },
    { key: 'date', label: 'Date', className: 'nowrap' },
    { key: 'quotes', label: 'Quotes', numeric: true },
    { key: 'people', label: 'People', numeric: true },
    { key: 'female', label: 'Women', numeric: true },
    { key: 'male', label: 'Men', numeric: true },
    { key: 'unknown', label: 'Unknown', numeric: true },
  ],
});

function sourcesFilter() {
  const text = $('sources-filter').value.trim().toLowerCase();
  const group = $('sources-group').value;
  const gender = $('sources-gender').value;
  sourcesTable.setFilter((r) => (!text || r.name.toLowerCase().includes(text)) && (!group || r.group === group) && (!gender || r.gender === gender));
}
for (const id of ['sources-filter', 'sources-group', 'sources-gender']) $(id).addEventListener('input', sourcesFilter);
$('articles-filter').addEventListener('input', () => {
  const text = $('articles-filter').value.trim().toLowerCase();
  articlesTable.setFilter((r) => !text || [r.id, r.title, r.outlet].some((v) => v && v.toLowerCase().includes(text)));
});

/** Redraws tables and charts; a periodic redraw leaves a table alone while it has the focus. */
function drawResults(always = false) {
  lastTables = performance.now();
  results.hidden = stats.articles.length === 0;
  if (results.hidden) return;
  if (always || !sourcesTable.focused) sourcesTable.setRows(stats.sourceTable());
  articlesTable.setRows(stats.articles);
  drawCharts();
}

// ---- Charts, redrawn at the width they get (text stays at its size on a phone).
function drawCharts() {
  if (results.hidden || document.body.dataset.view !== 'corpus') return;
  const width = Math.max(280, Math.min(900, results.clientWidth || 600));
  const { all, outlets } = stats.shares();
  const groups = outlets.length > 1 ? [all, ...outlets.slice(0, SHOWN_OUTLETS)] : [all]; // one outlet: the same bar twice
  const people = all.female + all.male + all.unknown;
  const shares = $('chart-shares');
  if (!people) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = 'No named person is quoted yet.';
    shares.replaceChildren(p);
  } else {
    shares.replaceChildren(shareChart(groups, { width, title: 'Share of women, men and unknown among quoted people', keys: ['female', 'male', 'unknown'], names: GENDER_NAMES }));
  }
  const top = stats.topQuoted(10).map((s) => ({
    label: s.name,
    value: s.quotes,
    className: `g-${s.gender}`,
    title: `${s.name}: ${plural(s.quotes, 'quote')} in ${plural(s.articles, 'article')}, ${plural(s.words, 'word')}; gender ${genderText(s)}`,
  }));
  $('chart-top').replaceChildren(top.length ? barChart(top, { width, title: 'Most quoted people', unit: 'quotes' }) : '');
}
let resizing = 0;
new ResizeObserver(() => {
  cancelAnimationFrame(resizing);
  resizing = requestAnimationFrame(drawCharts);
}).observe(results);

// ---- Exports: the tables as shown (filtered, sorted), every row, the messages.
const EXPORTS = {
  sources: () => ({ columns: ['name', 'type', 'group', 'named', 'gender', 'gender_evidence', 'evidence_text', 'articles', 'quotes', 'words'], rows: sourcesTable.shown() }),
  articles: () => ({ columns: ['n', 'id', 'file', 'where', 'outlet', 'date', 'title', 'quotes', 'sources', 'people', 'female', 'male', 'unknown', 'ms'], rows: articlesTable.shown() }),
  rows: () => ({ columns: ['id', 'outlet', 'name', 'type', 'group', 'named', 'gender', 'gender_evidence', 'quotes', 'words'], rows: stats.rowTable() }),
  messages: () => ({ columns: ['file', 'where', 'message'], rows: messages }),
};

function download(name, format) {
  const { columns, rows } = EXPORTS[name]();
  const content = format === 'csv' ? toCsv(columns, rows) : `${JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null]))), null, 1)}\n`;
  const url = URL.createObjectURL(new Blob([content], { type: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `corpus-${name}.${format}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
for (const button of view.querySelectorAll('button[data-export]')) {
  button.addEventListener('click', () => download(button.dataset.export, button.dataset.format));
}

// ---- Input: chosen files, a chosen folder, or files and folders dropped on the view.
const picked = (e) => {
  addInputs([...e.target.files].map((file) => ({ file, folder: (file.webkitRelativePath || '').split('/').slice(0, -1)[0] || '' })));
  e.target.value = ''; // the same files can be chosen again
};
$('corpus-files').addEventListener('change', picked);
$('corpus-folder').addEventListener('change', picked);

/** Every file under a dropped directory entry, read in the batches readEntries gives. */
async function walk(entry, folder, out) {
  if (entry.isFile) {
    out.push({ file: await new Promise((resolve, reject) => entry.file(resolve, reject)), folder });
    return;
  }
  const dir = entry.createReader();
  for (;;) {
    const batch = await new Promise((resolve, reject) => dir.readEntries(resolve, reject));
    if (!batch.length) return;
    for (const child of batch) await walk(child, folder || entry.name, out);
  }
}

// In the corpus view the whole page takes drops (a file dropped beside the zone must not open).
document.addEventListener('dragover', (e) => {
  if (document.body.dataset.view !== 'corpus') return;
  e.preventDefault();
  view.classList.add('dragging');
});
document.addEventListener('dragleave', (e) => {
  if (!e.relatedTarget) view.classList.remove('dragging');
});
document.addEventListener('drop', async (e) => {
  if (document.body.dataset.view !== 'corpus') return;
  e.preventDefault();
  view.classList.remove('dragging');
  const entries = [...(e.dataTransfer.items || [])].map((item) => item.webkitGetAsEntry && item.webkitGetAsEntry()).filter(Boolean);
  if (!entries.length || entries.every((x) => x.isFile)) {
    addInputs([...e.dataTransfer.files].map((file) => ({ file, folder: '' })));
    return;
  }
  const list = [];
  for (const entry of entries) {
    try {
      await walk(entry, '', list);
    } catch (err) {
      addMessage({ file: entry.name, where: null, message: `could not be read (${err.message})` });
    }
  }
  addInputs(list);
});

cancelButton.addEventListener('click', pause);
resumeButton.addEventListener('click', () => start());
clearButton.addEventListener('click', clear);
setState('empty');
