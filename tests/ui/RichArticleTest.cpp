// The rich article: an HTML body read into blocks by the shell (here given as
// the JSON rich-text.js makes), and the lead picture. Checked on what the
// shell receives: the text layer's roles, parts and links, the pictures'
// boxes, which pictures are asked for and when, and the content height.
#include "UiHarness.h"

#include <doctest/doctest.h>

#include <string>

using namespace uitest;

namespace {

const char* const kArticle = R"J({"@type":"NewsArticle","headline":"A rich article","articleBody":"<p>x</p>",
  "image":[{"url":"../images/lead-800.webp","width":800,"height":533,"caption":"The bay at dusk.","creditText":"Illustration: demo"},
           {"url":"../images/lead-1600.webp","width":1600,"height":1067}]})J";

// Every block kind, bold and italic runs and a link; a second figure far down the body.
std::string blocks(int paragraphsBeforeFigure = 1) {
    std::string b = R"J([{"kind":"p","runs":[{"text":"Read "},{"text":"the report","href":"https://example.org/report"},{"text":" and "},{"text":"this","b":true},{"text":" and "},{"text":"that","i":true},{"text":"."}]},
        {"kind":"h2","runs":[{"text":"A subheading"}]},
        {"kind":"h3","runs":[{"text":"A smaller one"}]},
        {"kind":"quote","runs":[{"text":"Quoted words, "},{"text":"upright","i":true}]},
        {"kind":"li","ordered":false,"depth":1,"runs":[{"text":"first point"}]},
        {"kind":"li","ordered":true,"number":2,"depth":1,"runs":[{"text":"second point"}]})J";
    for (int i = 0; i < paragraphsBeforeFigure; ++i)
        b += R"J(,{"kind":"p","runs":[{"text":"A paragraph of body text long enough to take a few lines in the column, and then some more words to be sure of it."}]})J";
    b += R"J(,{"kind":"figure","src":"https://news.example/images/chart-1600.webp","width":1600,"height":800,"alt":"A chart","caption":"A chart."}])J";
    return b;
}

json blockOfRole(const json& semantics, const std::string& role, int nth = 0) {
    for (const auto& b : semantics.at("blocks"))
        if (b.at("role") == role && nth-- == 0) return b;
    FAIL("no block of role " << role);
    return {};
}

} // namespace

TEST_CASE("every block of a rich body reaches the text layer with its role, faces and links") {
    UiSession ui;
    REQUIRE(ui.loadArticleJson(kArticle, "articles/rich.json", blocks()));
    ui.frames(768, 1);
    const json s = ui.host.lastSemantics();
    for (const char* role : {"subheading", "minorheading", "quote", "item", "figure", "paragraph"}) {
        CAPTURE(role);
        CHECK_NOTHROW(blockOfRole(s, role));
    }
    CHECK(blockOfRole(s, "subheading").at("face") == "serif-bold");
    CHECK(blockOfRole(s, "quote").at("face") == "serif-italic");
    // The first paragraph's line in parts: the link with its address, bold and italic faces.
    const json line = blockOfRole(s, "paragraph").at("lines").at(0);
    REQUIRE(line.contains("parts"));
    const json parts = line.at("parts");
    CHECK(parts.at(1).at("text") == "the report");
    CHECK(parts.at(1).at("href") == "https://example.org/report");
    CHECK(parts.at(3).at("face") == "serif-bold");
    CHECK(parts.at(5).at("face") == "serif-italic");
    float sum = 0;
    for (const auto& p : parts) sum += p.at("width").get<float>();
    CHECK(sum == doctest::Approx(line.at("width").get<float>()).epsilon(0.01));
    // In a quote (italic) an italic run stands upright.
    CHECK(blockOfRole(s, "quote").at("lines").at(0).at("parts").at(1).at("face") == "serif");
    // Items: their list and marker; indented past the column's left edge.
    const json first = blockOfRole(s, "item"), second = blockOfRole(s, "item", 1);
    CHECK(first.at("marker") == "\xE2\x80\xA2");
    CHECK(second.at("marker") == "2.");
    CHECK(second.at("ordered") == true);
    CHECK(first.at("lines").at(0).at("x").get<float>() > blockOfRole(s, "paragraph").at("lines").at(0).at("x").get<float>());
}

