#include "ui/ArticleView.h"

#include "ui/Drawing.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace aw::ui {
namespace {

// Style indices into the metrics handed to ColumnLayout, one per Role used here.
constexpr Role kRoles[] = {Role::Headline, Role::Meta,   Role::Body,     Role::Section,
                           Role::UiBold,   Role::Strong, Role::Emphasis, Role::StrongEmphasis};

// The article's vertical rhythm, in body ems: gaps before the lead, the meta
// line and the first paragraph, between paragraphs, and the rule's height above
// the first paragraph; before subheadings (h2, h3), after them, around quotes,
// lists and figures, and between list items.
constexpr float kLeadGap = 0.8f, kMetaGap = 0.9f, kBodyGap = 2.2f, kParagraphGap = 0.85f, kRuleAbove = 1.1f;
constexpr float kH2Gap = 1.7f, kH3Gap = 1.3f, kAfterHeading = 0.45f, kQuoteGap = 1.2f, kFigureGap = 1.5f,
                kItemGap = 0.35f, kCaptionGap = 0.55f;
// Indents in body ems: a quote's, a list's per level; the quote's bar sits
// this far into the quote's indent, and is this wide (CSS px).
constexpr float kQuoteIndent = 1.4f, kListIndent = 1.6f, kQuoteBarAt = 0.25f, kQuoteBar = 3;

int styleOf(Role role) {
    for (int i = 0; i < static_cast<int>(std::size(kRoles)); ++i)
        if (kRoles[i] == role) return i;
    return 2;
}

Fonts::Usage usageOf(Role role) {
    switch (role) {
    case Role::Headline: return Fonts::Usage::Headline;
    case Role::Section: return Fonts::Usage::Section;
    case Role::Strong: return Fonts::Usage::Strong;
    case Role::Emphasis: return Fonts::Usage::Emphasis;
    case Role::StrongEmphasis: return Fonts::Usage::StrongEmphasis;
    default: return Fonts::Usage::Text;
    }
}

const char* semanticOf(BodyKind kind) {
    switch (kind) {
    case BodyKind::Heading2: return protocol::role::Subheading;
    case BodyKind::Heading3: return protocol::role::Minorheading;
    case BodyKind::Quote: return protocol::role::Quote;
    case BodyKind::Item: return protocol::role::Item;
    case BodyKind::Figure: return protocol::role::Figure;
    case BodyKind::Paragraph: break;
    }
    return protocol::role::Paragraph;
}

// The words under a picture: its caption, then its credit.
std::string captionOf(const Picture& picture) {
    if (picture.caption.empty() || picture.credit.empty()) return picture.caption + picture.credit;
    return picture.caption + "  " + picture.credit;
}

} // namespace

void ArticleView::setArticle(const Article& a, Fonts& fonts, const Messages& messages) {
    blocks_.clear();
    kinds_.clear();
    figures_.clear();
    auto add = [&](std::string text, Role role, const char* semantic, float spaceBefore) {
        fonts.addText(text, usageOf(role));
        blocks_.push_back(TextBlock{std::move(text), styleOf(role), spaceBefore, {}, 0, 0});
        kinds_.push_back(Block{role, semantic, {}, {}, {}, 0, false, {}, 0});
    };
    // spaceBefore is in body-size units here; layout() scales it.
    add(a.headline, Role::Headline, protocol::role::Heading, 0);
    if (!a.lead.empty()) add(a.lead, Role::Meta, protocol::role::Lead, kLeadGap);
    const std::string meta = metaLine(a, messages);
    if (!meta.empty()) add(meta, Role::Meta, protocol::role::Meta, kMetaGap);
    firstParagraph_ = blocks_.size();
    if (!a.image.empty()) addFigure(a.image, fonts, kBodyGap);
    for (const auto& b : a.body) {
        if (b.kind == BodyKind::Figure) {
            addFigure(b.picture, fonts, blocks_.size() == firstParagraph_ ? kBodyGap : kFigureGap);
            continue;
        }
        const BodyKind previous = kinds_.size() > firstParagraph_ && kinds_.back().semantic == protocol::role::Item
                                      ? BodyKind::Item
                                      : BodyKind::Paragraph;
        const bool afterHeading = blocks_.size() > firstParagraph_ && (kinds_.back().semantic == protocol::role::Subheading ||
                                                                       kinds_.back().semantic == protocol::role::Minorheading);
        float gap = kParagraphGap;
        if (b.kind == BodyKind::Heading2) gap = kH2Gap;
        else if (b.kind == BodyKind::Heading3) gap = kH3Gap;
        else if (afterHeading) gap = kAfterHeading;
        else if (b.kind == BodyKind::Item && previous == BodyKind::Item) gap = kItemGap;
        else if (b.kind == BodyKind::Quote && kinds_.back().semantic != protocol::role::Quote) gap = kQuoteGap;
        if (blocks_.size() == firstParagraph_) gap = kBodyGap;
        addBody(b, fonts, gap);
    }
    laidWidth_ = -1;
}

