#pragma once
// Small pieces every JSON endpoint shares: replies, query parameters that
// page through a list, and validators (ETag) for what caches may keep.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace aw {

constexpr int kDefaultListLimit = 50;
constexpr int kMaxListLimit = 100;

void sendJson(httplib::Response& res, int status, const nlohmann::json& body);
// {"error": message, "field": field}: what the client shows, and where.
void sendFieldError(httplib::Response& res, int status, const std::string& field, const std::string& message);
void sendTooMany(httplib::Response& res, int waitSeconds, const std::string& what);

// limit= (default kDefaultListLimit, capped at kMaxListLimit) and cursor=.
// On a bad value, answers 400 naming the parameter and returns nullopt.
struct Paging {
    int limit = kDefaultListLimit;
    std::optional<long long> cursor;
};
std::optional<Paging> readPaging(const httplib::Request& req, httplib::Response& res);

// A reply caches may keep: sets the ETag and `cacheControl`, and answers 304
// (no body) when the client's If-None-Match already names the tag. True then.
bool answerNotModified(const httplib::Request& req, httplib::Response& res, const std::string& etag,
                       const std::string& cacheControl);

// Percent-encodes a query value (RFC 3986 unreserved characters pass).
std::string encodeQueryValue(const std::string& value);

// The path's identifier in its one spelling: lower case, like the store keeps it.
std::string identifierOf(const std::string& pathPart);

// 64-bit FNV-1a, as 16 hex digits: ETags and reporter keys (not a secret hash).
std::string fnv1aHex(const std::string& data);

} // namespace aw
