#include "core/TextLayout.h"

#include "core/Utf8.h"

#include <algorithm>

namespace aw {
namespace {

bool isBreakAfter(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014 || cp == '/'; }

// Greedy breaking with `advance(cp, byteOffset)`; both public forms use it.
template <class Advance>
std::vector<LineSpan> breakWith(std::string_view text, float maxWidth, const Advance& advanceAt) {
    std::vector<LineSpan> lines;
    LineSpan line;           // the line being filled
    std::uint32_t breakAt = 0; // last place the line may end (byte offset), 0 = none yet
    float widthAtBreak = 0;
    std::uint32_t resumeAt = 0; // where the next line starts if we break at breakAt
    float x = 0;

    std::size_t i = 0;
    while (i < text.size()) {
        const std::uint32_t at = static_cast<std::uint32_t>(i);
        const char32_t cp = utf8::next(text, i);
        const std::uint32_t after = static_cast<std::uint32_t>(i);

        if (cp == '\n') {
            line.end = at;
            line.width = x;
            lines.push_back(line);
            line = LineSpan{after, after, 0};
            x = 0;
            breakAt = 0;
            continue;
        }
        if (cp == ' ') {
            const bool firstOfRun = at == 0 || text[at - 1] != ' ';
            if (firstOfRun && at > line.begin) { breakAt = at; widthAtBreak = x; resumeAt = after; }
            x += advanceAt(cp, at);
            continue;
        }
        const float w = advanceAt(cp, at);
        if (x + w > maxWidth && at > line.begin) {
            if (breakAt > line.begin) {
                line.end = breakAt;
                line.width = widthAtBreak;
                lines.push_back(line);
                // Skip the spaces that ended the line.
                std::size_t k = resumeAt;
                while (k < text.size() && text[k] == ' ') ++k;
                line = LineSpan{static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(k), 0};
                x = 0;
                // Re-measure the carried-over part of the current word.
                for (std::size_t j = k; j < at;) {
                    const std::uint32_t o = static_cast<std::uint32_t>(j);
                    x += advanceAt(utf8::next(text, j), o);
                }
            } else {
                // One word wider than the line: break it here.
                line.end = at;
                line.width = x;
                lines.push_back(line);
                line = LineSpan{at, at, 0};
                x = 0;
            }
            breakAt = 0;
        }
        x += w;
        if (isBreakAfter(cp)) { breakAt = after; widthAtBreak = x; resumeAt = after; }
    }
    // Trailing spaces do not count towards the last line.
    std::uint32_t end = static_cast<std::uint32_t>(text.size());
    while (end > line.begin && text[end - 1] == ' ') { --end; x -= advanceAt(U' ', end); }
    if (end > line.begin || lines.empty()) {
        line.end = end;
        line.width = std::max(0.0f, x);
        lines.push_back(line);
    }
    return lines;
}

} // namespace

std::vector<LineSpan> breakLines(std::string_view text, float maxWidth, const AdvanceFn& advance) {
    return breakWith(text, maxWidth, [&](char32_t cp, std::uint32_t) { return advance(cp); });
}

std::vector<LineSpan> breakLines(std::string_view text, float maxWidth, const std::vector<StyleRun>& runs,
                                 const std::vector<TextStyleMetrics>& styles) {
    // Offsets come mostly in order; the run is looked up only when one leaves it.
    std::size_t r = 0;
    std::uint32_t runBegin = 0;
    return breakWith(text, maxWidth, [&](char32_t cp, std::uint32_t at) {
        if (at < runBegin || (r < runs.size() && at >= runs[r].end)) {
            r = static_cast<std::size_t>(std::upper_bound(runs.begin(), runs.end(), at, [](std::uint32_t o, const StyleRun& run) {
                    return o < run.end;
                }) - runs.begin());
            runBegin = r == 0 ? 0 : runs[r - 1].end;
        }
        const int style = r < runs.size() ? runs[r].style : runs.empty() ? 0 : runs.back().style;
        return styles.at(static_cast<std::size_t>(style)).advance(cp);
    });
}

void ColumnLayout::layout(const std::vector<TextBlock>& blocks, const std::vector<TextStyleMetrics>& styles, float width) {
    lines_.clear();
    lineHeights_.clear();
    blockTops_.clear();
    float y = 0;
    for (std::uint32_t b = 0; b < blocks.size(); ++b) {
        const TextBlock& block = blocks[b];
        const TextStyleMetrics& style = styles.at(static_cast<std::size_t>(block.style));
        lineHeights_.push_back(style.lineHeight);
        if (b > 0) y += block.spaceBefore;
        blockTops_.push_back(y);
        y += block.boxHeight;
        if (block.text.empty() && block.boxHeight > 0) continue; // a picture without a caption
        const float room = std::max(0.0f, width - block.indent);
        const auto spans = block.runs.empty() ? breakLines(block.text, room, style.advance)
                                              : breakLines(block.text, room, block.runs, styles);
        for (const LineSpan& span : spans) {
            lines_.push_back(PlacedLine{b, span.begin, span.end, y, span.width, block.indent});
            y += style.lineHeight;
        }
    }
    height_ = y;
}

std::pair<std::size_t, std::size_t> ColumnLayout::visibleLines(float top, float bottom) const {
    // Lines are sorted by y; a line is visible if its box [y, y + h) meets [top, bottom).
    const auto first = std::partition_point(lines_.begin(), lines_.end(), [&](const PlacedLine& l) {
        return l.y + lineHeights_[l.block] <= top;
    });
    const auto last = std::partition_point(first, lines_.end(), [&](const PlacedLine& l) { return l.y < bottom; });
    return {static_cast<std::size_t>(first - lines_.begin()), static_cast<std::size_t>(last - lines_.begin())};
}

} // namespace aw
