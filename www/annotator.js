// Runs annotation in a Web Worker and drops stale runs: every request gets a run id, only
// the newest is answered, and a big stale run is killed by restarting the worker (wasm
// cannot be interrupted from outside, and the compiled module makes a restart cheap).
const RESTART_OVER = 50_000; // chars: below this a stale run finishes faster than a restart

export class Annotator {
  /** `platform` gives { createWorker(), loadWasmModule() } for served or single-file builds. */
  constructor(platform) {
    this.platform = platform;
    this.seq = 0;
    this.inflight = null; // { id, text, resolve, reject }
    this.pending = null;
    this.version = null;
    this.exports = new Map(); // id → { resolve, reject } of exportAs requests
  }

  async start() {
    this.module = await this.platform.loadWasmModule();
    this.spawn();
    return this.ready;
  }

  spawn() {
    // Exports asked of a worker being replaced are lost with it.
    for (const request of this.exports.values()) request.reject(new Error('the annotator restarted: try again'));
    this.exports.clear();
    this.worker = this.platform.createWorker();
    this.ready = new Promise((resolve, reject) => {
      this.worker.onmessage = ({ data }) => {
        if (data.type === 'ready') {
          this.version = data.version;
          resolve(data.version);
        } else if (data.type === 'fatal') {
          reject(new Error(data.message));
        } else if (data.type === 'exported' || data.type === 'export-error') {
          this.settleExport(data);
        } else {
          this.settle(data);
        }
      };
    });
    this.worker.onerror = (e) => {
      e.preventDefault();
      const err = new Error(`annotation worker failed: ${e.message || 'unknown error'}`);
      if (this.inflight) this.inflight.reject(err);
      this.inflight = null;
    };
    this.worker.postMessage({ type: 'init', module: this.module });
  }

  /** Resolves with { annotation, ms } for the newest text; older requests reject as stale. */
  annotate(text, options = {}) {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      const run = { id, text, options, resolve, reject };
      if (this.pending) this.pending.reject(stale());
      this.pending = run;
      if (this.inflight && this.inflight.text.length > RESTART_OVER) {
        this.worker.terminate();
        this.inflight.reject(stale());
        this.inflight = null;
        this.spawn();
      }
      this.pump();
    });
  }

  pump() {
    if (this.inflight || !this.pending) return;
    this.inflight = this.pending;
    this.pending = null;
    const { id, text, options } = this.inflight;
    this.worker.postMessage({ type: 'annotate', id, text, options });
  }

  settle(data) {
    const run = this.inflight;
    if (!run || run.id !== data.id) return; // an answer from a killed or replaced run
    this.inflight = null;
    if (data.type === 'error') {
      // A trap (panic = "abort") can leave the wasm instance unusable: start a fresh one.
      this.worker.terminate();
      this.spawn();
    }
    if (this.pending) run.reject(stale());
    else if (data.type === 'result') run.resolve({ annotation: JSON.parse(data.json), ms: data.ms, options: run.options });
    else run.reject(new Error(data.message));
    this.pump();
  }

  /**
   * Resolves with { filename, mime, content, companion? }: `text` annotated with `options` as
   * `format` (exportAs in src/wasm.rs). The worker answers it after any run queued before it.
   */
  exportAs(text, options, format) {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.exports.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'export', id, text, options, format });
    });
  }

  settleExport(data) {
    const request = this.exports.get(data.id);
    if (!request) return;
    this.exports.delete(data.id);
    if (data.type === 'exported') request.resolve(data.file);
    else request.reject(new Error(data.message));
  }
}

function stale() {
  const e = new Error('stale run');
  e.stale = true;
  return e;
}
