// What the reader sees instead of an article that could not be shown: the
// problem in words, wrapped to the column, and "Try again".
#include "UiHarness.h"

#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

using namespace uitest;

namespace {

const std::string kTitle = "This article could not be shown";
const std::string kDetail = "The server answered 404 Not Found for articles/missing.json.";

} // namespace

TEST_CASE("the error view tells the problem to assistive technology as an alert, with a retry button") {
    UiSession ui;
    ui.widget().showError(plainWords(kTitle), plainWords(kDetail));
    ui.frames(320, 2);
    const json semantics = ui.host.lastSemantics();
    REQUIRE(semantics.at("blocks").size() == 1);
    CHECK(semantics.at("blocks")[0].at("role") == "alert");
    CHECK(semantics.at("blocks")[0].at("text") == kTitle + ". " + kDetail);
    const json controls = ui.host.lastControls();
    REQUIRE(controls.at("controls").size() == 1);
    const json retry = controls.at("controls")[0];
    CHECK(retry.at("id") == "retry");
    CHECK(retry.at("kind") == "action");
    CHECK(retry.at("label") == "Try again");
    CHECK(controls.at("item") == "");
    const Box b = boxOf(retry.at("rect"));
    CHECK(b.x == 18);
    CHECK(b.w == aw::ui::size::RetryWidth);
    CHECK(b.h == 44);
    CHECK(ui.host.heights.back() == std::ceil(b.bottom() + aw::ui::space::ContentBottom));
    CHECK(ui.host.lists.empty());
}

TEST_CASE("a long detail wraps inside the column and pushes the button down") {
    UiSession shortView, longView;
    shortView.widget().showError(plainWords(kTitle), plainWords("Offline."));
    std::string detail = "The article file is damaged: ";
    for (int i = 0; i < 6; ++i) detail += "publisher.sameAs[" + std::to_string(i) + "]: expected a string, got number; ";
    longView.widget().showError(plainWords(kTitle), plainWords(detail));
    shortView.frames(320, 2);
    longView.frames(320, 2);
    const Box shortButton = boxOf(controlById(shortView.host.lastControls(), "retry").at("rect"));
    const Box longButton = boxOf(controlById(longView.host.lastControls(), "retry").at("rect"));
    CHECK(longButton.y > shortButton.y + 4 * 24); // several more lines of 24 px
    std::set<float> rows;
    for (const GlyphInk& g : glyphsDrawn(2)) {
        CHECK(g.left >= 18 - 1);
        CHECK(g.right <= 302 + 1);
        if (g.bottom <= longButton.y) rows.insert(std::round(g.top));
    }
    CHECK(rows.size() >= 6);
}

TEST_CASE("a malformed article shows the error view naming what is wrong") {
    UiSession ui;
    CHECK_FALSE(ui.loadArticleJson(R"({"@type": "NewsArticle", "headline": 5, "articleBody": "x"})"));
    ui.frames(768, 1);
    const std::string text = ui.host.lastSemantics().at("blocks")[0].at("text");
    CHECK(text.rfind(kTitle + ". The article file is damaged: ", 0) == 0);
    CHECK(text.find("headline") != std::string::npos);
    CHECK(!controlById(ui.host.lastControls(), "retry").is_null());
}

TEST_CASE("an error replaces the article and its form; the next article replaces the error") {
    UiSession ui;
    ui.loadArticle();
    ui.loadFeed();
    ui.frames(768, 1);
    ui.widget().showError(plainWords(kTitle), plainWords(kDetail));
    ui.frames(768, 1);
    json controls = ui.host.lastControls();
    CHECK(controls.at("controls").size() == 1);
    CHECK(controlById(controls, "name").is_null());
    CHECK(controlById(controls, "news-heading").is_null());
    ui.loadArticle("articles/baku-book-fair.json");
    ui.frames(768, 1);
    controls = ui.host.lastControls();
    CHECK(controlById(controls, "retry").is_null());
    CHECK(!controlById(controls, "name").is_null());
    CHECK(ui.host.lastSemantics().at("blocks")[0].at("role") == "heading");
}
