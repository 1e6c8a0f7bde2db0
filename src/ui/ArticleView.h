#pragma once
// Draws an article (section, headline, meta line, lead picture, body) as a
// centred text column. The body's blocks (paragraphs, subheadings, quotes,
// list items, figures) are broken into lines of mixed runs (bold, italic,
// links) once per column width and font build; each frame draws only the
// lines and pictures inside the visible slice.
#include "core/Article.h"
#include "ui/Drawing.h"
#include "ui/Fonts.h"
#include "ui/Images.h"
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

    // origin: screen position of the column's top-left; only lines and
    // pictures meeting [clipTop, clipBottom) in screen space are drawn.
    // Pictures within a slice's height of it are asked of `images` (lazy loading).
    void draw(const Painter& painter, ImVec2 origin, float clipTop, float clipBottom, ImageSource& images) const;

    // Appends the article's blocks, line by line, in CSS pixels relative to
    // the widget's content box, for the shell's accessible text layer.
    void describe(nlohmann::json& blocks, const FontSet& fonts, ImVec2 originCss, float scale) const;

private:
    struct Block {
        Role role;            // the face of its text without runs, and its line height
        const char* semantic; // "heading", "paragraph", ...
        std::vector<BodyRun> runs;      // the body's inline styles and links; empty for the header
        std::vector<std::string> links;
        std::string marker;   // list items: "•" or "3."
        int depth = 0;        // list items: nesting, 1 = top
        bool ordered = false;
        Picture picture;      // figures (the lead picture is one)
        float pictureHeight = 0; // laid out: the picture's box, device px
    };
    void addBody(const BodyBlock& body, Fonts& fonts, float spaceBefore);
    void addFigure(const Picture& picture, Fonts& fonts, float spaceBefore);
    Role runRole(const Block& block, const BodyRun& run) const;
    void drawLine(const Painter& p, const PlacedLine& line, ImVec2 at) const;
    void drawPicture(const Painter& p, std::size_t block, ImVec2 origin, ImageSource& images) const;

    std::vector<TextBlock> blocks_;
    std::vector<Block> kinds_;
    std::vector<std::size_t> figures_; // indices of the blocks with a picture
    std::size_t firstParagraph_ = 0;
    ColumnLayout column_;
    float laidWidth_ = -1;
    unsigned laidGeneration_ = ~0u;
    unsigned layoutCount_ = 0;
};

} // namespace aw::ui
