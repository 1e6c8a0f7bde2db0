#pragma once
// A rasterised font atlas as bytes, so a returning reader's first picture
// skips rasterising (the shell keeps the bytes in the browser's Cache
// Storage). An entry names what it was built from (its key: every face's
// bytes, sizes, oversampling and glyph ranges, in the atlas's font order) and
// carries a checksum; restoring anything else, or anything damaged, fails and
// leaves the atlas to be built as usual.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace aw::ui::atlas_cache {

// The key of an atlas whose fonts were added (AddFont*) but not yet built.
std::string keyOf(const ImFontAtlas& atlas);

// A built atlas (alpha-8 pixels kept) and the key it was built with.
std::vector<unsigned char> save(const ImFontAtlas& atlas, const std::string& key);

// Fills an atlas whose fonts were added, as keyOf() saw them, from an entry of
// that key instead of building it. False, with the atlas untouched, for an
// entry of another key or one that is damaged.
bool restore(ImFontAtlas& atlas, std::string_view entry, const std::string& key);

} // namespace aw::ui::atlas_cache
