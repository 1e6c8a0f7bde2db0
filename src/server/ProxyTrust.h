#pragma once
// Who the reader is, behind proxies. Only a peer inside a trusted range
// (--trust-proxy) may speak for the reader through X-Forwarded-For; the reader
// is then the right-most address that is not itself a trusted proxy, since
// every entry left of the last trusted hop may have been made up by the client.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aw {

class ProxyTrust {
public:
    // "10.0.0.0/8,127.0.0.1,::1/128"; a bare address is a /32 (or /128).
    // Throws std::invalid_argument naming the bad entry.
    static ProxyTrust parse(std::string_view list);
    ProxyTrust() = default;

    // The reader's address for a request from `peer` carrying `forwardedFor` (may be empty).
    std::string clientAddress(const std::string& peer, std::string_view forwardedFor) const;
    bool trusts(const std::string& address) const;

private:
    struct Range {
        std::array<std::uint8_t, 16> base{}; // IPv4 as IPv4-mapped IPv6
        int prefix = 0;                      // in bits of the 128
    };
    std::vector<Range> ranges_;
};

} // namespace aw
