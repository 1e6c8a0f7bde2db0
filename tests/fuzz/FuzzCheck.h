#pragma once
// What the fuzz targets assert besides "no sanitizer report": a broken
// promise of the core aborts, so libFuzzer records the input as a crash.
#include "core/Utf8.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

inline void require(bool ok, const char* promise) {
    if (ok) return;
    std::fprintf(stderr, "fuzz: broken promise: %s\n", promise);
    std::abort();
}

// Everything the core hands on is shown, mirrored to the page or saved as JSON.
inline void requireText(std::string_view text, const char* what) { require(aw::utf8::isValid(text), what); }

inline void requireTexts(const std::vector<std::string>& texts, const char* what) {
    for (const auto& t : texts) requireText(t, what);
}

inline std::string_view input(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

} // namespace fuzz
