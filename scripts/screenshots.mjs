// Screenshots of the corpus view for the README: 30 generated articles (tests/e2e/corpus-articles.mjs,
// the same seeded corpus as tests/e2e/corpus.test.mjs, from three outlets) dropped as one JSONL on
// the corpus view in Debian's headless Chromium, annotated to the end, then the whole page at
// desktop width (1400×900) and at phone width (390×844):
//   docs/screenshots/corpus-desktop.png, docs/screenshots/corpus-phone.png
// Builds nothing: run `scripts/serve --build-only` first (www/pkg and the generated label files).
//   node scripts/screenshots.mjs [OUT_DIR]
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveWww, ROOT } from '../tests/e2e/helpers.mjs';
import { makeCorpus, toJsonl } from '../tests/e2e/corpus-articles.mjs';

const out = path.resolve(process.argv[2] || path.join(ROOT, 'docs/screenshots'));
fs.mkdirSync(out, { recursive: true });

const SIZES = [
  ['corpus-desktop.png', { width: 1400, height: 900 }],
  ['corpus-phone.png', { width: 390, height: 844 }],
];

const browser = await launch();
const { server, url } = await serveWww();
try {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.setViewportSize(SIZES[0][1]);
  await page.goto(`${url}#corpus`);
  await page.waitForSelector('body[data-state="idle"]', { timeout: 30_000 });
  await page.waitForSelector('#corpus-drop', { state: 'visible' });

  // A drop from the desktop: one JSONL of 30 articles (id, outlet, date, text).
  await page.evaluate((jsonl) => {
    const dt = new DataTransfer();
    dt.items.add(new File([jsonl], 'corpus.jsonl', { type: 'application/jsonl' }));
    document.getElementById('corpus-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, toJsonl(makeCorpus(30)));
  await page.waitForSelector('#corpus[data-state="done"]', { timeout: 180_000 });
  console.log(await page.textContent('#corpus-status'));

  await page.evaluate(() => document.activeElement?.blur());
  for (const [name, size] of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300); // the charts redraw at the new width
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) console.warn(`${name}: the page is ${overflow} px wider than the window`);
    const file = path.join(out, name);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`${path.relative(process.cwd(), file)}: ${size.width}×${size.height}, ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
  }
  if (errors.length) throw new Error(`page errors: ${errors.join('\n')}`);
  await page.close();
} finally {
  await browser.close();
  server.close();
}
