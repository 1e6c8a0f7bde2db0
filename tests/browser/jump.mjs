// The page jumps to the n-th widget (scrollIntoView): in which animation frame does it draw?
// The frame it drew in is told by the timestamp the runtime's loop hands the widget, which is
// the animation frame's own (a draw outside a frame has a later one). Frames are counted by
// their timestamps: Chromium sometimes runs two rounds of animation callbacks under one frame's
// time, one display frame. Shared by the runtime test and the bench's many-widgets row.
// midScroll: the jump comes just after the frame of a small scroll step, while the page still
// counts as scrolling (well within a tick, runtime.js SCROLL_TICK_MS), in a task of its own as
// a key press would be.
export function jumpTo(page, n, { midScroll = false } = {}) {
  return page.evaluate(([n, midScroll]) => new Promise((resolve) => {
    const w = document.querySelectorAll('article-widget')[n];
    const jump = () => {
      const near = w.runtime.isNear(w), before = w.frameCount, t0 = performance.now();
      let drawnAt = null;
      const draw = w.drawFrame.bind(w);
      w.drawFrame = (now) => { draw(now); if (drawnAt === null && w.frameCount > before) drawnAt = now; };
      w.scrollIntoView({ block: 'start' });
      const stamps = [];
      const done = (frames) => { delete w.drawFrame; resolve({ near, drawnAt, stamps, frames, ms: drawnAt === null ? Infinity : drawnAt - t0 }); };
      const tick = (now) => {
        if (stamps.at(-1) !== now) stamps.push(now);
        if (drawnAt !== null && now >= drawnAt) done(stamps.filter((t) => t <= drawnAt).length);
        else if (stamps.length > 120) done(Infinity);
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    };
    if (!midScroll) return jump();
    addEventListener('scroll', () => requestAnimationFrame(() => setTimeout(jump)), { once: true });
    scrollBy(0, 40);
  }), [n, midScroll]);
}
