// Mirrors the text the canvas draws into transparent DOM, positioned line by
// line over the glyphs (as PDF.js does for PDFs), so screen readers, find in
// page, selection and copy, translation and crawlers reach the article.

import { Faces, Role } from './protocol.js';

/** @typedef {import('./protocol.js').SemanticsMessage} SemanticsMessage */
/** @typedef {import('./protocol.js').Block} Block */

const TAGS = { [Role.Heading]: 'h1', [Role.Meta]: 'p', [Role.Lead]: 'p', [Role.Paragraph]: 'p', [Role.Alert]: 'p' };
const FACES = new Map(Faces.map((f) => [f.key, f]));

// The CSS font of a face key the C++ side sends ("serif-bold") at an em size.
export function cssFont(key, size) {
  const { family, weight } = FACES.get(key) ?? FACES.get('sans');
  return `${weight} ${size}px "${family}"`;
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

// Blocks go into plain <div>s of this many: a pointer over the layer (and
// each scroll moves what is under it) is then hit-tested against a few dozen
// boxes rather than every paragraph of a long article.
const BLOCKS_PER_GROUP = 16;

// Copying: the browser would put a line break at the end of every drawn line
// (each is a block). The copy is the selected text as written instead, with a
// blank line between paragraphs, as plain text and as HTML paragraphs.
export function copyAsWritten(layer) {
  layer.addEventListener('copy', (e) => {
    const [selected] = getSelection().getComposedRanges?.({ shadowRoots: [layer.getRootNode()] }) ?? [];
    if (!selected || selected.collapsed) return;
    const range = document.createRange();
    range.setStart(selected.startContainer, selected.startOffset);
    range.setEnd(selected.endContainer, selected.endOffset);
    // A selection that runs on into the form or the reviews is copied the browser's way.
    if (!layer.contains(range.commonAncestorContainer)) return;
    const paragraphs = [];
    for (const block of layer.querySelectorAll('h1, p')) {
      if (!range.intersectsNode(block)) continue;
      const part = document.createRange();
      part.selectNodeContents(block);
      if (block.contains(range.startContainer)) part.setStart(range.startContainer, range.startOffset);
      if (block.contains(range.endContainer)) part.setEnd(range.endContainer, range.endOffset);
      const text = part.toString().trim();
      if (text) paragraphs.push(text);
    }
    if (!paragraphs.length) return;
    const escape = (t) => t.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
    e.clipboardData.setData('text/plain', paragraphs.join('\n\n'));
    e.clipboardData.setData('text/html', paragraphs.map((t) => `<p>${escape(t)}</p>`).join(''));
    e.preventDefault();
  });
}

/** A block's text as written, from its drawn lines. @param {Block} block */
export function blockText(block) {
  return block.lines.map(({ text, spaced }) => (spaced ? `${text} ` : text)).join('');
}

/** @param {HTMLElement} layer @param {SemanticsMessage} semantics */
export function renderTextLayer(layer, semantics) {
  const fragment = document.createDocumentFragment();
  let group = null, inGroup = 0;
  let flowY = 0; // bottom of the previous block, in content px
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
    const top = block.lines[0].y;
    const left = Math.min(...block.lines.map((l) => l.x));
    const last = block.lines[block.lines.length - 1];
    Object.assign(el.style, { marginTop: `${top - flowY}px`, marginLeft: `${left}px`, font });
    flowY = last.y + last.height;
    for (const { x, width, height, text, spaced } of block.lines) {
      const span = document.createElement('span');
      // A space keeps words apart when lines are read aloud or copied; a line
      // that ends inside a word ("three-|day") gets none.
      span.textContent = spaced ? `${text} ` : text;
      const s = span.style;
      s.height = s.lineHeight = `${height}px`;
      if (x !== left) s.marginLeft = `${x - left}px`;
      fitToWidth(span, text, font, width);
      el.append(span);
    }
    if (!group || inGroup === BLOCKS_PER_GROUP) {
      group = fragment.appendChild(document.createElement('div'));
      inGroup = 0;
    }
    group.append(el);
    inGroup++;
  }
  layer.replaceChildren(fragment);
}
