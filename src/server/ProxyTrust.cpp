#include "server/ProxyTrust.h"

#include <arpa/inet.h>

#include <cstring>

#include <stdexcept>

namespace aw {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// IPv4 becomes ::ffff:a.b.c.d, so both families compare in one form. `v4` tells which it was.
std::optional<std::array<std::uint8_t, 16>> parseAddress(std::string_view text, bool* v4 = nullptr) {
    std::string s(text);
    if (s.size() > 2 && s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);
    std::array<std::uint8_t, 16> out{};
    in_addr a4{};
    if (inet_pton(AF_INET, s.c_str(), &a4) == 1) {
        out[10] = out[11] = 0xff;
        std::memcpy(&out[12], &a4, 4);
        if (v4) *v4 = true;
        return out;
    }
    if (inet_pton(AF_INET6, s.c_str(), out.data()) == 1) {
        if (v4) *v4 = false;
        return out;
    }
    return std::nullopt;
}

bool inRange(const std::array<std::uint8_t, 16>& a, const std::array<std::uint8_t, 16>& base, int prefix) {
    for (int bit = 0; bit < prefix; bit += 8) {
        const int bits = prefix - bit >= 8 ? 8 : prefix - bit;
        const auto mask = static_cast<std::uint8_t>(0xff << (8 - bits));
        if ((a[static_cast<std::size_t>(bit / 8)] & mask) != (base[static_cast<std::size_t>(bit / 8)] & mask)) return false;
    }
    return true;
}

} // namespace

ProxyTrust ProxyTrust::parse(std::string_view list) {
    ProxyTrust trust;
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string_view entry = trim(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        if (entry.empty()) continue;
        const auto slash = entry.find('/');
        bool v4 = false;
        const auto base = parseAddress(entry.substr(0, slash), &v4);
        if (!base) throw std::invalid_argument("--trust-proxy: \"" + std::string(entry) + "\" is not an address or CIDR range");
        const int width = v4 ? 32 : 128;
        int prefix = width;
        if (slash != std::string_view::npos) {
            const std::string bits(entry.substr(slash + 1));
            const bool digits = !bits.empty() && bits.size() <= 3 && bits.find_first_not_of("0123456789") == std::string::npos;
            prefix = digits ? std::stoi(bits) : -1;
            if (prefix < 0 || prefix > width)
                throw std::invalid_argument("--trust-proxy: \"" + std::string(entry) + "\": the prefix must be 0 to " +
                                            std::to_string(width));
        }
        trust.ranges_.push_back({*base, v4 ? prefix + 96 : prefix});
    }
    return trust;
}

bool ProxyTrust::trusts(const std::string& address) const {
    const auto a = parseAddress(address);
    if (!a) return false;
    for (const auto& r : ranges_)
        if (inRange(*a, r.base, r.prefix)) return true;
    return false;
}

std::string ProxyTrust::clientAddress(const std::string& peer, std::string_view forwardedFor) const {
    if (forwardedFor.empty() || !trusts(peer)) return peer;
    // Right to left: each trusted hop vouches for the one before it.
    std::string reader = peer;
    while (!forwardedFor.empty()) {
        const auto comma = forwardedFor.rfind(',');
        const std::string_view entry =
            trim(comma == std::string_view::npos ? forwardedFor : forwardedFor.substr(comma + 1));
        forwardedFor = comma == std::string_view::npos ? std::string_view() : forwardedFor.substr(0, comma);
        if (!parseAddress(entry)) return reader; // garbage: trust ends at the last good hop
        reader = std::string(entry);
        if (!trusts(reader)) return reader;
    }
    return reader; // every hop trusted: the left-most is as close to the reader as we get
}

} // namespace aw
