// Which slice of a widget the canvas covers: the part of its box inside the
// browser's viewport (and inside the element itself when the host gave it a
// fixed height and it scrolls). Pure arithmetic on rectangles, CSS px.

/**
 * @param {DOMRect} box the widget's content box
 * @param {DOMRect} host the element
 * @param {number} viewportHeight window.innerHeight
 * @param {number} clientHeight the element's own height when it scrolls inside (0: page-like)
 * @param {boolean} laidOut whether the content has its real height yet
 * @param {boolean} near whether the widget is near the viewport (runtime.js): off screen, the
 *   slice nearest the view is drawn ahead then, and the band's edges watched from there
 * @returns {{width: number, height: number, top: number} | null} null: nothing to draw
 */
export function visibleSlice(box, host, viewportHeight, clientHeight, laidOut, near = false) {
  const visibleTop = Math.max(0, host.top);
  const visibleBottom = Math.min(viewportHeight, host.bottom);
  const width = Math.floor(box.width);
  // Before the first layout the box has its CSS min-height, so there is something to draw into.
  const boxHeight = Math.floor(box.height);
  const height = Math.max(0, Math.min(boxHeight, viewportHeight, clientHeight || Infinity));
  const top = Math.round(Math.min(Math.max(visibleTop - box.top, 0), Math.max(0, boxHeight - height)));
  if (visibleBottom <= box.top || visibleTop >= box.bottom || width === 0 || height === 0) {
    // Off screen nothing is drawn, except a one-pixel slice until the first layout: a widget
    // further down the page gets its real height and fires `ready` before it is seen. A widget
    // near the view draws the slice that will come into it first: once drawn, its band's edges
    // tell when to draw again, as for one in view (with nothing drawn, nothing would tell).
    if (width === 0) return null;
    if (!laidOut) return { width, height: 1, top: 0 };
    return near && height > 0 ? { width, height, top } : null;
  }
  return { width, height, top };
}

// The canvas is a band of the widget taller than the view, in the page's flow:
// the page scrolls it like the text around it, on the compositor, and the
// widget draws again only when the view comes within a quarter of its height
// of the band's edge (the compositor runs ahead of the main thread, so waiting
// for the edge itself would show a blank strip for a frame). The new band
// reaches further in the direction of travel: two thirds of its extra height
// ahead of the view, one third behind.
// A band is never taller than the GPU allows for a drawing buffer (maxRows)
// nor larger than BAND_MAX_PIXELS, whichever is smaller; when even the view
// is larger than that, the band is the visible slice, as before bands.
// 2^23 device px is 32 MiB of RGBA per copy (the picture shown, and the shared
// surface while drawing): a 412 px wide phone at DPR 2.625 keeps a band of
// 7,700 device rows (about 3 of its views), a 1280 px window at DPR 2 one of
// 3,300 rows (1.8 views), at DPR 1 the full 3 views.
export const BAND_MAX_PIXELS = 1 << 23;
const BAND_VIEWS = 3;
const LEAD = 0.25; // of the view's height: how close to the band's edge the view may come

/**
 * Where the band lies, in whole device pixels so the picture maps 1:1 at any pixel ratio.
 * @param {{width: number, height: number, top: number}} slice the visible slice (CSS px)
 * @param {number} boxHeight the widget's content height (CSS px)
 * @param {number} dpr
 * @param {number} maxRows the tallest drawing buffer the GPU takes (0: not known yet, the band is the slice)
 * @param {number} direction of travel: 1 down, -1 up, 0 unknown (the view in the middle)
 * @returns {{width: number, height: number, top: number, rows: number}} CSS px, and its device rows
 */
export function bandAround(slice, boxHeight, dpr, maxRows, direction = 0) {
  const widthPx = Math.round(slice.width * dpr);
  const viewRows = Math.round(slice.height * dpr);
  const boxRows = Math.max(viewRows, Math.ceil(boxHeight * dpr));
  const cap = Math.min(maxRows || viewRows, Math.floor(BAND_MAX_PIXELS / Math.max(1, widthPx)));
  const rows = Math.max(viewRows, Math.min(BAND_VIEWS * viewRows, boxRows, cap));
  const extra = rows - viewRows;
  const behind = direction > 0 ? Math.floor(extra / 3) : direction < 0 ? extra - Math.floor(extra / 3) : Math.floor(extra / 2);
  const topRow = Math.max(0, Math.min(Math.round(slice.top * dpr) - behind, boxRows - rows));
  return { width: slice.width, height: rows / dpr, top: topRow / dpr, rows };
}

// How close to the band's edge the view may come (0 when the band is the view).
const leadOf = (band, slice) => (band.height > slice.height ? LEAD * slice.height : 0);

/** Whether the band still holds the visible slice with room to spare (or up to the content's edge). */
export function bandCovers(band, slice, boxHeight, dpr) {
  if (!band || band.dpr !== dpr || band.width !== slice.width) return false;
  const bottom = slice.top + slice.height;
  if (slice.top < band.top || bottom > band.top + band.height) return false;
  const lead = leadOf(band, slice);
  return (slice.top - lead >= band.top || band.top <= 0) &&
    (bottom + lead <= band.top + band.height || band.top + band.height >= boxHeight);
}

// A pixel between the view's place when the band was drawn and the edges: an edge that only
// touches the view counts as crossed for the browser, and the band would be drawn again at once.
const EDGE_GAP = 1;

/**
 * The parts of the widget the view must not enter without a new band: from the top to `above`,
 * and from `below` to the end (null where the band reaches the content's edge). While the page
 * scrolls, the browser watches them (an IntersectionObserver), so no script runs per scroll step
 * to compare rectangles.
 * @param {{height: number, top: number}} band CSS px
 * @param {{height: number}} slice the visible slice it was drawn for
 * @param {number} boxHeight the widget's content height
 * @returns {{above: number | null, below: number | null}} CSS px from the widget's top
 */
export function bandEdges(band, slice, boxHeight) {
  const lead = leadOf(band, slice);
  const bottom = band.top + band.height;
  // A band that is the view itself has no room for the gap: the edge then lies halfway to it.
  const above = Math.max(band.top + lead - EDGE_GAP, band.top / 2);
  const below = Math.min(bottom - lead + EDGE_GAP, (bottom + boxHeight) / 2);
  return { above: band.top > 0 ? above : null, below: bottom < boxHeight ? below : null };
}
