// The article as publishers already publish it: an ordinary HTML page (src
// naming a page), or the markup inside <article-widget> itself. Both become
// the JSON-LD document a JSON src is: the page's NewsArticle JSON-LD blocks,
// gathered into one @graph (the core resolves its @id references, see
// src/core/JsonLd.h), with an articleBody taken from the markup where the
// JSON-LD has none. The body is HTML; the core reads its blocks.
import { Readability } from '@mozilla/readability';

/** Every message of this module, in one place for the catalogs. */
// What the reader is told, as catalog messages ([id, args], web/widget/locales/*.po);
// `where` is itself one (pageMessages.page or .inline). The console's note stays English.
export const pageMessages = {
  title: ['error.not-loaded'],
  page: (path) => ['error.page.where', { path }],
  inline: ['error.page.where-inline'],
  noJsonLd: (where) => ['error.page.no-jsonld', { where }],
  noArticle: (where, types) => ['error.page.no-article', { where, types: types || 'none' }],
  emptyBody: (where) => ['error.page.empty-body', { where }],
  noInline: ['error.inline.none'],
  noInlineHeadline: ['error.inline.no-headline'],
  crossOrigin: (url) => ['error.page.cross-origin', { href: url.href, origin: url.origin }],
  badJsonLd: (n, reason) => `[article-widget] JSON-LD block ${n} of the page skipped: ${reason}`,
};

// Site furniture that is never article text. Readability drops much of it but
// keeps, for instance, an ad label inside the body or a newsletter box beside
// it; these go first. Class and id words are matched whole ("ad-slot",
// "related_posts", not "shadow" or "loaded").
const FURNITURE_ELEMENTS = 'script, style, template, noscript, iframe, nav, aside, footer, form, button, input, select, textarea, dialog, '
  + '[role="navigation"], [role="complementary"], [role="contentinfo"], [role="banner"], [role="search"], [role="dialog"], '
  + '[aria-label="Advertisement" i], [hidden]';
const FURNITURE_WORDS = /^(ads?|adv|advert\w*|adsbygoogle|banner|sponsor\w*|promo\w*|newsletter\w*|subscri\w*|signup|paywall|related|recommended|more-stories|share|sharing|social|comments?|respond|breadcrumbs?|sidebar|widget-area|cookie\w*|outbrain|taboola|tags?-links|cat-links|entry-meta|byline)$/i;
// An element holding these is the article's container, whatever its class says.
const ARTICLE_HOLDERS = 'article, main, h1, [itemprop="articleBody"]';

function isFurnitureName(name) {
  const words = name.toLowerCase().split(/\s+/).filter(Boolean);
  // "ad-slot" -> "ad", "slot", and the whole token; "related_posts" -> "related", "posts".
  return words.some((w) => FURNITURE_WORDS.test(w) || w.split(/[-_]/).some((part) => FURNITURE_WORDS.test(part)));
}

/** Removes the site's furniture from a subtree (in place). */
function removeFurniture(root) {
  for (const el of [...root.querySelectorAll(FURNITURE_ELEMENTS)]) {
    if (el.isConnected && !el.querySelector(ARTICLE_HOLDERS)) el.remove();
  }
  for (const el of [...root.querySelectorAll('[class], [id]')]) {
    if (!el.isConnected || el.matches(ARTICLE_HOLDERS) || el.querySelector(ARTICLE_HOLDERS)) continue;
    if (isFurnitureName(`${el.getAttribute('class') ?? ''} ${el.id}`)) el.remove();
  }
}

// The JSON-LD blocks under root, as one list of documents (a bad block is skipped with a warning).
function jsonLdBlocks(root) {
  const blocks = [];
  const scripts = [...root.querySelectorAll('script')].filter((s) => /^application\/ld\+json\b/i.test(s.type.trim()));
  scripts.forEach((s, i) => {
    try {
      blocks.push(JSON.parse(s.textContent));
    } catch (e) {
      console.warn(pageMessages.badJsonLd(i + 1, e.message));
    }
  });
  return blocks;
}

// The nodes that describe a work with a headline (the article, and the odd
// WebPage that also has one): the body is attached to those that lack one, and
// the core picks the article among them.
function headlineNodes(value, out = []) {
  if (Array.isArray(value)) value.forEach((v) => headlineNodes(v, out));
  else if (value && typeof value === 'object') {
    if (value['@graph']) headlineNodes(value['@graph'], out);
    else if (typeof value.headline === 'string') out.push(value);
  }
  return out;
}

