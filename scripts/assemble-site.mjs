#!/usr/bin/env node
// Turns the assembled site (web/ + assets/ + the wasm build, copied together by
// scripts/build.sh) into the final static site:
//
//   node scripts/assemble-site.mjs <staging-dir> <out-dir>
//
// 0. Bundles the widget's modules (its own and Emscripten's glue) into one
//    minified module with esbuild: one request instead of eight, which under
//    HTTP/1.1's six connections per host no longer queue behind the fonts.
// 1. Content-hashes every file of widget/ that the entry point reaches
//    (the bundle, aw.wasm -> aw.1a2b3c4d.wasm, the fonts, the stylesheet)
//    and rewrites the references between them, dependencies first. A reference
//    is a quoted relative path ('./runtime.js', "aw.wasm", 'fonts/x.ttf') or a
//    CSS url(); paths built at run time are not seen (and are reported).
//    widget/article-widget.js stays: a small stable entry that publishers
//    embed, served with a short cache; it starts the hashed build and
//    preloads what that needs.
// 2. Writes the service worker (sw.js, from web/sw.js) with this build's
//    precache list and version, and precache-manifest.json.
// 3. Writes article-widget-standalone.html: index.html with the bundle, its
//    wasm, fonts and the site's JSON content inlined, for file:// viewing.
// 4. Precompresses text, wasm and font files: FILE.gz (zlib level 9) and
//    FILE.br (brotli quality 11), each only when smaller.
import { createHash } from 'node:crypto';
import { buildSync } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { OptionalFaces } from '../web/widget/protocol.js';

const ENTRY = 'widget/article-widget.js';
const WIDGET_DIR = 'widget/';
const TEXT_EXT = new Set(['.js', '.mjs', '.css', '.html', '.htm', '.json', '.svg', '.txt', '.xml', '.map', '.webmanifest', '.po']);
// Files a widget fetches only when its content needs them, neither preloaded nor precached, so
// a page that does not use them downloads not a byte of them: the italic faces (an article with
// italic runs), the catalogs of languages other than English (English is in the bundle) and the
// faces of scripts beyond Latin and Cyrillic. The service worker keeps them once fetched (its
// manifest lists the hashed ones as `optional`).
const OPTIONAL_FACES = new Set(OptionalFaces.map((f) => WIDGET_DIR + f.file));
const isOptional = (file) => OPTIONAL_FACES.has(file) || /^widget\/(locales|fonts\/scripts)\//.test(file);
const COMPRESS_EXT = new Set([...TEXT_EXT, '.wasm', '.ttf', '.otf', '.ico']);
const MIME = {
  '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.ttf': 'font/ttf', '.otf': 'font/otf',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.webp': 'image/webp', '.gif': 'image/gif', '.ico': 'image/vnd.microsoft.icon', '.txt': 'text/plain', '.html': 'text/html',
  '.po': 'text/plain',
};
const HASH_LENGTH = 8;
const STANDALONE_BASE = 'https://article-widget.invalid/';

const warnings = [];
const warn = (message) => { warnings.push(message); console.warn(`[assemble-site] warning: ${message}`); };
const fail = (message) => { console.error(`[assemble-site] error: ${message}`); process.exit(1); };

