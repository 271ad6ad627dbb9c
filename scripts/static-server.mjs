// A tiny static file server for www/ on 127.0.0.1: used by scripts/serve, the e2e tests and
// the browser benchmark. Serves .wasm as application/wasm (needed for compileStreaming).
// Responses are cacheable but revalidated (`no-cache` + an ETag from size and mtime, 304 when
// unchanged), so a reload after a rebuild gets the new wasm and a reload without one sends no
// body; text and wasm go gzip-compressed when the browser accepts it (the wasm: 4.5 MB → ~1.3 MB).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// Types worth compressing (PNG is compressed already).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.txt', '.svg']);

/** gzip bodies by ETag: each file version is compressed once, not per request. */
const gzipped = new Map();

function gzipOnce(etag, body) {
  let z = gzipped.get(etag);
  if (!z) {
    z = zlib.gzipSync(body, { level: 6 });
    gzipped.set(etag, z);
  }
  return z;
}

/** Starts serving `root`; resolves with { server, url } once listening. Port 0 = random. */
export function serve(root, { host = '127.0.0.1', port = 0, log = false } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.normalize(path.join(base, decodeURIComponent(url.pathname)));
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.stat(file, (statErr, stat) => {
      if (statErr || !stat.isFile()) {
        if (log) console.log(`${req.method} ${url.pathname} 404`);
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
      const ext = path.extname(file);
      const headers = {
        'content-type': TYPES[ext] || 'application/octet-stream',
        'cache-control': 'no-cache',
        etag,
        vary: 'accept-encoding',
        'x-content-type-options': 'nosniff',
      };
      if (req.headers['if-none-match'] === etag) {
        if (log) console.log(`${req.method} ${url.pathname} 304`);
        res.writeHead(304, headers).end();
        return;
      }
      fs.readFile(file, (err, body) => {
        if (log) console.log(`${req.method} ${url.pathname} ${err ? 404 : 200}`);
        if (err) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        const gzip =
          COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
        if (gzip) {
          body = gzipOnce(etag + file, body);
          headers['content-encoding'] = 'gzip';
        }
        res.writeHead(200, headers);
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}/` });
    });
  });
}

// CLI: node scripts/static-server.mjs DIR [PORT]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'www', port = '8000'] = process.argv.slice(2);
  serve(dir, { port: Number(port), log: process.env.LEDE_LOG === '1' })
    .then(({ url }) => {
      console.log(`Lede is served at ${url}  (Ctrl-C to stop)`);
    })
    .catch((e) => {
      console.error(`cannot serve ${dir} on port ${port}: ${e.message}`);
      process.exit(1);
    });
}
