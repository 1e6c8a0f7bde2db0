#pragma once
// The review endpoint: POST /api/reviews stores a review, GET /api/reviews
// lists an article's published ones. Validation is the core's, so the server
// refuses exactly what the form would have refused, with the same words.
#include <httplib.h>

#include <cstddef>
#include <string>

namespace aw {

class RateLimiter;
class ReviewStore;

constexpr std::size_t kMaxRequestBytes = 16 * 1024; // a 2000-character review is at most ~8 KiB of JSON
constexpr int kDefaultListLimit = 50;
constexpr int kMaxListLimit = 100;

void addReviewApi(httplib::Server& server, ReviewStore& store, RateLimiter& limiter, bool moderate);

bool isApiPath(const std::string& path);

// CORS and caching headers for every /api/ response, errors included: the
// widget may be embedded on pages of other origins.
void addApiHeaders(const httplib::Request& req, httplib::Response& res);

// A JSON {error} body for an /api/ error that has none yet (413, 404, ...).
void setApiErrorBody(httplib::Response& res);

// Now, as ISO 8601 UTC with milliseconds: "2024-03-17T18:31:00.123Z".
std::string utcNow();

} // namespace aw
