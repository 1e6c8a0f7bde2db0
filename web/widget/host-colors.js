// Colours a host page gives the widget through CSS custom properties on (or
// above) the element, read when the theme is applied:
//   article-widget { --aw-accent: #0b6e4f; --aw-background: #fdfaf3; }
// Any CSS colour works; each comes back as 0xRRGGBB for the wasm side, or -1
// when unset or unreadable (the theme's own colour is kept).

let context = null;

function rgbOf(value) {
  value = value.trim();
  if (!value) return -1;
  context ??= new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
  // An invalid colour leaves fillStyle unchanged: try from two different starting points.
  context.fillStyle = '#000000';
  context.fillStyle = value;
  const a = context.fillStyle;
  context.fillStyle = '#ffffff';
  context.fillStyle = value;
  if (context.fillStyle !== a) return -1;
  context.clearRect(0, 0, 1, 1);
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, alpha] = context.getImageData(0, 0, 1, 1).data;
  if (alpha === 0) return -1; // transparent: the canvas is opaque, keep the theme's colour
  return (r << 16) | (g << 8) | b;
}

export function hostColors(element) {
  const style = getComputedStyle(element);
  return {
    accent: rgbOf(style.getPropertyValue('--aw-accent')),
    background: rgbOf(style.getPropertyValue('--aw-background')),
  };
}
