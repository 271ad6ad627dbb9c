// The dev server sends files compressed and cacheable: gzip when accepted, an ETag that a
// reload revalidates (304, no body), and the new file after it changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import { serve } from '../../scripts/static-server.mjs';

function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

test('wasm is served gzip-compressed, revalidated by ETag, and fresh after a rebuild', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-serve-'));
  const wasm = Buffer.alloc(200_000, 7);
  fs.writeFileSync(path.join(dir, 'a.wasm'), wasm);
  const { server, url } = await serve(dir);
  try {
    const first = await get(`${url}a.wasm`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(first.status, 200);
    assert.equal(first.headers['content-type'], 'application/wasm');
    assert.equal(first.headers['content-encoding'], 'gzip');
    assert.equal(first.headers['cache-control'], 'no-cache');
    assert.ok(first.body.length < wasm.length / 10, `compressed to ${first.body.length} bytes`);
    assert.deepEqual(zlib.gunzipSync(first.body), wasm);

    const again = await get(`${url}a.wasm`, { 'if-none-match': first.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);

    const plain = await get(`${url}a.wasm`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, wasm);

    const rebuilt = Buffer.alloc(100_000, 9);
    fs.writeFileSync(path.join(dir, 'a.wasm'), rebuilt);
    const after = await get(`${url}a.wasm`, { 'if-none-match': first.headers.etag });
    assert.equal(after.status, 200);
    assert.deepEqual(after.body, rebuilt);
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('paths outside the served folder are refused', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-serve-'));
  const { server, url } = await serve(dir);
  try {
    const r = await get(`${url}..%2f..%2fetc%2fpasswd`);
    assert.equal(r.status, 403);
    assert.equal((await get(`${url}missing.js`)).status, 404);
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
