#pragma once
// UTF-8 helpers shared by parsing and text layout. Ill-formed input is
// decoded as browsers decode it (the WHATWG Encoding Standard, which
// TextDecoder follows): each maximal subpart of an ill-formed sequence
// becomes one U+FFFD, so a publisher's stray byte costs one character.
#include <cstddef>
#include <string>
#include <string_view>

namespace aw::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at text[i] and advances i past it. An ill-formed
// sequence yields U+FFFD and advances past its maximal subpart (at least one
// byte), so a loop over bad bytes always ends.
char32_t next(std::string_view text, std::size_t& i);

void append(std::string& out, char32_t cp);

// Number of code points (what a reader calls characters), counting each U+FFFD a decoder would show.
std::size_t length(std::string_view text);

// Byte offset of the first ill-formed sequence, or npos when the text is well-formed UTF-8.
std::size_t firstInvalid(std::string_view text);

bool isValid(std::string_view text);

// The text with each ill-formed subpart replaced by U+FFFD: well-formed UTF-8
// that reads as the browser reads the original.
std::string repaired(std::string_view text);

} // namespace aw::utf8
