// How the served page gets its worker, wasm and sample: separate files next to index.html.
// dist/lede.html swaps this module for platform-inline.js (everything embedded).
export function createWorker() {
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}

export async function loadWasmModule() {
  const url = new URL('./pkg/lede_bg.wasm', import.meta.url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url.pathname}: HTTP ${response.status} (run scripts/serve)`);
  if (response.headers.get('content-type') === 'application/wasm') return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

export async function loadSample() {
  const response = await fetch(new URL('./pkg/sample.txt', import.meta.url));
  if (!response.ok) throw new Error(`cannot load the sample: HTTP ${response.status}`);
  return response.text();
}
