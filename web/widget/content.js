// What a widget shows: the article and the News Line's feed, fetched as the
// page would, and the in-widget history of articles opened from the News Line.

/** The article's bytes, or the two lines of an error the widget shows instead, as messages: [id, args]. */
export async function fetchArticle(src) {
  const url = new URL(src, document.baseURI);
  let response;
  try {
    response = await fetch(url);
  } catch {
    return { error: [['error.not-loaded'], ['error.unreachable', { path: url.pathname }]] };
  }
  if (!response.ok) {
    return {
      status: response.status,
      error: [['error.not-loaded'], ['error.status', { status: `${response.status}${response.statusText ? ' ' + response.statusText : ''}`, path: url.pathname }]],
    };
  }
  return { bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** The feed's text; throws with the reason when there is none to show. */
export async function fetchFeed(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return response.text();
}

// The articles opened inside one widget, for its "Back to" link.
export class History {
  constructor() { this.entries = []; }
  push(src, headline) { this.entries.push({ src, headline }); }
  pop() { return this.entries.pop(); }
  get previous() { return this.entries[this.entries.length - 1]; }
}
