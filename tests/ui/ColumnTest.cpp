// Nothing the widget draws or places runs past its column on a 320 px phone:
// not the shell's boxes and lines, not the glyphs in ImGui's draw data, also
// with words too long for a line anywhere text comes from.
#include "UiHarness.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace uitest;

namespace {

constexpr float kColumnLeft = 18, kColumnRight = 302; // 320 px: 18 px padding each side
// A glyph's ink may reach a little past its advance (ImGui's quads cover the
// rasterised bitmap); the browser test allows 2 px beyond the column.
constexpr float kInkSlack = 1;

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

const std::string kLongWord = "Nakhchivan" + repeat("Azerbaijan", 8) + "Caspian"; // ~100 letters, no break
const std::string kLongUrl = "https://herald.example.com/" + repeat("very-long-path-segment/", 6) + "index.html";

// The default article with a long word in its headline, meta line and body.
std::string stressedArticle() {
    json a = json::parse(readRepoFile("assets/articles/stoltenberg-baku.json"));
    a["headline"] = "Why " + kLongWord + " matters";
    a["articleSection"] = kLongWord;
    a["articleBody"] = a["articleBody"].get<std::string>() + "\n\nSee " + kLongUrl + " and " + kLongWord + ".";
    return a.dump();
}

std::string stressedFeed() {
    json f = json::parse(readRepoFile("assets/news-line.json"));
    f["items"][0]["title"] = kLongWord + " " + kLongWord;
    return f.dump();
}

template <class Session>
void checkInsideColumn(Session& ui, float dpr) {
    const json controls = ui.host.lastControls();
    for (const auto& c : controls.at("controls")) {
        if (!c.contains("rect")) continue;
        CAPTURE(c.at("id").get<std::string>());
        const Box b = boxOf(c.at("rect"));
        CHECK(b.x >= kColumnLeft);
        CHECK(b.right() <= kColumnRight + 0.01f);
    }
    for (const json& l : allLines(ui.host)) {
        CAPTURE(l.at("text").get<std::string>());
        CHECK(boxOf(l).x >= kColumnLeft);
        CHECK(boxOf(l).right() <= kColumnRight + 0.01f);
    }
    const auto glyphs = glyphsDrawn(dpr);
    REQUIRE(glyphs.size() > 1000); // the whole content was drawn
    float right = 0, left = 1e9f;
    for (const GlyphInk& g : glyphs) right = std::max(right, g.right), left = std::min(left, g.left);
    CHECK(right <= kColumnRight + kInkSlack);
    CHECK(left >= kColumnLeft - kInkSlack);
}

// Content set up by `fill`, drawn whole at 320 px at DPR 1 and 2, then checked.
template <class Fill>
void checkAtPhoneWidth(Fill&& fill) {
    for (float dpr : {1.0f, 2.0f}) {
        CAPTURE(dpr);
        UiSession ui;
        fill(ui);
        ui.frames(320, dpr);
        checkInsideColumn(ui, dpr);
    }
}

} // namespace

TEST_CASE("the default article, feed and reviews stay inside the column at 320 px") {
    checkAtPhoneWidth([](UiSession& ui) {
        ui.loadArticle();
        ui.loadFeed();
        ui.serveReviews(5);
    });
}

TEST_CASE("words too long for a line are broken inside the column: headline, meta, body, News Line, reviews") {
    checkAtPhoneWidth([](UiSession& ui) {
        REQUIRE(ui.loadArticleJson(stressedArticle()));
        ui.loadFeed(stressedFeed());
        ui.serveReviews(3, kLongWord, "Agreed: " + kLongUrl);
    });
}

TEST_CASE("a long typed name, email and text stay inside their boxes; a long back label stays on one line") {
    checkAtPhoneWidth([](UiSession& ui) {
        ui.loadArticle();
        ui.widget().setBackLabel(repeat("A very long headline of the previous article ", 3));
        ui.fonts().enableTyping();
        ui.type("name", kLongWord);
        ui.type("email", kLongWord + "@example.com");
        ui.type("body", kLongWord + " " + kLongUrl);
        ui.submit(); // every message shows too
    });
}

TEST_CASE("a back label too long for the column is cut to one line; assistive technology gets all of it") {
    UiSession ui;
    ui.loadArticle();
    const std::string label = repeat("A very long headline of the previous article ", 3);
    ui.widget().setBackLabel(label);
    ui.frames(320, 2);
    const json back = controlById(ui.host.lastControls(), "back");
    CHECK(back.at("label") == "Back to: " + label);
    const Box b = boxOf(back.at("rect"));
    CHECK(b.right() <= kColumnRight);
    std::vector<float> tops;
    for (const GlyphInk& g : glyphsDrawn(2))
        if (g.top >= b.y && g.bottom <= b.bottom()) tops.push_back(g.top);
    REQUIRE(tops.size() > 20); // the link's glyphs
    CHECK(*std::max_element(tops.begin(), tops.end()) - *std::min_element(tops.begin(), tops.end()) < 12); // one line
}

TEST_CASE("the summary, an open report step and Show more reviews stay inside the column at 320 px") {
    checkAtPhoneWidth([](UiSession& ui) {
        ui.loadArticle();
        ui.serveReviews(20, "Gülnar Məmmədova-Hüseynzadə of the Lankaran Regional Readers' Association", "",
                        "https://news.example/api/reviews?item=x&cursor=20");
        ui.serveSummary();
        ui.widget().action("report:00000000-0000-4000-8000-000000000000");
        ui.widget().desk()->setReportNote(std::string(40, 'w') + " a long note that wraps over several lines of the field");
    });
}
