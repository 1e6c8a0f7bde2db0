// Shared set-up of the browser tests: the project's own server on a free
// port serving dist/, one headless Chromium, and page helpers.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { decodePng, inkRatio } from './png.mjs';

export const repo = fileURLToPath(new URL('../..', import.meta.url));

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

// Starts build/native/src/server/review_server on dist/ with a throwaway data dir.
export async function startServer(extraArgs = []) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'aw-test-'));
  const proc = spawn(join(repo, 'build/native/src/server/review_server'),
    ['--root', join(repo, 'dist'), '--data-dir', dataDir, '--port', String(port), ...extraArgs],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      return {
        url, port, dataDir, proc,
        async stop() {
          proc.kill('SIGTERM');
          await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    } catch {
      if (proc.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  proc.kill();
  throw new Error(`review_server did not start: ${stderr}`);
}

export { launchBrowser };

// A page that records console errors and the widget events seen on window.
export async function openPage(browser, url, { dpr = 1, width = 1280, height = 900, timezoneId, before } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, timezoneId });
  const page = await watchedPage(context);
  if (before) await before(page);
  await page.goto(url);
  return page;
}

// A new page of a browser context (a reader's profile) recording the same.
export async function watchedPage(context) {
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => page.consoleErrors.push(e.message));
  await page.addInitScript(() => {
    window.__widgetEvents = [];
    for (const type of ['ready', 'error', 'review-submitted', 'article-opened'])
      window.addEventListener(type, (e) => window.__widgetEvents.push({ type, detail: e.detail }));
  });
  return page;
}

// On a timeout it says what the page did instead: the events it fired and its console errors.
export async function waitForEvent(page, type, timeout = 20000) {
  try {
    const handle = await page.waitForFunction((t) => window.__widgetEvents.find((e) => e.type === t)?.detail ?? null, type, { timeout });
    return await handle.jsonValue();
  } catch (e) {
    const seen = await page.evaluate(() => window.__widgetEvents.map((ev) => ev.type).join(', ')).catch(() => '?');
    throw new Error(`no "${type}" event within ${timeout} ms (events: ${seen || 'none'}; console errors: ${page.consoleErrors.join(' | ') || 'none'})`, { cause: e });
  }
}

// The screen rectangle (CSS px) of the first text-layer element matching a selector inside the widget.
export function layerRect(page, selector, widget = 'article-widget') {
  return page.evaluate(([sel, w]) => {
    const el = document.querySelector(w).shadowRoot.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent };
  }, [selector, widget]);
}

// The screen rectangle of the page's selection (find in page selects its match)
// when it lies in the widget's shadow tree.
export function selectionRect(page, widget = 'article-widget') {
  return page.evaluate((w) => {
    const [r] = getSelection().getComposedRanges({ shadowRoots: [document.querySelector(w).shadowRoot] });
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const { x, y, width, height } = range.getBoundingClientRect();
    return { x, y, width, height };
  }, widget);
}

// Share of dark pixels actually drawn in a page rectangle.
export async function inkIn(page, rect) {
  const png = decodePng(await page.screenshot({ clip: rect }));
  return inkRatio(png);
}

// Resolves after two animation frames: a change made now (a scroll, a new
// review) has been drawn by then.
export function nextFrames(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// Frames the widget has drawn so far.
export function frameCount(page, widget = 'article-widget') {
  return page.evaluate((w) => document.querySelector(w).frameCount, widget);
}

// window.scrollY once smooth scrolling has come to rest.
export function settledScroll(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let last = -1, still = 0;
    const check = () => {
      still = window.scrollY === last ? still + 1 : 0;
      last = window.scrollY;
      if (still >= 10) resolve(last); else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }));
}

// Resolves once the widget has settled: it is ready, and for `quiet` animation
// frames in a row no widget of the page drew or asked for a frame, nothing
// scrolled (the page or a widget's own box), and the glyphs for typing, added
// when the page is first idle (with the form's Cyrillic face), are in. Its picture then shows the current
// state. Gives its frame count.
export function settledFrames(page, widget = 'article-widget', quiet = 3) {
  return page.evaluate(([w, q]) => new Promise((resolve) => {
    const el = document.querySelector(w);
    const all = [...document.querySelectorAll('article-widget')];
    let last = null, still = 0;
    const check = () => {
      const now = [window.scrollY, ...all.flatMap((x) => [x.frameCount, x.scrollTop])].join();
      const { runtime } = el;
      const busy = !el.ready || !runtime || runtime.raf || runtime.dirty.size || runtime.typingPrepared !== true || runtime.scriptFacesLoading ||
        all.some((x) => x.describeFrame);
      still = !busy && now === last ? still + 1 : 0;
      last = now;
      if (still >= q) resolve(el.frameCount); else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }), [widget, quiet]);
}

// Resolves after `count` animation frames: the span over which a claim that
// nothing happens (no frame drawn, nothing sent) is checked, counted in the
// browser's frames rather than in wall-clock time.
export function animationFrames(page, count) {
  return page.evaluate((n) => new Promise((resolve) => {
    const step = () => (--n <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }), count);
}
