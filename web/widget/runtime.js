// Everything instances share: the compiled wasm module, the Emscripten glue,
// and the font files. Fetched once per page, however many widgets it has.

import { Faces as FACES } from './protocol.js';

const here = new URL('.', import.meta.url);

let shared = null;

async function fetchOk(url, what) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`Could not download the ${what} (${url.pathname}): the network is unreachable.`);
  }
  if (!response.ok) throw new Error(`Could not download the ${what}: the server answered ${response.status} ${response.statusText}.`);
  return response;
}

async function compileWasm(url) {
  const response = await fetchOk(url, 'widget program');
  // Streaming compilation needs the application/wasm type; any host without it still works.
  if (WebAssembly.compileStreaming && response.headers.get('Content-Type') === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

// onProgress(done, total) is called as each shared part arrives.
export function loadRuntime(onProgress) {
  if (!shared) {
    const listeners = new Set();
    let done = 0;
    const total = 2 + FACES.length;
    const tick = (value) => { done++; for (const l of listeners) l(done, total); return value; };
    const promise = Promise.all([
      import('./aw.js').then(tick), // a literal path, so the site's bundle carries the glue
      compileWasm(new URL('aw.wasm', here)).then(tick),
      ...FACES.map((f) => fetchOk(new URL(f.file, here), 'fonts').then((r) => r.arrayBuffer()).then(tick)),
    ]).then(([glue, wasm, ...fonts]) => {
      // The same bytes also back the transparent text layer, so selection matches the drawn glyphs.
      FACES.forEach((f, i) => {
        const face = new FontFace(f.family, fonts[i].slice(0), { weight: f.weight });
        document.fonts.add(face);
        face.load().catch(() => {});
      });
      return { createModule: glue.default, wasm, fonts, total };
    });
    // A failed download is tried again by the next widget or reload(), not cached.
    promise.catch(() => { shared = null; });
    shared = { promise, listeners, progress: () => [done, total] };
  }
  if (onProgress) {
    shared.listeners.add(onProgress);
    onProgress(...shared.progress());
  }
  return shared.promise;
}
