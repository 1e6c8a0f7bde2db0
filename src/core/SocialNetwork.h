#pragma once
// The follow bar: a publisher's profile URLs (NewsArticle publisher.sameAs)
// turned into buttons that say which network each one leads to.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aw {

enum class Network { Facebook, X, Instagram, YouTube, Telegram, LinkedIn, TikTok, WhatsApp, VK, Mastodon, Rss, Other };

// Recognised from the host (a subdomain counts: m.facebook.com is Facebook;
// facebook.com.evil.example is not), and for Mastodon and feeds from the path.
// A URL that checkUrl refuses is Other.
Network networkOf(std::string_view url);

// "Facebook", "X", "RSS", ...; empty for Other.
std::string_view networkName(Network network);

struct FollowLink {
    Network network = Network::Other;
    std::string url;            // normalised by checkUrl, http or https only
    std::string label;          // networkName, or the display host for Other
    std::string accessibleName; // "Follow us on Facebook"
};

struct FollowBar {
    std::vector<FollowLink> links;     // in the publisher's order
    std::vector<std::string> warnings; // one per dropped entry, for the developer console
};

// More buttons than this is a content mistake, not a follow bar.
constexpr std::size_t kMaxFollowLinks = 16;

// Keeps the sameAs URLs that checkUrl allows, once each, in order. Each dropped
// entry gets a warning naming it, e.g.
// "publisher.sameAs[2] \"javascript:alert(1)\": javascript: links are not allowed".
FollowBar followBar(const std::vector<std::string>& sameAs);

} // namespace aw
