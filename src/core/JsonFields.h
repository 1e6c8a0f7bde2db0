#pragma once
// Helpers shared by the JSON readers. Article and Feed read fields: a missing or
// wrong-typed field throws a FieldError that names it, which the parser
// catches and turns into the reader-facing message of its Expected. All of
// them (with Review and Outbox) word JSON syntax errors with parseErrorText.
#include <nlohmann/json.hpp>

#include <string>

namespace aw::jsonfields {

using Json = nlohmann::json;

struct FieldError {
    std::string message; // "articleBody: expected a string, got number"
};

[[noreturn]] inline void fail(const std::string& field, const std::string& what) { throw FieldError{field + ": " + what}; }

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

inline std::string stringField(const Json& obj, const char* key, const std::string& path, bool required) {
    const Json* v = member(obj, key);
    if (!v) {
        if (required) fail(path, "missing (required)");
        return {};
    }
    if (!v->is_string()) fail(path, std::string("expected a string, got ") + v->type_name());
    return v->get<std::string>();
}

} // namespace aw::jsonfields
