#include "core/TextLayout.h"
#include "core/Utf8.h"

#include <doctest/doctest.h>

namespace {
// Every character is 1 unit wide, so widths read as character counts.
const aw::AdvanceFn mono = [](char32_t) { return 1.0f; };

std::vector<std::string> lineTexts(std::string_view text, float width) {
    std::vector<std::string> out;
    for (const auto& l : aw::breakLines(text, width, mono)) out.emplace_back(text.substr(l.begin, l.end - l.begin));
    return out;
}
} // namespace

TEST_CASE("greedy breaking at spaces, trailing spaces excluded") {
    CHECK(lineTexts("the quick brown fox", 10) == std::vector<std::string>{"the quick", "brown fox"});
    CHECK(lineTexts("the quick brown fox", 100) == std::vector<std::string>{"the quick brown fox"});
    const auto lines = aw::breakLines("ab   cd", 3, mono);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].width == 2);
    CHECK(lines[1].begin == 5);
}

TEST_CASE("break after hyphens; long words are split; no-break space holds") {
    CHECK(lineTexts("NATO-Azerbaijan partnership", 6) ==
          std::vector<std::string>{"NATO-", "Azerba", "ijan", "partne", "rship"});
    CHECK(lineTexts("17\xC2\xA0March", 4) == std::vector<std::string>{"17\xC2\xA0M", "arch"});
    CHECK(lineTexts("a\nb", 10) == std::vector<std::string>{"a", "b"});
    CHECK(lineTexts("", 10) == std::vector<std::string>{""});
}

TEST_CASE("multi-byte text is measured per character") {
    // "Əliyev ğışçöü" is 13 characters but more bytes.
    const auto lines = lineTexts("Əliyev ğışçöü", 7);
    CHECK(lines == std::vector<std::string>{"Əliyev", "ğışçöü"});
    CHECK(aw::utf8::length("Əliyev") == 6);
}

TEST_CASE("column layout stacks blocks and finds visible lines by position") {
    std::vector<aw::TextBlock> blocks = {{"Headline here", 0, 0, {}, 0, 0}, {"one two three", 1, 5, {}, 0, 0}, {"five six", 1, 5, {}, 0, 0}};
    std::vector<aw::TextStyleMetrics> styles = {{mono, 20}, {mono, 10}};
    aw::ColumnLayout col;
    col.layout(blocks, styles, 9);
    // Headline: 2 lines of 20; then 5 gap, body 2 lines of 10; 5 gap, 1 line.
    REQUIRE(col.lines().size() == 5);
    CHECK(col.lines()[2].y == 45);
    CHECK(col.lines()[4].y == 70);
    CHECK(col.height() == 80);
    CHECK(col.blockTops() == std::vector<float>{0, 45, 70});
    CHECK(col.visibleLines(0, 1) == std::pair<std::size_t, std::size_t>{0, 1});
    CHECK(col.visibleLines(41, 56) == std::pair<std::size_t, std::size_t>{2, 4});
    CHECK(col.visibleLines(500, 600) == std::pair<std::size_t, std::size_t>{5, 5});
}

TEST_CASE("utf8 decoding survives bad bytes") {
    CHECK(aw::utf8::isValid("plain \u0259"));
    CHECK_FALSE(aw::utf8::isValid("\xC3\x28"));
    CHECK_FALSE(aw::utf8::isValid("\xE2\x82"));
    CHECK_FALSE(aw::utf8::isValid("\xC0\x80")); // overlong
    std::string s = "\xFF\xFEok";
    std::size_t i = 0;
    CHECK(aw::utf8::next(s, i) == aw::utf8::kReplacement);
    CHECK(i == 1);
}

TEST_CASE("mixed runs: each character measured in its run's face") {
    // Style 0 is 1 unit a character, style 1 (bold) 2 units.
    const std::vector<aw::TextStyleMetrics> styles = {{mono, 10}, {[](char32_t) { return 2.0f; }, 10}};
    const std::string text = "aa bb cc";
    // "bb" bold: "aa bb" is 2 + 1 + 4 = 7 wide.
    const std::vector<aw::StyleRun> runs = {{3, 0}, {5, 1}, {8, 0}};
    auto lines = aw::breakLines(text, 7, runs, styles);
    REQUIRE(lines.size() == 2);
    CHECK(text.substr(lines[0].begin, lines[0].end - lines[0].begin) == "aa bb");
    CHECK(lines[0].width == 7);
    CHECK(lines[1].width == 2);
    // All plain, the same text fits in 7 as "aa bb c|c"? No: breaks at spaces, "aa bb" = 5, "aa bb cc" = 8.
    lines = aw::breakLines(text, 7, std::vector<aw::StyleRun>{{8, 0}}, styles);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].width == 5);
    // A word carried to the next line is measured again in its own faces.
    lines = aw::breakLines("aa bbbb", 5, std::vector<aw::StyleRun>{{3, 0}, {7, 1}}, styles);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].width == 4); // "bb" bold, split in a word wider than the line
}

TEST_CASE("column layout: indents narrow the lines, boxes take room above them") {
    const std::vector<aw::TextStyleMetrics> styles = {{mono, 10}};
    aw::ColumnLayout col;
    std::vector<aw::TextBlock> blocks(3);
    blocks[0].text = "one two three";
    blocks[1].text = "one two three";
    blocks[1].indent = 4;
    blocks[1].spaceBefore = 5;
    blocks[2].text = "";   // a picture without a caption
    blocks[2].boxHeight = 40;
    col.layout(blocks, styles, 13);
    REQUIRE(col.lines().size() == 3); // one line, then two of 9 units
    CHECK(col.lines()[1].x == 4);
    CHECK(col.lines()[2].y == 25);
    CHECK(col.blockTops()[2] == 35);
    CHECK(col.height() == 75);
}
