#!/usr/bin/env bash
# Installs everything the build and the tests need, and nothing twice:
# Debian packages, Dear ImGui's pinned source package, and the npm tools (bundler, browser tests).
# Safe to run on every build; a machine that has it all returns in about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

IMGUI_VERSION=1.90.1
IMGUI_DEB_VERSION=1.90.1+ds-1
IMGUI_ORIG_SHA256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
DEPS=.deps

APT_PACKAGES=(
  emscripten binaryen            # wasm toolchain and wasm-opt
  nlohmann-json3-dev doctest-dev # core parsing and unit tests
  libcpp-httplib-dev libsqlite3-dev sqlite3 # reference review endpoint; sqlite3 for tests
  libpq-dev postgresql          # the review endpoint on PostgreSQL; a throwaway cluster for tests
  wrk                           # the review endpoint's load bench
  fonts-noto-core fonts-fork-awesome fonttools # fonts, subset at build time
  brotli dpkg-dev xz-utils       # precompression; apt-get source
  chromium                       # browser tests and screenshots
  poppler-utils                  # pdftotext and pdftoppm: the print test reads the printed pages back
  librsvg2-bin webp              # the demo articles' pictures: SVG rendered and encoded as WebP at build time
  clang-14 libfuzzer-14-dev      # fuzz targets and the sanitizer build of the unit tests (tests/fuzz)
  cmake g++ make
)

log() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

need_update=0
[ ${#missing[@]} -gt 0 ] && need_update=1
if [ ! -d "$DEPS/imgui-$IMGUI_VERSION" ] && ! grep -rqs 'trixie' /etc/apt/sources.list.d/; then
  log "adding a deb-src entry for Debian trixie (Dear ImGui's source package)"
  as_root tee /etc/apt/sources.list.d/article-widget-trixie-src.sources >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi
if [ $need_update = 1 ]; then
  log "apt-get update"
  as_root apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -d "$DEPS/imgui-$IMGUI_VERSION" ]; then
  log "fetching Dear ImGui $IMGUI_DEB_VERSION source package"
  mkdir -p "$DEPS/download"
  ( cd "$DEPS/download" && apt-get source --download-only -qq "imgui=$IMGUI_DEB_VERSION" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true )
  orig="$DEPS/download/imgui_${IMGUI_VERSION}+ds.orig.tar.xz"
  echo "$IMGUI_ORIG_SHA256  $orig" | sha256sum -c --quiet - || { log "checksum mismatch for $orig"; exit 1; }
  tar -C "$DEPS" -xJf "$orig"
fi

# Emscripten must not see /usr/include, so header-only libraries get their own include root.
mkdir -p "$DEPS/include"
ln -sfn /usr/include/nlohmann "$DEPS/include/nlohmann"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