void ArticleView::addBody(const BodyBlock& b, Fonts& fonts, float spaceBefore) {
    Block kind{Role::Body, semanticOf(b.kind), {}, {}, {}, 0, false, {}, 0};
    TextBlock block{b.text, 0, spaceBefore, {}, 0, 0};
    if (b.kind == BodyKind::Heading2 || b.kind == BodyKind::Heading3) {
        // Subheadings are one face throughout: their runs' bold and italic add nothing.
        kind.role = b.kind == BodyKind::Heading2 ? Role::Section : Role::UiBold;
        fonts.addText(b.text, usageOf(kind.role));
    } else {
        kind.role = b.kind == BodyKind::Quote ? Role::Emphasis : Role::Body;
        kind.runs = b.runs;
        kind.links = b.links;
        std::uint32_t begin = 0;
        for (const BodyRun& r : b.runs) {
            const Role role = runRole(kind, r);
            fonts.addText(std::string_view(b.text).substr(begin, r.end - begin), usageOf(role));
            block.runs.push_back(StyleRun{r.end, styleOf(role)});
            begin = r.end;
        }
        if (b.kind == BodyKind::Quote) block.indent = kQuoteIndent;
        if (b.kind == BodyKind::Item) {
            kind.depth = b.depth;
            kind.ordered = b.ordered;
            kind.marker = b.ordered ? std::to_string(std::max(1, b.number)) + "." : "\xE2\x80\xA2"; // "•"
            block.indent = kListIndent * static_cast<float>(b.depth);
            fonts.addText(kind.marker);
        }
    }
    block.style = styleOf(kind.role);
    blocks_.push_back(std::move(block));
    kinds_.push_back(std::move(kind));
}

void ArticleView::addFigure(const Picture& picture, Fonts& fonts, float spaceBefore) {
    std::string caption = captionOf(picture);
    fonts.addText(caption);
    figures_.push_back(blocks_.size());
    blocks_.push_back(TextBlock{std::move(caption), styleOf(Role::Meta), spaceBefore, {}, 0, 0});
    kinds_.push_back(Block{Role::Meta, protocol::role::Figure, {}, {}, {}, 0, false, picture, 0});
}

// A run's face: bold and italic on the block's own; in a quote (set in
// italic) an italic run stands upright, as type does.
Role ArticleView::runRole(const Block& block, const BodyRun& run) const {
    bool bold = (run.style & run::Bold) != 0;
    bool italic = (run.style & run::Italic) != 0;
    if (block.role == Role::Emphasis) italic = !italic;
    if (bold && italic) return Role::StrongEmphasis;
    if (bold) return Role::Strong;
    return italic ? Role::Emphasis : Role::Body;
}

bool ArticleView::layout(const FontSet& fonts, const Typography& type, float width, float scale) {
    // The article's characters are registered with the fonts before its first
    // layout, so glyphs added later (the News Line's, typing's) don't move its lines.
    if (width == laidWidth_ && fonts.metricsGeneration() == laidGeneration_) return false;
    std::vector<TextStyleMetrics> styles;
    for (Role role : kRoles) styles.push_back(TextStyleMetrics{advanceOf(fonts.get(role)), std::round(fonts.size(role) * lineSpacing(role))});
    // Gaps and indents were given in body-size units; make them device pixels for this layout.
    const float em = type.bodySize * scale;
    std::vector<TextBlock> scaled = blocks_;
    for (std::size_t i = 0; i < scaled.size(); ++i) {
        TextBlock& b = scaled[i];
        b.spaceBefore = std::round(b.spaceBefore * em);
        b.indent = std::round(b.indent * em);
        if (kinds_[i].picture.empty()) continue;
        // The picture's box is known before it arrives: nothing moves when it does.
        kinds_[i].pictureHeight = std::round(width * kinds_[i].picture.aspect());
        b.boxHeight = kinds_[i].pictureHeight + (b.text.empty() ? 0 : std::round(kCaptionGap * em));
    }
    column_.layout(scaled, styles, width);
    laidWidth_ = width;
    laidGeneration_ = fonts.metricsGeneration();
    ++layoutCount_;
    return true;
}

