#pragma once
// The public endpoints: POST /api/reviews stores a review, GET /api/reviews
// lists an article's visible ones a page at a time, GET /api/reviews/summary
// gives its AggregateRating, POST /api/reviews/{identifier}/report flags one,
// GET /healthz says whether the store answers. Validation is the core's, so the
// server refuses exactly what the form would have refused, with the same words.
#include <httplib.h>

#include <cstddef>
#include <string>

namespace aw {

class Metrics;
class Notifier;
class ProxyTrust;
class RateLimiter;
class ResponseCache;
class ReviewStore;

constexpr std::size_t kMaxRequestBytes = 16 * 1024; // a 2000-character review is at most ~8 KiB of JSON
constexpr std::size_t kMaxReportMessageChars = 500;
// Shared caches (a CDN) keep the public GETs for 30 s; browsers revalidate every
// time (a 304 while nothing changed), so a reader who just posted and reloads sees it.
constexpr const char* kDefaultPublicCache = "public, max-age=0, must-revalidate, s-maxage=30";

// What the endpoints share; it outlives the server.
struct ApiContext {
    ReviewStore& store;
    const ProxyTrust& proxies;
    Notifier& notifier;
    Metrics& metrics;
    RateLimiter& postLimiter;
    RateLimiter& reportLimiter;
    ResponseCache& replies; // bodies of the public GETs
    bool preModeration = false;
    std::string publicCache = kDefaultPublicCache; // Cache-Control of the public GETs

    // The reader's address, through trusted proxies only.
    std::string clientOf(const httplib::Request& req) const;
};

void addReviewApi(httplib::Server& server, ApiContext& api);

bool isApiPath(const std::string& path);

// CORS and caching headers for every /api/ response, errors included: the
// widget may be embedded on pages of other origins.
void addApiHeaders(const httplib::Request& req, httplib::Response& res);

// A JSON {error} body for an /api/ error that has none yet (413, 404, 503, ...).
void setApiErrorBody(httplib::Response& res);

// Now, as ISO 8601 UTC with milliseconds: "2024-03-17T18:31:00.123Z".
std::string utcNow();

} // namespace aw
