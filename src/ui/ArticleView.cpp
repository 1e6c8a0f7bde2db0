#include "ui/ArticleView.h"

#include "ui/Drawing.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace aw::ui {
namespace {

// Style indices into the metrics handed to ColumnLayout, one per Role used here.
constexpr Role kRoles[] = {Role::Headline, Role::Meta, Role::Body};

// The article's vertical rhythm, in body ems: gaps before the lead, the meta
// line and the first paragraph, between paragraphs, and the rule's height above
// the first paragraph.
constexpr float kLeadGap = 0.8f, kMetaGap = 0.9f, kBodyGap = 2.2f, kParagraphGap = 0.85f, kRuleAbove = 1.1f;

int styleOf(Role role) {
    for (int i = 0; i < 3; ++i)
        if (kRoles[i] == role) return i;
    return 2;
}

} // namespace

void ArticleView::setArticle(const Article& a, Fonts& fonts, const Messages& messages) {
    blocks_.clear();
    kinds_.clear();
    auto add = [&](std::string text, Role role, const char* semantic, float spaceBefore) {
        fonts.addText(text, role == Role::Headline ? Fonts::Usage::Headline : Fonts::Usage::Text);
        blocks_.push_back(TextBlock{std::move(text), styleOf(role), spaceBefore});
        kinds_.push_back(Block{role, semantic});
    };
    // spaceBefore is in body-size units here; layout() scales it.
    add(a.headline, Role::Headline, protocol::role::Heading, 0);
    if (!a.lead.empty()) add(a.lead, Role::Meta, protocol::role::Lead, kLeadGap);
    const std::string meta = metaLine(a, messages);
    if (!meta.empty()) add(meta, Role::Meta, protocol::role::Meta, kMetaGap);
    firstParagraph_ = blocks_.size();
    for (const auto& p : a.paragraphs)
        add(p, Role::Body, protocol::role::Paragraph, blocks_.size() == firstParagraph_ ? kBodyGap : kParagraphGap);
    laidWidth_ = -1;
}

bool ArticleView::layout(const FontSet& fonts, const Typography& type, float width, float scale) {
    // The article's characters are registered with the fonts before its first
    // layout, so glyphs added later (the News Line's, typing's) don't move its lines.
    if (width == laidWidth_ && fonts.metricsGeneration() == laidGeneration_) return false;
    std::vector<TextStyleMetrics> styles;
    for (Role role : kRoles) styles.push_back(TextStyleMetrics{advanceOf(fonts.get(role)), std::round(fonts.size(role) * lineSpacing(role))});
    // Gaps were given in body-size units; make them device pixels for this layout.
    std::vector<TextBlock> scaled = blocks_;
    for (auto& b : scaled) b.spaceBefore = std::round(b.spaceBefore * type.bodySize * scale);
    column_.layout(scaled, styles, width);
    laidWidth_ = width;
    laidGeneration_ = fonts.metricsGeneration();
    ++layoutCount_;
    return true;
}

void ArticleView::draw(const Painter& p, ImVec2 origin, float clipTop, float clipBottom) const {
    if (blocks_.empty()) return;
    const FontSet& fonts = p.fonts;
    // A thin rule separates the header from the body, like a printed page.
    if (firstParagraph_ < blocks_.size() && firstParagraph_ > 0) {
        const float y = origin.y + std::round(column_.blockTops()[firstParagraph_] - kRuleAbove * fonts.size(Role::Body));
        if (y >= clipTop && y < clipBottom)
            p.dl.AddLine(ImVec2(origin.x, y), ImVec2(origin.x + laidWidth_, y), p.palette.rule, p.hairline());
    }
    const auto [first, last] = column_.visibleLines(clipTop - origin.y, clipBottom - origin.y);
    const auto& lines = column_.lines();
    for (std::size_t i = first; i < last; ++i) {
        const PlacedLine& line = lines[i];
        const Block& kind = kinds_[line.block];
        const std::string_view text = std::string_view(blocks_[line.block].text).substr(line.begin, line.end - line.begin);
        // Centre the glyph box in the line box.
        const float y = origin.y + line.y + std::round((column_.lineHeight(line) - fonts.get(kind.role)->FontSize) * 0.5f);
        p.text(kind.role, ImVec2(origin.x, y), kind.role == Role::Meta ? p.palette.muted : p.palette.text, text);
    }
}

void ArticleView::describe(nlohmann::json& out, const FontSet& fonts, ImVec2 originCss, float scale) const {
    const auto& lines = column_.lines();
    std::size_t i = 0;
    for (std::uint32_t b = 0; b < blocks_.size(); ++b) {
        nlohmann::json block = {{"role", kinds_[b].semantic},
                                {"face", faceKey(kinds_[b].role)},
                                {"size", fonts.size(kinds_[b].role) / scale},
                                {"lines", nlohmann::json::array()}};
        for (; i < lines.size() && lines[i].block == b; ++i) {
            const PlacedLine& l = lines[i];
            const float h = column_.lineHeight(l) / scale;
            // Whether spaces separate this line from the next: not after a hyphen
            // ("three-|day") or inside a word too long for the line.
            const bool spaced = i + 1 < lines.size() && lines[i + 1].block == b && lines[i + 1].begin > l.end;
            block["lines"].push_back({{"x", originCss.x}, {"y", originCss.y + l.y / scale}, {"width", l.width / scale},
                                      {"height", h}, {"text", blocks_[b].text.substr(l.begin, l.end - l.begin)},
                                      {"spaced", spaced}});
        }
        out.push_back(std::move(block));
    }
}

} // namespace aw::ui
