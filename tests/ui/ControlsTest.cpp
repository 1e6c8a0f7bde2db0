// The controls the shell mirrors over the drawn widget: which there are, of
// what kind, in which part, and where (CSS px of the widget's content).
#include "UiHarness.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace uitest;

namespace {

std::vector<std::string> idsOf(const json& controls) {
    std::vector<std::string> ids;
    for (const auto& c : controls.at("controls")) ids.push_back(c.at("id"));
    return ids;
}

// The default article with the News Line, drawn once at `width`.
json controlsAt(float width, float dpr = 1) {
    UiSession ui;
    ui.loadArticle();
    ui.loadFeed();
    ui.frames(width, dpr);
    return ui.host.lastControls();
}

} // namespace

TEST_CASE("an article with its feed has the form, the list, the follow buttons and the News Line, in reading order") {
    const json controls = controlsAt(768);
    const std::vector<std::string> expected = {
        "heading", "intro", "name", "email", "rating", "body", "website", "submit", "notice", "reviews",
        "follow-heading", "follow:0", "follow:1", "follow:2", "follow:3", "follow:4", "follow:5",
        "news-heading", "news:0", "news:1", "news:2", "news:3", "news:4", "news:5", "news-more"};
    CHECK(idsOf(controls) == expected);
    CHECK(controls.at("item") == "aw-outbox:stoltenberg-baku");
    CHECK(controls.at("valueVersion") == 0);
}

TEST_CASE("each control has its kind and its part; the review list is not part of the form") {
    const json controls = controlsAt(768);
    const struct { const char* id; const char* kind; const char* part; } expected[] = {
        {"heading", "heading", "review"}, {"intro", "text", "review"},       {"name", "input", "review"},
        {"email", "input", "review"},     {"rating", "stars", "review"},     {"body", "textarea", "review"},
        {"website", "honeypot", "review"}, {"submit", "button", "review"},   {"notice", "status", "review"},
        {"reviews", "list", ""},          {"follow-heading", "heading", "follow"}, {"follow:0", "link", "follow"},
        {"news-heading", "heading", "news"}, {"news:0", "link", "news"},     {"news-more", "action", "news"},
    };
    for (const auto& e : expected) {
        CAPTURE(e.id);
        const json c = controlById(controls, e.id);
        REQUIRE(!c.is_null());
        CHECK(c.at("kind") == e.kind);
        CHECK(c.value("part", "") == e.part);
    }
}

TEST_CASE("the form's fields say what they are: labels, which are required, values, the text's counter") {
    const json controls = controlsAt(768);
    const json name = controlById(controls, "name"), email = controlById(controls, "email"), body = controlById(controls, "body");
    CHECK(name.at("label") == "Your name");
    CHECK(name.at("required") == true);
    CHECK(email.at("label") == "Email");
    CHECK(email.at("required") == false);
    CHECK(body.at("label") == "Your review");
    CHECK(body.at("required") == true);
    CHECK(body.at("counter") == "2000 characters left");
    for (const json& c : {name, email, body}) {
        CHECK(c.at("value") == "");
        CHECK(c.at("message") == "");
    }
    const json submit = controlById(controls, "submit");
    CHECK(submit.at("label") == "Send review");
    CHECK(submit.at("disabled") == false);
    CHECK(controlById(controls, "notice").at("text") == "");
    CHECK(controlById(controls, "reviews").at("label") == "Reviews");
}

TEST_CASE("the announced-only controls have no box; every other one has a box inside the widget and the content") {
    for (float width : {320.0f, 768.0f, 1280.0f}) {
        CAPTURE(width);
        UiSession ui;
        ui.loadArticle();
        ui.loadFeed();
        ui.frames(width, 2);
        const json controls = ui.host.lastControls();
        for (const auto& c : controls.at("controls")) {
            CAPTURE(c.at("id").get<std::string>());
            const std::string id = c.at("id");
            const bool announced = id == "intro" || id == "website" || id == "reviews" || id == "notice";
            CHECK(c.contains("rect") == !announced);
            if (!c.contains("rect")) continue;
            const Box b = boxOf(c.at("rect"));
            CHECK(b.x >= 0);
            CHECK(b.y >= 0);
            CHECK(b.w > 0);
            CHECK(b.h > 0);
            CHECK(b.right() <= width);
            CHECK(b.bottom() <= ui.host.heights.back());
        }
    }
}

TEST_CASE("the rating is five touch-sized stars side by side") {
    const json rating = controlById(controlsAt(320, 2), "rating");
    CHECK(rating.at("value") == 0);
    CHECK(rating.at("label") == "Your rating");
    const json& options = rating.at("options");
    REQUIRE(options.size() == 5);
    const Box group = boxOf(rating.at("rect"));
    for (std::size_t i = 0; i < options.size(); ++i) {
        const Box star = boxOf(options[i].at("rect"));
        CHECK(star.w == 44);
        CHECK(star.h == 44);
        CHECK(star.y == group.y);
        CHECK(star.x == group.x + 44 * i);
    }
    CHECK(group.w == 5 * 44);
}

TEST_CASE("the fields stack down the column in form order, the send button under the text") {
    const json controls = controlsAt(320);
    float y = 0;
    for (const char* id : {"heading", "name", "email", "rating", "body", "submit"}) {
        CAPTURE(id);
        const Box b = boxOf(controlById(controls, id).at("rect"));
        CHECK(b.y >= y);
        y = b.bottom();
    }
    const Box submit = boxOf(controlById(controls, "submit").at("rect"));
    CHECK(submit.w == 200);
    CHECK(submit.h == 48);
}

