#pragma once
// Which strings from content (articles, feeds, publisher profiles) may become
// links a reader can click. Content is untrusted, and a link is where text can
// turn into script ("javascript:") or disguise where it leads, so the widget
// lets through only plain absolute web addresses, in a normalised form.
#include <cstddef>
#include <string>
#include <string_view>

namespace aw {

// No real link comes near this; browsers and servers start failing past it.
constexpr std::size_t kMaxUrlBytes = 2048;

// mailto: suits contact links only; everywhere else it is refused.
enum class Mailto { Refuse, Allow };

struct CheckedUrl {
    bool allowed = false;
    std::string url;       // normalised: trimmed, lower-case scheme and host, default port dropped, "/" for no path
    std::string scheme;    // "https", "http" or "mailto"; empty when relative
    std::string host;      // ASCII lower-cased (Unicode kept as given), no trailing dot; for mailto the domain
    int port = 0;          // 0: the scheme's default
    std::string path;      // without query and fragment; for mailto the address
    bool relative = false; // only from resolveUrl with a relative base: the browser finishes it against the page
    std::string reason;    // why it was refused, e.g. "javascript: links are not allowed"
};

// Accepts absolute http and https URLs (and mailto: with a plausible address
// when asked). Schemes are read the way browsers read them, so case and
// embedded tabs or newlines ("  JaVa\tScript:") do not hide one.
CheckedUrl checkUrl(std::string_view text, Mailto mailto = Mailto::Refuse);

// Resolves reference against base as a browser resolves a link (RFC 3986,
// section 5), then checks the result like checkUrl (http and https only).
// base is a feed's own URL and may itself be relative to the page
// ("news-line.json"); then a relative reference stays relative, resolved
// against base's folder: "articles/x.json" against "feeds/line.json" gives
// "feeds/articles/x.json" with relative = true.
CheckedUrl resolveUrl(std::string_view base, std::string_view reference);

// Same scheme, host and port; relative URLs have no known origin.
bool sameOrigin(const CheckedUrl& a, const CheckedUrl& b);

// "facebook.com" for "https://www.facebook.com/x": the host a reader recognises.
// Empty for a URL checkUrl refuses.
std::string displayHost(std::string_view url);

} // namespace aw
