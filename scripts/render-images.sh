#!/usr/bin/env bash
# The demo articles' pictures, made at build time from the project's own SVG
# illustrations (assets/images/*.svg): each rendered by librsvg at two widths
# and encoded as WebP, so an article's image array offers a size for DPR 1 and 2.
set -euo pipefail
out=${1:?usage: render-images.sh OUTDIR}
mkdir -p "$out"
for svg in assets/images/*.svg; do
  name=$(basename "$svg" .svg)
  for width in 800 1600; do
    dest="$out/$name-$width.webp"
    [ "$dest" -nt "$svg" ] && [ "$dest" -nt "$0" ] && continue
    rsvg-convert --width="$width" --keep-aspect-ratio --format=png "$svg" --output="$out/$name-$width.png"
    cwebp -quiet -q 82 "$out/$name-$width.png" -o "$dest"
    rm -f "$out/$name-$width.png"
  done
done
