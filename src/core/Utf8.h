#pragma once
// UTF-8 helpers shared by parsing and text layout.
#include <cstddef>
#include <string>
#include <string_view>

namespace aw::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at text[i] and advances i past it. Malformed input
// yields U+FFFD and advances one byte, so a loop over bad bytes always ends.
char32_t next(std::string_view text, std::size_t& i);

void append(std::string& out, char32_t cp);

// Number of code points (what a reader calls characters) in valid UTF-8.
std::size_t length(std::string_view text);

bool isValid(std::string_view text);

} // namespace aw::utf8
