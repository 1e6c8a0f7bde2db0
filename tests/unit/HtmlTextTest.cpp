#include "core/HtmlText.h"

#include <doctest/doctest.h>

TEST_CASE("entities: named, decimal, hex, unknown and broken ones") {
    CHECK(aw::decodeEntities("a &amp; b &lt;c&gt; &quot;d&quot;") == "a & b <c> \"d\"");
    CHECK(aw::decodeEntities("&#601;&#x259;&#X18F;") == "\u0259\u0259\u018F");
    CHECK(aw::decodeEntities("&mdash;&nbsp;&hellip;") == "\u2014\u00A0\u2026");
    CHECK(aw::decodeEntities("&bogus; & alone &#xZZ; &#0; &#xD800;") == "&bogus; & alone &#xZZ; &#0; &#xD800;");
    CHECK(aw::decodeEntities("AT&T") == "AT&T");
}

TEST_CASE("plain text drops tags, keeps escaped tags as text, collapses spaces") {
    CHECK(aw::plainText("  <b>Bold</b>\n  and <a href=\"x\">link</a> ") == "Bold and link");
    CHECK(aw::plainText("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2");
    CHECK(aw::plainText("&lt;script&gt;") == "<script>");
    CHECK(aw::plainText("soft\xC2\xAD" "hyphen") == "softhyphen");
}

TEST_CASE("paragraphs split on blank lines and block tags") {
    CHECK(aw::paragraphsFromBody("a\n\nb\n \n\nc") == std::vector<std::string>{"a", "b", "c"});
    CHECK(aw::paragraphsFromBody("one\nline") == std::vector<std::string>{"one line"});
    CHECK(aw::paragraphsFromBody("\r\n\r\nx\r\n\r\ny") == std::vector<std::string>{"x", "y"});
    CHECK(aw::paragraphsFromBody("<div>a</div><div>b</div>") == std::vector<std::string>{"a", "b"});
    CHECK(aw::paragraphsFromBody("").empty());
}

// Inputs at the size limit of an article (8 MB) that once took minutes: each
// '<' or '&' searched the rest of the text. Read in linear time they take milliseconds.
TEST_CASE("many '<' without '>' and many '&' without ';' are read in one pass") {
    std::string lt;
    for (int i = 0; i < 4 * 1024 * 1024; ++i) lt += "<a";
    CHECK(aw::plainText(lt) == lt);
    CHECK(aw::paragraphsFromBody(lt) == std::vector<std::string>{lt});
    const std::string amps(8 * 1024 * 1024, '&');
    CHECK(aw::decodeEntities(amps) == amps);
    CHECK(aw::decodeEntities(std::string(20, '&') + "amp;") == std::string(20, '&')); // the last one was &amp;
    CHECK(aw::plainText("a<b" + std::string(1000, '<') + "c>d") == "a d");
}
