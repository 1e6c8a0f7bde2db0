#pragma once
// The widget's typefaces, rasterised by Dear ImGui at device pixel size so
// text is crisp at any devicePixelRatio. The atlas only holds the glyphs in use
// (ASCII and every character of the content; common Latin and Cyrillic for
// typing once the reader may type),
// which keeps it small even at a ratio of 3.
#include "Protocol.h"
#include "Theme.h"

#include <imgui.h>

#include <array>
#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

namespace aw::ui {

using protocol::Face;
// The face a role is drawn with.
Face faceOf(Role role);
// Its key as the shell's transparent text names it ("serif-bold"), so the
// browser's copy of a line uses the same font file.
inline const char* faceKey(Role role) { return protocol::faceKey(faceOf(role)); }

class Fonts {
public:
    // TTF bytes of one face, handed over by the platform layer as they arrive.
    void setFace(Face face, std::vector<unsigned char> ttf);
    bool hasAllFaces() const;

    // Registers text the views will draw so the atlas holds its characters.
    // Headlines and section headings are drawn large, so each large face only
    // holds its own characters.
    enum class Usage { Text, Headline, Section };
    void addText(std::string_view utf8, Usage usage = Usage::Text);
    // Adds what readers may type (Latin incl. Latin-1 and Azerbaijani, Cyrillic)
    // from the next rebuild on. Left out of the first atlas: those glyphs were
    // a large share of the rasterising before the first picture.
    void enableTyping();

    // Rebuilds the atlas when the scale, the sizes or the glyph set changed.
    // Returns true when it did: the GPU texture must then be uploaded again.
    bool update(const Typography& type, float scale);

    ImFont* get(Role role) const { return fonts_[static_cast<int>(role)]; }
    // Em size of a role in device pixels: the CSS font-size times the scale.
    // (ImFont::FontSize is larger: ImGui measures ascender to descender.)
    float size(Role role) const { return sizes_[static_cast<int>(role)]; }
    // Changes on every rebuild, so layouts measured with old glyphs are redone.
    unsigned generation() const { return generation_; }
    // Changes only when glyph sizes change (faces, type sizes, pixel ratio).
    // A rebuild that merely adds glyphs leaves the advances of those already
    // there alone, so text whose characters were registered before its first
    // layout keeps its lines.
    unsigned metricsGeneration() const { return metricsGeneration_; }
    // Characters of the content that the faces do not have (drawn as U+FFFD).
    const std::set<char32_t>& missing() const { return missing_; }

private:
    std::array<std::vector<unsigned char>, static_cast<int>(Face::Count)> faces_;
    std::array<float, static_cast<int>(Face::Count)> heightPerEm_{};
    std::array<ImFont*, static_cast<int>(Role::Count)> fonts_{};
    std::array<float, static_cast<int>(Role::Count)> sizes_{};
    std::set<char32_t> textChars_, headlineChars_, sectionChars_, missing_;
    bool charsChanged_ = true;
    bool typing_ = false;
    ImVector<ImWchar> uiRanges_, bodyRanges_, headlineRanges_, sectionRanges_, iconRanges_; // must outlive the atlas build
    float builtScale_ = 0;
    std::array<float, static_cast<int>(Role::Count)> builtEms_{}; // CSS em sizes of the last build
    unsigned generation_ = 0;
    unsigned metricsGeneration_ = 0;
};

} // namespace aw::ui
