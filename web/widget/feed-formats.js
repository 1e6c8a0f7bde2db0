// The News Line's feed as publishers' CMSs make it: RSS 2.0 or Atom as well as
// JSON Feed. The format is told by the content type and the root element, not
// by the file name. XML is read with the browser's own XML parser; what comes
// out is the JSON Feed 1.1 the core reads (src/core/Feed.h), with item URLs
// resolved against the feed's URL and thumbnails kept as each item's `image`.

/** Every message of this module, in one place for the catalogs. */
export const feedMessages = {
  notAFeed: (what) => `it is neither RSS, Atom nor JSON Feed (${what})`,
  badXml: (reason) => `it is not well-formed XML: ${reason}`,
  htmlPage: 'it is an HTML page, not RSS, Atom or JSON Feed',
  rootElement: (name) => `its root element is <${name}>`,
  noItems: 'the RSS feed has no <channel>',
};

const ATOM = 'http://www.w3.org/2005/Atom';
const MEDIA = 'http://search.yahoo.com/mrss/';

/**
 * The feed's text as JSON Feed text. Throws an Error saying why when it is
 * none of the three formats.
 */
export function toJsonFeed(text, contentType, feedUrl) {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/json/.test(type) || (!/xml/.test(type) && start.startsWith('{'))) return text; // JSON Feed: the core reads it
  if (type === 'text/html' && !start.startsWith('<?xml')) throw new Error(feedMessages.htmlPage);
  if (!start.startsWith('<')) throw new Error(feedMessages.notAFeed(type ? `served as ${type}` : 'not JSON, not XML'));
  const doc = new DOMParser().parseFromString(start, 'application/xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(feedMessages.badXml(error.textContent.replace(/\s+/g, ' ').trim().slice(0, 200)));
  const root = doc.documentElement;
  let feed;
  if (root.localName === 'rss') feed = fromRss(root, feedUrl);
  else if (root.localName === 'feed' && root.namespaceURI === ATOM) feed = fromAtom(root, feedUrl);
  else throw new Error(feedMessages.notAFeed(feedMessages.rootElement(root.nodeName)));
  return JSON.stringify(feed);
}

// Children by local name (RSS has no namespace; its extensions have theirs).
const child = (el, name, ns = null) => [...el.children].find((c) => c.localName === name && c.namespaceURI === ns) ?? null;
const children = (el, name, ns = null) => [...el.children].filter((c) => c.localName === name && c.namespaceURI === ns);
const text = (el) => el?.textContent.trim() ?? '';

// Markup as plain text: RSS titles often carry escaped HTML or double-encoded
// entities ("&amp;#8217;"), Atom's type="html" always does. DOMParser makes an
// inert document: nothing in it loads or runs.
function htmlText(html) {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return doc.body.textContent.replace(/\s+/g, ' ').trim();
}

function resolve(url, base) {
  if (!url) return '';
  try { return new URL(url, base).href; } catch { return url; }
}

