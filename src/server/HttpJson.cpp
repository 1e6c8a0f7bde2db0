#include "server/HttpJson.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

namespace aw {
namespace {

std::optional<long long> wholeNumber(const std::string& text, long long min, long long max) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const long long n = std::stoll(text);
    if (n < min || n > max) return std::nullopt;
    return n;
}

} // namespace

void sendJson(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

void sendFieldError(httplib::Response& res, int status, const std::string& field, const std::string& message) {
    sendJson(res, status, {{"error", message}, {"field", field}});
}

void sendTooMany(httplib::Response& res, int wait, const std::string& what) {
    res.set_header("Retry-After", std::to_string(wait));
    sendJson(res, 429, {{"error", "Too many " + what + " from your address. Please try again in " + std::to_string(wait) +
                                      (wait == 1 ? " second." : " seconds.")}});
}

std::optional<Paging> readPaging(const httplib::Request& req, httplib::Response& res) {
    Paging p;
    if (req.has_param("limit")) {
        const auto n = wholeNumber(req.get_param_value("limit"), 1, 999'999'999);
        if (!n) {
            sendFieldError(res, 400, "limit", "limit: expected a whole number from 1 to " + std::to_string(kMaxListLimit));
            return std::nullopt;
        }
        p.limit = static_cast<int>(std::min<long long>(*n, kMaxListLimit));
    }
    if (req.has_param("cursor")) {
        p.cursor = wholeNumber(req.get_param_value("cursor"), 1, 999'999'999'999'999'999);
        if (!p.cursor) {
            sendFieldError(res, 400, "cursor", "cursor: not one this server gave; start again without it");
            return std::nullopt;
        }
    }
    return p;
}

bool answerNotModified(const httplib::Request& req, httplib::Response& res, const std::string& etag,
                       const std::string& cacheControl) {
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", cacheControl);
    // If-None-Match is a list; weak and strong forms of our tag both match.
    const std::string match = req.get_header_value("If-None-Match");
    if (match.find(etag) == std::string::npos && match != "*") return false;
    res.status = 304;
    return true;
}

std::string encodeQueryValue(const std::string& value) {
    std::string out;
    for (unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
        else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out;
}

std::string identifierOf(const std::string& part) {
    std::string id = part;
    std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return id;
}

std::string fnv1aHex(const std::string& data) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : data) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return out;
}

} // namespace aw
