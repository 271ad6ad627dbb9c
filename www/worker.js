// The annotation worker: instantiates the wasm module it is sent, then annotates on request.
// scripts/bundle.mjs inlines the wasm-bindgen glue in place of the import for dist/lede.html.
import init, { annotate, exportAs, version } from './pkg/lede.js';

let ready = null;

self.onmessage = async ({ data }) => {
  if (data.type === 'init') {
    ready = init({ module_or_path: data.module }).then(
      () => {
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
