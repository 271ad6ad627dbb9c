// Writes dist/lede.html: the page as ONE file that works from disk (file://), for people
// without Rust. Under file:// Chromium fetches nothing (origin 'null'), so everything is
// inlined: CSS (style.css + the generated labels.gen.css), the app's ES modules (wrapped as
// functions, in dependency order, labels.gen.js included), the worker (wasm-bindgen glue +
// worker.js as a classic script run from a Blob URL), the wasm as base64 and the sample
// article. The CSP pins the inline script and style by hash. Run after scripts/labels.mjs.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const www = path.join(root, 'www');
const read = (p) => fs.readFileSync(path.join(root, p), 'utf8');
for (const gen of ['www/labels.gen.js', 'www/labels.gen.css']) {
  if (!fs.existsSync(path.join(root, gen))) throw new Error(`${gen} is missing: run node scripts/labels.mjs first`);
}

const IMPORT = /^import\s+(?:(\*\s+as\s+\w+)|\{([^}]*)\})\s+from\s+'\.\/([\w.-]+)\.js';\s*$/gm;
// `export { a, b };`: re-exports of imported names (labels.js passes on labels.gen.js's table).
const EXPORT_LIST = /^export\s+\{([^}]*)\};?\s*$/gm;
const modVar = (name) => `__mod_${name.replace(/\W/g, '_')}`;

/**
 * Inlines the page's modules, replacing platform.js by platform-inline.js: the entry points
 * (app.js, the article view; corpus.js, the corpus view) and what they import, each module once.
 */
function appScript(entries) {
  const order = [];
  const visit = (name) => {
    if (order.includes(name)) return;
    const file = name === 'platform' ? 'platform-inline' : name;
    const src = fs.readFileSync(path.join(www, `${file}.js`), 'utf8');
    for (const m of src.matchAll(IMPORT)) visit(m[3]);
    order.push(name);
  };
  for (const entry of entries) visit(entry);
  return order
    .map((name) => {
      const file = name === 'platform' ? 'platform-inline' : name;
      let src = fs.readFileSync(path.join(www, `${file}.js`), 'utf8');
      const exported = [...src.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+(\w+)/gm)].map((m) => m[1]);
      for (const m of src.matchAll(EXPORT_LIST)) {
        for (const n of m[1].split(',').map((x) => x.trim()).filter(Boolean)) {
          if (!/^\w+$/.test(n)) throw new Error(`${file}.js: unsupported export form: ${n}`);
          exported.push(n);
        }
      }
      src = src.replace(EXPORT_LIST, '');
      src = src.replace(IMPORT, (_, star, names, from) =>
        star ? `const ${star.replace(/\*\s+as\s+/, '')} = ${modVar(from)};` : `const {${names}} = ${modVar(from)};`,
      );
      src = src.replace(/^export\s+/gm, '');
      if (/\bimport\b[^\n]*\bfrom\b|import\.meta|^\s*export\b/m.test(src)) throw new Error(`${file}.js: unsupported import or export form`);
      return `const ${modVar(name)} = (() => {\n${src}\nreturn { ${exported.join(', ')} };\n})();`;
    })
    .join('\n');
}

/** The worker as a classic script: the wasm-bindgen glue without ES module syntax + worker.js. */
function workerScript() {
  let glue = read('www/pkg/lede.js');
  glue = glue.replace(/^export\s+\{[^}]*\};?\s*$/m, '').replace(/^export\s+/gm, '').replace(/import\.meta\.url/g, 'self.location.href');
  let worker = read('www/worker.js');
  worker = worker.replace(/^import\s+init,\s*\{[^}]*\}\s+from\s+'\.\/pkg\/lede\.js';\s*$/m, 'const init = __wbg_init;');
  const src = `${glue}\n${worker}`;
  if (/^\s*(import|export)\s/m.test(src)) throw new Error('worker still has ES module syntax');
  return src;
}

function rawText(id, type, text) {
  if (/<\/script/i.test(text)) throw new Error(`#${id} contains </script>`);
  return `<script id="${id}" type="${type}">${text}</script>`;
}

const sha = (s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const seedDir = path.join(root, 'seeds');
const seed = fs.readFileSync(path.join(seedDir, fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()[0]), 'utf8');
const wasm = fs.readFileSync(path.join(www, 'pkg/lede_bg.wasm'));
// The page's stylesheets in index.html's order: style.css, then the generated label colours.
const css = `${read('www/style.css')}\n${read('www/labels.gen.css')}`;
const ENTRIES = ['app', 'corpus']; // index.html's module scripts
const app = appScript(ENTRIES);
const csp = [
  "default-src 'none'",
  `script-src ${sha(app)} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  "connect-src 'none'",
  `style-src ${sha(css)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = read('www/index.html');
const swap = (pattern, replacement) => {
  if (!pattern.test(html)) throw new Error(`index.html: ${pattern} not found`);
  html = html.replace(pattern, () => replacement);
};
swap(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
swap(/<link rel="stylesheet" href="style.css">\n<link rel="stylesheet" href="labels.gen.css">/, `<style>${css}</style>`);
for (const entry of ENTRIES) swap(new RegExp(`<script type="module" src="${entry}.js"></script>\n?`), '');
const embeds = [
  rawText('lede-wasm', 'application/octet-stream', wasm.toString('base64')),
  rawText('lede-worker', 'text/plain', workerScript()),
  // JSON with '<' escaped, so no text in the sample can close the element.
  rawText('lede-sample', 'application/json', JSON.stringify(seed).replace(/</g, '\\u003c')),
  `<script type="module">${app}</script>`,
].join('\n');
swap(/<\/body>/, `${embeds}\n</body>`);

fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
fs.writeFileSync(path.join(root, 'dist/lede.html'), html);
fs.writeFileSync(path.join(www, 'pkg/sample.txt'), seed); // the served page's "Load sample"
console.log(`    dist/lede.html: ${(html.length / 1024).toFixed(0)} KiB (wasm ${(wasm.length / 1024).toFixed(0)} KiB inlined as base64)`);
