// The article is laid out again only when its lines can change: a new width
// or pixel ratio, not scrolling, not glyphs added to the atlas later; and
// scrolling sends the shell nothing new.
#include "UiHarness.h"

#include <doctest/doctest.h>

using namespace uitest;

namespace {

// How often the article was laid out and its text layer sent, once drawn at `width` and settled.
struct Counts {
    unsigned layouts;
    std::size_t semantics;
};
Counts settle(UiSession& ui, float width, float dpr = 1) {
    ui.frames(width, dpr, 3);
    return Counts{ui.widget().layoutCount(), ui.host.semantics.size()};
}

} // namespace

TEST_CASE("scrolling lays nothing out again and sends the shell nothing new") {
    UiSession ui;
    ui.loadArticle();
    ui.loadFeed();
    ui.frames(768, 1, 3, 0, 900);
    const unsigned layouts = ui.widget().layoutCount();
    const auto semantics = ui.host.semantics.size(), controls = ui.host.controls.size(), heights = ui.host.heights.size();
    for (float top = 0; top <= 3000; top += 250) ui.frames(768, 1, 1, top, 900);
    CHECK(ui.widget().layoutCount() == layouts);
    CHECK(ui.host.semantics.size() == semantics);
    CHECK(ui.host.controls.size() == controls);
    CHECK(ui.host.heights.size() == heights);
}

TEST_CASE("a new width lays the article out once, and the text layer is sent again once") {
    UiSession ui;
    ui.loadArticle();
    const Counts before = settle(ui, 768);
    ui.frames(320, 1, 4);
    CHECK(ui.widget().layoutCount() == before.layouts + 1);
    CHECK(ui.host.semantics.size() == before.semantics + 1);
    ui.frames(320, 1, 4); // the same width again
    CHECK(ui.widget().layoutCount() == before.layouts + 1);
}

TEST_CASE("a new pixel ratio lays the article out once, in the same CSS places") {
    UiSession ui;
    ui.loadArticle();
    const unsigned layouts = settle(ui, 768).layouts;
    const json before = ui.host.lastSemantics().at("blocks")[0].at("lines")[0];
    ui.frames(768, 2, 4);
    CHECK(ui.widget().layoutCount() == layouts + 1);
    const json after = ui.host.lastSemantics().at("blocks")[0].at("lines")[0];
    CHECK(after.at("x") == before.at("x"));
    CHECK(after.at("y") == before.at("y"));
    CHECK(after.at("text") == before.at("text")); // the same words on the headline's first line
}

TEST_CASE("glyphs added after the first picture (News Line, typing) do not lay the article out again") {
    UiSession ui;
    ui.loadArticle();
    const Counts before = settle(ui, 1280);
    ui.loadFeed();
    ui.frames(1280, 1, 3);
    ui.fonts().enableTyping();
    ui.type("name", "Şəhla Ёлкина");
    ui.frames(1280, 1, 3);
    CHECK(ui.widget().layoutCount() == before.layouts);
    CHECK(ui.host.semantics.size() == before.semantics + 1); // the column moved aside for the News Line, once
}

TEST_CASE("the article is laid out once for its first picture") {
    UiSession ui;
    ui.loadArticle();
    ui.loadFeed();
    ui.serveReviews(3);
    ui.frames(320, 2, 6);
    CHECK(ui.widget().layoutCount() == 1);
    CHECK(ui.host.semantics.size() == 1);
}