// The @types of a document's nodes, for a message.
function typeNames(value, out = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => typeNames(v, out));
  else if (value && typeof value === 'object') {
    if (value['@graph']) typeNames(value['@graph'], out);
    else [value['@type']].flat().forEach((t) => { if (typeof t === 'string') out.add(t); });
  }
  return [...out];
}

const hasBody = (node) => typeof node.articleBody === 'string' && node.articleBody.trim() !== '';

// The JSON-LD document for the core, or the reason there is none. bodyHtml()
// is asked only when a headline node has no articleBody.
function articleDocument(blocks, bodyHtml, where) {
  const nodes = headlineNodes(blocks);
  if (!blocks.length) return { error: [pageMessages.title, pageMessages.noJsonLd(where)] };
  if (!nodes.length) return { error: [pageMessages.title, pageMessages.noArticle(where, typeNames(blocks).join(', '))] };
  if (!nodes.some(hasBody)) {
    const body = bodyHtml();
    if (!body) return { error: [pageMessages.title, pageMessages.emptyBody(where)] };
    for (const node of nodes) node.articleBody = body;
  }
  return { json: { '@context': 'https://schema.org', '@graph': blocks } };
}

const encode = (json) => new TextEncoder().encode(JSON.stringify(json));

/**
 * The article of an HTML page fetched from pageUrl: { bytes } (a JSON-LD
 * document) or { error: [title, detail] }.
 */
export function articleFromHtml(html, pageUrl, where) {
  if (/^\s*[[{]/.test(html)) return { bytes: new TextEncoder().encode(html) }; // a JSON-LD file served as text/html
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Relative links and images in the body are the page's, not the embedding page's.
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.href = pageUrl;
    doc.head.prepend(base);
  }
  const result = articleDocument(jsonLdBlocks(doc), () => {
    removeFurniture(doc.body);
    let read = null;
    try {
      read = new Readability(doc, { keepClasses: false }).parse();
    } catch (e) {
      console.warn('[article-widget] the article extractor stopped:', e); // said to the reader as an empty body
    }
    if (!read || !read.textContent?.trim()) return '';
    // Readability keeps what its scoring keeps; the furniture pass runs again on its result.
    const body = new DOMParser().parseFromString(`<body>${read.content}</body>`, 'text/html').body;
    removeFurniture(body);
    for (const h1 of body.querySelectorAll('h1')) h1.remove(); // the page's headline: drawn from the JSON-LD
    return body.textContent.trim() ? body.innerHTML.trim() : '';
  }, where);
  return result.error ? result : { bytes: encode(result.json) };
}

// A minimal NewsArticle from the markup alone, for inline content without JSON-LD.
function articleFromMarkup(root) {
  const h1 = root.querySelector('h1');
  if (!h1) return [];
  const node = { '@type': 'NewsArticle', headline: h1.textContent.replace(/\s+/g, ' ').trim() };
  const time = root.querySelector('time[datetime]');
  if (time) node.datePublished = time.getAttribute('datetime');
  const author = root.querySelector('[rel~="author"], [itemprop="author"], .author');
  if (author) node.author = author.textContent.replace(/\s+/g, ' ').trim();
  return [node];
}

/** Whether the element holds an article of its own: markup, or a JSON-LD script. */
export function hasInlineArticle(element) {
  return [...element.children].some((c) => c.localName !== 'script' || /ld\+json/i.test(c.type));
}

/** Whether it holds markup a reader can read before the canvas draws (not only a script). */
export function hasInlineMarkup(element) {
  return [...element.children].some((c) => c.localName !== 'script' && c.textContent.trim() !== '');
}

/**
 * The article held as the element's own children: { bytes } or { error }. The
 * headline and its header are drawn from the metadata, so they are not body.
 */
export function articleFromElement(element) {
  const blocks = jsonLdBlocks(element);
  // An inert copy: nothing in it loads or runs, and the page's own markup stays as it is.
  const copy = document.implementation.createHTMLDocument('').body;
  for (const child of element.childNodes) copy.append(copy.ownerDocument.importNode(child, true));
  if (!blocks.length) blocks.push(...articleFromMarkup(copy));
  if (!blocks.length) return { error: [pageMessages.title, pageMessages.noInlineHeadline] };
  const result = articleDocument(blocks, () => {
    const root = copy.querySelector('article') ?? copy;
    const h1 = root.querySelector('h1');
    const header = h1?.closest('header');
    (header && root.contains(header) ? header : h1)?.remove();
    removeFurniture(root);
    return root.textContent.trim() ? root.innerHTML.trim() : '';
  }, pageMessages.inline);
  return result.error ? result : { bytes: encode(result.json) };
}
