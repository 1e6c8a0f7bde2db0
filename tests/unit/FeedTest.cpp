#include "core/Feed.h"

#include "core/Article.h"
#include "TestHelpers.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>

using aw::formatItemTime;
using aw::parseFeed;
using Json = nlohmann::json;

namespace {

// 2024-03-17T18:30:00+04:00, the seed article's publication time.
constexpr std::int64_t kSeedTime = 1710685800;

std::string feedWith(const Json& items) {
    return Json{{"version", "https://jsonfeed.org/version/1.1"}, {"title", "News Line"}, {"items", items}}.dump();
}

Json item(const std::string& id, const std::string& date = "2024-03-17T18:30:00+04:00") {
    return {{"id", id}, {"url", "https://news.example.com/" + id}, {"title", "Story " + id}, {"date_published", date}};
}

} // namespace

TEST_CASE("a valid feed") {
    const auto r = parseFeed(R"({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "News &amp; Views",
        "home_page_url": "https://news.example.com/",
        "extra": {"ignored": true},
        "items": [{
            "id": "a1", "url": "https://news.example.com/a1", "title": "  A <em>first</em> story ",
            "summary": "<p>Short &amp; sweet.</p>", "date_published": "2024-03-17T18:30:00+04:00", "tags": ["x"]
        }]
    })", "https://news.example.com/feed.json");
    REQUIRE_MESSAGE(r.ok(), r.error());
    const auto& f = r.value();
    CHECK(f.warnings.empty());
    REQUIRE(f.items.size() == 1);
    const auto& i = f.items[0];
    CHECK(i.id == "a1");
    CHECK(i.url == "https://news.example.com/a1");
    CHECK(i.title == "A first story");
    CHECK(i.datePublished == "2024-03-17T18:30:00+04:00");
    CHECK(i.publishedAt == kSeedTime);
    CHECK_FALSE(i.opensInWidget);
}

