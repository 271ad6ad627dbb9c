// Shared e2e setup: Debian's Chromium driven by playwright-core (never a downloaded browser),
// www/ served from 127.0.0.1 on a random port, and a log of requests and console errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS = path.join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium with a fresh profile; returns { browser, close }. */
export async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves www/ on 127.0.0.1 with a random port. */
export async function serveWww() {
  const dist = path.join(ROOT, 'www/pkg/lede_bg.wasm');
  if (!fs.existsSync(dist)) throw new Error('www/pkg is missing: run scripts/serve --build-only first');
  return serve(path.join(ROOT, 'www'));
}

export function distUrl() {
  const file = path.join(ROOT, 'dist/lede.html');
  if (!fs.existsSync(file)) throw new Error('dist/lede.html is missing: run scripts/serve --build-only first');
  return pathToFileURL(file).href;
}

/** A page that records every request, console error, page error and dialog. */
export async function openPage(context, url) {
  const page = await context.newPage();
  const log = { requests: [], errors: [], dialogs: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('dialog', async (d) => {
    log.dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('body[data-state="idle"]', { timeout: 30_000 });
  return { page, log };
}

/** Sets the text area like a paste and waits for the rendered annotation. */
export async function setText(page, text) {
  await page.evaluate((t) => {
    const input = document.getElementById('input');
    input.value = t;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
}

export async function loadSample(page) {
  await page.click('#sample');
  await page.waitForSelector('body[data-state="ready"]');
  await page.waitForFunction(() => document.querySelectorAll('#article .para').length > 5);
}

export function screenshotPath(name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  return path.join(RESULTS, name);
}

export const SEED = fs.readFileSync(path.join(ROOT, 'seeds', fs.readdirSync(path.join(ROOT, 'seeds')).sort()[0]), 'utf8');
