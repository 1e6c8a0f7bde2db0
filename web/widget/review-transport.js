// The reviews' way to and from the endpoint named by the `reviews` attribute.
// The outbox on the wasm side decides what to send and when; this sends,
// lists, wakes it at the time it asks for, and hands every answer back.

// A v4 UUID, the review's idempotency key. randomUUID needs a secure context; file:// may not be one.
export function newIdentifier() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class ReviewTransport {
  // endpoint(): the attribute's URL now; answer(name, strings, ...numbers): a call into the widget;
  // submitted(detail): a review the server took.
  constructor({ endpoint, answer, submitted }) {
    this.endpoint = endpoint;
    this.answer = answer;
    this.submitted = submitted;
    this.timer = 0;
  }

  url(query = '') { return new URL(this.endpoint() + query, document.baseURI); }

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

  async list(item) {
    try {
      const response = await fetch(this.url(`?item=${encodeURIComponent(item)}`));
      if (response.ok) this.answer('_aw_reviews_list', [await response.text()]);
    } catch {
      // Offline: the list shows the reader's own pending reviews until the next visit.
    }
  }

  wakeAt(at) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.answer('_aw_reviews_pump', []), Math.max(0, at - Date.now()));
  }

  stop() { clearTimeout(this.timer); }
}
