// Mirrors the text the canvas draws into transparent DOM, positioned line by
// line over the glyphs (as PDF.js does for PDFs), so screen readers, find in
// page, selection and copy, translation and crawlers reach the article.

import { Faces, OptionalFaces, Role } from './protocol.js';

/** @typedef {import('./protocol.js').SemanticsMessage} SemanticsMessage */
/** @typedef {import('./protocol.js').Block} Block */

const TAGS = {
  [Role.Heading]: 'h1', [Role.Meta]: 'p', [Role.Lead]: 'p', [Role.Paragraph]: 'p', [Role.Alert]: 'p',
  [Role.Subheading]: 'h2', [Role.Minorheading]: 'h3', [Role.Quote]: 'p', [Role.Item]: 'li', [Role.Figure]: 'figure',
};
const FACES = new Map([...Faces, ...OptionalFaces].map((f) => [f.key, f]));
// The elements a copy or print keeps apart as blocks of text.
const TEXT_BLOCKS = 'h1, h2, h3, p, li, figcaption';

export function cssFont(key, size) {
  const { family, weight, style = 'normal' } = FACES.get(key) ?? FACES.get('sans');
  return `${style} ${weight} ${size}px "${family}"`;
}

let measureContext = null;
// Stretches the browser's glyphs to the drawn line's width (ImGui has no kerning).
export function fitToWidth(span, text, font, width) {
  measureContext ??= new OffscreenCanvas(1, 1).getContext('2d');
  measureContext.font = font;
  const natural = measureContext.measureText(text).width;
  const chars = [...text].length;
  if (natural > 0 && width > 0 && chars > 0) span.style.letterSpacing = `${((width - natural) / chars).toFixed(3)}px`;
}

// Blocks go into plain <div>s of this many, and those into <div>s of as many
// groups: a pointer over the layer (and each scroll moves what is under it) is
// then hit-tested against a few dozen boxes rather than every paragraph, or
// every group, of a long article (the browser skips a box the point is not in).
const BLOCKS_PER_GROUP = 16;
const GROUPS_PER_SET = 16;

// Copying: the browser would put a line break at the end of every drawn line
// (each is a block). The copy is the selected text as written instead, with a
// blank line between blocks: as plain text (list items with their bullet or
// number) and as HTML with the blocks' own elements, lists as lists and
// links as links.
const escape = (t) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// The part of `block` inside `range`: its text, and its HTML with the links kept.
function selectedPart(block, range) {
  const part = document.createRange();
  part.selectNodeContents(block);
  if (block.contains(range.startContainer)) part.setStart(range.startContainer, range.startOffset);
  if (block.contains(range.endContainer)) part.setEnd(range.endContainer, range.endOffset);
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let html = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!part.intersectsNode(node)) continue;
    const from = node === part.startContainer ? part.startOffset : 0;
    const to = node === part.endContainer ? part.endOffset : node.data.length;
    const text = escape(node.data.slice(from, to));
    const link = node.parentElement.closest('a');
    html += link ? `<a href="${escape(link.href)}">${text}</a>` : text;
  }
  return { text: part.toString().trim(), html: html.trim() };
}

export function copyAsWritten(layer) {
  layer.addEventListener('copy', (e) => {
    const [selected] = getSelection().getComposedRanges?.({ shadowRoots: [layer.getRootNode()] }) ?? [];
    if (!selected || selected.collapsed) return;
    const range = document.createRange();
    range.setStart(selected.startContainer, selected.startOffset);
    range.setEnd(selected.endContainer, selected.endOffset);
    // A selection that runs on into the form or the reviews is copied the browser's way.
    if (!layer.contains(range.commonAncestorContainer)) return;
    const texts = [];
    let html = '', list = null;
    for (const block of layer.querySelectorAll(TEXT_BLOCKS)) {
      if (!range.intersectsNode(block)) continue;
      const { text, html: inner } = selectedPart(block, range);
      if (!text) continue;
      const tag = block.localName;
      const inList = tag === 'li' ? block.parentElement.localName : null;
      if (list && inList !== list) { html += `</${list}>`; list = null; }
      if (inList && !list) { html += `<${inList}>`; list = inList; }
      texts.push(tag === 'li' ? `${block.dataset.marker} ${text}` : text);
      html += block.closest('blockquote') ? `<blockquote><p>${inner}</p></blockquote>` : `<${tag}>${inner}</${tag}>`;
    }
    if (list) html += `</${list}>`;
    if (!texts.length) return;
    e.clipboardData.setData('text/plain', texts.join('\n\n'));
    e.clipboardData.setData('text/html', html);
    e.preventDefault();
  });
}

