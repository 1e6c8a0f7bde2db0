// What the publisher is told on the console (WidgetHost::warn) about content
// the widget cannot show as given, and that the reader still gets the rest.
#include "UiHarness.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace uitest;

namespace {

std::string articleWith(void (*change)(json&)) {
    json a = json::parse(readRepoFile("assets/articles/stoltenberg-baku.json"));
    change(a);
    return a.dump();
}

bool warned(const FakeHost& host, const std::string& part) {
    return std::any_of(host.warnings.begin(), host.warnings.end(), [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

} // namespace

TEST_CASE("characters the fonts lack are named once on the console and still mirrored as written") {
    UiSession ui;
    REQUIRE(ui.loadArticleJson(articleWith([](json& a) { a["articleBody"] = "Tea from 漢字 country.\n\nA second paragraph."; })));
    ui.frames(768, 1);
    REQUIRE(ui.host.warnings.size() == 1);
    CHECK(ui.host.warnings[0].find("no glyphs for 2 characters") != std::string::npos);
    CHECK(ui.host.warnings[0].find("U+5B57") != std::string::npos); // 字, the lower code point
    ui.fonts().enableTyping(); // a rebuild with the same characters missing
    ui.frames(768, 1);
    CHECK(ui.host.warnings.size() == 1);
    const json semantics = ui.host.lastSemantics();
    bool mirrored = false;
    for (const auto& block : semantics.at("blocks"))
        for (const auto& l : block.at("lines")) mirrored = mirrored || l.at("text").get<std::string>().find("漢字") != std::string::npos;
    CHECK(mirrored);
}

TEST_CASE("a javascript: profile never becomes a follow button, with a console warning") {
    UiSession ui;
    REQUIRE(ui.loadArticleJson(articleWith([](json& a) {
        a["publisher"]["sameAs"] = {"https://www.facebook.com/caucasusherald", "javascript:alert(1)", "data:text/html,hi"};
    })));
    ui.frames(768, 1);
    const auto follow = controlsOfPart(ui.host.lastControls(), "follow");
    REQUIRE(follow.size() == 2); // the heading and Facebook
    CHECK(follow[1].at("href") == "https://www.facebook.com/caucasusherald");
    CHECK(std::count_if(ui.host.warnings.begin(), ui.host.warnings.end(),
                        [](const std::string& w) { return w.rfind("follow button dropped: ", 0) == 0; }) == 2);
}

TEST_CASE("a publisher without profiles has no follow section") {
    UiSession ui;
    REQUIRE(ui.loadArticleJson(articleWith([](json& a) { a["publisher"].erase("sameAs"); })));
    ui.frames(768, 1);
    CHECK(controlsOfPart(ui.host.lastControls(), "follow").empty());
    CHECK(ui.host.warnings.empty());
}

TEST_CASE("News Line items that cannot be read are left out with a warning; the rest are listed") {
    json feed = json::parse(readRepoFile("assets/news-line.json"));
    feed["items"][0]["url"] = 5;
    UiSession ui;
    ui.loadArticle();
    ui.loadFeed(feed.dump());
    ui.frames(768, 1);
    CHECK(warned(ui.host, "News Line: "));
    const json first = controlById(ui.host.lastControls(), "news:0");
    REQUIRE(!first.is_null());
    CHECK(first.at("href") != "https://herald.example.com/2024/03/mountain-roads-reopen");
}
