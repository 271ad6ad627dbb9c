// Reads the corpus view's files into articles, one at a time as the workers ask for them, so
// 10,000 files or a 1 GB JSONL never sit in memory at once: a .txt file is one article; a
// .jsonl has one per line ({"text", "id"?, "date"?, "outlet"?}); a .csv (or .tsv) one per row
// under a header naming a text column. Anything that is not an article gives a message naming
// the file (and line or row) instead, so nothing is skipped silently.
import { CsvParser } from './corpus-csv.js';

// The core's limit (MAX_TEXT_BYTES in src/lib.rs) and its refusals' wording (Refusal in
// src/lib.rs), so a file the page turns away early reads like one the annotator refused.
export const MAX_BYTES = 16 << 20;
const BINARY = 'the input looks binary (NUL bytes or many control characters), not text: not annotated';
const tooLarge = (bytes) =>
  `the text is ${(bytes / (1 << 20)).toFixed(1)} MB; Lede annotates texts up to ${MAX_BYTES >> 20} MB: split it into articles`;

// Column names read as the article text, id, date and outlet (case-insensitive).
const TEXT_COLUMNS = ['text', 'body', 'content', 'article', 'full_text', 'fulltext'];
const ID_COLUMNS = ['id', 'article_id', 'doc_id'];
const DATE_COLUMNS = ['date', 'published', 'publish_date', 'published_at'];
const OUTLET_COLUMNS = ['outlet', 'publication', 'publisher', 'site', 'source'];

/** How a file is read, from its name: 'jsonl', 'csv', 'tsv' or 'txt' (anything else). */
export function kindOf(name) {
  const ext = (name.match(/\.([a-z0-9]+)$/i) || [])[1]?.toLowerCase();
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'csv' || ext === 'tsv') return ext;
  return 'txt';
}

/** A date the annotator takes (YYYY-MM-DD; a timestamp gives its day), else null. */
export function articleDate(value) {
  if (typeof value !== 'string') return null;
  const m = value.trim().match(/^(\d{4}-\d{2}-\d{2})(?:$|[T ])/);
  return m ? m[1] : null;
}

/** The first line with words, as a title for the articles table. */
function titleOf(text) {
  const line = text.trimStart().split(/\r?\n/, 1)[0].trim();
  return line.length > 90 ? `${line.slice(0, 89)}…` : line;
}

/** The encoding a byte-order mark names ('utf-16le' / 'utf-16be'), else null (UTF-8). */
async function utf16(file) {
  const [a, b] = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : null;
}

/** Whether the file starts like binary data: a NUL byte in its first 4 KB (UTF-16 aside). */
async function looksBinary(file) {
  if (await utf16(file)) return false;
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  return head.includes(0);
}

/**
 * The entries of one input `{ file, folder }`: articles `{ kind: 'article', id, file, where,
 * outlet, date, title, text, weight, note? }`, messages `{ kind: 'message', file, where, message,
 * weight }`, blank lines `{ kind: 'blank', weight }` and `{ kind: 'end', weight }` last. The
 * weights (bytes, roughly) add up to the file's size: the progress bar counts them.
 */
export async function* readInput({ file, folder = '' }) {
  const name = folder ? `${folder}/${file.name}` : file.name;
  const message = (text, where = null, weight = 0) => ({ kind: 'message', file: name, where, message: text, weight });
  const kind = kindOf(file.name);
  if (file.size === 0) {
    yield message('empty file: no text to annotate', null, 0);
  } else if (await looksBinary(file)) {
    yield message(BINARY, null, file.size);
  } else if (kind === 'txt') {
    if (file.size > MAX_BYTES) {
      yield message(tooLarge(file.size), null, file.size);
    } else {
      const encoding = await utf16(file);
      const text = encoding ? new TextDecoder(encoding).decode(await file.arrayBuffer()) : await file.text();
      if (!text.trim()) yield message('empty file: only white space', null, file.size);
      else yield { kind: 'article', id: name, file: name, where: null, outlet: folder || '.txt files', date: null, title: titleOf(text), text, weight: file.size };
    }
  } else {
    let weight = 0;
    let said = 0; // articles and messages
    const rows = kind === 'jsonl' ? jsonlRecords(file, name, folder) : csvRecords(file, name, folder, kind === 'tsv' ? '\t' : ',');
    for await (const entry of rows) {
      weight += entry.weight;
      if (entry.kind !== 'blank') said++;
      yield entry;
    }
    if (said === 0) yield message('no articles in the file: only blank lines', null, 0);
    yield { kind: 'end', weight: Math.max(0, file.size - weight) };
    return;
  }
  yield { kind: 'end', weight: 0 };
}

