// Where the column and the News Line go at phone, tablet and desktop widths,
// and the content height the shell sizes the page box to.
#include "UiHarness.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace uitest;

namespace {

struct Expected {
    float cssWidth;
    float columnX, columnWidth; // CSS px
    bool newsBeside;
};

// From Theme's typography: a 648 px measure (36 body ems), 18 px side padding
// under 600 px and 32 above, a 300 px News Line 56 px beside the column from
// 1068 px on (measure + gap + sidebar + both paddings).
constexpr Expected kWidths[] = {
    {320, 18, 284, false},
    {768, 60, 648, false},
    {1280, 138, 648, true},
};

// The lowest thing the shell places: a control's box or a line of the text layer.
float lowestBottom(const FakeHost& host) {
    float bottom = 0;
    const json controls = host.lastControls();
    for (const auto& c : controls.at("controls"))
        if (c.contains("rect")) bottom = std::max(bottom, boxOf(c.at("rect")).bottom());
    for (const auto& l : allLines(host)) bottom = std::max(bottom, boxOf(l).bottom());
    return bottom;
}

// The default article and the News Line, drawn at each width and DPR 1 and 2.
template <class Check>
void atEachWidth(Check&& check) {
    for (const Expected& e : kWidths) {
        for (float dpr : {1.0f, 2.0f}) {
            CAPTURE(e.cssWidth);
            CAPTURE(dpr);
            UiSession ui;
            ui.loadArticle();
            ui.loadFeed();
            ui.frames(e.cssWidth, dpr);
            check(ui, e);
        }
    }
}

} // namespace

TEST_CASE("the column's place and width at 320, 768 and 1280 px, DPR 1 and 2") {
    atEachWidth([](UiSession& ui, const Expected& e) {
        const json headline = ui.host.lastSemantics().at("blocks").at(0);
        CHECK(headline.at("role") == "heading");
        CHECK(boxOf(headline.at("lines").at(0)).x == e.columnX);
        // The name field spans the column.
        const Box name = boxOf(controlById(ui.host.lastControls(), "name").at("rect"));
        CHECK(name.x == e.columnX);
        CHECK(name.w == e.columnWidth);
        // Every line of the article's text layer starts at the column's left edge and stays inside it.
        const json semantics = ui.host.lastSemantics();
        for (const auto& block : semantics.at("blocks"))
            for (const auto& l : block.at("lines")) {
                CHECK(boxOf(l).x == e.columnX);
                CHECK(boxOf(l).right() <= e.columnX + e.columnWidth);
            }
    });
}

TEST_CASE("the News Line sits beside the article on wide widgets and under everything on narrow ones") {
    atEachWidth([](UiSession& ui, const Expected& e) {
        const json controls = ui.host.lastControls();
        const Box heading = boxOf(controlById(controls, "news-heading").at("rect"));
        const Box item = boxOf(controlById(controls, "news:0").at("rect"));
        const Box follow = boxOf(controlById(controls, "follow:0").at("rect"));
        if (e.newsBeside) {
            CHECK(heading.x == e.columnX + e.columnWidth + 56);
            CHECK(item.w == 300);
            CHECK(heading.y == 8); // level with the headline
            CHECK(heading.y < follow.y);
        } else {
            CHECK(heading.x == e.columnX);
            CHECK(item.w == e.columnWidth);
            CHECK(heading.y > follow.bottom()); // after the follow buttons, the last thing under the article
        }
    });
}

TEST_CASE("without a feed the column is centred, even on a wide widget") {
    UiSession ui;
    ui.loadArticle();
    ui.frames(1280, 1);
    CHECK(boxOf(controlById(ui.host.lastControls(), "name").at("rect")).x == (1280 - 648) / 2);
    CHECK(controlById(ui.host.lastControls(), "news-heading").is_null());
}

TEST_CASE("a feed on its way keeps the News Line's place on wide widgets, so the article does not move when it comes") {
    UiSession ui;
    ui.loadArticle();
    ui.widget().expectFeed(true);
    ui.frames(1280, 1);
    CHECK(boxOf(controlById(ui.host.lastControls(), "name").at("rect")).x == 138);
    ui.loadFeed();
    ui.frames(1280, 1);
    CHECK(boxOf(controlById(ui.host.lastControls(), "name").at("rect")).x == 138);
}

TEST_CASE("the content height reported is the lowest line or control plus the bottom padding") {
    atEachWidth([](UiSession& ui, const Expected&) {
        REQUIRE(!ui.host.heights.empty());
        const float height = ui.host.heights.back();
        CHECK(height == std::ceil(height)); // whole CSS px: the page box never gets a fraction
        const float bottom = lowestBottom(ui.host);
        CHECK(height >= bottom + aw::ui::space::ContentBottom);
        CHECK(height <= bottom + 41);
    });
}

TEST_CASE("the content height is the same at DPR 1 and 2, within rounding") {
    for (const Expected& e : kWidths) {
        CAPTURE(e.cssWidth);
        UiSession one, two;
        for (UiSession* ui : {&one, &two}) ui->loadArticle(), ui->loadFeed();
        one.frames(e.cssWidth, 1);
        two.frames(e.cssWidth, 2);
        CHECK(std::abs(one.host.heights.back() - two.host.heights.back()) <= 0.02f * one.host.heights.back());
    }
}

TEST_CASE("the content height is reported once, not on every frame") {
    UiSession ui;
    ui.loadArticle();
    ui.loadFeed();
    ui.frames(768, 1, 5);
    CHECK(ui.host.heights.size() == 1);
    ui.frames(768, 1, 3, 400); // scrolled
    CHECK(ui.host.heights.size() == 1);
}

TEST_CASE("the News Line moves beside the article from 1068 px, where the column, gap, sidebar and padding fit") {
    for (float dpr : {1.0f, 2.0f}) {
        CAPTURE(dpr);
        UiSession narrow, wide;
        for (UiSession* ui : {&narrow, &wide}) ui->loadArticle(), ui->loadFeed();
        narrow.frames(1067, dpr);
        wide.frames(1068, dpr);
        const Box under = boxOf(controlById(narrow.host.lastControls(), "news-heading").at("rect"));
        const Box beside = boxOf(controlById(wide.host.lastControls(), "news-heading").at("rect"));
        CHECK(under.x == boxOf(controlById(narrow.host.lastControls(), "name").at("rect")).x);
        CHECK(beside.x == 32 + 648 + 56);
        CHECK(beside.y == 8);
    }
}
