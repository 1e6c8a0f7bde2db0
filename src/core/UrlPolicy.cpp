#include "core/UrlPolicy.h"

#include "core/Utf8.h"

#include <vector>

namespace aw {
namespace {

bool isAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string asciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = asciiLower(c);
    return out;
}

// Browsers strip leading and trailing C0 controls and spaces before parsing.
std::string_view trim(std::string_view s) {
    while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
    while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
    return s;
}

// The scheme a browser would see. Browsers drop tabs and newlines anywhere in
// a URL, so "java\tscript:" is javascript:. Empty when there is none.
std::string schemeOf(std::string_view s) {
    std::string scheme;
    for (char c : s) {
        if (c == '\t' || c == '\n' || c == '\r') continue;
        if (c == ':') return scheme;
        if (!(isAsciiAlpha(c) || (!scheme.empty() && (isAsciiDigit(c) || c == '+' || c == '-' || c == '.'))))
            return {};
        scheme += asciiLower(c);
    }
    return {};
}

CheckedUrl refused(std::string reason) {
    CheckedUrl r;
    r.reason = std::move(reason);
    return r;
}

// Spaces, controls and invisible or direction-changing characters have no
// place in a link, and are the usual way to disguise one.
bool isSuspiciousCodePoint(char32_t cp) {
    return cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
           (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF;
}

// Why the characters of s cannot be a link, or empty when they can.
std::string characterProblem(std::string_view s) {
    if (!utf8::isValid(s)) return "URL is not valid UTF-8";
    for (std::size_t i = 0; i < s.size();)
        if (isSuspiciousCodePoint(utf8::next(s, i))) return "URL contains spaces, control or invisible characters";
    // Browsers read "\" as "/" in web URLs, which lets "https://good.example\@evil.example" mislead.
    if (s.find('\\') != std::string_view::npos) return "URL contains a backslash";
    return {};
}

// A host name: dot-separated non-empty labels of ASCII letters, digits, '-',
// '_' or non-ASCII (internationalised names, kept as given). Lower-cases ASCII
// and drops one trailing dot. Empty on failure.
std::string normaliseHost(std::string_view host) {
    if (!host.empty() && host.back() == '.') host.remove_suffix(1);
    if (host.empty() || host.front() == '.' || host.back() == '.' || host.find("..") != std::string_view::npos)
        return {};
    for (char c : host) {
        const bool ok = isAsciiAlpha(c) || isAsciiDigit(c) || c == '-' || c == '_' || c == '.' ||
                        static_cast<unsigned char>(c) >= 0x80;
        if (!ok) return {};
    }
    return asciiLower(host);
}

// "[2001:db8::1]": kept, lower-cased, when it has only the characters of an IPv6 address.
std::string normaliseIpv6(std::string_view literal) {
    if (literal.size() < 4 || literal.back() != ']') return {};
    for (char c : literal.substr(1, literal.size() - 2)) {
        const char l = asciiLower(c);
        if (!(isAsciiDigit(l) || (l >= 'a' && l <= 'f') || l == ':' || l == '.')) return {};
    }
    return asciiLower(literal);
}

// Checks the part after "http:" or "https:".
CheckedUrl checkWeb(const std::string& scheme, std::string_view rest) {
    if (rest.substr(0, 2) != "//") return refused("expected // after " + scheme + ":");
    rest.remove_prefix(2);
    const std::size_t authorityEnd = rest.find_first_of("/?#");
    const std::string_view authority = rest.substr(0, authorityEnd);
    const std::string_view tail = authorityEnd == std::string_view::npos ? std::string_view{} : rest.substr(authorityEnd);
    // "https://facebook.com@evil.example" leads to evil.example: a classic disguise.
    if (authority.find('@') != std::string_view::npos)
        return refused("URL contains a user name or password before the host");

    std::string_view hostPart = authority, portPart;
    bool hasPort = false;
    if (!authority.empty() && authority.front() == '[') {
        const std::size_t close = authority.find(']');
        hostPart = authority.substr(0, close == std::string_view::npos ? authority.size() : close + 1);
        if (hostPart.size() < authority.size()) {
            if (authority[hostPart.size()] != ':') return refused("host \"" + std::string(authority) + "\" is malformed");
            hasPort = true;
            portPart = authority.substr(hostPart.size() + 1);
        }
    } else if (const std::size_t colon = authority.find(':'); colon != std::string_view::npos) {
        hostPart = authority.substr(0, colon);
        portPart = authority.substr(colon + 1);
        hasPort = true;
    }
    if (hostPart.empty()) return refused("URL has no host");

    CheckedUrl r;
    r.host = hostPart.front() == '[' ? normaliseIpv6(hostPart) : normaliseHost(hostPart);
    if (r.host.empty()) return refused("host \"" + std::string(hostPart) + "\" is malformed");

    // An empty port ("host:/") means the default, as in browsers.
    if (hasPort && !portPart.empty()) {
        long port = 0;
        for (char c : portPart) {
            if (!isAsciiDigit(c) || port > 65535) { port = -1; break; }
            port = port * 10 + (c - '0');
        }
        if (port < 1 || port > 65535)
            return refused("port \"" + std::string(portPart) + "\" is not a number from 1 to 65535");
        const long defaultPort = scheme == "https" ? 443 : 80;
        r.port = port == defaultPort ? 0 : static_cast<int>(port);
    }

    const std::size_t pathEnd = tail.find_first_of("?#");
    r.path = std::string(tail.substr(0, pathEnd));
    if (r.path.empty()) r.path = "/";
    r.scheme = scheme;
    r.url = scheme + "://" + r.host + (r.port ? ":" + std::to_string(r.port) : "") + r.path +
            std::string(pathEnd == std::string_view::npos ? std::string_view{} : tail.substr(pathEnd));
    r.allowed = true;
    return r;
}

// "desk@news.example", optionally followed by "?subject=...": one plausible address.
CheckedUrl checkMailto(std::string_view rest) {
    const std::string_view address = rest.substr(0, rest.find('?'));
    const std::size_t at = address.find('@');
    const CheckedUrl bad = refused("mailto: address \"" + std::string(address) + "\" is malformed");
    if (at == 0 || at == std::string_view::npos || address.find('@', at + 1) != std::string_view::npos) return bad;
    const std::string_view local = address.substr(0, at);
    if (local.find_first_of("<>()[],;:\"") != std::string_view::npos) return bad;
    const std::string domain = normaliseHost(address.substr(at + 1));
    if (domain.find('.') == std::string::npos) return bad;
    CheckedUrl r;
    r.allowed = true;
    r.scheme = "mailto";
    r.host = domain;
    r.path = std::string(local) + "@" + domain;
    r.url = "mailto:" + r.path + std::string(rest.substr(address.size()));
    return r;
}

// The reason for a scheme that is not allowed, or empty for http/https/mailto.
std::string schemeProblem(const std::string& scheme, Mailto mailto) {
    if (scheme == "http" || scheme == "https") return {};
    if (scheme == "mailto") return mailto == Mailto::Allow ? std::string{} : "mailto: links are not allowed here";
    if (scheme == "javascript" || scheme == "vbscript" || scheme == "data" || scheme == "file")
        return scheme + ": links are not allowed";
    return scheme + ": links are not allowed (only http and https)";
}

// "scheme://host[:port]" of an allowed web URL.
std::string originOf(const CheckedUrl& u) {
    return u.scheme + "://" + u.host + (u.port ? ":" + std::to_string(u.port) : "");
}

// RFC 3986 5.2.4, extended for relative paths: a leading ".." that has
// nothing to remove is kept, since the page's own URL will still resolve it.
std::string removeDotSegments(std::string_view path) {
    const bool absolute = !path.empty() && path.front() == '/';
    std::vector<std::string_view> kept;
    bool endsInDir = false;
    std::size_t i = absolute ? 1 : 0;
    while (i <= path.size()) {
        const std::size_t slash = path.find('/', i);
        const std::string_view seg = path.substr(i, slash == std::string_view::npos ? std::string_view::npos : slash - i);
        endsInDir = seg == "." || seg == "..";
        if (seg == "..") {
            if (!kept.empty() && kept.back() != "..") kept.pop_back();
            else if (!absolute) kept.push_back(seg);
        } else if (seg != ".") {
            kept.push_back(seg);
        }
        if (slash == std::string_view::npos) break;
        i = slash + 1;
    }
    std::string out = absolute ? "/" : "";
    for (std::size_t k = 0; k < kept.size(); ++k) out += (k ? "/" : "") + std::string(kept[k]);
    if (endsInDir && !kept.empty()) out += '/';
    return !absolute && out.empty() ? "./" : out;
}

struct PathParts { std::string_view path, query, fragment; }; // query keeps '?', fragment '#'

PathParts splitPath(std::string_view s) {
    const std::size_t hash = s.find('#');
    const std::string_view fragment = hash == std::string_view::npos ? std::string_view{} : s.substr(hash);
    s = s.substr(0, hash);
    const std::size_t q = s.find('?');
    return {s.substr(0, q), q == std::string_view::npos ? std::string_view{} : s.substr(q), fragment};
}

// Path, query and fragment of ref resolved against base's (RFC 3986 5.2.2).
std::string mergeReference(std::string_view base, std::string_view ref, bool baseHasHost) {
    const PathParts b = splitPath(base), r = splitPath(ref);
    if (r.path.empty()) return std::string(b.path) + std::string(r.query.empty() ? b.query : r.query) + std::string(r.fragment);
    std::string path;
    if (r.path.front() == '/') path = removeDotSegments(r.path);
    else if (baseHasHost && b.path.empty()) path = removeDotSegments("/" + std::string(r.path));
    else path = removeDotSegments(std::string(b.path.substr(0, b.path.rfind('/') + 1)) + std::string(r.path));
    return path + std::string(r.query) + std::string(r.fragment);
}

} // namespace

CheckedUrl checkUrl(std::string_view text, Mailto mailto) {
    const std::string_view s = trim(text);
    if (s.empty()) return refused("URL is empty");
    const std::string scheme = schemeOf(s);
    // Refuse dangerous schemes by name first: a 10 KB data: URL is a data: URL before it is a long one.
    if (!scheme.empty())
        if (std::string problem = schemeProblem(scheme, mailto); !problem.empty()) return refused(problem);
    if (s.size() > kMaxUrlBytes)
        return refused("URL is too long (" + std::to_string(s.size()) + " bytes; the limit is " +
                       std::to_string(kMaxUrlBytes) + ")");
    if (std::string problem = characterProblem(s); !problem.empty()) return refused(problem);
    if (scheme.empty()) {
        if (s.substr(0, 2) == "//")
            return refused("scheme-relative URL (//host) is not allowed; an absolute http or https URL is needed");
        return refused("relative URL is not allowed here; an absolute http or https URL is needed");
    }
    const std::string_view rest = s.substr(scheme.size() + 1);
    return scheme == "mailto" ? checkMailto(rest) : checkWeb(scheme, rest);
}

CheckedUrl resolveUrl(std::string_view base, std::string_view reference) {
    const std::string_view ref = trim(reference);
    if (ref.empty()) return refused("URL is empty");
    if (!schemeOf(ref).empty()) return checkUrl(ref);
    if (ref.size() > kMaxUrlBytes)
        return refused("URL is too long (" + std::to_string(ref.size()) + " bytes; the limit is " +
                       std::to_string(kMaxUrlBytes) + ")");
    if (std::string problem = characterProblem(ref); !problem.empty()) return refused(problem);

    const std::string_view b = trim(base);
    if (!schemeOf(b).empty()) {
        const CheckedUrl baseUrl = checkUrl(b);
        if (!baseUrl.allowed) return refused("base URL: " + baseUrl.reason);
        if (ref.substr(0, 2) == "//") return checkUrl(baseUrl.scheme + ":" + std::string(ref));
        const std::string origin = originOf(baseUrl);
        return checkUrl(origin + mergeReference(std::string_view(baseUrl.url).substr(origin.size()), ref, true));
    }
    if (ref.substr(0, 2) == "//" || b.substr(0, 2) == "//")
        return refused("scheme-relative URL (//host) cannot be resolved without an absolute base URL");
    if (std::string problem = characterProblem(b); !problem.empty()) return refused("base URL: " + problem);

    CheckedUrl r;
    r.url = mergeReference(b, ref, false);
    if (r.url.size() > kMaxUrlBytes) return refused("URL is too long once resolved");
    r.path = std::string(splitPath(r.url).path);
    r.relative = true;
    r.allowed = true;
    return r;
}

bool sameOrigin(const CheckedUrl& a, const CheckedUrl& b) {
    return a.allowed && b.allowed && !a.relative && !b.relative && a.scheme == b.scheme && a.host == b.host &&
           a.port == b.port;
}

std::string displayHost(std::string_view url) {
    const CheckedUrl u = checkUrl(url);
    if (!u.allowed) return {};
    return u.host.rfind("www.", 0) == 0 ? u.host.substr(4) : u.host;
}

} // namespace aw
