#include "core/Utf8.h"

#include <doctest/doctest.h>

#include <string>

using aw::utf8::firstInvalid;
using aw::utf8::repaired;

namespace {
const std::string kFffd = "\xEF\xBF\xBD"; // U+FFFD REPLACEMENT CHARACTER
constexpr auto npos = std::string_view::npos;

std::string fffd(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += kFffd;
    return out;
}
} // namespace

TEST_CASE("well-formed UTF-8 is kept byte for byte") {
    for (const char* ok : {"", "plain", "\xC9\x99" "b\xC9\x99" "r", "\xE2\x80\xA6", "\xF0\x9F\x98\x80",
                           "\xEF\xBF\xBD" /* a literal U+FFFD */, "\xF4\x8F\xBF\xBF" /* U+10FFFF */,
                           "\xED\x9F\xBF" /* U+D7FF */, "\xEE\x80\x80" /* U+E000 */}) {
        CHECK_MESSAGE(firstInvalid(ok) == npos, ok);
        CHECK(repaired(ok) == ok);
        CHECK(aw::utf8::isValid(ok));
    }
}

TEST_CASE("each maximal ill-formed subpart becomes one U+FFFD, as TextDecoder reads it") {
    // The Unicode Standard's example (chapter 3, "U+FFFD Substitution of Maximal Subparts").
    CHECK(repaired("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64") ==
          "a" + fffd(3) + "b" + fffd(1) + "c" + fffd(2) + "d");
    CHECK(repaired("\xC3\x28") == kFffd + "(");          // a lead byte without its continuation
    CHECK(repaired("x\xE2\x82" "A") == "x" + kFffd + "A"); // a truncated sequence is one character
    CHECK(repaired("\xF0\x9F\x98") == kFffd);            // truncated by the end of the text
    CHECK(repaired("\xC0\x80") == fffd(2));              // overlong: C0 never starts a sequence
    CHECK(repaired("\xE0\x80\x80") == fffd(3));          // overlong three-byte form
    CHECK(repaired("\xF0\x80\x80\x80") == fffd(4));      // overlong four-byte form
    CHECK(repaired("\xED\xA0\x80") == fffd(3));          // a UTF-16 surrogate
    CHECK(repaired("\xF4\x90\x80\x80") == fffd(4));      // past U+10FFFF
    CHECK(repaired("\xF5\x80") == fffd(2));
    CHECK(repaired("\xFF\xFE" "ok") == fffd(2) + "ok");
    CHECK(repaired("\x80") == kFffd);                    // a lone continuation byte
}

TEST_CASE("the offset of the first bad byte is reported") {
    CHECK(firstInvalid("\xC3\x28") == 0);
    CHECK(firstInvalid("bad \xC3\x28 byte") == 4);
    CHECK(firstInvalid("\xC9\x99\xE2\x82") == 2);
    CHECK(firstInvalid("ok \xE2\x80\xA6 then \x80 and \xFF") == 12);
}

TEST_CASE("decoding steps over a maximal subpart, so lengths count what a reader sees") {
    const std::string s = "\xE2\x82" "A\xFF";
    std::size_t i = 0;
    CHECK(aw::utf8::next(s, i) == aw::utf8::kReplacement);
    CHECK(i == 2);
    CHECK(aw::utf8::next(s, i) == 'A');
    CHECK(aw::utf8::next(s, i) == aw::utf8::kReplacement);
    CHECK(i == s.size());
    CHECK(aw::utf8::length(s) == aw::utf8::length(repaired(s)));
    CHECK(aw::utf8::length("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64") == 10);
}
