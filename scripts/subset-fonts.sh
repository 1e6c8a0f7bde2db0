#!/usr/bin/env bash
# Cuts the Debian Noto fonts down to the scripts the widget shows (Latin with
# Latin Extended, incl. Azerbaijani; Cyrillic, Georgian and Armenian in faces
# of their own, under scripts/), without hinting or OpenType layout tables
# that Dear ImGui's rasteriser does not use.
set -euo pipefail
out=${1:?usage: subset-fonts.sh OUTDIR}
mkdir -p "$out"
src=/usr/share/fonts/truetype/noto
protocol=src/core/Protocol.h
latin="U+0020-007E,U+00A0-017F,U+018F,U+0218-021B,U+0259,U+0300-0301,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2193,U+FFFD"
cyrillic=$(grep -oE 'kCyrillic\[\] = "[^"]*"' "$protocol" | sed -E 's/.*"([^"]*)"/\1/')
[ -n "$cyrillic" ] || { echo "subset-fonts.sh: no kCyrillic in $protocol" >&2; exit 1; }
subset() { # face file unicodes
  local dest="$out/$1.ttf"
  [ "$dest" -nt "$0" ] && [ "$dest" -nt "$src/$2" ] && [ "$dest" -nt "$protocol" ] && return 0
  pyftsubset "$src/$2" --unicodes="$3" --layout-features='' --no-hinting --desubroutinize \
    --drop-tables+=GSUB,GPOS,GDEF,DSIG --name-IDs='1,2' --output-file="$dest"
}
# The four faces every widget loads: Latin only. Cyrillic is a script face (below).
subset serif-regular NotoSerif-Regular.ttf "$latin"
subset serif-bold NotoSerif-Bold.ttf "$latin"
subset sans-regular NotoSans-Regular.ttf "$latin"
subset sans-bold NotoSans-Bold.ttf "$latin"
# Optional faces: fetched only by an article whose body has italic runs or quotes; with their
# Cyrillic, as no script face extends them.
subset serif-italic NotoSerif-Italic.ttf "$latin,$cyrillic"
subset serif-bold-italic NotoSerif-BoldItalic.ttf "$latin,$cyrillic"

# The follow buttons' network icons, from Fork Awesome: only the glyphs drawn.
icons="$out/icons.ttf"
if ! [ "$icons" -nt "$0" ]; then
  pyftsubset /usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf \
    --unicodes="U+F001,U+F09A,U+F09E,U+F0C1,U+F0E1,U+F16A,U+F16D,U+F189,U+F232,U+F2C6,U+F2E1" \
    --layout-features='' --no-hinting --drop-tables+=GSUB,GPOS,GDEF,DSIG --name-IDs='1,2' --output-file="$icons"
fi

# Faces of other scripts (AW_SCRIPT_FACES in src/core/Protocol.h, read from it:
# each file and its script's unicode-range), fetched by a widget only when its
# content has such characters. Only the script's own letters: Latin, digits and
# punctuation come from the faces above, into which ImGui merges these. A script
# without a Noto face of its own (Cyrillic) is cut from the face it extends.
mkdir -p "$out/scripts"
grep -oE '"fonts/scripts/[a-z-]+\.ttf", [A-Za-z]+, "[^"]*", "[0-9]+", k[A-Za-z]+' "$protocol" | while read -r line; do
  file=$(sed -E 's/^"fonts\/scripts\/([a-z-]+)\.ttf".*/\1/' <<<"$line")
  const=$(sed -E 's/.*, (k[A-Za-z]+)$/\1/' <<<"$line")
  ranges=$(grep -oE "$const\[\] = \"[^\"]*\"" "$protocol" | sed -E 's/.*"([^"]*)"/\1/')
  IFS=- read -r script style weight <<<"$file" # georgian-serif-bold
  cap() { echo "${1^}"; }
  source_file="Noto$(cap "$style")$(cap "$script")-$(cap "$weight").ttf"
  [ -f "$src/$source_file" ] || source_file="Noto$(cap "$style")-$(cap "$weight").ttf"
  dest="$out/scripts/$file.ttf"
  [ "$dest" -nt "$0" ] && [ "$dest" -nt "$protocol" ] && continue
  pyftsubset "$src/$source_file" --unicodes="$ranges" --layout-features='' --no-hinting --desubroutinize \
    --drop-tables+=GSUB,GPOS,GDEF,DSIG --name-IDs='1,2' --output-file="$dest"
done
