// CSV in and out for the corpus view (RFC 4180): a streaming parser fed chunks of a file, and a
// writer for the exports. Hand-written because it is short and the page has no dependencies.
// Lenient where files in the wild are: LF, CRLF or CR line ends, a quote inside an unquoted
// field is kept as written, blank lines are skipped, a row may have fewer fields than the header.

const START = 0; // at the start of a field
const PLAIN = 1; // inside an unquoted field
const QUOTED = 2; // inside a quoted field
const QUOTE = 3; // just read a quote inside a quoted field: "" or the field's end

export class CsvParser {
  /**
   * `maxField`: a field longer than this many characters stops growing and its record is
   * flagged `tooLong` (a huge or broken file must not fill memory with one field).
   */
  constructor({ delimiter = ',', maxField = Infinity } = {}) {
    this.delimiter = delimiter;
    this.maxField = maxField;
    this.state = START;
    this.field = '';
    this.record = [];
    this.tooLong = false;
    this.afterCR = false;
  }

  /** Parses the next chunk of text; returns the records it completed (arrays of fields). */
  push(chunk) {
    const out = [];
    const d = this.delimiter;
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.state === QUOTED) {
        const q = chunk.indexOf('"', i);
        this.add(chunk.slice(i, q < 0 ? n : q));
        if (q < 0) break;
        i = q + 1;
        this.state = QUOTE;
        continue;
      }
      const ch = chunk[i];
      if (this.state === QUOTE) {
        if (ch === '"') {
          this.add('"');
          this.state = QUOTED;
          i++;
          continue;
        }
        this.state = PLAIN; // the closing quote; what follows up to the delimiter is kept
      }
      if (this.afterCR) {
        this.afterCR = false;
        if (ch === '\n') {
          i++;
          continue;
        }
      }
      if (ch === d) {
        this.endField();
        i++;
      } else if (ch === '\n' || ch === '\r') {
        this.endField();
        this.endRecord(out);
        this.afterCR = ch === '\r';
        i++;
      } else if (ch === '"' && this.state === START) {
        this.state = QUOTED;
        i++;
      } else {
        let j = i + 1;
        while (j < n && chunk[j] !== d && chunk[j] !== '\n' && chunk[j] !== '\r') j++;
        this.add(chunk.slice(i, j));
        this.state = PLAIN;
        i = j;
      }
    }
    return out;
  }

  /** The last record, once the text has ended; `unterminated` says a quoted field never closed. */
  end() {
    const out = [];
    this.unterminated = this.state === QUOTED;
    if (this.state !== START || this.field || this.record.length) {
      this.endField();
      this.endRecord(out);
    }
    return out;
  }

  add(text) {
    if (this.field.length + text.length > this.maxField) {
      this.tooLong = true;
      text = text.slice(0, Math.max(0, this.maxField + 1 - this.field.length));
    }
    this.field += text;
  }

  endField() {
    this.record.push(this.field);
    this.field = '';
    this.state = START;
  }

  endRecord(out) {
    const record = this.record;
    this.record = [];
    if (record.length === 1 && record[0] === '') return; // a blank line
    if (this.tooLong) record.tooLong = true;
    this.tooLong = false;
    out.push(record);
  }
}

/** All records of a whole text (tests, small files). */
export function parseCsv(text, options) {
  const parser = new CsvParser(options);
  return [...parser.push(text), ...parser.end()];
}

function cell(value) {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `rows` (objects) as CSV with the header `columns` (keys), CRLF line ends as RFC 4180 says. */
export function toCsv(columns, rows) {
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