function listFiles(root, dir = '') {
  const out = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(root, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const isText = (file) => TEXT_EXT.has(extname(file).toLowerCase());
const mimeOf = (file) => MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';

// The ways a file may name another by a relative path, each as it would be
// written between quotes (or inside url()).
function specsFor(from, target) {
  const rel = posix.relative(posix.dirname(from), target);
  return rel.startsWith('../') ? [rel] : [rel, `./${rel}`];
}

const QUOTES = ['\'', '"', '`'];
function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

// Occurrences of `spec` as a whole quoted string, or as a CSS url() argument.
function referencePattern(spec) {
  const s = escapeRegExp(spec);
  return new RegExp(`(['"\`])${s}\\1|(url\\(\\s*)${s}(\\s*\\))`, 'g');
}

// Replaces each reference to `target` in `text` (a file at `from`) with replace(spec, quote).
function rewriteReferences(text, from, target, replace) {
  for (const spec of specsFor(from, target)) {
    text = text.replace(referencePattern(spec), (match, quote, urlOpen, urlClose) =>
      quote ? replace(spec, quote) : `${urlOpen}${replace(spec, '')}${urlClose}`);
  }
  return text;
}

function refersTo(text, from, target) {
  return specsFor(from, target).some((spec) => referencePattern(spec).test(text));
}

// Files of widget/ and which of them each text file refers to.
function widgetGraph(files, read) {
  const widgetFiles = files.filter((f) => f.startsWith(WIDGET_DIR));
  const edges = new Map();
  for (const file of widgetFiles) {
    const deps = [];
    if (isText(file)) {
      const text = read(file).toString('utf8');
      for (const target of widgetFiles) if (target !== file && refersTo(text, file, target)) deps.push(target);
    }
    edges.set(file, deps);
  }
  return { widgetFiles, edges };
}

function reachable(edges, start) {
  const seen = new Set();
  const stack = [start];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...edges.get(f));
  }
  return seen;
}

// Each file after every file it names, so a reference is rewritten to its
// final name before the file itself is hashed. After bundling the only
// references left are the bundle's to the wasm, fonts and stylesheet (and
// the stylesheet's), so a cycle means two such files name each other.
function dependenciesFirst(nodes, edges) {
  const state = new Map(); // file -> 'visiting' | 'done'
  const out = [];
  const visit = (f, path) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'visiting') fail(`${[...path, f].join(' -> ')} is a cycle of references, which content hashes cannot express`);
    state.set(f, 'visiting');
    for (const dep of edges.get(f)) if (nodes.has(dep)) visit(dep, [...path, f]);
    state.set(f, 'done');
    out.push(f);
  };
  for (const f of [...nodes].sort()) visit(f, []);
  return out;
}

// The same relative path with another file name.
const withBase = (spec, base) => spec.slice(0, spec.length - posix.basename(spec).length) + base;

function hashedName(file, hash) {
  const ext = extname(file);
  return `${file.slice(0, file.length - ext.length)}.${hash}${ext}`;
}

// ---- 0. one module -------------------------------------------------------------

// Replaces the entry with the bundle of every module it imports and removes
// those modules. Files named by URL at run time (wasm, fonts, the stylesheet)
// stay literal paths in the bundle, for step 1 to hash.
function bundleWidget(out) {
  const entry = join(out, ENTRY);
  if (!existsSync(entry)) fail(`${ENTRY} is missing from the site`);
  let result;
  try {
    result = buildSync({
      entryPoints: [entry], bundle: true, format: 'esm', minify: true, target: 'es2022',
      write: false, metafile: true, logLevel: 'silent', absWorkingDir: process.cwd(),
      // npm packages (@mozilla/readability) from the project's node_modules, wherever the staging directory is.
      nodePaths: [fileURLToPath(new URL('../node_modules', import.meta.url))],
      loader: { '.po': 'text' }, // the English catalog travels inside the bundle
    });
  } catch (e) {
    fail(`bundling ${ENTRY} failed: ${e.errors?.map((x) => x.text).join('; ') ?? e.message}`);
  }
  const inputs = Object.keys(result.metafile.inputs).map((f) => join(process.cwd(), f));
  // The site's own modules are in the bundle now; npm packages (node_modules) are only read.
  const site = join(resolve(out), '/');
  for (const f of inputs) if (f !== entry && f.startsWith(site)) rmSync(f);
  writeFileSync(entry, result.outputFiles[0].contents);
  return inputs.length;
}

// ---- 1. content hashes ------------------------------------------------------

