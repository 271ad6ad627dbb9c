// The annotation worker: instantiates the wasm module it is sent, then annotates on request.
// scripts/bundle.mjs inlines the wasm-bindgen glue in place of the import for dist/lede.html.
import init, { annotate, exportAs, version } from './pkg/lede.js';

let ready = null;
let memory = null; // the wasm instance's memory: its size is reported with corpus rows

/**
 * The corpus view's compact rows of one article: a row per source (the core's `sources`, in
 * panel order) with its strongest gender evidence, never the whole annotation, so a corpus of
 * thousands of articles stays small in the page (the columns of `lede sources`).
 */
function compactRows(annotation) {
  return annotation.sources.map((s) => {
    const evidence = (s.gender_evidence && s.gender_evidence[0]) || null; // strongest first
    return {
      name: s.name,
      type: s.label || null,
      group: s.group,
      named: s.named,
      gender: s.gender || null,
      gender_evidence: evidence ? evidence.kind : null,
      evidence_text: evidence ? evidence.text : null,
      quotes: s.quotes.length,
      words: s.words,
    };
  });
}

self.onmessage = async ({ data }) => {
  if (data.type === 'init') {
    ready = init({ module_or_path: data.module }).then(
      (wasm) => {
        memory = wasm.memory;
        // The first call loads the model tables (~0.2 s): pay that now, not on the first paste.
        annotate('Warm-up: Officials met in Paris on Friday.', {});
        self.postMessage({ type: 'ready', version: version() });
      },
      (e) => self.postMessage({ type: 'fatal', message: String((e && e.message) || e) }),
    );
    return;
  }
  if (data.type === 'annotate') {
    await ready;
    const t0 = performance.now();
    try {
      const annotation = annotate(data.text, data.options);
      // As one JSON string: the main thread parses it far faster than it deserializes
      // tens of thousands of cloned objects (a 2 MB article has ~60k spans).
      const json = JSON.stringify(annotation);
      self.postMessage({ type: 'result', id: data.id, json, ms: performance.now() - t0 });
    } catch (e) {
      self.postMessage({ type: 'error', id: data.id, message: String((e && e.message) || e) });
    }
    return;
  }
  if (data.type === 'rows') {
    await ready;
    const t0 = performance.now();
    try {
      const annotation = annotate(data.text, data.options);
      const article = { quotes: annotation.quotes.length, date: annotation.date || null };
      const rows = compactRows(annotation);
      const bytes = memory ? memory.buffer.byteLength : 0;
      self.postMessage({ type: 'rows', id: data.id, article, rows, ms: performance.now() - t0, memory: bytes });
    } catch (e) {
      // A refusal (binary, too long, bad options) leaves the instance usable; a trap may not.
      const trap = e instanceof WebAssembly.RuntimeError;
      self.postMessage({ type: 'rows-error', id: data.id, message: String((e && e.message) || e), trap });
    }
    return;
  }
  if (data.type === 'export') {
    await ready;
    try {
      // Code-point offsets, named from the headline; the wasm keeps the last annotation, so
      // a second format of the same text is not annotated again.
      const file = exportAs(data.text, data.options, data.format);
      self.postMessage({ type: 'exported', id: data.id, file });
    } catch (e) {
      self.postMessage({ type: 'export-error', id: data.id, message: String((e && e.message) || e) });
    }
  }
};
