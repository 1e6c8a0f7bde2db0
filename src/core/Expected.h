#pragma once
// A value or a reader-facing error message. Parsing never throws past the core:
// every failure becomes a message that names what was wrong.
#include <optional>
#include <string>
#include <utility>

namespace aw {

template <class T>
class Expected {
public:
    static Expected success(T value) { Expected e; e.value_ = std::move(value); return e; }
    static Expected failure(std::string message) { Expected e; e.error_ = std::move(message); return e; }

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const { return *value_; }
    T& value() { return *value_; }
    const std::string& error() const { return error_; }

private:
    Expected() = default;
    std::optional<T> value_;
    std::string error_;
};

} // namespace aw
