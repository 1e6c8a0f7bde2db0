#include "core/FontMetrics.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

namespace {
std::string readFile(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

TEST_CASE("height per em of Debian's Noto faces") {
    // Noto: ascender 1069, descender -293, 1000 units per em.
    const auto serif = aw::heightPerEm(readFile("/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf"));
    REQUIRE(serif.has_value());
    CHECK(*serif == doctest::Approx(1.362f));
}

TEST_CASE("not a font: no ratio, no crash") {
    CHECK_FALSE(aw::heightPerEm("").has_value());
    CHECK_FALSE(aw::heightPerEm("hello, this is not a font file at all").has_value());
    std::string truncated = readFile("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf").substr(0, 200);
    CHECK_FALSE(aw::heightPerEm(truncated).has_value());
}
