// The review list's mirror (the shell's copy of each drawn review, onList):
// its items with 0, 1 and 50 reviews, and that it is rebuilt only when the
// reviews, their layout or their place change, never when the page scrolls.
#include "UiHarness.h"

#include <doctest/doctest.h>

#include <string>

using namespace uitest;

namespace {

constexpr float kColumnLeft = 18, kColumnRight = 302; // at 320 px

void checkInColumn(const Box& b) {
    CHECK(b.x >= kColumnLeft);
    CHECK(b.right() <= kColumnRight + 0.01f);
}

// The mirrored name and date lines of one listed review by `name`, at 320 px.
json headOfReviewBy(const std::string& name) {
    UiSession ui;
    ui.loadArticle();
    ui.serveReviews(1, name);
    ui.frames(320, 2);
    return ui.host.lastList()[0].at("head");
}

} // namespace

TEST_CASE("with no reviews the mirror holds the invitation to write the first, under the form") {
    UiSession ui;
    ui.loadArticle();
    ui.frames(320, 2);
    REQUIRE(ui.host.lists.size() == 1);
    const json list = ui.host.lastList();
    REQUIRE(list.size() == 1);
    CHECK(list[0].at("empty") == true);
    CHECK(list[0].at("text") == "No reviews yet. Be the first to share your view.");
    const Box b = boxOf(list[0].at("rect"));
    checkInColumn(b);
    CHECK(b.w == kColumnRight - kColumnLeft);
    CHECK(b.y > boxOf(controlById(ui.host.lastControls(), "submit").at("rect")).bottom());
}

TEST_CASE("one review: its name and date, its rating in words, its text's lines, inside its box") {
    UiSession ui;
    ui.loadArticle();
    ui.serveReviews(1);
    ui.frames(320, 1);
    const json list = ui.host.lastList();
    REQUIRE(list.size() == 1);
    const json& item = list[0];
    CHECK(item.at("rating") == "1 star of 5");
    const json& head = item.at("head");
    REQUIRE(head.size() >= 2);
    CHECK(head.at(0).at("text") == "Reader 1");
    CHECK(head.at(0).at("face") == "sans-bold");
    CHECK(head.back().at("text") == "20 March 2024");
    CHECK(head.back().at("face") == "sans");
    std::string text;
    for (const auto& l : item.at("lines")) {
        CHECK(l.at("face") == "sans");
        text += l.at("text").get<std::string>();
    }
    CHECK(item.at("lines").size() > 1); // wrapped at 284 px
    CHECK(text.rfind("Review number 1:", 0) == 0);
    const Box box = boxOf(item.at("rect"));
    checkInColumn(box);
    for (const char* key : {"head", "lines"})
        for (const auto& l : item.at(key)) {
            const Box lb = boxOf(l);
            checkInColumn(lb);
            CHECK(lb.y >= box.y);
            CHECK(lb.bottom() <= box.bottom());
        }
    CHECK(controlById(ui.host.lastControls(), "reviews").at("label") == "Reviews (1)");
}

TEST_CASE("fifty reviews: fifty items, stacked one under the other, newest first, all inside the column") {
    UiSession ui;
    ui.loadArticle();
    ui.serveReviews(50);
    ui.frames(320, 2, 2, 0, 800); // a phone's canvas: most reviews are off screen, and still mirrored
    const json list = ui.host.lastList();
    REQUIRE(list.size() == 50);
    float y = boxOf(list[0].at("rect")).y;
    for (const auto& item : list) {
        const Box b = boxOf(item.at("rect"));
        checkInColumn(b);
        CHECK(b.y == doctest::Approx(y).epsilon(1e-4));
        y = b.bottom();
        CHECK(!item.at("lines").empty());
    }
    CHECK(list[0].at("head").at(0).at("text") == "Reader 1");      // 20 March
    CHECK(list[49].at("head").at(0).at("text") == "Reader 38");    // 2 March, the oldest date, listed after Reader 19
    CHECK(controlById(ui.host.lastControls(), "reviews").at("label") == "Reviews (50)");
    CHECK(ui.host.heights.back() >= y + 40);
}

TEST_CASE("scrolling does not rebuild the list's mirror, nor send the controls again") {
    UiSession ui;
    ui.loadArticle();
    ui.serveReviews(50);
    ui.frames(320, 2, 2, 0, 800);
    const auto lists = ui.host.lists.size(), controls = ui.host.controls.size();
    for (float top = 0; top < 8000; top += 350) ui.frames(320, 2, 1, top, 800);
    CHECK(ui.host.lists.size() == lists);
    CHECK(ui.host.controls.size() == controls);
}

