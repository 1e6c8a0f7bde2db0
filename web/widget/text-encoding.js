// The text of a fetched page or feed in its own encoding. response.text()
// always reads UTF-8, and many sites (Russian-language ones especially) still
// serve windows-1251 or KOI8-R, saying so in the header, the XML declaration
// or a <meta>.

/** The bytes as text: the Content-Type's charset, else the document's own declaration, else UTF-8. */
export function decodeDocument(buffer, contentType) {
  const head = new TextDecoder('latin1').decode(buffer.slice(0, 1024));
  const declared = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1]
    ?? /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1]
    ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(buffer);
  } catch {
    return new TextDecoder('utf-8').decode(buffer); // a label the browser does not know
  }
}
