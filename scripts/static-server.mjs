// A tiny static file server for www/ on 127.0.0.1: used by scripts/serve, the e2e tests and
// the browser benchmark. Serves .wasm as application/wasm (needed for compileStreaming).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
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
    fs.readFile(file, (err, body) => {
      if (log) console.log(`${req.method} ${url.pathname} ${err ? 404 : 200}`);
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
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
