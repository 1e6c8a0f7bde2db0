// Assembles the bench's own static root from the built site (dist/) so one
// review_server serves everything measured, from one origin:
//   /                      dist/ as built (the widget's demo page, the seed article)
//   /bench-long.html       the demo page with the 100x article
//   /bench-rich.html, /bench-rich-long.html  the demo page with the rich article, 1x and 100x
//   /bench-offscreen.html  the demo page with the widget below the fold
//   /bench-bare.html       the widget alone in a page, as bare as the baseline's (no site
//                          stylesheet, masthead, footer or icon): the first frame's comparison
//   /bench-plain.html      the same seed article as a plain HTML page (no wasm)
//   /bench-baseline/       Dear ImGui's bare GLFW + OpenGL 3 loop (bench/baseline)
//   /articles/bench-100x.json  the seed article with its body paragraphs repeated 100 times
// Nothing generated here is committed; it lives under build/bench/site.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const SEED = 'articles/stoltenberg-baku.json';
export const LONG = 'articles/bench-100x.json';
export const REPEAT = 100;
// The rich demo article (HTML body: subheadings, quotes, lists, links, a lead picture and a figure) and its 100x.
export const RICH = 'articles/caspian-shoreline.json';
export const RICH_LONG = 'articles/bench-rich-100x.json';

export function gzip9(bytes) { return gzipSync(bytes, { level: 9 }); }
export function brotli11(bytes) {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
}

// The seed article with articleBody repeated `times` times, paragraphs kept apart by a blank line.
export function repeatedArticle(seedJson, times) {
  const doc = JSON.parse(seedJson);
  doc.articleBody = Array(times).fill(doc.articleBody).join('\n\n');
  return JSON.stringify(doc, null, 2);
}

// The rich article with its HTML articleBody repeated `times` times.
export function repeatedRichArticle(json, times) {
  const doc = JSON.parse(json);
  doc.articleBody = Array(times).fill(doc.articleBody).join('\n');
  return JSON.stringify(doc, null, 2);
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// The demo page's widget element and scripts in a page with nothing else: the
// baseline's page and the plain page carry no site around them either, so the
// first frame compares the widget, not the demo site's chrome.
function barePage(index) {
  const widget = /<article-widget\b[\s\S]*?<\/article-widget>/.exec(index);
  const title = /<title>[\s\S]*?<\/title>/.exec(index);
  const scripts = index.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) || [];
  if (!widget || !scripts.length) throw new Error('dist/index.html has no <article-widget> element or no script');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${title ? title[0] : ''}
${scripts.join('\n')}
</head>
<body>
${widget[0]}
</body>
</html>
`;
}

// The plain page: headline, meta line and paragraphs in the widget's own
// typography (same subset font files when the build has them, same sizes).
function plainPage(article, fonts) {
  const faces = fonts.map((f) => `@font-face { font-family: "${f.family}"; font-weight: ${f.weight}; src: url("${f.url}"); }`).join('\n');
  const date = (article.datePublished || '').slice(0, 10);
  const paragraphs = String(article.articleBody).split(/\n\s*\n|<p>|<br\s*\/?>\s*<br\s*\/?>/i)
    .map((p) => p.replace(/<[^>]*>/g, '').trim()).filter(Boolean);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.headline)}</title>
<style>
${faces}
body { margin: 0; background: #fff; color: #1a1a1a; }
article { max-width: 648px; margin: 0 auto; padding: 1rem 2rem 3rem; }
h1 { font: 700 36px/1.2 "AW Serif", "Noto Serif", serif; margin: 0 0 0.5em; }
.meta { font: 400 14px/1.45 "AW Sans", "Noto Sans", sans-serif; color: #5c5f66; margin: 0 0 2.2em; }
p { font: 400 18px/1.55 "AW Serif", "Noto Serif", serif; margin: 0 0 0.85em; }
</style>
</head>
<body>
<article>
<h1>${escapeHtml(article.headline)}</h1>
<p class="meta">${escapeHtml(article.articleSection || '')} · ${escapeHtml(date)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
</body>
</html>
`;
}

