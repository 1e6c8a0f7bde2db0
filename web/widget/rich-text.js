// An HTML articleBody read as the widget's block list (BodyBlock in
// protocol.js): paragraphs, h2/h3 subheadings, quotes, list items and
// figures, with bold, italic and link runs. The browser's own HTML parser
// (DOMParser) reads it: a document it makes runs no script, loads nothing
// (no <img onerror>, no stylesheet) and repairs broken markup as any page
// would. Script, style, iframe and other embedded content are dropped; any
// other element is read as its text. The core checks every link and image
// URL again (core/ArticleBody.h), so this file decides only structure.
//
// Stable exports, for every path that brings HTML (article pages too):
//   bodyBlocks(html, baseURL)          -> BodyBlock[]
//   articleBlocks(newsArticle, baseURL) -> BodyBlock[] | null (a plain-text body: null)
//   facesUsed(blocks)                   -> the optional face keys the blocks need
import { BodyKind } from './protocol.js';

/** @typedef {import('./protocol.js').BodyBlock} BodyBlock */
/** @typedef {import('./protocol.js').BodyRun} BodyRun */

// Never read, not even as text: code, styles, embedded documents and media, forms.
const DROPPED = new Set(['script', 'style', 'iframe', 'noscript', 'template', 'object', 'embed', 'svg', 'math',
  'canvas', 'video', 'audio', 'form', 'button', 'input', 'select', 'textarea', 'head', 'link', 'meta', 'title',
  'frame', 'frameset', 'dialog', 'map']);
// Elements that end the text before them and start a block of their own.
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address',
  'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'dl', 'dt', 'dd', 'details', 'summary', 'center',
  'hgroup', 'fieldset', 'legend', 'picture', 'body']);
const ITALIC = new Set(['em', 'i', 'cite', 'dfn', 'var']);
const BOLD = new Set(['strong', 'b']);
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:']);
const MARKUP = /<\/?[a-z][^>]*>/i;

function absolute(value, baseURL, schemes) {
  if (!value) return '';
  try {
    const url = new URL(value.trim(), baseURL);
    return schemes.has(url.protocol) ? url.href : '';
  } catch {
    return '';
  }
}

function size(img, name) {
  const n = parseInt(img.getAttribute(name) ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

// The widest candidate of a srcset ("a.jpg 480w, b.jpg 960w"); the view picks by width only with sizes it knows.
function widestOfSrcset(srcset) {
  let best = '', bestW = -1;
  for (const entry of (srcset ?? '').split(',')) {
    const [url, descriptor = ''] = entry.trim().split(/\s+/);
    const w = parseInt(descriptor, 10) || 0;
    if (url && w > bestW) { best = url; bestW = w; }
  }
  return best;
}

const squash = (text) => text.replace(/\s+/g, ' ').trim();

class Reader {
  constructor(baseURL) {
    this.baseURL = baseURL;
    /** @type {BodyBlock[]} */
    this.blocks = [];
    this.current = null;
  }

  // The block being filled ends here (if it has any text).
  flush() {
    const c = this.current;
    this.current = null;
    if (c && c.runs.some((r) => r.text.trim())) this.blocks.push(c);
  }

  text(data, ctx) {
    if (!this.current) {
      if (!data.trim()) return;
      this.current = { kind: ctx.kind, runs: [] };
      if (ctx.kind === BodyKind.Item) Object.assign(this.current, ctx.item);
    }
    const run = { text: data };
    if (ctx.bold) run.b = true;
    if (ctx.italic) run.i = true;
    if (ctx.href) run.href = ctx.href;
    const last = this.current.runs[this.current.runs.length - 1];
    if (last && last.b === run.b && last.i === run.i && last.href === run.href) last.text += data;
    else this.current.runs.push(run);
  }

  figure(img, caption, credit) {
    this.flush();
    const src = absolute(img.getAttribute('src') || img.getAttribute('data-src') || widestOfSrcset(img.getAttribute('srcset')),
      this.baseURL, IMAGE_SCHEMES);
    if (!src) return;
    const block = { kind: BodyKind.Figure, src, alt: squash(img.getAttribute('alt') ?? ''), caption, credit };
    const width = size(img, 'width'), height = size(img, 'height');
    if (width && height) Object.assign(block, { width, height });
    this.blocks.push(block);
  }

  // A figure's words: its caption, and a credit when the publisher marks one (a class naming it, <small>, <cite>).
  readFigure(el) {
    const img = el.querySelector('img');
    const figcaption = el.querySelector('figcaption');
    let caption = '', credit = '';
    if (figcaption) {
      const copy = figcaption.cloneNode(true);
      const marked = copy.querySelector('[class*="credit" i], [class*="copyright" i], small, cite');
      if (marked) { credit = squash(marked.textContent); marked.remove(); }
      caption = squash(copy.textContent);
    }
    if (img) this.figure(img, caption, credit);
    else if (caption) this.text(caption, { kind: BodyKind.Paragraph });
    this.flush();
  }

  walk(node, ctx) {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) { this.text(child.data, ctx); continue; }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const tag = child.localName;
      if (DROPPED.has(tag) || child.hidden) continue;
      if (tag === 'br' || tag === 'hr') { this.flush(); continue; }
      if (tag === 'img') { this.figure(child, squash(child.getAttribute('title') ?? ''), ''); continue; }
      if (tag === 'figure') { this.readFigure(child); continue; }
      if (/^h[1-6]$/.test(tag)) {
        this.flush();
        this.walk(child, { ...ctx, kind: tag <= 'h2' ? BodyKind.Heading2 : BodyKind.Heading3, href: ctx.href });
        this.flush();
        continue;
      }
      if (tag === 'blockquote') {
        this.flush();
        this.walk(child, { ...ctx, kind: BodyKind.Quote });
        this.flush();
        continue;
      }
      if (tag === 'ul' || tag === 'ol') { this.list(child, ctx, tag === 'ol'); continue; }
      if (tag === 'li') { this.item(child, ctx, { ordered: false, number: 0, depth: (ctx.depth ?? 0) + 1 }); continue; }
      if (BLOCKS.has(tag)) {
        this.flush();
        // A table's cells are read row by row, apart.
        this.walk(child, tag === 'tr' ? { ...ctx, cell: true } : ctx);
        this.flush();
        continue;
      }
      const inner = { ...ctx };
      if (ITALIC.has(tag)) inner.italic = true;
      if (BOLD.has(tag)) inner.bold = true;
      if (tag === 'a') inner.href = absolute(child.getAttribute('href'), this.baseURL, LINK_SCHEMES) || undefined;
      if ((tag === 'td' || tag === 'th') && ctx.cell && this.current) this.text(' \u00B7 ', ctx);
      if (tag === 'q') this.text('\u201C', inner);
      this.walk(child, inner);
      if (tag === 'q') this.text('\u201D', inner);
    }
  }

  list(el, ctx, ordered) {
    this.flush();
    const depth = (ctx.depth ?? 0) + 1;
    let number = ordered ? parseInt(el.getAttribute('start') ?? '1', 10) || 1 : 0;
    for (const child of el.children) {
      if (child.localName !== 'li') { this.walk({ childNodes: [child] }, { ...ctx, depth }); continue; }
      const value = parseInt(child.getAttribute('value') ?? '', 10);
      if (ordered && Number.isFinite(value)) number = value;
      this.item(child, ctx, { ordered, number: ordered ? number : 0, depth });
      if (ordered) number++;
    }
    this.flush();
  }

  item(el, ctx, item) {
    this.flush();
    this.walk(el, { ...ctx, kind: BodyKind.Item, item, depth: item.depth });
    this.flush();
  }
}

