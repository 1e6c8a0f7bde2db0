#include "core/Utf8.h"

namespace aw::utf8 {
namespace {

constexpr char32_t kIllFormed = 0xFFFFFFFF;

// The WHATWG UTF-8 decoder: the lead byte fixes how many continuation bytes
// follow and the range the first of them must lie in (which rules out
// overlong forms, surrogates and code points past U+10FFFF). A byte out of
// range ends the ill-formed subpart before it, and is read again as a lead.
char32_t decode(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) { ++i; return c; }
    int needed = 0;
    char32_t cp = 0;
    unsigned char lower = 0x80, upper = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) { needed = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) {
        needed = 2;
        cp = c & 0x0F;
        if (c == 0xE0) lower = 0xA0;
        if (c == 0xED) upper = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        needed = 3;
        cp = c & 0x07;
        if (c == 0xF0) lower = 0x90;
        if (c == 0xF4) upper = 0x8F;
    } else {
        ++i;
        return kIllFormed;
    }
    std::size_t j = i + 1;
    for (int k = 0; k < needed; ++k, ++j) {
        if (j >= s.size() || byte(j) < lower || byte(j) > upper) {
            i = j;
            return kIllFormed;
        }
        cp = (cp << 6) | (byte(j) & 0x3F);
        lower = 0x80;
        upper = 0xBF;
    }
    i = j;
    return cp;
}

} // namespace

char32_t next(std::string_view s, std::size_t& i) {
    const char32_t cp = decode(s, i);
    return cp == kIllFormed ? kReplacement : cp;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t length(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++n) next(text, i);
    return n;
}

std::size_t firstInvalid(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        if (decode(text, i) == kIllFormed) return at;
    }
    return std::string_view::npos;
}

bool isValid(std::string_view text) { return firstInvalid(text) == std::string_view::npos; }

std::string repaired(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const char32_t cp = decode(text, i);
        if (cp == kIllFormed) append(out, kReplacement);
        else out.append(text.substr(at, i - at));
    }
    return out;
}

} // namespace aw::utf8
