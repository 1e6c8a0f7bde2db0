#include "ReviewApi.h"

#include "RateLimiter.h"
#include "Review.h"
#include "ReviewStore.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace aw {
namespace {

using Json = nlohmann::json;
constexpr const char* kReviews = "/api/reviews";

void sendJson(httplib::Response& res, int status, const Json& body) {
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

// 422: the first problem up front (what a simple client shows), all of them in errors.
Json unprocessable(const std::vector<FieldMessage>& messages) {
    Json errors = Json::array();
    for (const auto& m : messages) errors.push_back({{"field", m.field}, {"message", m.message}});
    return {{"error", messages.front().message}, {"field", messages.front().field}, {"errors", std::move(errors)}};
}

void postReview(const httplib::Request& req, httplib::Response& res, ReviewStore& store, RateLimiter& limiter,
                bool moderate) {
    if (const int wait = limiter.admit(req.remote_addr, RateLimiter::Clock::now())) {
        res.set_header("Retry-After", std::to_string(wait));
        return sendJson(res, 429, {{"error", "Too many reviews from your address. Please try again in " +
                                                 std::to_string(wait) + (wait == 1 ? " second." : " seconds.")}});
    }
    std::string field;
    const auto parsed = parseReview(req.body, &field);
    if (!parsed) {
        if (field.empty()) return sendJson(res, 400, {{"error", parsed.error()}});
        return sendJson(res, 422, unprocessable({{field, parsed.error()}}));
    }
    const Review& review = parsed.value();
    if (const auto messages = validateReview(review); !messages.empty())
        return sendJson(res, 422, unprocessable(messages));

    const ReviewStatus status = moderate ? ReviewStatus::Pending : ReviewStatus::Published;
    if (!review.website.empty()) {
        // Only bots fill the hidden field. They get the answer a person would, so
        // they learn nothing; the review goes nowhere.
        Review shown = review;
        shown.datePublished = utcNow();
        return sendJson(res, 201, {{"status", statusName(status)}, {"review", toJsonValue(shown, ReviewVisibility::Public)}});
    }
    const auto stored = store.insert(review, status, utcNow());
    // A resend (the client never saw our answer) gets the stored review again, with 200.
    sendJson(res, stored.created ? 201 : 200,
             {{"status", statusName(stored.status)}, {"review", toJsonValue(stored.review, ReviewVisibility::Public)}});
}

void listReviews(const httplib::Request& req, httplib::Response& res, ReviewStore& store) {
    const std::string item = req.get_param_value("item");
    if (item.empty())
        return sendJson(res, 400, {{"error", "item: missing; give the article's url or identifier"}, {"field", "item"}});
    int limit = kDefaultListLimit;
    if (req.has_param("limit")) {
        const std::string text = req.get_param_value("limit");
        const bool digits = !text.empty() && text.size() <= 9 &&
                            text.find_first_not_of("0123456789") == std::string::npos;
        limit = digits ? std::stoi(text) : 0;
        if (limit < 1)
            return sendJson(res, 400, {{"error", "limit: expected a whole number from 1 to " + std::to_string(kMaxListLimit)},
                                       {"field", "limit"}});
        limit = std::min(limit, kMaxListLimit);
    }
    Json list = Json::array();
    for (const auto& review : store.published(item, limit)) list.push_back(toJsonValue(review, ReviewVisibility::Public));
    sendJson(res, 200, list);
}

} // namespace

void addReviewApi(httplib::Server& server, ReviewStore& store, RateLimiter& limiter, bool moderate) {
    server.Post(kReviews, [&store, &limiter, moderate](const httplib::Request& req, httplib::Response& res) {
        postReview(req, res, store, limiter, moderate);
    });
    server.Get(kReviews, [&store](const httplib::Request& req, httplib::Response& res) { listReviews(req, res, store); });
    server.Options("/api/.*", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
    // Anything else under /api/ is not a file, even if the site root has one.
    server.Get("/api/.*", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
}

bool isApiPath(const std::string& path) { return path.rfind("/api/", 0) == 0; }

void addApiHeaders(const httplib::Request& req, httplib::Response& res) {
    // No credentials are involved, so any origin may read and post.
    res.set_header("Access-Control-Allow-Origin", "*");
    res.set_header("Access-Control-Expose-Headers", "Retry-After");
    if (req.method == "OPTIONS") {
        res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        res.set_header("Access-Control-Allow-Headers", "Content-Type");
        res.set_header("Access-Control-Max-Age", "86400");
    }
    if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-cache");
}

void setApiErrorBody(httplib::Response& res) {
    std::string error;
    switch (res.status) {
    case 404: error = "Not found."; break;
    case 413: error = "The review is too large; the limit is " + std::to_string(kMaxRequestBytes / 1024) + " KiB."; break;
    case 500: error = "The server could not handle the review. Please try again later."; break;
    default: error = "The request could not be handled (HTTP " + std::to_string(res.status) + ")."; break;
    }
    res.set_content(Json{{"error", error}}.dump(), "application/json");
}

std::string utcNow() {
    const auto now = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    const std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(text + n, sizeof text - n, ".%03dZ", static_cast<int>(ms));
    return text;
}

} // namespace aw