function hashWidget(out) {
  const files = listFiles(out);
  if (!files.includes(ENTRY)) fail(`${ENTRY} is missing from the site`);
  const read = (f) => readFileSync(join(out, f));
  const { widgetFiles, edges } = widgetGraph(files, read);
  const used = reachable(edges, ENTRY);
  for (const f of widgetFiles) {
    if (!used.has(f)) warn(`${f} is not referenced from ${ENTRY} by a literal path: kept unhashed (and precached)`);
  }

  const renamed = new Map(); // old path -> hashed path
  for (const f of dependenciesFirst(used, edges)) {
    let data = read(f);
    if (isText(f)) {
      let text = data.toString('utf8');
      for (const dep of edges.get(f)) {
        const newBase = posix.basename(renamed.get(dep));
        text = rewriteReferences(text, f, dep, (spec, q) => `${q}${withBase(spec, newBase)}${q}`);
      }
      data = text;
    }
    renamed.set(f, hashedName(f, sha256(data).slice(0, HASH_LENGTH)));
    writeFileSync(join(out, renamed.get(f)), data);
    rmSync(join(out, f));
  }

  // Nothing may still name a file that is gone.
  const gone = [...renamed.keys()];
  for (const f of renamed.values()) {
    if (!isText(f)) continue;
    const text = readFileSync(join(out, f), 'utf8');
    for (const old of gone) {
      const base = posix.basename(old);
      if (new RegExp(`['"\`/]${escapeRegExp(base)}['"\`]|url\\([^)]*\\b${escapeRegExp(base)}\\s*\\)`).test(text)) {
        fail(`${f} still names ${base} in a form the assembler does not rewrite; write it as a relative path in quotes, e.g. './${base}'`);
      }
    }
  }

  // The stable entry starts the hashed build, then asks for every file the
  // widget will need, so they download side by side instead of one after
  // another: the page's articles (small), the wasm (the largest, compiled as it
  // streams in), the stylesheet and the fonts. The build exports nothing.
  const entrySource = readFileSync(join(out, renamed.get(ENTRY)), 'utf8');
  if (/^\s*export\b/m.test(entrySource)) fail(`${ENTRY} must not export: its stable entry loads it with import()`);
  const target = `./${posix.basename(renamed.get(ENTRY))}`;
  const rank = { '.wasm': 0, '.css': 1, '.ttf': 2 };
  const optional = new Set([...renamed].filter(([from]) => isOptional(from)).map(([, to]) => to));
  const preload = [...renamed.values()]
    .filter((f) => extname(f) in rank && !optional.has(f) && !isOptional(f))
    .sort((a, b) => rank[extname(a)] - rank[extname(b)] || a.localeCompare(b))
    .map((f) => [`./${posix.relative(posix.dirname(ENTRY), f)}`, extname(f) === '.css' ? 'style' : 'fetch']);
  const lines = [
    '// Stable entry point of <article-widget>: embed this URL. It is small and served',
    '// with a short cache (no-cache); everything it loads has a content hash in its',
    '// name and may be cached for a year. Generated by scripts/assemble-site.mjs.',
    `const build = import('${target}');`,
    "// The widgets' articles and News Line feeds (both are in the first picture), each once.",
    "const content = new Set([...document.querySelectorAll('article-widget')].flatMap((w) => ['src', 'feed'].map((a) => w.getAttribute(a)).filter(Boolean).map((u) => new URL(u, document.baseURI).href)));",
    "const articles = [...content].map((href) => [new URL(href), 'fetch']);",
    `const files = ${JSON.stringify(preload)}.map(([file, as]) => [new URL(file, import.meta.url), as]);`,
    'for (const [url, as] of [...articles, ...files]) {',
    "  const link = Object.assign(document.createElement('link'), { rel: 'preload', as, href: url.href });",
    "  if (as === 'fetch') link.crossOrigin = 'anonymous'; // as fetch() will ask for it",
    '  document.head.append(link);',
    '}',
    'await build;',
  ];
  writeFileSync(join(out, ENTRY), lines.join('\n') + '\n');

  const unhashed = widgetFiles.filter((f) => !used.has(f));
  return {
    renamed,
    precache: [ENTRY, ...[...renamed.values()].filter((f) => f !== ENTRY && !optional.has(f)), ...unhashed].filter((f) => !isOptional(f)).sort(),
    optional: [...optional].sort(),
  };
}

