#pragma once
// Field access shared by the JSON parsers (Article, Feed): a missing or
// wrong-typed field throws a FieldError that names it, which the parser
// catches and turns into the reader-facing message of its Expected.
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