void ArticleView::draw(const Painter& p, ImVec2 origin, float clipTop, float clipBottom, ImageSource& images) const {
    if (blocks_.empty()) return;
    const FontSet& fonts = p.fonts;
    // A thin rule separates the header from the body, like a printed page.
    if (firstParagraph_ < blocks_.size() && firstParagraph_ > 0) {
        const float y = origin.y + std::round(column_.blockTops()[firstParagraph_] - kRuleAbove * fonts.size(Role::Body));
        if (y >= clipTop && y < clipBottom)
            p.dl.AddLine(ImVec2(origin.x, y), ImVec2(origin.x + laidWidth_, y), p.palette.rule, p.hairline());
    }
    // Pictures: drawn when they meet the slice, asked for a slice ahead.
    const float ahead = clipBottom - clipTop;
    for (std::size_t b : figures_) {
        const float top = origin.y + column_.blockTops()[b], bottom = top + kinds_[b].pictureHeight;
        if (bottom < clipTop - ahead || top >= clipBottom + ahead) continue;
        drawPicture(p, b, origin, images);
    }
    const auto [first, last] = column_.visibleLines(clipTop - origin.y, clipBottom - origin.y);
    const auto& lines = column_.lines();
    for (std::size_t i = first; i < last; ++i) {
        const PlacedLine& line = lines[i];
        const Block& kind = kinds_[line.block];
        // Centre the glyph box in the line box.
        const float y = origin.y + line.y + std::round((column_.lineHeight(line) - fonts.get(kind.role)->FontSize) * 0.5f);
        drawLine(p, line, ImVec2(origin.x + line.x, y));
        const bool firstOfBlock = i == 0 || lines[i - 1].block != line.block;
        if (!kind.marker.empty() && firstOfBlock) {
            const float gap = std::round(fonts.size(Role::Body) * 0.45f);
            p.text(Role::Body, ImVec2(origin.x + line.x - gap - p.textWidth(Role::Body, kind.marker), y), p.palette.muted, kind.marker);
        }
        if (kind.semantic == protocol::role::Quote) {
            // One bar down a quote's paragraphs, through the gaps between them.
            float top = line.y;
            if (firstOfBlock && i > 0 && kinds_[lines[i - 1].block].semantic == protocol::role::Quote)
                top = lines[i - 1].y + column_.lineHeight(lines[i - 1]);
            const float barX = origin.x + std::round(kQuoteBarAt * fonts.size(Role::Body));
            p.dl.AddRectFilled(ImVec2(barX, origin.y + top), ImVec2(barX + p.px(kQuoteBar), origin.y + line.y + column_.lineHeight(line)),
                               p.palette.accent);
        }
    }
}

// One line: its runs each in their face, links in the accent colour and underlined.
void ArticleView::drawLine(const Painter& p, const PlacedLine& line, ImVec2 at) const {
    const Block& kind = kinds_[line.block];
    const std::string_view text(blocks_[line.block].text);
    const ImU32 ink = kind.role == Role::Meta ? p.palette.muted : p.palette.text;
    if (kind.runs.empty()) {
        p.text(kind.role, at, ink, text.substr(line.begin, line.end - line.begin));
        return;
    }
    std::uint32_t begin = 0;
    float x = at.x;
    for (const BodyRun& r : kind.runs) {
        const std::uint32_t from = std::max(begin, line.begin), to = std::min(r.end, line.end);
        begin = r.end;
        if (from >= to) {
            if (r.end >= line.end) break;
            continue;
        }
        const Role role = runRole(kind, r);
        const std::string_view part = text.substr(from, to - from);
        const float w = p.textWidth(role, part);
        const ImU32 colour = r.link >= 0 ? p.palette.accent : ink;
        // The glyph boxes of every role here are centred on the same line box.
        const float y = at.y + std::round((p.fonts.get(kind.role)->FontSize - p.fonts.get(role)->FontSize) * 0.5f);
        p.text(role, ImVec2(x, y), colour, part);
        if (r.link >= 0) {
            const ImFont* f = p.fonts.get(role);
            const float under = std::round(y + f->Ascent + p.hairline() + 1);
            p.dl.AddRectFilled(ImVec2(x, under), ImVec2(x + w, under + p.hairline()), colour);
        }
        x += w;
    }
}

