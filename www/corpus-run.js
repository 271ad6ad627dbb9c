// Annotates a corpus in parallel: one Web Worker (www/worker.js, its own wasm instance) per
// core, each asking for the next article as soon as it is free, so files are read only as fast
// as they are annotated. Workers answer with compact rows (worker.js `rows`), never whole
// annotations. Cancel terminates the workers (a wasm call cannot be interrupted) and puts their
// articles back at the head of the queue; resume starts fresh workers from there.

/** Workers by default: one per core, at most 8 (each holds a wasm instance of ~30–100 MB). */
export const MAX_WORKERS = 8;
export function defaultWorkers() {
  return Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 2));
}

// After a text this long the worker is replaced: wasm memory never shrinks, and one huge
// article should not leave every worker holding its peak.
const RESPAWN_AFTER = 1_000_000;

export class CorpusRun {
  /**
   * `platform`: { createWorker() }; `module`: the compiled wasm; `next()`: resolves with the
   * next entry of corpus-input.js (or null when there is none yet); the callbacks get each
   * article's result, each message, and weights as the input is consumed.
   */
  constructor({ platform, module, next, onArticle, onMessage, onWeight, onIdle, onFatal }) {
    Object.assign(this, { platform, module, next, onArticle, onMessage, onWeight, onIdle, onFatal });
    this.slots = [];
    this.queue = []; // articles taken back from cancelled workers: they go first
    this.seq = 0;
    this.pulling = false;
    this.running = false;
  }

  /** Starts (or resumes) with `workers` workers. */
  start(workers) {
    this.running = true;
    while (this.slots.length < workers) this.spawn(this.slots.length);
    this.pump();
  }

  /** Stops at once: workers are terminated and their articles queued again. */
  cancel() {
    this.running = false;
    for (const slot of this.slots) {
      slot.worker.terminate();
      if (slot.item) this.queue.unshift(slot.item);
    }
    this.slots = [];
  }

  get busy() {
    return this.slots.filter((s) => s.item).length;
  }

  spawn(index) {
    const slot = { worker: this.platform.createWorker(), ready: false, item: null, index };
    this.slots[index] = slot;
    slot.worker.onmessage = ({ data }) => this.answer(slot, data);
    slot.worker.onerror = (e) => {
      e.preventDefault();
      if (this.slots[slot.index] !== slot) return;
      if (!slot.ready) {
        // It never started: starting another would fail the same way.
        this.cancel();
        this.onFatal(e.message || 'the worker did not start');
        return;
      }
      // Out of memory or a crash in the glue: the article fails with a message, the slot restarts.
      this.finish(slot, { error: `the annotator stopped on this text (${e.message || 'worker error'})` }, true);
    };
    slot.worker.postMessage({ type: 'init', module: this.module });
  }

  answer(slot, data) {
    if (this.slots[slot.index] !== slot) return; // a terminated worker's late answer
    if (data.type === 'ready') {
      slot.ready = true;
      this.pump();
    } else if (data.type === 'fatal') {
      this.cancel();
      this.onFatal(data.message);
    } else if (data.type === 'rows') {
      this.finish(slot, data, slot.item && slot.item.text.length > RESPAWN_AFTER);
    } else if (data.type === 'rows-error') {
      this.finish(slot, { error: data.message.replace(/^annotate: /, '') }, data.trap);
    }
  }

  finish(slot, result, respawn) {
    const item = slot.item;
    slot.item = null;
    if (respawn) {
      slot.worker.terminate();
      if (this.running) this.spawn(slot.index);
    }
    if (item) {
      item.text = null; // the rows are kept, the text is not
      this.onArticle(item, result);
      this.onWeight(item.weight);
    }
    this.pump();
  }

  /** Hands articles to free workers; one pull at a time, as the input is a stream. */
  async pump() {
    if (this.pulling) return;
    this.pulling = true;
    try {
      for (;;) {
        if (!this.running) return;
        const slot = this.slots.find((s) => s.ready && !s.item);
        if (!slot) return;
        const entry = this.queue.shift() || (await this.next());
        if (!this.running || this.slots[slot.index] !== slot || slot.item) {
          // Cancelled (or the slot replaced) while reading: keep the entry for later.
          if (entry) this.queue.unshift(entry);
          if (!this.running) return;
          continue;
        }
        if (!entry) {
          if (!this.busy) this.onIdle();
          return;
        }
        if (entry.kind === 'message') {
          this.onMessage(entry);
          this.onWeight(entry.weight);
        } else if (entry.kind === 'article') {
          slot.item = entry;
          const options = entry.date ? { date: entry.date } : {};
          slot.worker.postMessage({ type: 'rows', id: ++this.seq, text: entry.text, options });
        } else {
          this.onWeight(entry.weight);
        }
      }
    } finally {
      this.pulling = false;
    }
  }
}
