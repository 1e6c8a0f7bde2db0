#pragma once
// CSS sizes fonts by the em; Dear ImGui (stb_truetype) sizes them by the
// ascender-to-descender height. This reads a TrueType file's own ratio so a
// "18px" body in the widget matches 18px text in the page around it.
#include <optional>
#include <string_view>

namespace aw {

// (hhea.ascender - hhea.descender) / head.unitsPerEm, or nothing for a file
// that is not a readable TrueType/OpenType font.
std::optional<float> heightPerEm(std::string_view fontFile);

} // namespace aw
