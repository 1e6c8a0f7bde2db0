// Which slice of a widget the canvas covers: the part of its box inside the
// browser's viewport (and inside the element itself when the host gave it a
// fixed height and it scrolls). Pure arithmetic on rectangles, CSS px.

/**
 * @param {DOMRect} box the widget's content box
 * @param {DOMRect} host the element
 * @param {number} viewportHeight window.innerHeight
 * @param {number} clientHeight the element's own height when it scrolls inside (0: page-like)
 * @param {boolean} laidOut whether the content has its real height yet
 * @returns {{width: number, height: number, top: number} | null} null: nothing to draw
 */
export function visibleSlice(box, host, viewportHeight, clientHeight, laidOut) {
  const visibleTop = Math.max(0, host.top);
  const visibleBottom = Math.min(viewportHeight, host.bottom);
  const width = Math.floor(box.width);
  // Before the first layout the box has its CSS min-height, so there is something to draw into.
  const boxHeight = Math.floor(box.height);
  const height = Math.max(0, Math.min(boxHeight, viewportHeight, clientHeight || Infinity));
  const top = Math.round(Math.min(Math.max(visibleTop - box.top, 0), Math.max(0, boxHeight - height)));
  if (visibleBottom <= box.top || visibleTop >= box.bottom || width === 0 || height === 0) {
    // Off screen nothing is drawn, except a one-pixel slice until the first layout: a widget
    // further down the page gets its real height and fires `ready` before it is seen.
    return laidOut || width === 0 ? null : { width, height: 1, top: 0 };
  }
  return { width, height, top };
}
