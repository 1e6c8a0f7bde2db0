// What a widget shows: the article and the News Line's feed, fetched as the
// page would, and the in-widget history of articles opened from the News Line.
import { articleFromHtml, pageMessages } from './article-page.js';
import { toJsonFeed } from './feed-formats.js';
import { decodeDocument } from './text-encoding.js';

/** The article's bytes, or the two lines of an error the widget shows instead, as messages: [id, args]. */
export async function fetchArticle(src) {
  const url = new URL(src, document.baseURI);
  let response;
  try {
    response = await fetch(url);
  } catch {
    // A page of another site fails here too when that site does not allow reading it (CORS).
    if (url.origin !== location.origin) return { error: [pageMessages.title, pageMessages.crossOrigin(url)] };
    return { error: [['error.not-loaded'], ['error.unreachable', { path: url.pathname }]] };
  }
  if (!response.ok) {
    return {
      status: response.status,
      error: [['error.not-loaded'], ['error.status', { status: `${response.status}${response.statusText ? ' ' + response.statusText : ''}`, path: url.pathname }]],
    };
  }
  // An HTML article page: its JSON-LD and, where that has no articleBody, its markup (article-page.js).
  const type = response.headers.get('content-type') ?? '';
  if (/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type))
    return articleFromHtml(decodeDocument(await response.arrayBuffer(), type), response.url || url.href, pageMessages.page(url.pathname));
  return { bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** The feed as JSON Feed text (RSS and Atom converted); throws with the reason when there is none to show. */
export async function fetchFeed(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  const type = response.headers.get('content-type');
  return toJsonFeed(decodeDocument(await response.arrayBuffer(), type), type, response.url || url.href);
}

// The articles opened inside one widget, for its "Back to" link.
export class History {
  constructor() { this.entries = []; }
  push(src, headline) { this.entries.push({ src, headline }); }
  pop() { return this.entries.pop(); }
  get previous() { return this.entries[this.entries.length - 1]; }
}