// A picture's box: the picture once it is in (cropped to the box, centred),
// a calm panel while it loads, and a panel saying so if it failed.
void ArticleView::drawPicture(const Painter& p, std::size_t b, ImVec2 origin, ImageSource& images) const {
    const Block& kind = kinds_[b];
    const ImVec2 min(origin.x, origin.y + column_.blockTops()[b]);
    const ImVec2 max(origin.x + laidWidth_, min.y + kind.pictureHeight);
    const Picture& pic = kind.picture;
    const ImageState state = images.image(pic.sources[chooseSource(pic, laidWidth_)].url, true);
    if (state.status == ImageState::Status::Ready && state.width > 0 && state.height > 0) {
        const float box = kind.pictureHeight / laidWidth_, own = static_cast<float>(state.height) / static_cast<float>(state.width);
        ImVec2 uv0(0, 0), uv1(1, 1);
        if (own > box) { const float keep = box / own; uv0.y = (1 - keep) / 2; uv1.y = 1 - uv0.y; }
        else { const float keep = own / box; uv0.x = (1 - keep) / 2; uv1.x = 1 - uv0.x; }
        p.dl.AddImage(state.texture, min, max, uv0, uv1);
        return;
    }
    p.dl.AddRectFilled(min, max, p.palette.panel);
    if (state.status != ImageState::Status::Failed) return;
    const char* const note = "Image unavailable";
    const ImFont* f = p.font(Role::Meta);
    const float w = p.textWidth(Role::Meta, note);
    p.text(Role::Meta, ImVec2(std::round((min.x + max.x - w) / 2), std::round((min.y + max.y - f->FontSize) / 2)), p.palette.muted, note);
}

void ArticleView::describe(nlohmann::json& out, const FontSet& fonts, ImVec2 originCss, float scale) const {
    const auto& lines = column_.lines();
    std::size_t i = 0;
    for (std::uint32_t b = 0; b < blocks_.size(); ++b) {
        const Block& kind = kinds_[b];
        nlohmann::json block = {{"role", kind.semantic},
                                {"face", faceKey(kind.role)},
                                {"size", fonts.size(kind.role) / scale},
                                {"lines", nlohmann::json::array()}};
        if (!kind.marker.empty()) block.update({{"ordered", kind.ordered}, {"depth", kind.depth}, {"marker", kind.marker}});
        if (!kind.picture.empty()) {
            block["picture"] = {{"x", originCss.x}, {"y", originCss.y + column_.blockTops()[b] / scale},
                                {"width", laidWidth_ / scale}, {"height", kind.pictureHeight / scale},
                                {"alt", kind.picture.alt.empty() ? kind.picture.caption : kind.picture.alt}};
        }
        const std::string& text = blocks_[b].text;
        for (; i < lines.size() && lines[i].block == b; ++i) {
            const PlacedLine& l = lines[i];
            const float h = column_.lineHeight(l) / scale;
            // Whether spaces separate this line from the next: not after a hyphen
            // ("three-|day") or inside a word too long for the line.
            const bool spaced = i + 1 < lines.size() && lines[i + 1].block == b && lines[i + 1].begin > l.end;
            nlohmann::json line = {{"x", originCss.x + l.x / scale}, {"y", originCss.y + l.y / scale}, {"width", l.width / scale},
                                   {"height", h}, {"text", text.substr(l.begin, l.end - l.begin)}, {"spaced", spaced}};
            // A line in more than one face, or with a link: its parts, each with its face, width and link.
            const bool plain = kind.runs.size() <= 1 && (kind.runs.empty() || kind.runs[0].link < 0) &&
                               (kind.runs.empty() || runRole(kind, kind.runs[0]) == kind.role);
            if (!plain) {
                nlohmann::json parts = nlohmann::json::array();
                std::uint32_t begin = 0;
                for (const BodyRun& r : kind.runs) {
                    const std::uint32_t from = std::max(begin, l.begin), to = std::min(r.end, l.end);
                    begin = r.end;
                    if (from >= to) continue;
                    const Role role = runRole(kind, r);
                    const ImFont* f = fonts.get(role);
                    const float w = f->CalcTextSizeA(f->FontSize, 1e9f, 0, text.data() + from, text.data() + to).x;
                    nlohmann::json part = {{"text", text.substr(from, to - from)}, {"face", faceKey(role)}, {"width", w / scale}};
                    if (r.link >= 0) part["href"] = kind.links[static_cast<std::size_t>(r.link)];
                    parts.push_back(std::move(part));
                }
                line["parts"] = std::move(parts);
            }
            block["lines"].push_back(std::move(line));
        }
        out.push_back(std::move(block));
    }
}

} // namespace aw::ui