// A thumbnail, for later: media:content or media:thumbnail, else an image enclosure.
function thumbnail(item, base) {
  for (const m of [...children(item, 'content', MEDIA), ...children(item, 'thumbnail', MEDIA)]) {
    const medium = m.getAttribute('medium'), type = m.getAttribute('type') ?? '';
    if (m.getAttribute('url') && (m.localName === 'thumbnail' || medium === 'image' || type.startsWith('image/') || (!medium && !type)))
      return resolve(m.getAttribute('url'), base);
  }
  // RSS's <enclosure url type>, Atom's <link rel="enclosure" href type>.
  const enclosures = [
    ...children(item, 'enclosure').map((e) => [e, e.getAttribute('url')]),
    ...children(item, 'link', ATOM).filter((l) => l.getAttribute('rel') === 'enclosure').map((l) => [l, l.getAttribute('href')]),
  ];
  for (const [e, href] of enclosures)
    if (href && (e.getAttribute('type') ?? '').startsWith('image/')) return resolve(href, base);
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES = { ut: 0, utc: 0, gmt: 0, z: 0, est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7 };

/**
 * An RFC 822 date ("Sun, 24 Mar 2024 09:40:00 +0400", RSS's pubDate) as RFC
 * 3339 in the same offset ("2024-03-24T09:40:00+04:00"): the publisher's
 * calendar day stays the one they wrote. Undefined when unreadable.
 */
function rfc822ToRfc3339(value) {
  const m = /^\s*(?:[a-z]{3},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,3})?\s*$/i.exec(value ?? '');
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2].toLowerCase());
  if (month < 0) return undefined;
  let year = Number(m[3]);
  if (m[3].length === 2) year += year < 50 ? 2000 : 1900; // RFC 2822, 4.3
  let offset = '+00:00';
  if (m[7] && /^[+-]/.test(m[7])) offset = `${m[7].slice(0, 3)}:${m[7].slice(3)}`;
  else if (m[7]) {
    const hours = ZONES[m[7].toLowerCase()];
    if (hours === undefined) return undefined;
    offset = `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
  }
  const two = (n) => String(n).padStart(2, '0');
  return `${year}-${two(month + 1)}-${two(Number(m[1]))}T${two(Number(m[4]))}:${m[5]}:${m[6] ?? '00'}${offset}`;
}

function fromRss(root, feedUrl) {
  const channel = child(root, 'channel');
  if (!channel) throw new Error(feedMessages.noItems);
  const home = resolve(text(child(channel, 'link')), feedUrl);
  const items = children(channel, 'item').map((item, i) => {
    const url = resolve(text(child(item, 'link')), feedUrl);
    const entry = {
      id: text(child(item, 'guid')) || url || `${feedUrl}#item-${i + 1}`,
      url: url || undefined,
      title: htmlText(text(child(item, 'title'))) || undefined,
      summary: htmlText(text(child(item, 'description'))) || undefined,
      date_published: rfc822ToRfc3339(text(child(item, 'pubDate'))),
      image: thumbnail(item, feedUrl),
    };
    return entry;
  });
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: htmlText(text(child(channel, 'title'))) || new URL(feedUrl).host,
    home_page_url: home || undefined,
    feed_url: feedUrl,
    language: text(child(channel, 'language')) || undefined,
    items,
  };
}

// Atom's text constructs: type="text" (the default), "html" (escaped markup) or "xhtml" (a <div> of markup).
function atomText(el) {
  if (!el) return '';
  const type = el.getAttribute('type') ?? 'text';
  if (type === 'html') return htmlText(el.textContent);
  return el.textContent.replace(/\s+/g, ' ').trim();
}

// xml:base on the element or its ancestors, resolved down from the feed's URL.
function atomBase(el, feedUrl) {
  const chain = [];
  for (let e = el; e && e.nodeType === 1; e = e.parentNode) chain.unshift(e.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'base'));
  return chain.reduce((base, b) => (b ? resolve(b, base) : base), feedUrl);
}

function atomLink(el, feedUrl) {
  const links = children(el, 'link', ATOM);
  const link = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? null;
  return link ? resolve(link.getAttribute('href'), atomBase(link, feedUrl)) : '';
}

function fromAtom(root, feedUrl) {
  const items = children(root, 'entry', ATOM).map((entry, i) => {
    const url = atomLink(entry, feedUrl);
    return {
      id: text(child(entry, 'id', ATOM)) || url || `${feedUrl}#entry-${i + 1}`,
      url: url || undefined,
      title: atomText(child(entry, 'title', ATOM)) || undefined,
      summary: atomText(child(entry, 'summary', ATOM) ?? child(entry, 'content', ATOM)) || undefined,
      date_published: text(child(entry, 'published', ATOM)) || text(child(entry, 'updated', ATOM)) || undefined,
      image: thumbnail(entry, atomBase(entry, feedUrl)),
    };
  });
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: atomText(child(root, 'title', ATOM)) || new URL(feedUrl).host,
    home_page_url: atomLink(root, feedUrl) || undefined,
    feed_url: feedUrl,
    language: root.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang') || undefined,
    items,
  };
}
