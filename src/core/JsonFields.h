#pragma once
// Helpers shared by the JSON readers (Article, Feed, Review, Outbox). A missing
// or wrong-typed field throws a FieldError that names it, which the parser
// catches and turns into the reader-facing message of its Expected. All of
// them read the document itself with parseDocument.
#include "core/Expected.h"
#include "core/Utf8.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace aw::jsonfields {

using Json = nlohmann::json;

struct FieldError {
    std::string field; // the JSON path at fault, "author.name"; empty for the node being read itself
    std::string what;  // "expected a string, got number"

    std::string message() const { return field.empty() ? what : field + ": " + what; }
};

[[noreturn]] inline void fail(const std::string& field, const std::string& what) { throw FieldError{field, what}; }

// The member, or nullptr when absent or null (JSON-LD often writes null for "none").
inline const Json* member(const Json& obj, const char* key) {
    const auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

// nlohmann's error without its "[json.exception.parse_error.101] " prefix:
// the part a person can act on ("syntax error while parsing value ... at line 1, column 7").
// Its "last read: '...'" quotes the input up to the bad byte, which can end
// inside a multi-byte character; repaired, the message is safe to show and to
// send as JSON.
inline std::string parseErrorText(const Json::exception& e) {
    const std::string what = e.what();
    const auto cut = what.find("] ");
    return utf8::repaired(cut == std::string::npos ? what : what.substr(cut + 2));
}

// A parsed document. Invalid UTF-8 in the input is read the way a browser
// reads it (U+FFFD for each bad sequence, see Utf8.h), so a stray byte costs
// one character rather than the document; invalidUtf8At says where the first was.
struct Document {
    Json json;
    std::size_t invalidUtf8At = std::string_view::npos; // byte offset in the input, counted from 0

    bool repaired() const { return invalidUtf8At != std::string_view::npos; }
    // For the developer console: "invalid UTF-8 at byte offset 17, read as U+FFFD".
    std::string warning() const {
        return "invalid UTF-8 at byte offset " + std::to_string(invalidUtf8At) + ", read as U+FFFD";
    }
};

// The whole document, or why not, worded to follow "<what> is ": "too large
// (9 MB; the limit is 8 MB)" or "not valid JSON: syntax error ... column 7".
inline Expected<Document> parseDocument(std::string_view json,
                                        std::size_t maxBytes = std::numeric_limits<std::size_t>::max()) {
    constexpr std::size_t kMB = 1024 * 1024;
    if (json.size() > maxBytes)
        return Expected<Document>::failure("too large (" + std::to_string(json.size() / kMB) + " MB; the limit is " +
                                           std::to_string(maxBytes / kMB) + " MB)");
    Document doc;
    doc.invalidUtf8At = utf8::firstInvalid(json);
    std::string repaired;
    if (doc.repaired()) {
        repaired = utf8::repaired(json);
        json = repaired;
    }
    try {
        doc.json = Json::parse(json.begin(), json.end());
        return Expected<Document>::success(std::move(doc));
    } catch (const Json::exception& e) {
        // Not only parse_error: a number too large for a double ("1e999") throws out_of_range.406.
        return Expected<Document>::failure("not valid JSON: " + parseErrorText(e));
    }
}

// The one way the core writes JSON. nlohmann's dump() throws on invalid UTF-8;
// here such bytes become U+FFFD, so saving or sending never throws.
inline std::string serialize(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

inline std::string stringField(const Json& obj, const char* key, const std::string& path, bool required) {
    const Json* v = member(obj, key);
    if (!v) {
        if (required) fail(path, "missing (required)");
        return {};
    }
    if (!v->is_string()) fail(path, std::string("expected a string, got ") + v->type_name());
    return v->get<std::string>();
}

// A whole number, or nothing when absent.
inline std::optional<long long> integerField(const Json& obj, const char* key, const std::string& path) {
    const Json* v = member(obj, key);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) fail(path, std::string("expected a whole number, got ") + v->type_name());
    return v->get<long long>();
}

} // namespace aw::jsonfields
