// Runs www/bench.html in Debian's headless Chromium and prints the figures (no assertions).
import { launch, serveWww } from '../tests/e2e/helpers.mjs';

const rounds = Number(process.argv[2]) || 100;
const browser = await launch();
const { server, url } = await serveWww();
try {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e}`));
  await page.goto(`${url}bench.html?rounds=${rounds}`);
  await page.waitForSelector('body[data-state="done"]', { timeout: 600_000 });
  const r = await page.evaluate(() => window.benchResult);
  if (r.error) throw new Error(r.error);
  const f = (n, d = 1) => n.toFixed(d);
  console.log(`lede ${r.version} in ${r.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'} (wasm, main thread)`);
  console.log(`start-up: ${f(r.startupMs)} ms  (fetch+compile+instantiate ${f(r.instantiateMs)} ms, first annotation ${f(r.firstAnnotationMs)} ms)`);
  console.log(`articles: ${r.articles}  tokens: ${r.tokens}  (${r.rounds} rounds × 20 articles)`);
  console.log(`tokens/s: ${f(r.tokensPerSecond, 0)}`);
  console.log(`ms/article: ${f(r.msPerArticle, 3)}`);
  for (const [name, e] of Object.entries(r.exports)) {
    const each = Object.entries(e.ms).map(([format, ms]) => `${format} ${f(ms)}`).join(', ');
    console.log(`export ms, ${name} (${e.chars} chars; the first also annotates): ${each}`);
  }
} finally {
  await browser.close();
  server.close();
}
