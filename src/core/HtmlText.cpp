#include "core/HtmlText.h"

#include "core/Utf8.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <utility>

namespace aw {
namespace {

struct NamedEntity { std::string_view name; char32_t cp; };
constexpr NamedEntity kEntities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
    {"nbsp", 0xA0}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
    {"laquo", 0xAB}, {"raquo", 0xBB}, {"bdquo", 0x201E}, {"copy", 0xA9}, {"reg", 0xAE},
    {"trade", 0x2122}, {"euro", 0x20AC}, {"middot", 0xB7}, {"bull", 0x2022},
    {"shy", 0xAD}, {"deg", 0xB0}, {"eacute", 0xE9}, {"egrave", 0xE8}, {"aacute", 0xE1},
    {"ouml", 0xF6}, {"uuml", 0xFC}, {"auml", 0xE4}, {"ccedil", 0xE7}, {"szlig", 0xDF},
};

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Tags that end a paragraph when they appear in an articleBody.
bool isBlockTag(std::string_view name) {
    static constexpr std::string_view kBlock[] = {"p", "div", "section", "article", "blockquote",
                                                  "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol"};
    return std::find(std::begin(kBlock), std::end(kBlock), name) != std::end(kBlock);
}

// Reads the tags of one text. It remembers where the next '>' is, so that a
// text of many '<' and no '>' ("a<b<c...", 8 MB of it) is read in linear
// time rather than searched to its end once per '<'.
class TagReader {
public:
    explicit TagReader(std::string_view text) : text_(text) {}

    // Parses the tag at text[i] == '<'. Returns its lower-case name (without '/')
    // and moves i past '>'; returns false for a lone '<' that starts no tag.
    bool read(std::size_t& i, std::string& name) {
        std::size_t j = i + 1;
        if (j < text_.size() && text_[j] == '/') ++j;
        if (j >= text_.size() || !(std::isalpha(static_cast<unsigned char>(text_[j])) || text_[j] == '!')) return false;
        const std::size_t close = closeFrom(j);
        if (close == std::string_view::npos) return false;
        name.clear();
        while (j < close && (std::isalnum(static_cast<unsigned char>(text_[j])) || text_[j] == '!'))
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(text_[j++])));
        i = close + 1;
        return true;
    }

private:
    // The first '>' at or after `from`. The last answer still holds when it
    // lies at or after `from` (nothing between), or when there was none.
    std::size_t closeFrom(std::size_t from) {
        if (!searched_ || (close_ != std::string_view::npos && close_ < from)) {
            close_ = text_.find('>', from);
            searched_ = true;
        }
        return close_;
    }

    std::string_view text_;
    bool searched_ = false;
    std::size_t close_ = 0;
};

// Collapses runs of white space to one space and trims. Also drops soft hyphens,
// which are invisible hyphenation hints the layout does not use.
std::string collapseSpaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isSpace(c)) { pendingSpace = !out.empty(); continue; }
        if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xAD') { ++i; continue; }
        if (pendingSpace) { out += ' '; pendingSpace = false; }
        out += c;
    }
    return out;
}

} // namespace

std::string decodeEntities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') { out += text[i]; continue; }
        // References are short: looking no further than 12 bytes keeps "&&&&..." linear.
        const std::size_t found = text.substr(i + 1, 12).find(';');
        if (found == std::string_view::npos) { out += '&'; continue; }
        const std::size_t semi = i + 1 + found;
        const std::string_view ref = text.substr(i + 1, semi - i - 1);
        char32_t cp = 0;
        if (ref.size() > 1 && ref[0] == '#') {
            const bool hex = ref[1] == 'x' || ref[1] == 'X';
            const std::string digits(ref.substr(hex ? 2 : 1));
            char* end = nullptr;
            const unsigned long v = digits.empty() ? 0 : std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
            if (!digits.empty() && end && *end == '\0' && v > 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF))
                cp = static_cast<char32_t>(v);
        } else {
            for (const auto& e : kEntities)
                if (e.name == ref) { cp = e.cp; break; }
        }
        if (cp == 0) { out += '&'; continue; }
        utf8::append(out, cp);
        i = semi;
    }
    return out;
}

std::string plainText(std::string_view text) {
    std::string stripped;
    stripped.reserve(text.size());
    std::string tag;
    TagReader tags(text);
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '<' && tags.read(i, tag)) { stripped += ' '; continue; }
        stripped += text[i++];
    }
    // Entities are decoded after tags are gone so that "&lt;b&gt;" stays visible text.
    return collapseSpaces(decodeEntities(stripped));
}

std::vector<std::string> paragraphsFromBody(std::string_view body) {
    // First mark paragraph boundaries with a form feed, then split and clean.
    std::string marked;
    marked.reserve(body.size());
    std::string tag;
    TagReader tags(body);
    bool lastWasBr = false;
    for (std::size_t i = 0; i < body.size();) {
        if (body[i] == '<') {
            std::size_t j = i;
            if (tags.read(j, tag)) {
                const bool br = tag == "br";
                if (isBlockTag(tag) || (br && lastWasBr)) marked += '\f';
                else marked += br ? '\n' : ' ';
                lastWasBr = br;
                i = j;
                continue;
            }
        }
        if (body[i] == '\n') {
            // A blank line (only white space between two newlines) ends a paragraph.
            std::size_t j = i + 1;
            while (j < body.size() && (body[j] == ' ' || body[j] == '\t' || body[j] == '\r')) ++j;
            if (j < body.size() && body[j] == '\n') { marked += '\f'; i = j + 1; continue; }
        }
        if (!isSpace(body[i])) lastWasBr = false;
        marked += body[i++];
    }

    std::vector<std::string> paragraphs;
    std::size_t start = 0;
    while (start <= marked.size()) {
        std::size_t end = marked.find('\f', start);
        if (end == std::string::npos) end = marked.size();
        std::string p = collapseSpaces(decodeEntities(std::string_view(marked).substr(start, end - start)));
        if (!p.empty()) paragraphs.push_back(std::move(p));
        start = end + 1;
    }
    return paragraphs;
}

} // namespace aw
