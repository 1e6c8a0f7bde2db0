// The reviews' way to and from the endpoint named by the `reviews` attribute.
// The outbox on the wasm side decides what to send and when; this sends,
// lists (page by page), fetches the summary, sends reports, wakes it at the
// time it asks for, and hands every answer back.

// A v4 UUID, the review's idempotency key. randomUUID needs a secure context; file:// may not be one.
export function newIdentifier() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// The absolute URL of the page after this one, from `Link: <…>; rel="next"`; '' when this is the last.
export function nextPage(response) {
  for (const part of (response.headers.get('Link') ?? '').split(',')) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (m && /(^|;)\s*rel="?next"?\s*(;|$)/i.test(m[2])) return new URL(m[1], response.url).href;
  }
  return '';
}

// Reviews per page: the first page comes with the article, each "Show more reviews" brings the next.
// Twenty fill a phone screen several times over and keep the first list cheap to lay out.
export const PAGE_SIZE = 20;

export class ReviewTransport {
  // endpoint(): the attribute's URL now; answer(name, strings, ...numbers): a call into the widget;
  // submitted(detail): a review the server took.
  constructor({ endpoint, answer, submitted }) {
    this.endpoint = endpoint;
    this.answer = answer;
    this.submitted = submitted;
    this.timer = 0;
  }

  // The endpoint, or a path under it ('/summary', '/ID/report'), with a query.
  url(path = '', query = '') { return new URL(this.endpoint().replace(/\/+$/, '') + path + query, document.baseURI); }

  // Sends one review from the outbox. Any answer, or none, goes back to the outbox.
  async post(identifier, body) {
    let status = 0, text = '';
    try {
      const response = await fetch(this.url(), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        signal: AbortSignal.timeout(20000),
      });
      status = response.status;
      text = await response.text();
    } catch {
      status = 0; // offline, refused, timed out: the outbox retries
    }
    this.answer('_aw_review_result', [identifier, text], status);
    if (status >= 200 && status < 300) this.submitted({ identifier, status });
  }

  // A page of the list: the first, or `page`, the URL a previous page named as next
  // (its Link: <…>; rel="next" header). `fresh`: revalidate instead of taking a cached copy.
  async list(item, page = '', fresh = false) {
    const more = page ? 1 : 0;
    try {
      const url = page ? new URL(page) : this.url('', `?item=${encodeURIComponent(item)}&limit=${PAGE_SIZE}`);
      if (url.origin !== this.url().origin) throw new Error(`the next page is elsewhere: ${url.origin}`);
      const response = await fetch(url, { cache: fresh ? 'no-cache' : 'default' });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const text = await response.text();
      this.answer('_aw_reviews_list', [text, nextPage(response)], more);
    } catch (e) {
      // Offline: the list shows the reader's own pending reviews until the next visit; a page more can be asked again.
      if (more) {
        console.warn(`[article-widget] more reviews could not be loaded: ${e.message}`);
        this.answer('_aw_reviews_page_failed', []);
      }
    }
  }

  // The average and the distribution; without them (an endpoint without /summary, an error) none is shown.
  async summary(item, fresh = false) {
    try {
      const response = await fetch(this.url('/summary', `?item=${encodeURIComponent(item)}`), { cache: fresh ? 'no-cache' : 'default' });
      if (response.ok) this.answer('_aw_reviews_summary', [await response.text()]);
    } catch {
      // Offline: no summary.
    }
  }

  // A reader's report of a review; the status (0: no answer) goes back to the report step.
  async report(identifier, body) {
    let status = 0;
    try {
      const response = await fetch(this.url(`/${encodeURIComponent(identifier)}/report`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        signal: AbortSignal.timeout(20000),
      });
      status = response.status;
    } catch {
      status = 0;
    }
    this.answer('_aw_report_result', [identifier], status);
  }

  wakeAt(at) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.answer('_aw_reviews_pump', []), Math.max(0, at - Date.now()));
  }

  stop() { clearTimeout(this.timer); }
}
