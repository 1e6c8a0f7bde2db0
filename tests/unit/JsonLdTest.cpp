#include "core/Article.h"
#include "core/JsonLd.h"
#include "TestHelpers.h"

#include <doctest/doctest.h>

using aw::parseArticle;
using aw::jsonfields::Json;

namespace {
// The JSON-LD block of a page, as the shell hands it down (article-page.js gathers the blocks into one @graph).
std::string jsonLdOf(const std::string& html) {
    const auto open = html.find("<script type=\"application/ld+json\"");
    const auto start = html.find('>', open) + 1;
    const auto end = html.find("</script>", start);
    return R"({"@context":"https://schema.org","@graph":[)" + html.substr(start, end - start) + "]}";
}
} // namespace

TEST_CASE("a Yoast @graph: author, publisher with sameAs, mainEntityOfPage and image are resolved from their @ids") {
    const std::string page = readRepoFile("assets/pages/sheki-silk-looms.html");
    const Json doc = Json::parse(jsonLdOf(page));
    const Json a = aw::jsonld::articleNode(doc);
    CHECK(a["@type"] == "NewsArticle");
    CHECK(a["author"]["name"] == "Leyla Mammadova");
    CHECK(a["author"]["url"] == "https://herald.example.com/author/leyla-mammadova/"); // resolved, not just the name Yoast repeats
    CHECK(a["publisher"]["name"] == "Caucasus Herald");
    CHECK(a["publisher"]["sameAs"].size() == 4);
    CHECK(a["image"]["url"] == "../images/sheki-looms-1600.webp");
    CHECK(a["url"] == "https://herald.example.com/2024/03/sheki-silk-looms/");
    CHECK(a["articleSection"] == "Culture");

    // Through the article reader, with the body the shell takes from the markup.
    Json withBody = doc;
    withBody["@graph"][0]["@graph"][0]["articleBody"] = "<p>One.</p><p>Two.</p>";
    const auto r = parseArticle(withBody.dump(), "https://herald.example.com/2024/03/sheki-silk-looms/");
    REQUIRE_MESSAGE(r.ok(), r.error());
    CHECK(r.value().headline == "Sheki\u2019s silk weavers get their looms back");
    CHECK(r.value().authors == std::vector<std::string>{"Leyla Mammadova"});
    CHECK(r.value().section == "Culture");
    CHECK(r.value().id == "https://herald.example.com/2024/03/sheki-silk-looms/");
    CHECK(r.value().publisherProfiles.front() == "https://www.facebook.com/caucasusherald");
    REQUIRE(!r.value().image.empty());
    CHECK(r.value().image.sources.front().url == "https://herald.example.com/2024/03/images/sheki-looms-1600.webp"); // against the page's address
    CHECK(aw::metaLine(r.value(), englishMessages()) == "Culture \u00B7 24 March 2024 \u00B7 By Leyla Mammadova");
}

TEST_CASE("one object, an array of nodes, and the article types publishers use") {
    const Json one = Json::parse(R"({"@type":"ReportageNewsArticle","headline":"h","articleSection":["A","B"]})");
    CHECK(aw::jsonld::articleNode(one)["articleSection"] == "A");
    const Json array = Json::parse(R"([{"@type":"BreadcrumbList"},{"@type":["Article","NewsArticle"],"headline":"in array"}])");
    CHECK(aw::jsonld::articleNode(array)["headline"] == "in array");
    const Json article = Json::parse(R"({"@graph":[{"@type":"WebPage","headline":"page"},{"@type":"Article","headline":"post"}]})");
    CHECK(aw::jsonld::articleNode(article)["headline"] == "post");
    // An empty first section, and a section list of no strings, are passed over.
    const Json sections = Json::parse(R"({"headline":"h","articleSection":["","Sport"]})");
    CHECK(aw::jsonld::articleNode(sections)["articleSection"] == "Sport");
    const Json none = Json::parse(R"({"headline":"h","articleSection":[1,2]})");
    CHECK(aw::jsonld::articleNode(none)["articleSection"].is_null());
}

TEST_CASE("a graph without an article names what it has") {
    const auto r = parseArticle(R"({"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"p"},{"@type":["Organization","NewsMediaOrganization"]},{"@type":"WebPage"}]})");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == "no NewsArticle in the JSON-LD (it has: WebPage, Organization, NewsMediaOrganization)");
    CHECK(parseArticle("[]").error() == "article: expected a JSON object, got array");
}

TEST_CASE("references: unknown ids stay references, cycles end, and the fullest description of an id wins") {
    const Json doc = Json::parse(R"({"@graph":[
        {"@type":"NewsArticle","@id":"#a","headline":"h","author":{"@id":"#p"},"isPartOf":{"@id":"#a"},
         "publisher":{"@id":"#nowhere"},"image":[{"@id":"#img"}],"mainEntityOfPage":"https://n.example/a"},
        {"@type":"Person","@id":"#p","name":"Ann","knows":{"@id":"#q"}},
        {"@type":"Person","@id":"#q","name":"Bob","knows":{"@id":"#p"}},
        {"@type":"WebPage","primaryImageOfPage":{"@type":"ImageObject","@id":"#img","contentUrl":"https://n.example/i.jpg"}}]})");
    const Json a = aw::jsonld::articleNode(doc);
    CHECK(a["author"]["name"] == "Ann");
    CHECK(a["author"]["knows"]["name"] == "Bob");
    CHECK(a["author"]["knows"]["knows"] == Json::parse(R"({"@id":"#p"})")); // back to a node being resolved
    CHECK(a["isPartOf"] == Json::parse(R"({"@id":"#a"})"));
    CHECK(a["publisher"] == Json::parse(R"({"@id":"#nowhere"})"));
    CHECK(a["image"][0]["url"] == "https://n.example/i.jpg"); // an ImageObject's contentUrl, nested in another node
    CHECK(a["url"] == "https://n.example/a");
}

TEST_CASE("a graph whose every node names every other is copied a bounded number of times") {
    Json graph = Json::array();
    graph.push_back(Json::parse(R"({"@type":"NewsArticle","headline":"h"})"));
    for (int i = 0; i < 40; ++i) {
        Json node = {{"@id", "#n" + std::to_string(i)}, {"@type", "Thing"}, {"links", Json::array()}};
        for (int j = 0; j < 40; ++j) node["links"].push_back({{"@id", "#n" + std::to_string(j)}});
        graph.push_back(node);
        graph[0]["about"].push_back({{"@id", "#n" + std::to_string(i)}});
    }
    const Json a = aw::jsonld::articleNode(Json{{"@graph", graph}});
    CHECK(a["about"].size() == 40);
    CHECK(a["about"][0]["links"][1]["@type"] == "Thing");                  // resolved while the budget lasts
    CHECK(a["about"][39] == Json::parse(R"({"@id":"#n39"})")); // and a reference after
    CHECK(a.dump().size() < 1024u * 1024);
}

TEST_CASE("a value nested a million deep is left out, not followed down the call stack") {
    const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
    const auto r = parseArticle(R"({"@graph":[{"@type":"NewsArticle","headline":"h","articleBody":"b","x":)" + deep + "}," + deep + "]}");
    REQUIRE_MESSAGE(r.ok(), r.error());
    CHECK(r.value().headline == "h");
}