/** The file's text in chunks, decoded as UTF-8 as it streams. */
async function* chunks(file) {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** One article from a record's fields, or a message for what is wrong with it. */
function article(name, where, folder, fields, weight) {
  const { text, id, date, outlet } = fields;
  const base = { file: name, where, weight };
  if (typeof text !== 'string') return { kind: 'message', ...base, message: 'no "text" field: skipped' };
  if (!text.trim()) return { kind: 'message', ...base, message: 'empty text: skipped' };
  const day = articleDate(date);
  const entry = {
    kind: 'article',
    ...base,
    id: id !== undefined && id !== null && String(id).trim() ? String(id) : `${name} ${where}`,
    outlet: typeof outlet === 'string' && outlet.trim() ? outlet.trim() : folder || name,
    date: day,
    title: titleOf(text),
    text,
  };
  // A date the annotator cannot take: the article is annotated without it, and the reader told.
  if (date && !day) entry.note = `date ${JSON.stringify(String(date).slice(0, 40))} is not YYYY-MM-DD: annotated without it`;
  return entry;
}

async function* jsonlRecords(file, name, folder) {
  let line = 0;
  let buffer = ''; // the line read so far
  const parse = (text, last = false) => {
    line++;
    const weight = text.length + (last ? 0 : 1); // its newline too
    if (!text.trim()) return { kind: 'blank', weight }; // counted for progress, nothing to say
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { kind: 'message', file: name, where: `line ${line}`, weight, message: `not JSON (${e.message}): skipped` };
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return { kind: 'message', file: name, where: `line ${line}`, weight, message: 'not a JSON object with a "text" field: skipped' };
    }
    return article(name, `line ${line}`, folder, value, weight);
  };
  // A line longer than the limit (and its JSON) is measured, not kept: it never sits in memory.
  const LIMIT = MAX_BYTES + 1024;
  let skipped = -1; // the length of a line over the limit so far; -1 while within it
  const over = (length) => {
    line++;
    return { kind: 'message', file: name, where: `line ${line}`, weight: length + 1, message: `${tooLarge(length)}: skipped` };
  };
  for await (const chunk of chunks(file)) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', from);
      const piece = nl < 0 ? chunk.slice(from) : chunk.slice(from, nl);
      if (skipped < 0 && buffer.length + piece.length > LIMIT) {
        skipped = buffer.length;
        buffer = '';
      }
      if (skipped >= 0) skipped += piece.length;
      else buffer += piece;
      if (nl < 0) break;
      if (skipped >= 0) yield over(skipped);
      else yield parse(buffer);
      skipped = -1;
      buffer = '';
      from = nl + 1;
    }
  }
  if (skipped >= 0) yield over(skipped);
  else if (buffer) yield parse(buffer, true);
}

async function* csvRecords(file, name, folder, delimiter) {
  const parser = new CsvParser({ delimiter, maxField: MAX_BYTES });
  let columns = null;
  let row = 0;
  const records = function* (list) {
    for (const record of list) {
      const weight = record.reduce((n, f) => n + f.length + 1, 0);
      if (!columns) {
        columns = headerColumns(record);
        if (columns.text < 0) {
          const shown = record.slice(0, 8).map((f) => JSON.stringify(f.slice(0, 30))).join(', ');
          yield {
            kind: 'message', file: name, where: 'header', weight: file.size,
            message: `no text column: the header is ${shown}${record.length > 8 ? ', …' : ''}; name the column of article texts "text" (or body, content, article)`,
          };
          return;
        }
        continue;
      }
      row++;
      if (record.tooLong) {
        yield { kind: 'message', file: name, where: `row ${row}`, weight, message: `${tooLarge(MAX_BYTES + 1)}: skipped` };
        continue;
      }
      const at = (i) => (i >= 0 && i < record.length ? record[i] : undefined);
      yield article(name, `row ${row}`, folder, { text: at(columns.text) ?? '', id: at(columns.id), date: at(columns.date), outlet: at(columns.outlet) }, weight);
    }
  };
  for await (const chunk of chunks(file)) {
    for (const entry of records(parser.push(chunk))) {
      yield entry;
      if (columns && columns.text < 0) return;
    }
  }
  for (const entry of records(parser.end())) yield entry;
  if (columns && columns.text >= 0 && row === 0) yield { kind: 'message', file: name, where: null, weight: 0, message: 'no rows under the header' };
  if (parser.unterminated) yield { kind: 'message', file: name, where: `row ${row}`, weight: 0, message: 'a quoted field is never closed: the file ends inside it' };
}

function headerColumns(record) {
  const names = record.map((f) => f.replace(/^\uFEFF/, '').trim().toLowerCase());
  const find = (list) => names.findIndex((n) => list.includes(n));
  return { text: find(TEXT_COLUMNS), id: find(ID_COLUMNS), date: find(DATE_COLUMNS), outlet: find(OUTLET_COLUMNS) };
}
