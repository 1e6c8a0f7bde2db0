// The shell lays transparent copies of the drawn text over the canvas (find
// in page, selection, screen readers): every mirrored line must cover exactly
// the glyphs drawn for it, at every width and pixel ratio, scrolled or not.
#include "UiHarness.h"

#include "core/Utf8.h"

#include <doctest/doctest.h>

#include <string>

using namespace uitest;

namespace {

std::size_t visibleCharacters(const std::string& text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size();)
        if (const char32_t c = aw::utf8::next(text, i); c != ' ' && c != 0xA0) ++n;
    return n;
}

// Glyphs whose centre lies in `b`, moved up by `viewTop` (content y to canvas y).
// A glyph is drawn as two triangles, each spanning its whole quad.
std::size_t glyphsIn(const std::vector<GlyphInk>& glyphs, const Box& b, float viewTop) {
    std::size_t triangles = 0;
    for (const GlyphInk& g : glyphs) {
        const float cx = (g.left + g.right) / 2, cy = (g.top + g.bottom) / 2 + viewTop;
        if (cx >= b.x && cx <= b.right() && cy >= b.y && cy <= b.bottom()) ++triangles;
    }
    return triangles / 2;
}

void fill(UiSession& ui) {
    ui.loadArticle();
    ui.loadFeed();
    ui.serveReviews(3, "Gülnar Məmmədova-Hüseynzadə", "A fine piece, and a clear one.");
    ui.widget().setBackLabel("Markets fill up ahead of Novruz");
}

} // namespace

TEST_CASE("every mirrored line covers exactly its drawn glyphs at 320, 768 and 1280 px, DPR 1 and 2") {
    for (float width : {320.0f, 768.0f, 1280.0f}) {
        for (float dpr : {1.0f, 2.0f}) {
            CAPTURE(width);
            CAPTURE(dpr);
            UiSession ui;
            fill(ui);
            ui.frames(width, dpr);
            const auto glyphs = glyphsDrawn(dpr);
            const auto lines = allLines(ui.host);
            REQUIRE(lines.size() > 50);
            for (const json& l : lines) {
                CAPTURE(l.at("text").get<std::string>());
                CHECK(glyphsIn(glyphs, boxOf(l), 0) == visibleCharacters(l.at("text")));
            }
        }
    }
}

TEST_CASE("scrolled, the lines in view are drawn where the text layer puts them, moved up by the scroll") {
    UiSession ui;
    fill(ui);
    const float viewTop = 600, canvas = 700; // inside the article
    ui.frames(768, 2, 2, viewTop, canvas);
    const auto glyphs = glyphsDrawn(2);
    std::size_t inView = 0;
    for (const json& l : allLines(ui.host)) {
        const Box b = boxOf(l);
        if (b.y < viewTop || b.bottom() > viewTop + canvas) continue;
        CAPTURE(l.at("text").get<std::string>());
        CHECK(glyphsIn(glyphs, b, viewTop) == visibleCharacters(l.at("text")));
        ++inView;
    }
    CHECK(inView > 15);
}
