#include "core/Article.h"
#include "TestHelpers.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using aw::parseArticle;

namespace {
std::string minimal(const std::string& extra = "") {
    return R"({"@type":"NewsArticle","headline":"Title","articleBody":"One.\n\nTwo.")" + extra + "}";
}
} // namespace

TEST_CASE("the shipped default article parses into the seed's seven paragraphs") {
    const auto r = parseArticle(readRepoFile("assets/articles/stoltenberg-baku.json"));
    REQUIRE_MESSAGE(r.ok(), r.error());
    const auto& a = r.value();
    CHECK(a.headline == "For what purpose did NATO Secretary General Jens Stoltenberg arrive in Baku?");
    CHECK(a.section == "Difficult question");
    CHECK(a.paragraphs.size() == 7);
    CHECK(a.paragraphs.front().rfind("As an important step", 0) == 0);
    CHECK(a.paragraphs.back().find("shaping the future of the South Caucasus.") != std::string::npos);
    CHECK(aw::formatDate(a.datePublished) == "17 March 2024");
    CHECK(a.id == "stoltenberg-baku");
    CHECK(a.publisherProfiles.size() >= 3);
}

TEST_CASE("minimal valid article") {
    const auto r = parseArticle(minimal());
    REQUIRE(r.ok());
    CHECK(r.value().paragraphs == std::vector<std::string>{"One.", "Two."});
    CHECK(r.value().authors.empty());
    CHECK(aw::metaLine(r.value(), englishMessages()).empty());
}

TEST_CASE("missing required fields are named") {
    CHECK(parseArticle(R"({"articleBody":"x"})").error() == "headline: missing (required)");
    CHECK(parseArticle(R"({"headline":"x"})").error() == "articleBody: missing (required)");
    CHECK(parseArticle(R"({"headline":"x","articleBody":null})").error() == "articleBody: missing (required)");
    CHECK(parseArticle(R"({"headline":"  ","articleBody":"x"})").error() == "headline: is empty");
    CHECK(parseArticle(R"({"headline":"x","articleBody":"<p> </p>"})").error() == "articleBody: has no text");
}

TEST_CASE("wrong types are named with what was found") {
    CHECK(parseArticle(R"({"headline":"x","articleBody":42})").error() == "articleBody: expected a string, got number");
    CHECK(parseArticle(R"({"headline":["x"],"articleBody":"y"})").error() == "headline: expected a string, got array");
    CHECK(parseArticle(minimal(R"(,"author":{"name":7})")).error() == "author.name: expected a string, got number");
    CHECK(parseArticle(minimal(R"(,"author":[{"name":"A"},5])")).error() ==
          "author[1]: expected an object with a name, got number");
    CHECK(parseArticle(minimal(R"(,"publisher":"X")")).error() == "publisher: expected an object, got string");
    CHECK(parseArticle(minimal(R"(,"publisher":{"sameAs":[1]})")).error() ==
          "publisher.sameAs[0]: expected a string, got number");
    CHECK(parseArticle("[1,2]").error() == "article: expected a JSON object, got array");
}

TEST_CASE("empty and malformed input") {
    const auto empty = parseArticle("");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().rfind("article is not valid JSON: ", 0) == 0);
    const auto broken = parseArticle(R"({"headline": "x", )");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().find("not valid JSON") != std::string::npos);
    CHECK(broken.error().find("line 1") != std::string::npos);
}

TEST_CASE("invalid UTF-8 costs one character, not the article, and is reported with its offset") {
    const auto r = parseArticle("{\"headline\":\"bad \xC3\x28 byte\",\"articleBody\":\"caf\xE9 au lait\"}");
    REQUIRE_MESSAGE(r.ok(), r.error());
    CHECK(r.value().headline == "bad \xEF\xBF\xBD( byte");
    CHECK(r.value().paragraphs == std::vector<std::string>{"caf\xEF\xBF\xBD au lait"}); // Latin-1 é
    CHECK(r.value().warnings == std::vector<std::string>{"invalid UTF-8 at byte offset 17, read as U+FFFD"});
    CHECK(parseArticle(minimal()).value().warnings.empty());
}

TEST_CASE("numbers too large for a double are a message, not an exception") {
    const auto r = parseArticle(minimal(R"(,"identifier":1e999)"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().rfind("article is not valid JSON: number overflow", 0) == 0);
}

TEST_CASE("very large input: a long article parses; past the limit is refused") {
    std::string body;
    for (int i = 0; i < 20000; ++i) body += "Paragraph number " + std::to_string(i) + " says something.\n\n";
    nlohmann::json doc = {{"headline", "Long"}, {"articleBody", body}};
    const auto r = parseArticle(doc.dump());
    REQUIRE(r.ok());
    CHECK(r.value().paragraphs.size() == 20000);

    std::string huge(aw::kMaxArticleBytes + 1, ' ');
    const auto tooBig = parseArticle(huge);
    REQUIRE_FALSE(tooBig.ok());
    CHECK(tooBig.error() == "article is too large (8 MB; the limit is 8 MB)");
}

TEST_CASE("author as object, string or array; meta line reads naturally") {
    auto r = parseArticle(minimal(R"(,"articleSection":"Difficult question","datePublished":"2024-03-17T18:30:00+04:00",)"
                                  R"("author":[{"@type":"Person","name":"Anna Aliyeva"},"Rauf K.",{"name":"Lee &amp; Co"}])"));
    REQUIRE(r.ok());
    CHECK(r.value().authors == std::vector<std::string>{"Anna Aliyeva", "Rauf K.", "Lee & Co"});
    CHECK(aw::metaLine(r.value(), englishMessages()) == "Difficult question \u00B7 17 March 2024 \u00B7 By Anna Aliyeva, Rauf K. and Lee & Co");
    r = parseArticle(minimal(R"(,"author":{"@type":"Person","name":"Solo"})"));
    CHECK(r.value().authors == std::vector<std::string>{"Solo"});
}

TEST_CASE("HTML that publishers leave in JSON-LD is cleaned") {
    const auto r = parseArticle(R"({"headline":"Tom &amp; Jerry&#8217;s <em>day</em>",)"
                                R"("articleBody":"<p>First &lt;para&gt;.</p><p>Second<br>line.</p>Third<br><br>Fourth"})");
    REQUIRE(r.ok());
    CHECK(r.value().headline == "Tom & Jerry\u2019s day");
    CHECK(r.value().paragraphs == std::vector<std::string>{"First <para>.", "Second line.", "Third", "Fourth"});
}

TEST_CASE("the article node is found inside @graph; identifier falls back to url") {
    const auto r = parseArticle(R"({"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"p"},)"
                                R"({"@type":["NewsArticle"],"headline":"In graph","articleBody":"b","url":"https://n.example/a"}]})");
    REQUIRE(r.ok());
    CHECK(r.value().headline == "In graph");
    CHECK(r.value().id == "https://n.example/a");
}

TEST_CASE("dates") {
    CHECK(aw::formatDate("2024-03-17") == "17 March 2024");
    CHECK(aw::formatDate("2024-12-01T00:00:00Z") == "1 December 2024");
    CHECK(aw::formatDate("2024-13-01").empty());
    CHECK(aw::formatDate("2024-02-31T10:00:00Z").empty()); // no such day
    CHECK(aw::formatDate("2023-02-29").empty());
    CHECK(aw::formatDate("2024-02-29") == "29 February 2024");
    CHECK(aw::formatDate("yesterday").empty());
    CHECK(aw::formatDate("").empty());
}