TEST_CASE("top-level problems are errors that name the field") {
    CHECK(parseFeed("[1]", "f.json").error() == "feed: expected a JSON object, got array");
    CHECK(parseFeed("\"feed\"", "f.json").error() == "feed: expected a JSON object, got string");
    CHECK(parseFeed(R"({"title":"t","items":[]})", "f.json").error() == "version: missing (required)");
    CHECK(parseFeed(R"({"version":1.1,"title":"t","items":[]})", "f.json").error() ==
          "version: expected a string, got number");
    CHECK(parseFeed(R"({"version":"https://example.com/rss","title":"t","items":[]})", "f.json").error() ==
          "version: expected a JSON Feed version such as \"https://jsonfeed.org/version/1.1\", got \"https://example.com/rss\"");
    CHECK(parseFeed(R"({"version":"https://jsonfeed.org/version/1","items":[]})", "f.json").error() ==
          "title: missing (required)");
    CHECK(parseFeed(R"({"version":"https://jsonfeed.org/version/1","title":["t"],"items":[]})", "f.json").error() ==
          "title: expected a string, got array");
    CHECK(parseFeed(R"({"version":"https://jsonfeed.org/version/1","title":"t"})", "f.json").error() ==
          "items: missing (required)");
    CHECK(parseFeed(R"({"version":"https://jsonfeed.org/version/1","title":"t","items":{}})", "f.json").error() ==
          "items: expected an array, got object");
    // Fields the News Line does not use are not read, so they cannot fail it.
    CHECK(parseFeed(R"({"version":"https://jsonfeed.org/version/1","title":"t","home_page_url":5,"items":[]})", "f.json")
              .ok());
    CHECK(parseFeed("", "f.json").error().rfind("feed is not valid JSON: ", 0) == 0);
    CHECK(parseFeed(R"({"version": )", "f.json").error().find("line 1") != std::string::npos);
    CHECK(parseFeed(std::string(aw::kMaxFeedBytes + 1, ' '), "f.json").error() ==
          "feed is too large (4 MB; the limit is 4 MB)");
}

TEST_CASE("an empty feed is a feed") {
    const auto r = parseFeed(feedWith(Json::array()), "news-line.json");
    REQUIRE(r.ok());
    CHECK(r.value().items.empty());
    CHECK(r.value().warnings.empty());
}

TEST_CASE("bad items are skipped and named; good ones kept") {
    Json items = Json::array();
    items.push_back(item("good1"));
    items.push_back(42);
    items.push_back({{"url", "https://news.example.com/x"}, {"title", "No id"}});
    items.push_back({{"id", "u"}, {"url", 7}, {"title", "Bad url"}});
    items.push_back({{"id", "j"}, {"url", "javascript:alert(1)"}, {"title", "Script"}});
    items.push_back({{"id", "t"}, {"url", "https://news.example.com/t"}, {"title", 5}});
    items.push_back({{"id", "n"}, {"url", "https://news.example.com/n"}});
    items.push_back({{"id", "nu"}, {"title", "No url"}});
    items.push_back({{"id", ""}, {"url", "https://news.example.com/e"}, {"title", "Empty id"}});
    items.push_back({{"id", "s"}, {"url", "https://news.example.com/s"}, {"title", "x"}, {"summary", {"a"}}});
    items.push_back({{"id", "d"}, {"url", "https://news.example.com/d"}, {"title", "x"}, {"date_published", 2024}});
    items.push_back({{"id", "c"}, {"url", "https://news.example.com/c"}, {"content_text", false}});
    items.push_back({{"id", {"x"}}, {"url", "https://news.example.com/o"}, {"title", "Array id"}});
    items.push_back(item("good1"));
    items.push_back(item("good2"));
    const auto r = parseFeed(feedWith(items), "https://news.example.com/feed.json");
    REQUIRE_MESSAGE(r.ok(), r.error());
    const auto& f = r.value();
    REQUIRE(f.items.size() == 2);
    CHECK(f.items[0].id == "good1");
    CHECK(f.items[1].id == "good2");
    const std::vector<std::string> expected = {
        "items[1]: expected an object, got number",
        "items[2]: id: missing (required)",
        "items[3]: url: expected a string, got number",
        "items[4]: url: javascript: links are not allowed",
        "items[5]: title: expected a string, got number",
        "items[6]: title: missing, and no content_text or summary to make one from",
        "items[7]: url: missing (required)",
        "items[8]: id: is empty",
        "items[9]: summary: expected a string, got array",
        "items[10]: date_published: expected a string, got number",
        "items[11]: content_text: expected a string, got boolean",
        "items[12]: id: expected a string, got array",
        "items[13]: id: repeats an earlier item's id",
    };
    CHECK(f.warnings == expected);
}

TEST_CASE("numeric ids are read as strings, as JSON Feed 1.0 asked") {
    const auto r = parseFeed(feedWith(Json::array({{{"id", 17}, {"url", "https://n.example/a"}, {"title", "T"}}})), "");
    REQUIRE(r.ok());
    REQUIRE(r.value().items.size() == 1);
    CHECK(r.value().items[0].id == "17");
}

TEST_CASE("an item without a title is named from the start of its text") {
    Json items = Json::array();
    items.push_back({{"id", "a"}, {"url", "https://n.example/a"}, {"content_text", "Short note."}});
    items.push_back({{"id", "b"}, {"url", "https://n.example/b"}, {"title", " "},
                     {"content_text", "The ferry timetable for the spring season has been published, with extra "
                                      "sailings on weekdays and a new late departure on Fridays."}});
    items.push_back({{"id", "c"}, {"url", "https://n.example/c"}, {"summary", "<b>Summary</b> only"}});
    items.push_back({{"id", "d"}, {"url", "https://n.example/d"},
                     {"content_text", std::string(200, 'x')}});
    items.push_back({{"id", "e"}, {"url", "https://n.example/e"},
                     {"content_text", "Kitab s\xC9\x99rgisi a\xC3\xA7\xC4\xB1ld\xC4\xB1 "}});
    const auto r = parseFeed(feedWith(items), "");
    REQUIRE(r.ok());
    REQUIRE(r.value().items.size() == 5);
    CHECK(r.value().items[0].title == "Short note.");
    CHECK(r.value().items[1].title ==
          "The ferry timetable for the spring season has been published, with extra\xE2\x80\xA6");
    CHECK(r.value().items[2].title == "Summary only");
    CHECK(r.value().items[3].title == std::string(80, 'x') + "\xE2\x80\xA6");
    CHECK(r.value().items[4].title == "Kitab s\xC9\x99rgisi a\xC3\xA7\xC4\xB1ld\xC4\xB1");
}

TEST_CASE("items are sorted newest first; undated and unreadable dates last, in feed order") {
    Json items = Json::array();
    items.push_back(item("mid", "2024-03-17T18:30:00+04:00"));
    items.push_back({{"id", "undated1"}, {"url", "https://n.example/u1"}, {"title", "U1"}});
    items.push_back(item("old", "2024-03-01T09:00:00Z"));
    items.push_back(item("bad", "17 March 2024"));
    items.push_back(item("new", "2024-03-26T09:40:00+04:00"));
    items.push_back(item("sameAsMid", "2024-03-17T14:30:00Z"));
    items.push_back({{"id", "undated2"}, {"url", "https://n.example/u2"}, {"title", "U2"}});
    // 23:30 in New York on the 16th is 03:30 UTC on the 17th: newer than "old", older than "mid".
    items.push_back(item("ny", "2024-03-16T23:30:00-0400"));
    const auto r = parseFeed(feedWith(items), "https://news.example.com/feed.json");
    REQUIRE(r.ok());
    std::vector<std::string> order;
    for (const auto& i : r.value().items) order.push_back(i.id);
    CHECK(order == std::vector<std::string>{"new", "mid", "sameAsMid", "ny", "old", "undated1", "bad", "undated2"});
    REQUIRE(r.value().warnings.size() == 1);
    CHECK(r.value().warnings[0] == "items[3]: date_published: \"17 March 2024\" is not an RFC 3339 date; listed last");
}

TEST_CASE("item URLs resolve against the feed's URL; article JSON on the same site opens in the widget") {
    Json items = Json::array();
    auto add = [&](const std::string& id, const std::string& url) {
        items.push_back({{"id", id}, {"url", url}, {"title", id}});
    };
    add("rel", "articles/x.json");
    add("up", "../articles/y.JSON");
    add("root", "/articles/z.json?v=1");
    add("abs-same", "https://news.example.com/articles/w.json");
    add("abs-other", "https://other.example.com/articles/w.json");
    add("same-page", "https://news.example.com/2024/03/story");
    add("port", "https://news.example.com:8443/articles/w.json");
    add("scheme-rel", "//news.example.com/articles/s.json");
    add("json-query", "https://news.example.com/api?format=.json");

    const auto abs = parseFeed(feedWith(items), "https://news.example.com/feeds/news-line.json");
    REQUIRE(abs.ok());
    CHECK(abs.value().warnings.empty());
    const auto& a = abs.value().items;
    REQUIRE(a.size() == 9);
    CHECK(a[0].url == "https://news.example.com/feeds/articles/x.json");
    CHECK(a[0].opensInWidget);
    CHECK(a[1].url == "https://news.example.com/articles/y.JSON");
    CHECK(a[1].opensInWidget);
    CHECK(a[2].url == "https://news.example.com/articles/z.json?v=1");
    CHECK(a[2].opensInWidget);
    CHECK(a[3].opensInWidget);
    CHECK_FALSE(a[4].opensInWidget);
    CHECK_FALSE(a[5].opensInWidget);
    CHECK_FALSE(a[6].opensInWidget);
    CHECK(a[7].url == "https://news.example.com/articles/s.json");
    CHECK(a[7].opensInWidget);
    CHECK_FALSE(a[8].opensInWidget);

    const auto rel = parseFeed(feedWith(items), "feeds/news-line.json");
    REQUIRE(rel.ok());
    const auto& r = rel.value().items;
    REQUIRE(r.size() == 8);
    CHECK(r[0].url == "feeds/articles/x.json");
    CHECK(r[0].opensInWidget);
    CHECK(r[1].url == "articles/y.JSON");
    CHECK(r[1].opensInWidget);
    CHECK(r[2].url == "/articles/z.json?v=1");
    CHECK(r[2].opensInWidget);
    // Against a page-relative feed, an absolute URL's origin is unknown: an ordinary link.
    CHECK_FALSE(r[3].opensInWidget);
    REQUIRE(rel.value().warnings.size() == 1);
    CHECK(rel.value().warnings[0] ==
          "items[7]: url: scheme-relative URL (//host) cannot be resolved without an absolute base URL");
}

TEST_CASE("the number of items and warnings kept is bounded") {
    Json items = Json::array();
    for (int i = 0; i < 250; ++i) {
        char date[40];
        std::snprintf(date, sizeof date, "2024-03-%02dT%02d:%02d:00Z", 1 + i % 28, i % 24, i % 60);
        items.push_back(item("i" + std::to_string(i), date));
    }
    for (int i = 0; i < 30; ++i) items.push_back(i);
    const auto r = parseFeed(feedWith(items), "https://news.example.com/feed.json");
    REQUIRE(r.ok());
    const auto& f = r.value();
    CHECK(f.items.size() == aw::kMaxFeedItems);
    CHECK(std::is_sorted(f.items.begin(), f.items.end(),
                         [](const auto& a, const auto& b) { return *a.publishedAt > *b.publishedAt; }));
    REQUIRE(f.warnings.size() == aw::kMaxFeedWarnings + 1);
    CHECK(f.warnings[0] == "feed has 250 items; only the newest 200 are kept");
    CHECK(f.warnings[1] == "items[250]: expected an object, got number");
    CHECK(f.warnings.back() == "... and 11 more warnings");
}

TEST_CASE("time labels: today shows the time, other days the date, in the reader's time zone") {
    const std::string seed = "2024-03-17T18:30:00+04:00"; // 14:30 UTC
    const std::int64_t laterThatDay = kSeedTime + 3 * 3600;
    // A reader in Baku (+04:00) sees it at 18:30 on their today.
    CHECK(formatItemTime(seed, laterThatDay, 240) == "18:30");
    CHECK(formatItemTime(seed, laterThatDay, 0) == "14:30");
    // In Tokyo (+09:00) it is 23:30 on the 17th; three hours later it is already the 18th there.
    CHECK(formatItemTime(seed, kSeedTime, 540) == "23:30");
    CHECK(formatItemTime(seed, laterThatDay, 540) == "17 Mar");
    // In Los Angeles (-07:00 in March) it is 07:30; before local midnight it is still today.
    CHECK(formatItemTime(seed, laterThatDay, -420) == "07:30");
    // Kathmandu's +05:45: 20:15.
    CHECK(formatItemTime(seed, laterThatDay, 345) == "20:15");
    // Just before and after the reader's midnight.
    const std::int64_t bakuMidnight = 1710705600; // 2024-03-18T00:00:00+04:00
    CHECK(formatItemTime("2024-03-17T23:59:00+04:00", bakuMidnight - 30, 240) == "23:59");
    CHECK(formatItemTime("2024-03-17T23:59:00+04:00", bakuMidnight, 240) == "17 Mar");
    CHECK(formatItemTime("2024-03-18T00:00:00+04:00", bakuMidnight, 240) == "00:00");
    CHECK(formatItemTime("2024-03-18T00:00:00+04:00", bakuMidnight - 1, 240) == "18 Mar");
    // Offsets written in the ISO string move the moment, not the label's zone.
    CHECK(formatItemTime("2024-03-17T09:30:00-0500", laterThatDay, 240) == "18:30");
    CHECK(formatItemTime("2024-03-17T14:30:00Z", laterThatDay, 240) == "18:30");
    // Other years carry the year; bare dates are shown as dates.
    CHECK(formatItemTime("2023-03-16T10:00:00+04:00", kSeedTime, 240) == "16 Mar 2023");
    CHECK(formatItemTime("2024-01-05T10:00:00+04:00", kSeedTime, 240) == "5 Jan");
    CHECK(formatItemTime("2024-03-17", kSeedTime, 240) == "17 Mar");
    CHECK(formatItemTime("2023-12-31", kSeedTime, 240) == "31 Dec 2023");
    // New Year's Eve in UTC is already next year in Baku.
    CHECK(formatItemTime("2023-12-31T21:00:00Z", 1704067200 + 3600, 0) == "31 Dec 2023");
    CHECK(formatItemTime("2023-12-31T21:00:00Z", 1704067200 + 3600, 240) == "01:00");
    CHECK(formatItemTime("yesterday", kSeedTime, 240).empty());
    CHECK(formatItemTime("", kSeedTime, 240).empty());
}

TEST_CASE("the shipped News Line parses, newest first, with the seed article opening in the widget") {
    const auto r = parseFeed(readRepoFile("assets/news-line.json"), "news-line.json");
    REQUIRE_MESSAGE(r.ok(), r.error());
    const auto& f = r.value();
    CHECK(f.warnings.empty());
    CHECK(f.items.size() >= 6);
    CHECK(std::is_sorted(f.items.begin(), f.items.end(),
                         [](const auto& a, const auto& b) { return a.publishedAt > b.publishedAt; }));
    const auto seed = std::find_if(f.items.begin(), f.items.end(), [](const auto& i) { return i.id == "stoltenberg-baku"; });
    REQUIRE(seed != f.items.end());
    CHECK(seed->url == "articles/stoltenberg-baku.json");
    CHECK(seed->title == "For what purpose did NATO Secretary General Jens Stoltenberg arrive in Baku?");
    CHECK(seed->publishedAt == kSeedTime);
    CHECK(seed->opensInWidget);
    CHECK(formatItemTime(seed->datePublished, kSeedTime + 60, 240) == "18:30");

    // Every item that opens in the widget names a shipped article that parses, with the same headline.
    int local = 0;
    for (const auto& item : f.items) {
        if (!item.opensInWidget) {
            CHECK_MESSAGE(item.url.rfind("https://", 0) == 0, item.url);
            continue;
        }
        ++local;
        const auto article = aw::parseArticle(readRepoFile("assets/" + item.url));
        REQUIRE_MESSAGE(article.ok(), (item.url + ": " + article.error()));
        CHECK(article.value().headline == item.title);
        CHECK(article.value().id == item.id);
        CHECK(article.value().datePublished == item.datePublished);
    }
    CHECK(local == 5);
}

TEST_CASE("every shipped article parses") {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(AW_SOURCE_DIR) + "/assets/articles")) {
        if (entry.path().extension() != ".json") continue;
        ++count;
        const std::string name = "assets/articles/" + entry.path().filename().string();
        const auto r = aw::parseArticle(readRepoFile(name));
        REQUIRE_MESSAGE(r.ok(), (name + ": " + r.error()));
        const auto& a = r.value();
        CHECK_MESSAGE(a.paragraphs.size() >= 3, name);
        CHECK_MESSAGE(a.url == "articles/" + entry.path().filename().string(), name);
        // English, or the language its name says: stoltenberg-baku.az.json is the Azerbaijani demo translation.
        const std::string stem = entry.path().stem().string();
        const auto dot = stem.rfind('.');
        CHECK_MESSAGE(a.language == (dot == std::string::npos ? "en" : stem.substr(dot + 1)), name);
        CHECK_MESSAGE(!aw::formatDate(a.datePublished).empty(), name);
    }
    CHECK(count >= 4);
}

TEST_CASE("invalid UTF-8 in a feed costs a character and is reported with its offset") {
    const std::string json = feedWith(Json::array({item("a")}));
    const std::size_t at = json.find("Story a");
    std::string damaged = json;
    damaged.replace(at + 5, 1, "\xC3"); // "Stor\xC3 a": a lead byte without its continuation
    const auto r = parseFeed(damaged, "https://news.example.com/feed.json");
    REQUIRE_MESSAGE(r.ok(), r.error());
    REQUIRE(r.value().items.size() == 1);
    CHECK(r.value().items[0].title == "Story\xEF\xBF\xBD" "a");
    CHECK(r.value().warnings ==
          std::vector<std::string>{"invalid UTF-8 at byte offset " + std::to_string(at + 5) + ", read as U+FFFD"});
}

TEST_CASE("numbers too large for a double are a message, not an exception") {
    const auto r = parseFeed(R"({"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":1e400}]})", "f.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().rfind("feed is not valid JSON: number overflow parsing '1e400'", 0) == 0);
}

TEST_CASE("a feed of very many bad items keeps its warnings bounded while it is read") {
    std::string json = R"({"version":"https://jsonfeed.org/version/1.1","title":"t","items":[)";
    for (int i = 0; i < 200000; ++i) json += i ? ",7" : "7";
    json += "]}";
    const auto r = parseFeed(json, "f.json");
    REQUIRE(r.ok());
    REQUIRE(r.value().warnings.size() == aw::kMaxFeedWarnings + 1);
    CHECK(r.value().warnings.back() == "... and " + std::to_string(200000 - aw::kMaxFeedWarnings) + " more warnings");

    Json items = Json::array();
    for (int i = 0; i < 20000; ++i) items.push_back(item("same"));
    const auto repeats = parseFeed(feedWith(items), "f.json");
    REQUIRE(repeats.ok());
    CHECK(repeats.value().items.size() == 1);
    CHECK(repeats.value().warnings[0] == "items[1]: id: repeats an earlier item's id");
}
