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
  }

  async start() {
    this.module = await this.platform.loadWasmModule();
    this.spawn();
    return this.ready;
  }

  spawn() {
    this.worker = this.platform.createWorker();
    this.ready = new Promise((resolve, reject) => {
      this.worker.onmessage = ({ data }) => {
        if (data.type === 'ready') {
          this.version = data.version;
          resolve(data.version);
        } else if (data.type === 'fatal') {
          reject(new Error(data.message));
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
    else if (data.type === 'result') run.resolve({ annotation: JSON.parse(data.json), ms: data.ms });
    else run.reject(new Error(data.message));
    this.pump();
  }
}

function stale() {
  const e = new Error('stale run');
  e.stale = true;
  return e;
}
