// The `lede` package in Node (≥ 18): the wasm is read from disk and compiled at import, so
// annotate() works at once; init() is there so code written for browsers runs unchanged.
import { readFileSync } from 'node:fs';
import { initSync, annotate as annotateWasm, exportAs as exportAsWasm, version as versionWasm } from './wasm/lede.js';

initSync({ module: readFileSync(new URL('./wasm/lede_bg.wasm', import.meta.url)) });

/** Resolves at once: the wasm was loaded at import. */
export async function init() {}

/** Annotates `text`; offsets are UTF-16 code units unless `options.offsets` says otherwise. */
export function annotate(text, options) {
  return annotateWasm(text, options);
}

/** The annotation of `text` as an export file `{filename, mime, content, companion?}` in `format`. */
export function exportAs(text, options, format) {
  return exportAsWasm(text, options, format);
}

export function version() {
  return versionWasm();
}
