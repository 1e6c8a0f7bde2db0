#pragma once
// Draws an article (section, headline, meta line, body) as a centred text
// column. Line breaks are computed once per column width and font build;
// each frame draws only the lines inside the visible slice.
#include "core/Article.h"
#include "ui/Drawing.h"
#include "ui/Fonts.h"
#include "core/TextLayout.h"
#include "ui/Theme.h"

#include <imgui.h>
#include <nlohmann/json_fwd.hpp>

#include <vector>

namespace aw::ui {

class ArticleView {
public:
    // `messages` write the meta line (its date and "By ...") in the reader's language.
    void setArticle(const Article& article, Fonts& fonts, const Messages& messages);

    // Re-lays out when the column width, the type or the fonts changed.
    // Sizes are device pixels. Returns true when the layout changed.
    bool layout(const FontSet& fonts, const Typography& type, float columnWidth, float scale);
    float height() const { return column_.height(); }
    unsigned layoutCount() const { return layoutCount_; }

    // origin: screen position of the column's top-left; only lines meeting
    // [clipTop, clipBottom) in screen space are drawn.
    void draw(const Painter& painter, ImVec2 origin, float clipTop, float clipBottom) const;

    // Appends the article's blocks, line by line, in CSS pixels relative to
    // the widget's content box, for the shell's accessible text layer.
    void describe(nlohmann::json& blocks, const FontSet& fonts, ImVec2 originCss, float scale) const;

private:
    struct Block {
        Role role;
        const char* semantic; // "heading", "paragraph", ...
    };
    std::vector<TextBlock> blocks_;
    std::vector<Block> kinds_;
    std::size_t firstParagraph_ = 0;
    ColumnLayout column_;
    float laidWidth_ = -1;
    unsigned laidGeneration_ = ~0u;
    unsigned layoutCount_ = 0;
};

} // namespace aw::ui
