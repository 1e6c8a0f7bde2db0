// The HTML text cleaner that every article and feed string goes through:
// valid UTF-8 in gives valid UTF-8 out, in one line or in paragraphs with
// their white space collapsed; any bytes at all never crash it.
#include "FuzzCheck.h"
#include "core/HtmlText.h"

namespace {
void requireCollapsed(const std::string& text, const char* what) {
    fuzz::require(text.empty() || (text.front() != ' ' && text.back() != ' '), what);
    fuzz::require(text.find("  ") == std::string::npos, what);
    fuzz::require(text.find_first_of("\t\n\r\f") == std::string::npos, what);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const std::string_view raw = fuzz::input(data, size);
    aw::plainText(raw);
    aw::paragraphsFromBody(raw);

    // The readers hand the cleaner repaired text (see JsonFields.h); from there on it stays valid.
    const std::string text = aw::utf8::repaired(raw);
    fuzz::requireText(aw::decodeEntities(text), "decoded entities are valid UTF-8");
    const std::string line = aw::plainText(text);
    fuzz::requireText(line, "plain text is valid UTF-8");
    requireCollapsed(line, "plain text is one trimmed line with single spaces");
    for (const auto& p : aw::paragraphsFromBody(text)) {
        fuzz::require(!p.empty(), "no empty paragraphs");
        fuzz::requireText(p, "paragraphs are valid UTF-8");
        requireCollapsed(p, "a paragraph is trimmed, with single spaces");
    }
    return 0;
}
