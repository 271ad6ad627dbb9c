// Where the wasm spends its time in Chromium: runs www/bench.html under the V8 CPU profiler and
// prints the functions with the most self time (wasm names need a build that keeps its name
// section: `LEDE_WASM_NAMES=1 scripts/serve --build-only`). Figures only, no assertions.
//   node scripts/profile-wasm.mjs [ROUNDS] [TOP]
import { launch, serveWww } from '../tests/e2e/helpers.mjs';

const rounds = Number(process.argv[2]) || 20;
const top = Number(process.argv[3]) || 40;
const browser = await launch();
const { server, url } = await serveWww();
try {
  const page = await browser.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`${url}bench.html?rounds=${rounds}`);
  await page.waitForSelector('body[data-state="done"]', { timeout: 600_000 });
  const { profile } = await cdp.send('Profiler.stop');
  const r = await page.evaluate(() => window.benchResult);
  // Self time per function: samples whose leaf is the node, times the mean interval.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map();
  for (const id of profile.samples) hits.set(id, (hits.get(id) || 0) + 1);
  const self = new Map();
  let total = 0;
  for (const [id, n] of hits) {
    const f = byId.get(id).callFrame;
    const name = f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})`;
    self.set(name, (self.get(name) || 0) + n);
    total += n;
  }
  console.log(`tokens/s ${r.tokensPerSecond.toFixed(0)} over ${r.rounds} rounds; ${total} samples`);
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [name, n] of rows) console.log(`${((100 * n) / total).toFixed(2).padStart(6)}%  ${name}`);
} finally {
  await browser.close();
  server.close();
}