TEST_CASE("each follow button is an external link to one profile, 44 px tall, wrapping inside the column") {
    const json controls = controlsAt(320);
    const auto follow = controlsOfPart(controls, "follow");
    REQUIRE(follow.size() == 7); // the heading and six profiles
    const std::vector<std::string> hrefs = {"https://www.facebook.com/caucasusherald", "https://x.com/caucasusherald",
                                            "https://www.instagram.com/caucasusherald", "https://www.youtube.com/@caucasusherald",
                                            "https://t.me/caucasusherald", "https://caucasusherald.example/rss.xml"};
    float rows = 0, lastY = -1;
    for (std::size_t i = 1; i < follow.size(); ++i) {
        const json& link = follow[i];
        CHECK(link.at("id") == "follow:" + std::to_string(i - 1));
        CHECK(link.at("href") == hrefs[i - 1]);
        CHECK(link.at("external") == true);
        const std::string label = link.at("label");
        CHECK((label.rfind("Follow us on ", 0) == 0 || label.rfind("Subscribe to ", 0) == 0));
        const Box b = boxOf(link.at("rect"));
        CHECK(b.h == 44);
        CHECK(b.right() <= 302);
        if (b.y != lastY) ++rows, lastY = b.y;
    }
    CHECK(rows > 1); // six buttons do not fit one 284 px row
    CHECK(controlById(controls, "follow:1").at("label") == "Follow us on X");
    CHECK(controlById(controls, "follow:5").at("label") == "Subscribe to our RSS feed");
}

TEST_CASE("News Line items link to their stories; the one being read is text, and article JSON opens in the widget") {
    const json controls = controlsAt(768);
    const json current = controlById(controls, "news:3"); // assets/news-line.json's fourth item is this article
    CHECK(current.at("kind") == "text");
    CHECK(!current.contains("href"));
    const json ferry = controlById(controls, "news:1");
    CHECK(ferry.at("kind") == "link");
    CHECK(ferry.at("href") == "https://news.example/articles/caspian-ferry-sailings.json");
    CHECK(ferry.at("openInWidget") == true);
    const json roads = controlById(controls, "news:0");
    CHECK(roads.at("href") == "https://herald.example.com/2024/03/mountain-roads-reopen");
    CHECK(roads.at("openInWidget") == false);
    CHECK(roads.at("label").get<std::string>().find("Mountain roads in the north reopen after winter closures") != std::string::npos);
    // Each item mirrors its drawn lines: the time label, then the headline's.
    const json& lines = roads.at("lines");
    REQUIRE(lines.size() >= 2);
    CHECK(lines.at(0).at("face") == "sans");
    CHECK(lines.at(1).at("face") == "sans-bold");
    const json readingLines = current.at("lines");
    CHECK(readingLines.at(0).at("text").get<std::string>().find("you are reading this") != std::string::npos);
}

TEST_CASE("\"Show more headlines\" is there while items are hidden; showing more lists them all") {
    UiSession ui;
    ui.loadArticle();
    ui.loadFeed();
    ui.frames(768, 1);
    CHECK(controlById(ui.host.lastControls(), "news:6").is_null());
    const json more = controlById(ui.host.lastControls(), "news-more");
    CHECK(more.at("label") == "Show more headlines");
    CHECK(boxOf(more.at("rect")).h == 44);
    const float height = ui.host.heights.back();
    ui.widget().showMoreNews();
    ui.frames(768, 1);
    CHECK(!controlById(ui.host.lastControls(), "news:7").is_null());
    CHECK(controlById(ui.host.lastControls(), "news-more").is_null());
    CHECK(ui.host.heights.back() > height);
}

TEST_CASE("the \"Back to\" link goes above the headline and pushes the article down") {
    UiSession ui;
    ui.loadArticle();
    ui.frames(768, 1);
    const float headlineTop = boxOf(ui.host.lastSemantics().at("blocks").at(0).at("lines").at(0)).y;
    ui.widget().setBackLabel("Caspian ferries add sailings as Middle Corridor freight grows");
    ui.frames(768, 1);
    const json back = controlById(ui.host.lastControls(), "back");
    REQUIRE(!back.is_null());
    CHECK(back.at("kind") == "action");
    CHECK(back.at("label") == "Back to: Caspian ferries add sailings as Middle Corridor freight grows");
    CHECK(!back.contains("part"));
    const Box b = boxOf(back.at("rect"));
    CHECK(b.h == 44);
    const float newTop = boxOf(ui.host.lastSemantics().at("blocks").at(0).at("lines").at(0)).y;
    CHECK(newTop == headlineTop + 44 + 12);
    CHECK(b.bottom() <= newTop);
    ui.widget().setBackLabel("");
    ui.frames(768, 1);
    CHECK(controlById(ui.host.lastControls(), "back").is_null());
}

TEST_CASE("without a reviews endpoint the form says reviews stay on this device") {
    UiSession ui(false);
    ui.loadArticle();
    ui.frames(768, 1);
    CHECK(controlById(ui.host.lastControls(), "intro").at("text") == "This site does not collect reviews: yours is kept on this device only.");
    CHECK(ui.host.fetches.empty());
    UiSession online;
    online.loadArticle();
    online.frames(768, 1);
    CHECK(controlById(online.host.lastControls(), "intro").at("text").get<std::string>().find("Email is optional and never shown") != std::string::npos);
    CHECK(online.host.fetches == std::vector<std::string>{"stoltenberg-baku"});
}
