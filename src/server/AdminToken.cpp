#include "server/AdminToken.h"

#include <fstream>
#include <iostream>
#include <stdexcept>

namespace aw {

bool constantTimeEquals(std::string_view a, std::string_view b) {
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    const std::size_t n = a.size() > b.size() ? a.size() : b.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(i < a.size() ? a[i] : 0);
        const auto y = static_cast<unsigned char>(i < b.size() ? b[i] : 0);
        diff = static_cast<unsigned char>(diff | (x ^ y));
    }
    return diff == 0;
}

AdminToken::AdminToken(std::optional<std::filesystem::path> file, std::string value)
    : file_(std::move(file)), value_(std::move(value)) {
    if (file_) reload();
    else if (!value_.empty() && value_.size() < kMinTokenChars)
        throw std::runtime_error("REVIEW_ADMIN_TOKEN: the token needs at least " + std::to_string(kMinTokenChars) +
                                 " characters");
}

void AdminToken::reload() {
    std::error_code ec;
    const auto stamp = std::filesystem::last_write_time(*file_, ec);
    const auto size = ec ? 0 : std::filesystem::file_size(*file_, ec);
    std::ifstream in(*file_);
    std::string line;
    if (ec || !in || !std::getline(in, line))
        throw std::runtime_error("--admin-token-file " + file_->string() + ": cannot read the token");
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    if (line.size() < kMinTokenChars)
        throw std::runtime_error("--admin-token-file " + file_->string() + ": the token needs at least " +
                                 std::to_string(kMinTokenChars) + " characters");
    value_ = line;
    stamp_ = stamp;
    size_ = size;
}

bool AdminToken::matches(std::string_view presented) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (file_) {
        std::error_code ec;
        const auto stamp = std::filesystem::last_write_time(*file_, ec);
        const auto size = ec ? 0 : std::filesystem::file_size(*file_, ec);
        if (!ec && (stamp != stamp_ || size != size_)) {
            try {
                reload();
            } catch (const std::exception& e) {
                // Half-written or emptied: nobody gets in until the file is whole again.
                std::cerr << "review_server: " << e.what() << "\n";
                value_.clear();
                stamp_ = stamp;
                size_ = size;
            }
        }
    }
    return !value_.empty() && constantTimeEquals(presented, value_);
}

} // namespace aw