TEST_CASE("the mirror is rebuilt once when the reviews change, and once when the width changes") {
    UiSession ui;
    ui.loadArticle();
    ui.serveReviews(3); // their letters join the atlas: the changes below need no new glyphs
    ui.frames(768, 1, 3);
    const auto settled = ui.host.lists.size();
    ui.serveReviews(2);
    ui.frames(768, 1, 3);
    CHECK(ui.host.lists.size() == settled + 1);
    CHECK(ui.host.lastList().size() == 2);
    ui.frames(320, 1, 3);
    CHECK(ui.host.lists.size() == settled + 2);
    CHECK(boxOf(ui.host.lastList()[0].at("rect")).w == 284);
    ui.frames(320, 1, 3, 200);
    CHECK(ui.host.lists.size() == settled + 2);
}

TEST_CASE("reviews that bring letters the atlas lacks are laid out and mirrored once") {
    UiSession ui;
    ui.loadArticle();
    ui.frames(768, 1, 3);
    const auto settled = ui.host.lists.size();
    ui.serveReviews(3, "Şəhla Ümidova", "Çox maraqlı məqalə: ğ, ı, ö, ş, ü.");
    ui.frames(768, 1, 3);
    CHECK(ui.host.lists.size() == settled + 1);
}

TEST_CASE("the mirror follows the list when something above it moves it") {
    UiSession ui;
    ui.loadArticle();
    ui.serveReviews(2);
    ui.frames(768, 1);
    const float top = boxOf(ui.host.lastList()[0].at("rect")).y;
    const auto lists = ui.host.lists.size();
    ui.type("name", ""); // typed then cleared, and left: a message appears under the name
    ui.moveFocus("email", "name");
    ui.frames(768, 1);
    CHECK(ui.host.lists.size() == lists + 1);
    CHECK(boxOf(ui.host.lastList()[0].at("rect")).y > top);
}

TEST_CASE("a long name wraps inside the column at 320 px") {
    const json head = headOfReviewBy("Gülnar Məmmədova-Hüseynzadə of the Lankaran Regional Readers' Association");
    REQUIRE(head.size() >= 3); // two lines of name at least, then the date
    for (const auto& l : head) checkInColumn(boxOf(l));
}

TEST_CASE("a name that leaves no room for the date beside it has the date on the next line") {
    const json head = headOfReviewBy("Gülnar Məmmədova-Hüseynzadə");
    REQUIRE(head.size() == 2);
    const Box name = boxOf(head[0]), date = boxOf(head[1]);
    CHECK(date.x == kColumnLeft);
    CHECK(date.y >= name.bottom());
    checkInColumn(name);
    checkInColumn(date);
}

TEST_CASE("a short name has the date beside it, on the same line") {
    const json head = headOfReviewBy("Ann");
    REQUIRE(head.size() == 2);
    const Box name = boxOf(head[0]), date = boxOf(head[1]);
    CHECK(date.x > name.right());
    CHECK(date.y < name.bottom());
}

TEST_CASE("a review sent while the server has not confirmed it is listed as waiting to be sent") {
    UiSession ui;
    ui.loadArticle();
    ui.frames(768, 1);
    ui.sendReview();
    ui.frames(768, 1);
    const json list = ui.host.lastList();
    REQUIRE(list.size() == 1);
    CHECK(list[0].at("rating") == "4 stars of 5");
    CHECK(list[0].at("head").at(0).at("text") == "Ann");
    CHECK(list[0].at("head").back().at("text").get<std::string>().find("waiting to be sent") != std::string::npos);
}

TEST_CASE("another article opened in the widget lists its own reviews and form, not the last one's") {
    UiSession ui;
    ui.loadArticle();
    ui.serveReviews(4);
    ui.type("name", "Ann");
    ui.frames(768, 1);
    REQUIRE(ui.host.lastList().size() == 4);
    ui.loadArticle("articles/baku-book-fair.json");
    ui.frames(768, 1);
    const json list = ui.host.lastList();
    REQUIRE(list.size() == 1);
    CHECK(list[0].at("empty") == true);
    const json controls = ui.host.lastControls();
    CHECK(controls.at("item") == "aw-outbox:baku-book-fair");
    CHECK(controlById(controls, "name").at("value") == "");
    CHECK(controlById(controls, "reviews").at("label") == "Reviews");
    CHECK(ui.host.fetches.back() == "baku-book-fair");
}
