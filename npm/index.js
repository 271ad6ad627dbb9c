// The `lede` package in a browser (or any runtime with fetch): await init() once, then
// annotate(). The wasm-bindgen glue (--target web) and the wasm live in wasm/.
import initWasm, { annotate as annotateWasm, exportAs as exportAsWasm, version as versionWasm } from './wasm/lede.js';

let ready = false;

/** Loads the wasm: by default `wasm/lede_bg.wasm` beside this file; or from `input`. */
export async function init(input) {
  await initWasm(input === undefined ? undefined : { module_or_path: input });
  ready = true;
}

/** Annotates `text`; offsets are UTF-16 code units unless `options.offsets` says otherwise. */
export function annotate(text, options) {
  if (!ready) throw new Error('lede: await init() before calling annotate()');
  return annotateWasm(text, options);
}

/** The annotation of `text` as an export file `{filename, mime, content, companion?}` in `format`. */
export function exportAs(text, options, format) {
  if (!ready) throw new Error('lede: await init() before calling exportAs()');
  return exportAsWasm(text, options, format);
}

export function version() {
  if (!ready) throw new Error('lede: await init() before calling version()');
  return versionWasm();
}
