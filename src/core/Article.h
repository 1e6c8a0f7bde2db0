#pragma once
// The article model, read from the schema.org NewsArticle JSON-LD block that
// news pages already publish (see README, "Article format").
#include "core/ArticleBody.h"
#include "core/Expected.h"
#include "core/Messages.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aw {

struct Article {
    std::string id;              // identifier, else url: what reviews are attached to
    std::string url;
    std::string headline;
    std::string lead;            // alternativeHeadline or description, may be empty
    std::string section;         // articleSection, e.g. "Difficult question"
    std::string datePublished;   // as given (ISO 8601)
    std::vector<std::string> authors;
    std::string language;        // inLanguage, e.g. "en"
    Picture image;               // the lead picture (image), its URLs checked and absolute
    std::vector<std::string> paragraphs; // the body as plain text
    std::vector<BodyBlock> body;          // the body as drawn: the shell's blocks, else the paragraphs
    std::vector<std::string> publisherProfiles; // publisher.sameAs
    std::vector<std::string> warnings;          // for the developer console, e.g. "invalid UTF-8 at byte offset 17, read as U+FFFD"
};

// Larger input is refused with a message rather than parsed: no real article
// comes near it, and it bounds the memory a bad feed can make the widget use.
constexpr std::size_t kMaxArticleBytes = 8u * 1024u * 1024u;

// Parses NewsArticle JSON-LD. Unknown fields are ignored; a missing required
// field or a wrong type gives an error naming the field, e.g.
// "articleBody: expected a string". `baseUrl` (where the JSON came from)
// resolves relative image URLs; without it only absolute ones are kept.
// `bodyBlocks`: the shell's structured reading of an HTML articleBody
// (parseBodyBlocks); when empty or unreadable (a warning says why) the body
// is the plain paragraphs.
Expected<Article> parseArticle(std::string_view json, std::string_view baseUrl = {}, std::string_view bodyBlocks = {});

// "17 March 2024" from "2024-03-17T18:30:00+04:00": the publisher's own
// calendar date, not shifted to the reader's time zone; only the date at the
// start is read (readCalendarDate). Empty if unreadable or no such day.
std::string formatDate(std::string_view iso8601);
std::string formatDate(std::string_view iso8601, const LocaleRules& rules); // in the rules' language

// "Difficult question · 17 March 2024 · By Anna Aliyeva": the line under the
// headline, in the language of `messages` ("17 марта 2024 г. · Автор: ...").
std::string metaLine(const Article& article, const Messages& messages);

} // namespace aw