/**
 * The blocks of an HTML article body; links and images resolved against baseURL.
 * @param {string} html @param {string|URL} baseURL @returns {BodyBlock[]}
 */
export function bodyBlocks(html, baseURL) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const reader = new Reader(String(baseURL));
  reader.walk(doc.body, { kind: BodyKind.Paragraph });
  reader.flush();
  return reader.blocks;
}

// The NewsArticle node of a JSON-LD document, as the core finds it (an @graph or an array).
// The node with the body: the document itself, or one inside its arrays and @graphs, nested as
// article-page.js nests a page's JSON-LD blocks (one @graph of the page's graphs).
function articleNode(doc, depth = 0) {
  if (!doc || typeof doc !== 'object' || depth > 8) return null;
  if (typeof doc.articleBody === 'string') return doc;
  const list = Array.isArray(doc) ? doc : Array.isArray(doc['@graph']) ? doc['@graph'] : [];
  for (const n of list) {
    const found = articleNode(n, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * The body blocks of a NewsArticle (the object, or its JSON text) when its
 * articleBody carries markup; null for a plain-text body (the core reads that
 * as it always has) or anything unreadable (the core says what is wrong).
 * Links resolve against the article's own absolute url when it has one, else baseURL.
 * @param {object|string} article @param {string|URL} baseURL @returns {BodyBlock[]|null}
 */
export function articleBlocks(article, baseURL) {
  let doc = article;
  if (typeof article === 'string') {
    // A document with no '<' anywhere (raw or JSON-escaped) has no markup to read: most articles
    // are plain text, and the core parses them anyway, so the shell does not parse them first.
    if (!/<|\\u003c/i.test(article)) return null;
    try { doc = JSON.parse(article); } catch { return null; }
  }
  const node = articleNode(doc);
  const body = node?.articleBody;
  if (typeof body !== 'string' || !MARKUP.test(body)) return null;
  // Only an absolute url names the publisher's page; a relative one is the site's own bookkeeping.
  const own = typeof node.url === 'string' && /^https?:\/\//i.test(node.url) ? node.url : '';
  const blocks = bodyBlocks(body, own || baseURL);
  return blocks.length ? blocks : null;
}

/** The optional face keys (protocol.js OptionalFaces) the blocks are drawn with. @param {BodyBlock[]} blocks */
export function facesUsed(blocks) {
  const keys = new Set();
  for (const b of blocks) {
    if (!b.runs || b.kind === BodyKind.Heading2 || b.kind === BodyKind.Heading3) continue;
    for (const r of b.runs) {
      // A quote is set in italic, and its italic runs upright.
      const italic = Boolean(r.i) !== (b.kind === BodyKind.Quote);
      if (italic) keys.add(r.b ? 'serif-bold-italic' : 'serif-italic');
    }
  }
  return [...keys];
}
