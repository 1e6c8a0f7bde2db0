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

// A stretch of a block's text in one style (bold, italic: another face), up to byte offset `end`.
struct StyleRun {
    std::uint32_t end = 0;
    int style = 0;
};

// The same breaking for mixed runs: each character measured in its run's style.
std::vector<LineSpan> breakLines(std::string_view text, float maxWidth, const std::vector<StyleRun>& runs,
                                 const std::vector<TextStyleMetrics>& styles);

struct TextBlock {
    std::string text;
    int style = 0;          // index into the styles given to layout(): the line height, and the face without runs
    float spaceBefore = 0;  // gap above the block, in layout units
    std::vector<StyleRun> runs; // faces of parts of the text; empty: `style` throughout
    float indent = 0;       // the lines start this far in (quotes, list items) and are as much narrower
    float boxHeight = 0;    // room above the lines for what the view draws there (a figure's picture)
};

struct PlacedLine {
    std::uint32_t block = 0;
    std::uint32_t begin = 0, end = 0;
    float y = 0;      // top of the line box
    float width = 0;
    float x = 0;      // left of the line: the block's indent
};

class ColumnLayout {
public:
    void layout(const std::vector<TextBlock>& blocks, const std::vector<TextStyleMetrics>& styles, float width);

    float height() const { return height_; }
    // Top of each block (its box, then its lines; after its spaceBefore), parallel to the blocks given.
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
