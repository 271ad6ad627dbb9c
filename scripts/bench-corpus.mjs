// The corpus view's throughput in Debian's headless Chromium: ~1,000 news-like articles (made
// up by tests/e2e/corpus-articles.mjs, with the seed article from seeds/ every 50th) as one
// JSONL file, annotated with 1 and then 2 workers; prints articles/s, the CPU time the browser
// used (all its processes: on a shared machine the wall clock alone says little), the longest
// main-thread frame gap, the page's JS heap (after a garbage collection) before and after, and the
// largest wasm memory a worker reported. With --rounds N the worker counts take turns N times and
// the best of each is printed last. Figures only, no assertions. Needs the built page
// (scripts/serve --build-only).
//   node scripts/bench-corpus.mjs [COUNT] [--workers 1,2] [--rounds N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, serveWww, heartbeat, ROOT } from '../tests/e2e/helpers.mjs';
import { makeCorpus } from '../tests/e2e/corpus-articles.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const workers = option('--workers', '1,2').split(',').map(Number);
const rounds = Number(option('--rounds', '1'));
const count = Number(args[0]) || 1000;

/** CPU seconds used so far by this process's descendants (the browser's processes), from /proc. */
function browserCpu() {
  const procs = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.push({ pid: Number(pid), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) }); // utime + stime
    } catch {
      // gone meanwhile
    }
  }
  let ticks = 0;
  const walk = (pid) => {
    for (const p of procs) {
      if (p.ppid === pid) {
        ticks += p.ticks;
        walk(p.pid);
      }
    }
  };
  walk(process.pid);
  return ticks / 100; // USER_HZ
}

const seedDir = path.join(ROOT, 'seeds');
const seed = fs.readFileSync(path.join(seedDir, fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()[0]), 'utf8');
const articles = makeCorpus(count).map((a, i) => (i % 50 === 49 ? { ...a, text: seed, date: null } : a));
const jsonl = `${articles.map(({ id, outlet, date, text }) => JSON.stringify(date ? { id, outlet, date, text } : { id, outlet, text })).join('\n')}\n`;
const words = articles.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
console.log(`corpus: ${count} articles, ${(jsonl.length / 1e6).toFixed(2)} MB of JSONL, ${Math.round(words / count)} words per article on average`);
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the start`);

const browser = await launch();
const { server, url } = await serveWww();
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const best = new Map(); // workers → best articles/s
try {
  for (const n of Array.from({ length: rounds }, () => workers).flat()) {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e}`));
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await page.goto(`${url}#corpus`);
    await page.waitForSelector('body[data-state="idle"]');
    if (!(await page.$(`#corpus-workers option[value="${n}"]`))) {
      await page.$eval('#corpus-workers', (s, v) => s.append(new Option(v, v)), String(n));
    }
    await page.selectOption('#corpus-workers', String(n));
    const before = await heap();
    const cpu0 = browserCpu();
    let wall = 0;
    const beat = await heartbeat(page, async () => {
      const t0 = Date.now();
      await page.setInputFiles('#corpus-files', { name: 'bench.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(jsonl) });
      await page.waitForSelector('#corpus[data-state="done"]', { timeout: 1_800_000 });
      wall = (Date.now() - t0) / 1000;
    });
    const cpu = browserCpu() - cpu0;
    const after = await heap();
    const status = await page.textContent('#corpus-status');
    const done = Number(status.match(/Done: ([\d,]+) articles/)[1].replace(/,/g, ''));
    const sources = await page.textContent('#sources-table .table-count');
    const wasm = Number(await page.getAttribute('#corpus', 'data-worker-memory'));
    best.set(n, Math.max(best.get(n) || 0, done / wall));
    console.log(
      `${n} worker${n > 1 ? 's' : ''}: ${done} articles in ${wall.toFixed(1)} s = ${(done / wall).toFixed(1)} articles/s ` +
        `(start-up included; page says "${status}"); browser CPU ${cpu.toFixed(1)} s = ${(cpu / wall).toFixed(2)} cores busy; longest frame gap ${beat.max.toFixed(0)} ms; ` +
        `page JS heap ${mb(before)} before, ${mb(after)} after (${sources}); wasm memory per worker up to ${mb(wasm)}`,
    );
    await page.close();
  }
  if (rounds > 1) console.log(`best of ${rounds}: ${[...best].map(([n, r]) => `${n} worker${n > 1 ? 's' : ''} ${r.toFixed(1)} articles/s`).join(', ')}`);
} finally {
  await browser.close();
  server.close();
}
