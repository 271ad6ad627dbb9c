// Assembles the npm package dist/npm/ from the page's wasm build (www/pkg: wasm-bindgen
// --target web glue + optimised wasm, made by build_wasm in scripts/lib.sh) and the package
// sources in npm/ (entries, types, README). The version is the crate's, from Cargo.toml.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist/npm');
const PKG = path.join(ROOT, 'www/pkg');

/** A string field of Cargo.toml's [package] table, or of [workspace.package] when the package
 * inherits it (`version.workspace = true`). */
function cargoField(name) {
  const toml = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const tables = toml.split(/^\[/m);
  const field = (header) => {
    const table = tables.find((t) => t.startsWith(`${header}]`));
    return table?.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, 'm'))?.[1];
  };
  const inherited = tables
    .find((t) => t.startsWith('package]'))
    ?.match(new RegExp(`^${name}\\.workspace\\s*=\\s*true`, 'm'));
  const value = inherited ? field('workspace.package') : field('package');
  if (value == null) throw new Error(`Cargo.toml: no ${name} in [package] (or [workspace.package])`);
  return value;
}

for (const f of ['lede.js', 'lede_bg.wasm']) {
  if (!fs.existsSync(path.join(PKG, f))) {
    throw new Error(`www/pkg/${f} is missing: build the wasm first (scripts/build-npm does)`);
  }
}
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(path.join(OUT, 'wasm'), { recursive: true });
for (const f of ['lede.js', 'lede_bg.wasm']) fs.copyFileSync(path.join(PKG, f), path.join(OUT, 'wasm', f));
for (const f of ['index.js', 'node.js', 'lede.d.ts', 'README.md']) {
  fs.copyFileSync(path.join(ROOT, 'npm', f), path.join(OUT, f));
}

const manifest = {
  name: 'lede',
  version: cargoField('version'),
  description: cargoField('description'),
  license: cargoField('license'),
  type: 'module',
  // Node reads the wasm from disk at import; browsers and bundlers get the entry that fetches it.
  exports: {
    '.': { types: './lede.d.ts', node: './node.js', default: './index.js' },
    './wasm/lede_bg.wasm': './wasm/lede_bg.wasm',
    './package.json': './package.json',
  },
  // For tools that predate "exports".
  main: './node.js',
  browser: './index.js',
  types: './lede.d.ts',
  files: ['index.js', 'node.js', 'lede.d.ts', 'wasm/lede.js', 'wasm/lede_bg.wasm', 'README.md'],
  engines: { node: '>=18' },
  keywords: ['nlp', 'news', 'named-entity-recognition', 'quotations', 'webassembly'],
};
fs.writeFileSync(path.join(OUT, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
const size = fs.statSync(path.join(OUT, 'wasm/lede_bg.wasm')).size;
console.log(`    dist/npm: lede ${manifest.version} (wasm ${size} bytes)`);
