#pragma once
// Line breaking and vertical placement of text blocks, independent of any
// renderer: the UI supplies glyph advances, this computes where lines go.
// Results are kept so that a frame only looks up the lines it shows
// (scroll cost stays flat however long the article is).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aw {

using AdvanceFn = std::function<float(char32_t)>;

struct LineSpan {
    std::uint32_t begin = 0; // byte offsets into the block's text
    std::uint32_t end = 0;   // trailing spaces excluded
    float width = 0;
};

// Greedy breaking at spaces and after hyphens and dashes; a word wider than
// the line is broken between characters. No-break space (U+00A0) holds words
// together. Always returns at least one line for non-empty text.
std::vector<LineSpan> breakLines(std::string_view text, float maxWidth, const AdvanceFn& advance);

struct TextStyleMetrics {
    AdvanceFn advance;
    float lineHeight = 0;
};

struct TextBlock {
    std::string text;
    int style = 0;          // index into the styles given to layout()
    float spaceBefore = 0;  // gap above the block, in layout units
};

struct PlacedLine {
    std::uint32_t block = 0;
    std::uint32_t begin = 0, end = 0;
    float y = 0;      // top of the line box
    float width = 0;
};

class ColumnLayout {
public:
    void layout(const std::vector<TextBlock>& blocks, const std::vector<TextStyleMetrics>& styles, float width);

    float height() const { return height_; }
    // Top of each block (before its lines, after its spaceBefore), parallel to the blocks given.
    const std::vector<float>& blockTops() const { return blockTops_; }
    const std::vector<PlacedLine>& lines() const { return lines_; }
    // Half-open index range of the lines that intersect [top, bottom).
    std::pair<std::size_t, std::size_t> visibleLines(float top, float bottom) const;
    // Line box height of each placed line's style, parallel to lines().
    float lineHeight(const PlacedLine& line) const { return lineHeights_[line.block]; }

private:
    std::vector<PlacedLine> lines_;
    std::vector<float> lineHeights_; // per block
    std::vector<float> blockTops_;
    float height_ = 0;
};

} // namespace aw
