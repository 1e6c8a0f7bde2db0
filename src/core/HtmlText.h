#pragma once
// Publishers' JSON-LD often carries bits of HTML: entities (&amp;), paragraph
// tags, stray inline tags. The widget draws plain text, so it is cleaned here.
#include <string>
#include <string_view>
#include <vector>

namespace aw {

// Decodes named (a common set) and numeric character references. Unknown or
// malformed references are kept literally, as browsers do.
std::string decodeEntities(std::string_view text);

// One line of plain text: tags dropped, entities decoded, whitespace collapsed.
std::string plainText(std::string_view text);

// Paragraphs of an articleBody: split on blank lines and on <p>, <br><br>,
// <div> boundaries; each paragraph cleaned like plainText; empty ones dropped.
std::vector<std::string> paragraphsFromBody(std::string_view body);

} // namespace aw
