#include "core/SocialNetwork.h"

#include "core/JsonFields.h"
#include "core/UrlPolicy.h"
#include "core/Utf8.h"

#include <algorithm>

namespace aw {
namespace {

struct KnownDomain { std::string_view domain; Network network; };
constexpr KnownDomain kKnownDomains[] = {
    {"facebook.com", Network::Facebook}, {"fb.com", Network::Facebook},      {"fb.me", Network::Facebook},
    {"x.com", Network::X},               {"twitter.com", Network::X},        {"instagram.com", Network::Instagram},
    {"instagr.am", Network::Instagram},  {"youtube.com", Network::YouTube},  {"youtu.be", Network::YouTube},
    {"t.me", Network::Telegram},         {"telegram.me", Network::Telegram}, {"linkedin.com", Network::LinkedIn},
    {"lnkd.in", Network::LinkedIn},      {"tiktok.com", Network::TikTok},    {"wa.me", Network::WhatsApp},
    {"whatsapp.com", Network::WhatsApp}, {"vk.com", Network::VK},            {"vk.ru", Network::VK},
};

// Sites outside the fediverse that also put profiles at "/@name".
constexpr std::string_view kNotMastodon[] = {"medium.com", "substack.com", "threads.net", "threads.com"};

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// host is domain or a subdomain of it; "notfacebook.com" is not on facebook.com.
bool onDomain(std::string_view host, std::string_view domain) {
    return host == domain || (endsWith(host, domain) && host[host.size() - domain.size() - 1] == '.');
}

bool looksLikeFeed(const CheckedUrl& u) {
    std::string path = u.path;
    for (char& c : path) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (path.size() > 1 && path.back() == '/') path.pop_back();
    return endsWith(path, ".rss") || endsWith(path, ".xml") || endsWith(path, ".atom") || endsWith(path, "/feed") ||
           endsWith(path, "/rss") || u.host.rfind("feeds.", 0) == 0;
}

Network networkOf(const CheckedUrl& u) {
    for (const auto& known : kKnownDomains)
        if (onDomain(u.host, known.domain)) return known.network;
    if (looksLikeFeed(u)) return Network::Rss;
    const bool handlePath = u.path.size() > 2 && u.path.rfind("/@", 0) == 0;
    const bool excluded = std::any_of(std::begin(kNotMastodon), std::end(kNotMastodon),
                                      [&](std::string_view d) { return onDomain(u.host, d); });
    if (!excluded && (handlePath || u.host.find("mastodon") != std::string::npos)) return Network::Mastodon;
    return Network::Other;
}

// The same profile written differently: http or https, with or without
// "www.", a trailing slash or a fragment.
std::string profileKey(const CheckedUrl& u) {
    std::string key = u.url.substr(u.scheme.size() + 3);
    if (key.rfind("www.", 0) == 0) key.erase(0, 4);
    key = key.substr(0, key.find('#'));
    if (!key.empty() && key.back() == '/') key.pop_back();
    return key;
}

// The entry as a short JSON string, so a warning shows controls and stays one line.
std::string preview(std::string_view text) {
    constexpr std::size_t kMaxCodePoints = 60;
    std::size_t end = 0, count = 0;
    while (end < text.size() && count < kMaxCodePoints) { utf8::next(text, end); ++count; }
    std::string shown(text.substr(0, end));
    if (end < text.size()) shown += "\u2026";
    return jsonfields::serialize(shown);
}

} // namespace

Network networkOf(std::string_view url) {
    const CheckedUrl u = checkUrl(url);
    return u.allowed ? networkOf(u) : Network::Other;
}

std::string_view networkName(Network network) {
    switch (network) {
        case Network::Facebook: return "Facebook";
        case Network::X: return "X";
        case Network::Instagram: return "Instagram";
        case Network::YouTube: return "YouTube";
        case Network::Telegram: return "Telegram";
        case Network::LinkedIn: return "LinkedIn";
        case Network::TikTok: return "TikTok";
        case Network::WhatsApp: return "WhatsApp";
        case Network::VK: return "VK";
        case Network::Mastodon: return "Mastodon";
        case Network::Rss: return "RSS";
        case Network::Other: break;
    }
    return {};
}

FollowBar followBar(const std::vector<std::string>& sameAs) {
    FollowBar bar;
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < sameAs.size(); ++i) {
        const std::string name = "publisher.sameAs[" + std::to_string(i) + "] " + preview(sameAs[i]) + ": ";
        const CheckedUrl u = checkUrl(sameAs[i]);
        if (!u.allowed) { bar.warnings.push_back(name + u.reason); continue; }
        std::string key = profileKey(u);
        const auto seen = std::find(keys.begin(), keys.end(), key);
        if (seen != keys.end()) {
            bar.warnings.push_back(name + "the same profile as an earlier entry, skipped");
            continue;
        }
        if (bar.links.size() == kMaxFollowLinks) {
            bar.warnings.push_back(name + "more than " + std::to_string(kMaxFollowLinks) + " profiles, skipped");
            continue;
        }
        keys.push_back(std::move(key));
        FollowLink link;
        link.network = networkOf(u);
        link.url = u.url;
        if (link.network == Network::Other) {
            link.label = displayHost(u.url);
            link.accessibleName = "Visit " + link.label;
        } else {
            link.label = std::string(networkName(link.network));
            link.accessibleName = link.network == Network::Rss ? "Subscribe to our RSS feed" : "Follow us on " + link.label;
        }
        bar.links.push_back(std::move(link));
    }
    return bar;
}

} // namespace aw