// Writes .gz/.br variants of a generated file, as the build would (the server prefers them).
function precompress(path) {
  const bytes = readFileSync(path);
  writeFileSync(path + '.gz', gzip9(bytes));
  writeFileSync(path + '.br', brotli11(bytes));
}

// Infinite scroll on one page: the demo page's widget script and an empty
// list that the bench fills, one widget at a time, as it scrolls.
function infinitePage(index) {
  const script = /<script\b[^>]*article-widget\.js[^>]*><\/script>/.exec(index);
  if (!script) throw new Error('dist/index.html has no article-widget.js script');
  return `<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>bench: infinite scroll</title>
<style>body { margin: 0 } article-widget { display: block; max-width: 900px; margin: 0 auto 40px }</style>
${script[0]}\n<main id="feed"></main>\n</html>\n`;
}

export function makeSite({ dist, baselineDir, out }) {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html missing: run scripts/build.sh`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(dist, out, { recursive: true });
  for (const f of ['index.html', 'index.js', 'index.wasm'])
    cpSync(join(baselineDir, f), join(out, 'bench-baseline', f));

  const files = walk(dist).map((p) => relative(dist, p));
  const distPrecompresses = (rel) => files.includes(rel + '.br') || files.includes(rel + '.gz');

  // The 100x article, compressed like the seed article is (or not).
  const seedJson = readFileSync(join(dist, SEED), 'utf8');
  writeFileSync(join(out, LONG), repeatedArticle(seedJson, REPEAT));
  if (distPrecompresses(SEED)) precompress(join(out, LONG));
  writeFileSync(join(out, RICH_LONG), repeatedRichArticle(readFileSync(join(dist, RICH), 'utf8'), REPEAT));
  if (distPrecompresses(SEED)) precompress(join(out, RICH_LONG));

  // Variants of the demo page: the 100x article, and the widget below the fold.
  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  const tag = /(<article-widget\b[^>]*?\bsrc=")([^"]*)(")/;
  if (!tag.test(index)) throw new Error('dist/index.html has no <article-widget src="…">');
  const variants = {
    'bench-long.html': index.replace(tag, `$1${LONG}$3`),
    'bench-rich.html': index.replace(tag, `$1${RICH}$3`),
    'bench-rich-long.html': index.replace(tag, `$1${RICH_LONG}$3`),
    'bench-offscreen.html': index.replace(/<article-widget\b/, '<div style="height:5000px" aria-hidden="true"></div>\n    $&'),
  };
  variants['bench-bare.html'] = barePage(index);
  variants['bench-infinite.html'] = infinitePage(index);
  for (const [name, html] of Object.entries(variants)) {
    writeFileSync(join(out, name), html);
    if (distPrecompresses('index.html')) precompress(join(out, name));
  }

  // The plain page uses the widget's font files when it can find them (names may carry content hashes).
  const wanted = [
    { re: /(^|\/)serif-regular[^/]*\.(ttf|otf|woff2?)$/, family: 'AW Serif', weight: 400 },
    { re: /(^|\/)serif-bold(\.[0-9a-f]+)?\.(ttf|otf|woff2?)$/, family: 'AW Serif', weight: 700 }, // not serif-bold-italic
    { re: /(^|\/)sans-regular[^/]*\.(ttf|otf|woff2?)$/, family: 'AW Sans', weight: 400 },
  ];
  const fonts = wanted.flatMap((w) => {
    const file = files.find((f) => w.re.test(f));
    return file ? [{ family: w.family, weight: w.weight, url: '/' + file.split('\\').join('/') }] : [];
  });
  writeFileSync(join(out, 'bench-plain.html'), plainPage(JSON.parse(seedJson), fonts));
  precompress(join(out, 'bench-plain.html'));
  return { plainFonts: fonts.length };
}