/** A block's text as written, from its drawn lines. @param {Block} block */
export function blockText(block) {
  return block.lines.map(({ text, spaced }) => (spaced ? `${text} ` : text)).join('');
}

// One drawn line's text: as it is, or in its parts (faces, links) each fitted to its drawn width.
function lineContent(span, line, font, size, previousHref) {
  const { text, width, spaced, parts } = line;
  if (!parts) {
    // A space keeps words apart when lines are read aloud or copied; a line
    // that ends inside a word ("three-|day") gets none.
    span.textContent = spaced ? `${text} ` : text;
    fitToWidth(span, text, font, width);
    return null;
  }
  let href = null;
  parts.forEach((part, i) => {
    const el = document.createElement(part.href ? 'a' : 'span');
    el.className = 'part';
    el.textContent = part.text;
    if (part.href) {
      el.href = part.href;
      el.target = '_blank';
      el.rel = 'noopener noreferrer';
      // A link broken over two lines is one stop for the keyboard: its first part.
      if (i === 0 && part.href === previousHref) el.tabIndex = -1;
    }
    const partFont = cssFont(part.face, size);
    el.style.font = partFont;
    fitToWidth(el, part.text, partFont, part.width);
    span.append(el);
    href = part.href ?? null;
  });
  if (spaced) span.append(' ');
  return href;
}

// Blocks that belong together in one element: a quote's paragraphs, a list's items.
function wrapperOf(block) {
  if (block.role === Role.Quote) return 'blockquote';
  if (block.role === Role.Item) return block.ordered ? 'ol' : 'ul';
  return null;
}

/** @param {HTMLElement} layer @param {SemanticsMessage} semantics */
export function renderTextLayer(layer, semantics) {
  const fragment = document.createDocumentFragment();
  let set = null, inSet = 0, group = null, inGroup = 0, wrapper = null;
  let flowY = 0; // bottom of the previous block, in content px
  const place = (el, wrap) => {
    if (wrap && wrapper?.localName === wrap) { wrapper.append(el); return; }
    wrapper = null;
    if (!group || inGroup === BLOCKS_PER_GROUP) {
      if (!set || inSet === GROUPS_PER_SET) {
        set = fragment.appendChild(Object.assign(document.createElement('div'), { className: 'groups' }));
        inSet = 0;
      }
      group = set.appendChild(Object.assign(document.createElement('div'), { className: 'group' }));
      inSet++;
      inGroup = 0;
    }
    inGroup++;
    if (!wrap) { group.append(el); return; }
    wrapper = group.appendChild(document.createElement(wrap));
    if (wrap !== 'blockquote') wrapper.setAttribute('role', 'list'); // lists without bullets keep their role
    wrapper.append(el);
  };
  for (const block of semantics.blocks) {
    const el = document.createElement(TAGS[block.role] ?? 'p');
    el.className = block.role;
    if (block.role === Role.Alert) {
      el.setAttribute('role', 'alert');
      el.textContent = block.text;
      fragment.append(el);
      continue;
    }
    const font = cssFont(block.face, block.size);
    // Blocks and lines are in normal flow, not each absolutely positioned:
    // thousands of positioned boxes would each be a paint layer that every
    // pointer move has to hit-test, which made long articles slow to scroll.
    const before = flowY;
    let lines = el, top, left;
    if (block.picture) {
      const { x, y, width, height, alt } = block.picture;
      const picture = el.appendChild(document.createElement('div'));
      picture.className = 'picture';
      picture.setAttribute('role', 'img');
      picture.setAttribute('aria-label', alt || 'Picture');
      Object.assign(picture.style, { width: `${width}px`, height: `${height}px` });
      top = y;
      left = x;
      flowY = y + height;
      if (block.lines.length) {
        lines = el.appendChild(document.createElement('figcaption'));
        lines.style.marginTop = `${block.lines[0].y - flowY}px`;
      }
    } else {
      top = block.lines[0].y;
      left = Math.min(...block.lines.map((l) => l.x));
    }
    Object.assign(el.style, { marginTop: `${top - before}px`, marginLeft: `${left}px`, font });
    if (block.marker) el.dataset.marker = block.marker;
    if (block.ordered) el.value = parseInt(block.marker, 10);
    if (block.lines.length) {
      const last = block.lines[block.lines.length - 1];
      flowY = last.y + last.height;
    }
    let href = null;
    for (const line of block.lines) {
      const span = document.createElement('span');
      const s = span.style;
      s.height = s.lineHeight = `${line.height}px`;
      if (line.x !== left) s.marginLeft = `${line.x - left}px`;
      href = lineContent(span, line, font, block.size, href);
      lines.append(span);
    }
    place(el, wrapperOf(block));
  }
  layer.replaceChildren(fragment);
}
