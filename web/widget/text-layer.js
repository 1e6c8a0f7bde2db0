// Mirrors the text the canvas draws into transparent DOM, positioned line by
// line over the glyphs (as PDF.js does for PDFs), so screen readers, find in
// page, selection and copy, translation and crawlers reach the article.

const TAGS = { heading: 'h1', meta: 'p', lead: 'p', paragraph: 'p', alert: 'p' };
const FAMILIES = {
  serif: ['AW Serif', '400'],
  'serif-bold': ['AW Serif', '700'],
  sans: ['AW Sans', '400'],
  'sans-bold': ['AW Sans', '700'],
};

let measureContext = null;
function measure(text, font) {
  measureContext ??= new OffscreenCanvas(1, 1).getContext('2d');
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

export function renderTextLayer(layer, semantics) {
  const fragment = document.createDocumentFragment();
  for (const block of semantics.blocks) {
    const el = document.createElement(TAGS[block.role] ?? 'p');
    el.className = block.role;
    if (block.role === 'alert') {
      el.setAttribute('role', 'alert');
      el.textContent = block.text;
      fragment.append(el);
      continue;
    }
    const [family, weight] = FAMILIES[block.font] ?? FAMILIES.sans;
    const font = `${weight} ${block.size}px "${family}"`;
    // Each block is a positioned box of its own, so the browser can skip the
    // ones out of view (content-visibility) and a long article stays cheap to scroll.
    const top = Math.min(...block.lines.map((l) => l[1]));
    const left = Math.min(...block.lines.map((l) => l[0]));
    const bottom = Math.max(...block.lines.map((l) => l[1] + l[3]));
    const right = Math.max(...block.lines.map((l) => l[0] + l[2]));
    Object.assign(el.style, { left: `${left}px`, top: `${top}px`, width: `${right - left}px`, height: `${bottom - top}px` });
    for (const [x, y, width, height, text] of block.lines) {
      const span = document.createElement('span');
      // The trailing space keeps words apart when lines are copied or read aloud.
      span.textContent = text + ' ';
      const s = span.style;
      s.font = font; // before lineHeight: the shorthand resets it
      s.left = `${x - left}px`;
      s.top = `${y - top}px`;
      s.height = s.lineHeight = `${height}px`;
      const natural = measure(text, font);
      if (natural > 0 && width > 0) s.transform = `scaleX(${width / natural})`;
      el.append(span);
    }
    fragment.append(el);
  }
  layer.replaceChildren(fragment);
}
