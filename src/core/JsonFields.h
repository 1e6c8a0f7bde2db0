#pragma once
// Helpers shared by the JSON readers (Article, Feed, Review, Outbox). A missing
// or wrong-typed field throws a FieldError that names it, which the parser
// catches and turns into the reader-facing message of its Expected. All of
// them read the document itself with parseDocument.
#include "Expected.h"

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

// nlohmann's parse error without its "[json.exception.parse_error.101] " prefix:
// the part a person can act on ("syntax error while parsing value ... at line 1, column 7").
inline std::string parseErrorText(const Json::parse_error& e) {
    const std::string what = e.what();
    const auto cut = what.find("] ");
    return cut == std::string::npos ? what : what.substr(cut + 2);
}

// The whole document, or why not, worded to follow "<what> is ": "too large
// (9 MB; the limit is 8 MB)" or "not valid JSON: syntax error ... column 7".
inline Expected<Json> parseDocument(std::string_view json, std::size_t maxBytes = std::numeric_limits<std::size_t>::max()) {
    constexpr std::size_t kMB = 1024 * 1024;
    if (json.size() > maxBytes)
        return Expected<Json>::failure("too large (" + std::to_string(json.size() / kMB) + " MB; the limit is " +
                                       std::to_string(maxBytes / kMB) + " MB)");
    try {
        return Expected<Json>::success(Json::parse(json.begin(), json.end()));
    } catch (const Json::parse_error& e) {
        return Expected<Json>::failure("not valid JSON: " + parseErrorText(e));
    }
}

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
