#include "core/Article.h"
#include "core/ArticleBody.h"

#include <doctest/doctest.h>

using aw::BodyKind;

namespace {
std::vector<aw::BodyBlock> blocksOf(const std::string& json, std::vector<std::string>* warningsOut = nullptr) {
    std::vector<std::string> warnings;
    auto r = aw::parseBodyBlocks(json, warnings);
    REQUIRE_MESSAGE(r.ok(), r.error());
    if (warningsOut) *warningsOut = warnings;
    return r.value();
}
} // namespace

TEST_CASE("body blocks: kinds, runs joined with their styles and links") {
    const auto b = blocksOf(R"J([
        {"kind":"h2","runs":[{"text":"A subheading"}]},
        {"kind":"p","runs":[{"text":"Read "},{"text":"the  report\n","href":"https://example.org/r"},{"text":" now, "},{"text":"really","b":true,"i":true}]},
        {"kind":"li","ordered":true,"number":3,"depth":2,"runs":[{"text":"third"}]},
        {"kind":"quote","runs":[{"text":"Quoted","i":true}]},
        {"kind":"figure","src":"https://example.org/a.jpg","width":800,"height":400,"alt":"A ferry","caption":"The ferry","credit":"Photo: A"}
    ])J");
    REQUIRE(b.size() == 5);
    CHECK(b[0].kind == BodyKind::Heading2);
    CHECK(b[1].text == "Read the report now, really");
    REQUIRE(b[1].runs.size() == 4);
    CHECK(b[1].runs[0].end == 5);
    CHECK(b[1].runs[1].link == 0);
    CHECK(b[1].text.substr(5, b[1].runs[1].end - 5) == "the report");
    CHECK(b[1].links == std::vector<std::string>{"https://example.org/r"});
    CHECK(b[1].runs[3].style == (aw::run::Bold | aw::run::Italic));
    CHECK(b[1].runs.back().end == b[1].text.size());
    CHECK(b[2].kind == BodyKind::Item);
    CHECK(b[2].ordered);
    CHECK(b[2].number == 3);
    CHECK(b[2].depth == 2);
    CHECK(b[3].kind == BodyKind::Quote);
    CHECK(b[4].kind == BodyKind::Figure);
    REQUIRE(b[4].picture.sources.size() == 1);
    CHECK(b[4].picture.aspect() == doctest::Approx(0.5));
    CHECK(b[4].picture.caption == "The ferry");
}

TEST_CASE("body blocks: hostile links and images are refused, their text kept") {
    std::vector<std::string> warnings;
    const auto b = blocksOf(R"J([
        {"kind":"p","runs":[{"text":"click","href":"javascript:alert(1)"},{"text":" me","href":" JaVa\tScript:x"}]},
        {"kind":"figure","src":"javascript:alert(1)"},
        {"kind":"figure","src":"data:image/png;base64,AAAA"},
        {"kind":"marquee","runs":[{"text":"odd"}]},
        {"kind":"p","runs":[{"text":"   "}]},
        {"kind":"p","runs":[{"text":"mail","href":"mailto:desk@example.org"}]}
    ])J", &warnings);
    REQUIRE(b.size() == 3);
    CHECK(b[0].text == "click me");
    CHECK(b[0].links.empty());
    for (const auto& r : b[0].runs) CHECK(r.link == -1);
    CHECK(b[1].kind == BodyKind::Paragraph);
    CHECK(b[1].text == "odd");
    CHECK(b[2].links == std::vector<std::string>{"mailto:desk@example.org"});
    CHECK(warnings.size() == 5);
}

TEST_CASE("body blocks: not a list of blocks is an error") {
    std::vector<std::string> warnings;
    CHECK_FALSE(aw::parseBodyBlocks("{}", warnings).ok());
    CHECK_FALSE(aw::parseBodyBlocks("[]", warnings).ok());
    CHECK_FALSE(aw::parseBodyBlocks("[1,", warnings).ok());
}

TEST_CASE("an article with blocks draws them; unreadable blocks leave the plain paragraphs") {
    const std::string json = R"({"headline":"H","articleBody":"<p>One</p><h2>Two</h2>"})";
    auto a = aw::parseArticle(json, "", R"J([{"kind":"p","runs":[{"text":"One"}]},{"kind":"h2","runs":[{"text":"Two"}]}])J");
    REQUIRE(a.ok());
    REQUIRE(a.value().body.size() == 2);
    CHECK(a.value().body[1].kind == BodyKind::Heading2);
    a = aw::parseArticle(json, "", "not json");
    REQUIRE(a.ok());
    REQUIRE(a.value().body.size() == 2);
    CHECK(a.value().body[1].kind == BodyKind::Paragraph);
    CHECK(a.value().warnings.size() == 1);
    // A plain body is one paragraph block each, a single plain run.
    a = aw::parseArticle(R"({"headline":"H","articleBody":"One.\n\nTwo."})");
    REQUIRE(a.value().body.size() == 2);
    CHECK(a.value().body[0].runs.size() == 1);
}

TEST_CASE("lead image: URL, ImageObject, arrays; relative to the article") {
    auto pic = [](const std::string& image, const std::string& base = "https://news.example/articles/a.json") {
        const auto a = aw::parseArticle(R"({"headline":"H","articleBody":"B","image":)" + image + "}", base);
        REQUIRE(a.ok());
        return a.value().image;
    };
    CHECK(pic(R"("img/a.jpg")").sources.at(0).url == "https://news.example/articles/img/a.jpg");
    auto p = pic(R"({"@type":"ImageObject","contentUrl":"https://cdn.example/a.jpg","width":"1200","height":{"value":800},
                    "caption":"A caption","copyrightHolder":{"name":"Agency"}})");
    CHECK(p.sources.at(0).width == 1200);
    CHECK(p.sources.at(0).height == 800);
    CHECK(p.caption == "A caption");
    CHECK(p.credit == "\xC2\xA9 Agency");
    p = pic(R"J([{"url":"https://cdn.example/s.jpg","width":480,"height":320,"creditText":"Photo: B"},
               {"url":"https://cdn.example/m.jpg","width":960,"height":640},
               {"url":"https://cdn.example/l.jpg","width":1920,"height":1280},
               "javascript:alert(1)"])J");
    REQUIRE(p.sources.size() == 3);
    CHECK(p.credit == "Photo: B");
    CHECK(p.aspect() == doctest::Approx(320.0 / 480.0));
    // The narrowest at least as wide as the box in device pixels, else the widest.
    CHECK(aw::chooseSource(p, 400) == 0);
    CHECK(aw::chooseSource(p, 680) == 1);      // 680 CSS px at DPR 1
    CHECK(aw::chooseSource(p, 1360) == 2);     // at DPR 2
    CHECK(aw::chooseSource(p, 4000) == 2);
    CHECK(pic(R"("https://x.example/a.jpg")", "").sources.size() == 1);
    CHECK(pic(R"("a.jpg")", "").sources.empty()); // relative, and nothing to resolve it against
    CHECK(pic(R"({"author":"C. Photographer","url":"https://x.example/a.jpg"})").credit == "Photo: C. Photographer");
}
