// How dist/lede.html gets its worker, wasm and sample: all embedded in the one file, because
// under file:// Chromium refuses to fetch anything (origin 'null'). The worker runs from a
// Blob URL; the wasm is base64 in a non-executed <script> element.
function embedded(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`dist/lede.html is missing #${id}`);
  return el.textContent;
}

let workerUrl = null; // one Blob URL, reused when a stale run restarts the worker

export function createWorker() {
  workerUrl ||= URL.createObjectURL(new Blob([embedded('lede-worker')], { type: 'text/javascript' }));
  return new Worker(workerUrl);
}

export function loadWasmModule() {
  const b64 = embedded('lede-wasm').trim();
  let bytes;
  if (Uint8Array.fromBase64) {
    bytes = Uint8Array.fromBase64(b64); // native decoder where available
  } else {
    const bin = atob(b64);
    bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  }
  return WebAssembly.compile(bytes);
}

export async function loadSample() {
  return JSON.parse(embedded('lede-sample'));
}
