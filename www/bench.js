// Browser benchmark of the wasm build: start-up (fetch + compile + instantiate + first
// annotation) and throughput on the same reproducible corpus as `lede bench`.
// scripts/bench-wasm opens this page in headless Chromium and prints window.benchResult.
import init, { annotate, exportAs, tokenCount, version } from './pkg/lede.js';

const out = document.getElementById('out');
const rounds = Number(new URLSearchParams(location.search).get('rounds')) || 100;

async function main() {
  const t0 = performance.now();
  const seed = await (await fetch('pkg/sample.txt')).text();
  const t1 = performance.now();
  await init(); // fetch + compile + instantiate lede_bg.wasm
  const t2 = performance.now();
  annotate(seed);
  const t3 = performance.now();

  // The corpus of `lede bench`: the seed with 20 different dates.
  const corpus = Array.from({ length: 20 }, (_, i) => seed.replace('2023-10-13', `2023-10-${String(i + 1).padStart(2, '0')}`));
  const tokens = corpus.reduce((n, t) => n + tokenCount(t), 0);
  for (const t of corpus) annotate(t); // warm-up round
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of corpus) annotate(t);
  const secs = (performance.now() - start) / 1000;
  const articles = rounds * corpus.length;
  const exports = { sample: timeExports(seed), big: timeExports(corpus.join('\n\n').repeat(50)) };

  return {
    version: version(),
    userAgent: navigator.userAgent,
    wasmBytes: performance.getEntriesByName(new URL('pkg/lede_bg.wasm', location.href).href)[0]?.decodedBodySize ?? null,
    sampleFetchMs: t1 - t0,
    instantiateMs: t2 - t1,
    firstAnnotationMs: t3 - t2,
    startupMs: t3 - t1,
    rounds,
    articles,
    tokens: tokens * rounds,
    tokensPerSecond: (tokens * rounds) / secs,
    msPerArticle: (secs * 1000) / articles,
    exports,
  };
}

const FORMATS = ['json', 'displacy', 'brat', 'conll', 'webanno', 'quotes-csv', 'entities-csv'];

/** ms of exportAs per format on `text`: the first call also annotates it (code points), the
 * others reuse that annotation, as the page does. */
function timeExports(text) {
  const ms = {};
  for (const format of FORMATS) {
    const t = performance.now();
    exportAs(text, {}, format);
    ms[format] = performance.now() - t;
  }
  return { chars: text.length, ms };
}

main().then(
  (r) => {
    window.benchResult = r;
    out.textContent = JSON.stringify(r, null, 2);
    document.body.dataset.state = 'done';
  },
  (e) => {
    window.benchResult = { error: String(e) };
    out.textContent = `failed: ${e}`;
    document.body.dataset.state = 'done';
  },
);
