// The npm package as a user gets it: `npm pack` makes the tarball, `npm install` puts it in a
// fresh project, and a script there imports 'lede' by name (exports, node condition) and runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE, packageVersion } from './checks.mjs';

const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });

test('npm pack; npm install the tarball into a new project; import lede and annotate', () => {
  if (!fs.existsSync(path.join(PACKAGE, 'package.json'))) throw new Error('dist/npm is missing: run scripts/build-npm first');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-npm-pack-'));
  try {
    const [packed] = JSON.parse(npm(['pack', PACKAGE, '--pack-destination', tmp, '--json', '--silent'], tmp));
    const files = packed.files.map((f) => f.path).sort();
    assert.deepEqual(files, ['README.md', 'index.js', 'lede.d.ts', 'node.js', 'package.json', 'wasm/lede.js', 'wasm/lede_bg.wasm']);

    const project = path.join(tmp, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'try-lede', private: true, type: 'module' }));
    // The tarball has no dependencies: nothing is fetched.
    npm(['install', '--offline', '--no-audit', '--no-fund', path.join(tmp, packed.filename)], project);

    fs.writeFileSync(
      path.join(project, 'main.js'),
      `import { init, annotate, version } from 'lede';
await init();
const text = '“Café 😀 is open,” said Zoë Müller on Friday.';
const a = annotate(text);
console.log(JSON.stringify({ version: version(), quotes: a.quotes.map((q) => [text.slice(q.start, q.end), q.speaker_name]) }));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ['main.js'], { cwd: project, encoding: 'utf8' }));
    assert.equal(out.version, packageVersion());
    assert.deepEqual(out.quotes, [['“Café 😀 is open,”', 'Zoë Müller']]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
