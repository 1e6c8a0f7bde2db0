// The page jumps to the n-th widget (scrollIntoView): in which animation frame does it draw?
// The frame it drew in is told by the timestamp the runtime's loop hands the widget, which is
// the animation frame's own (a draw outside a frame has a later one). Shared by the runtime
// test and the bench's many-widgets row.
export function jumpTo(page, n) {
  return page.evaluate((n) => new Promise((resolve) => {
    const w = document.querySelectorAll('article-widget')[n];
    const near = w.runtime.isNear(w), before = w.frameCount, t0 = performance.now();
    let drawnAt = null;
    const draw = w.drawFrame.bind(w);
    w.drawFrame = (now) => { draw(now); if (drawnAt === null && w.frameCount > before) drawnAt = now; };
    w.scrollIntoView({ block: 'start' });
    const stamps = [];
    const done = (frames) => { delete w.drawFrame; resolve({ near, drawnAt, stamps, frames, ms: drawnAt === null ? Infinity : drawnAt - t0 }); };
    const tick = (now) => {
      stamps.push(now);
      if (drawnAt !== null && now >= drawnAt) done(stamps.filter((t) => t <= drawnAt).length);
      else if (stamps.length > 120) done(Infinity);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), n);
}
