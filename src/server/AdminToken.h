#pragma once
// The moderators' secret. It comes from a file (--admin-token-file, first line)
// or from REVIEW_ADMIN_TOKEN. The file is read again whenever it changes, so an
// operator rotates the token by rewriting it: the old one stops working at once,
// without a restart.
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace aw {

constexpr std::size_t kMinTokenChars = 16;

class AdminToken {
public:
    // No file and no value: moderation is switched off and every admin request fails.
    // Throws std::runtime_error when the file cannot be read or the token is too short.
    AdminToken(std::optional<std::filesystem::path> file, std::string value);

    bool configured() const { return file_.has_value() || !value_.empty(); }
    // Compares in constant time (for tokens of one length), so timing tells nothing.
    bool matches(std::string_view presented);

private:
    void reload(); // throws
    std::optional<std::filesystem::path> file_;
    std::filesystem::file_time_type stamp_{};
    std::uintmax_t size_ = 0;
    std::string value_;
    std::mutex mutex_;
};

// Equal strings, looking at every byte whatever differs first.
bool constantTimeEquals(std::string_view a, std::string_view b);

} // namespace aw