TEST_CASE("the lead picture: its box from its declared size, the source for the DPR, caption and credit under it") {
    for (float dpr : {1.0f, 2.0f}) {
        CAPTURE(dpr);
        UiSession ui;
        REQUIRE(ui.loadArticleJson(kArticle, "articles/rich.json", blocks()));
        ui.frames(768, dpr, 2, 0, 900);
        const json lead = blockOfRole(ui.host.lastSemantics(), "figure"); // the lead picture comes first
        const Box box = boxOf(lead.at("picture"));
        CHECK(box.w == doctest::Approx(648));
        CHECK(box.h == doctest::Approx(648.0f * 533 / 800).epsilon(0.01));
        CHECK(lead.at("lines").at(0).at("text").get<std::string>().find("The bay at dusk.") == 0);
        CHECK(lead.at("lines").at(0).at("y").get<float>() > box.bottom());
        CHECK(lead.at("picture").at("alt") == "The bay at dusk."); // no description: the caption stands in
        // 648 CSS px: the 800 px source at DPR 1, the 1600 px one at DPR 2.
        REQUIRE(!ui.host.imageLoads.empty());
        CHECK(ui.host.imageLoads.front() == std::string(kSite) + (dpr == 1 ? "images/lead-800.webp" : "images/lead-1600.webp"));
    }
}

TEST_CASE("pictures far below the visible slice are not asked for until it nears them") {
    UiSession ui;
    REQUIRE(ui.loadArticleJson(kArticle, "articles/rich.json", blocks(40)));
    ui.frames(768, 1, 2, 0, 800);
    const std::string chart = "https://news.example/images/chart-1600.webp";
    CHECK(ui.host.imageLoads.size() == 1); // the lead only
    const json s = ui.host.lastSemantics();
    const float chartTop = blockOfRole(s, "figure", 1).at("picture").at("y").get<float>();
    REQUIRE(chartTop > 3000);
    ui.frames(768, 1, 2, chartTop - 1700, 800); // more than a slice's height below the slice
    CHECK(ui.host.imageLoads.size() == 1);
    ui.frames(768, 1, 2, chartTop - 1000, 800); // within a slice's height of it
    REQUIRE(ui.host.imageLoads.size() == 2);
    CHECK(ui.host.imageLoads.back() == chart);
}

TEST_CASE("nothing moves when a picture arrives or fails") {
    UiSession ui;
    REQUIRE(ui.loadArticleJson(kArticle, "articles/rich.json", blocks()));
    ui.frames(768, 1);
    const float height = ui.host.heights.back();
    const std::size_t heights = ui.host.heights.size(), semantics = ui.host.semantics.size();
    const unsigned layouts = ui.widget().layoutCount();
    for (const auto& url : ui.host.imageLoads) ui.host.images[url] = aw::ui::ImageState{aw::ui::ImageState::Status::Ready, nullptr, 800, 533};
    ui.frames(768, 1);
    for (const auto& url : ui.host.imageLoads) ui.host.images[url] = aw::ui::ImageState{aw::ui::ImageState::Status::Failed, nullptr, 0, 0};
    ui.frames(768, 1);
    CHECK(ui.host.heights.size() == heights);
    CHECK(ui.host.heights.back() == height);
    CHECK(ui.host.semantics.size() == semantics);
    CHECK(ui.widget().layoutCount() == layouts);
}

TEST_CASE("a rich body stays inside the column at 320 px: indents, markers and pictures") {
    for (float dpr : {1.0f, 2.0f}) {
        CAPTURE(dpr);
        UiSession ui;
        REQUIRE(ui.loadArticleJson(kArticle, "articles/rich.json", blocks()));
        ui.frames(320, dpr);
        const json s = ui.host.lastSemantics();
        const float left = s.at("blocks").at(0).at("lines").at(0).at("x").get<float>(), right = left + 284;
        for (const auto& b : s.at("blocks")) {
            if (b.contains("picture")) CHECK(boxOf(b.at("picture")).right() <= right + 0.5f);
            for (const auto& l : b.at("lines")) {
                CAPTURE(l.at("text").get<std::string>());
                CHECK(boxOf(l).x >= left);
                CHECK(boxOf(l).right() <= right + 0.5f);
            }
        }
    }
}