// ---- 2. service worker and precache manifest --------------------------------

function writeServiceWorker(out, precache, optional) {
  const files = [...new Set(precache)].sort();
  const version = sha256([...files, ...optional].map((f) => `${f}\0${sha256(readFileSync(join(out, f)))}`).join('\n')).slice(0, 12);
  const manifest = { version, files, optional };
  writeFileSync(join(out, 'precache-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  const swPath = join(out, 'sw.js');
  if (!existsSync(swPath)) fail('sw.js (from web/sw.js) is missing from the site');
  const template = readFileSync(swPath, 'utf8');
  const marker = /\/\* precache-manifest \*\/[\s\S]*?\/\* end \*\//;
  if (!marker.test(template)) fail('sw.js has no /* precache-manifest */ ... /* end */ marker');
  writeFileSync(swPath, template.replace(marker, () => `/* precache-manifest */ ${JSON.stringify(manifest)} /* end */`));
  return manifest;
}

// ---- 3. the single-file variant ---------------------------------------------

// For file:// a page may not fetch or import other files. Built from the bundle
// (before hashing), the widget is one module, inlined as the page's module
// script; what it names by URL travels inside the page too: the stylesheet as a
// data: URL, the wasm and fonts as base64 handed out as blob: URLs. The site's
// JSON content is answered by a fetch shim keyed by path next to the page.
function buildStandalone(root) {
  const files = listFiles(root);
  const read = (f) => readFileSync(join(root, f));
  const { edges } = widgetGraph(files, read);
  const binaries = new Map(); // widget file -> base64
  // An inline module's base is the page: give it the address it has in the site.
  let entry = read(ENTRY).toString('utf8')
    .replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(ENTRY)}, document.baseURI).href`);
  for (const dep of edges.get(ENTRY)) {
    if (isText(dep)) {
      if (edges.get(dep).length) throw new Error(`${dep} names other files, which its data: URL cannot carry`);
      const url = `data:${mimeOf(dep)};charset=utf-8,${encodeURIComponent(read(dep).toString('utf8')).replace(/'/g, '%27')}`;
      entry = rewriteReferences(entry, ENTRY, dep, (spec, q) => `${q}${url}${q}`);
    } else {
      binaries.set(dep, read(dep).toString('base64'));
      entry = rewriteReferences(entry, ENTRY, dep, () => `globalThis.__articleWidgetInline.url(${JSON.stringify(dep)})`);
    }
  }

  // Content the widget fetches by URL: every JSON file of the site outside widget/.
  const content = {};
  for (const f of files) {
    if (f.startsWith(WIDGET_DIR) || extname(f) !== '.json' || f === 'precache-manifest.json') continue;
    content[f] = read(f).toString('base64');
  }

  const scriptSafe = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const shim = `// Single-file variant: files the widget would download are inside this page.
(() => {
  const binaries = ${JSON.stringify(Object.fromEntries(binaries))};
  const types = ${JSON.stringify(Object.fromEntries([...binaries.keys()].map((f) => [f, mimeOf(f)])))};
  const content = ${JSON.stringify(content)};
  const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const urls = new Map();
  globalThis.__articleWidgetInline = {
    url(path) {
      if (!urls.has(path)) urls.set(path, URL.createObjectURL(new Blob([bytes(binaries[path])], { type: types[path] })));
      return urls.get(path);
    },
  };
  const base = new URL('./', document.baseURI).href;
  const pageFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input, init) => {
    try {
      const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
      url.hash = '';
      url.search = '';
      const path = url.href.startsWith(base) ? decodeURIComponent(url.href.slice(base.length)) : null;
      if (path !== null && Object.hasOwn(content, path) && (!init || !init.method || init.method === 'GET')) {
        return Promise.resolve(new Response(bytes(content[path]), { status: 200, headers: { 'Content-Type': 'application/json' } }));
      }
    } catch {}
    return pageFetch(input, init);
  };
})();`;

  let html = read('index.html').toString('utf8');
  const replaceOnce = (pattern, replacement, what) => {
    if (!pattern.test(html)) throw new Error(`index.html has no ${what}`);
    html = html.replace(pattern, replacement);
  };
  html = html.replace(/<link rel="stylesheet" href="([^":]+)">/g, (m, href) =>
    files.includes(href) ? `<style>\n${read(href).toString('utf8')}</style>` : m);
  html = html.replace(/(<link rel="icon" href=")([^":]+)(")/g, (m, open, href, close) =>
    files.includes(href) ? `${open}data:${mimeOf(href)};base64,${read(href).toString('base64')}${close}` : m);
  replaceOnce(/<script type="module" src="widget\/article-widget\.js"><\/script>/,
    () => `<script>\n${scriptSafe(shim)}\n</script>\n  <script type="module">\n${scriptSafe(entry)}\n</script>`,
    'module script tag for widget/article-widget.js');
  // No review endpoint from file://: reviews stay on the reader's device (and the widget says so).
  html = html.replace(/(<article-widget\b[^>]*?)\s+reviews="[^"]*"/g, '$1');
  // The page's own links lead nowhere from a lone file.
  html = html.replace(/(<a\b[^>]*\bhref=")(?![a-z][a-z0-9+.-]*:|#)[^"]*(")/gi, '$1#$2');
  // A virtual address for the inlined site (.invalid never resolves): relative
  // URLs (the article, the feed and the articles it names) resolve to it as on
  // a web host, and the fetch shim answers for it. file: URLs would not do:
  // the widget's URL policy accepts http(s) only.
  replaceOnce(/<meta charset="utf-8">/, (m) => `${m}\n  <base href="${STANDALONE_BASE}">`, '<meta charset>');
  replaceOnce(/<title>/, () => '<meta name="generator" content="article-widget single-file variant">\n  <title>', '<title>');
  return html;
}

// ---- 4. precompression -------------------------------------------------------

function precompress(out) {
  let count = 0;
  for (const f of listFiles(out)) {
    const ext = extname(f).toLowerCase();
    if (!COMPRESS_EXT.has(ext)) continue;
    const data = readFileSync(join(out, f));
    if (data.length < 256) continue;
    const gz = gzipSync(data, { level: 9 });
    const br = brotliCompressSync(data, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
        [zlibConstants.BROTLI_PARAM_MODE]: ext === '.ttf' || ext === '.otf' ? zlibConstants.BROTLI_MODE_FONT
          : isText(f) ? zlibConstants.BROTLI_MODE_TEXT : zlibConstants.BROTLI_MODE_GENERIC,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
    if (gz.length < data.length) { writeFileSync(join(out, `${f}.gz`), gz); count++; }
    if (br.length < data.length) { writeFileSync(join(out, `${f}.br`), br); count++; }
  }
  return count;
}

// ---- main -------------------------------------------------------------------

function main() {
  const [staging, out] = process.argv.slice(2);
  if (!staging || !out) fail('usage: node scripts/assemble-site.mjs <staging-dir> <out-dir>');
  if (!statSync(staging, { throwIfNoEntry: false })?.isDirectory()) fail(`${staging} is not a directory`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(dirname(out), { recursive: true });
  cpSync(staging, out, { recursive: true });
  for (const f of listFiles(out)) if (/\.(br|gz)$/.test(f)) rmSync(join(out, f)); // stale variants

  const bundled = bundleWidget(out);
  try {
    // From the bundle while its files still have their plain names.
    writeFileSync(join(out, 'article-widget-standalone.html'), buildStandalone(out));
  } catch (e) {
    warn(`article-widget-standalone.html not written: ${e.message}`);
  }
  const { renamed, precache, optional } = hashWidget(out);
  const manifest = writeServiceWorker(out, precache, optional);
  const compressed = precompress(out);
  console.log(`[assemble-site] ${bundled} modules in one bundle, ${renamed.size} widget files hashed, precache ${manifest.files.length} files (version ${manifest.version}), ${compressed} compressed variants`);
}

main();
