#include "server/ReviewApi.h"

#include "server/HttpJson.h"
#include "server/Metrics.h"
#include "server/Notifier.h"
#include "server/ProxyTrust.h"
#include "server/RateLimiter.h"
#include "server/ResponseCache.h"
#include "core/Review.h"
#include "server/ReviewStore.h"
#include "core/Utf8.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>

namespace aw {
namespace {

using Json = nlohmann::json;
constexpr const char* kReviews = "/api/reviews";
constexpr const char* kReasons[] = {"spam", "abuse", "off-topic", "other"};

// 422: the first problem up front (what a simple client shows), all of them in
// errors. Each rule's stable code ("body.too-long") lets a client word it in
// its reader's language; the message stays English, for API clients.
Json unprocessable(const std::vector<FieldMessage>& messages) {
    Json errors = Json::array();
    const auto entry = [](const FieldMessage& m) {
        Json e = {{"field", m.field}, {"message", m.message}};
        if (const std::string code = m.code(); !code.empty()) e["code"] = code;
        return e;
    };
    for (const auto& m : messages) errors.push_back(entry(m));
    Json body = entry(messages.front());
    body["error"] = body["message"];
    body.erase("message");
    body["errors"] = std::move(errors);
    return body;
}

Json publicJson(const Review& review) { return toJsonValue(review, ReviewVisibility::Public); }

void postReview(const httplib::Request& req, httplib::Response& res, ApiContext& api) {
    if (const int wait = api.postLimiter.admit(api.clientOf(req), RateLimiter::Clock::now()))
        return sendTooMany(res, wait, "reviews");
    std::string field;
    const auto parsed = parseReview(req.body, &field);
    if (!parsed) {
        if (field.empty()) return sendJson(res, 400, {{"error", parsed.error()}});
        return sendJson(res, 422, unprocessable({{field, parsed.error(), {}}}));
    }
    const Review& review = parsed.value();
    if (const auto messages = validateReview(review); !messages.empty())
        return sendJson(res, 422, unprocessable(messages));

    const ReviewStatus status = api.preModeration ? ReviewStatus::Pending : ReviewStatus::Published;
    if (!review.website.empty()) {
        // Only bots fill the hidden field. They get the answer a person would, so
        // they learn nothing; the review goes nowhere.
        Review shown = review;
        shown.datePublished = utcNow();
        return sendJson(res, 201, {{"status", statusName(status)}, {"review", publicJson(shown)}});
    }
    const auto inserted = api.store.insert(review, status, utcNow());
    const StoredReview& stored = inserted.stored;
    if (inserted.created && stored.status == ReviewStatus::Pending)
        api.notifier.send({{"event", "review.pending"}, {"review", publicJson(stored.review)}});
    // A resend (the client never saw our answer) gets the stored review again, with 200.
    // A hidden or rejected review still says what it is only to its author, who knows its identifier.
    sendJson(res, inserted.created ? 201 : 200, {{"status", statusName(stored.status)}, {"review", publicJson(stored.review)}});
}

// item= is required by both GETs.
bool readItem(const httplib::Request& req, httplib::Response& res, std::string& item) {
    item = req.get_param_value("item");
    if (!item.empty()) return true;
    sendFieldError(res, 400, "item", "item: missing; give the article's url or identifier");
    return false;
}

// The public GETs: a 304 from the article's state alone when the client has the
// reply already; otherwise the reply from the cache, built by `build` on a miss.
void sendPublic(const httplib::Request& req, httplib::Response& res, ApiContext& api, const std::string& item,
                const std::string& what, const std::function<CachedReply()>& build) {
    const std::string key = what + '\n' + item + '\n' + api.store.visibleState(item);
    if (answerNotModified(req, res, "\"" + fnv1aHex(key) + "\"", api.publicCache)) return;
    auto reply = api.replies.get(key);
    if (!reply) {
        reply = build();
        api.replies.put(key, *reply);
    }
    if (!reply->link.empty()) res.set_header("Link", reply->link);
    res.status = 200;
    res.set_content(reply->body, "application/json");
}

void listReviews(const httplib::Request& req, httplib::Response& res, ApiContext& api) {
    std::string item;
    if (!readItem(req, res, item)) return;
    const auto paging = readPaging(req, res);
    if (!paging) return;
    const std::string what = "list " + std::to_string(paging->limit) + " " + std::to_string(paging->cursor.value_or(0));
    sendPublic(req, res, api, item, what, [&] {
        const ReviewPage page = api.store.visible(item, paging->limit, paging->cursor);
        Json list = Json::array();
        for (const auto& r : page.reviews) list.push_back(publicJson(r.review));
        CachedReply reply{list.dump(), ""};
        if (page.next)
            reply.link = std::string("<") + kReviews + "?item=" + encodeQueryValue(item) + "&limit=" +
                         std::to_string(paging->limit) + "&cursor=" + std::to_string(*page.next) + ">; rel=\"next\"";
        return reply;
    });
}

void summarize(const httplib::Request& req, httplib::Response& res, ApiContext& api) {
    std::string item;
    if (!readItem(req, res, item)) return;
    sendPublic(req, res, api, item, "summary", [&] {
        const RatingSummary summary = api.store.summary(item);
        Json distribution = Json::object();
        for (int stars = 1; stars <= 5; ++stars)
            distribution[std::to_string(stars)] = summary.counts[static_cast<std::size_t>(stars - 1)];
        const long long count = summary.total();
        const Json body = {
            {"@context", "https://schema.org"},
            {"@type", "AggregateRating"},
            {"itemReviewed", item},
            // No ratings, no mean: null rather than a 0 outside 1..5.
            {"ratingValue", count == 0 ? Json(nullptr) : Json(std::round(summary.mean() * 10.0) / 10.0)},
            {"ratingCount", count},
            {"reviewCount", count},
            {"bestRating", kBestRating},
            {"worstRating", 1},
            {"distribution", distribution},
        };
        return CachedReply{body.dump(), ""};
    });
}

void reportReview(const httplib::Request& req, httplib::Response& res, ApiContext& api) {
    const std::string client = api.clientOf(req);
    if (const int wait = api.reportLimiter.admit(client, RateLimiter::Clock::now())) return sendTooMany(res, wait, "reports");
    const Json doc = Json::parse(req.body, nullptr, false);
    if (!doc.is_object()) return sendJson(res, 400, {{"error", "The report must be a JSON object with a reason."}});
    const auto reason = doc.find("reason");
    const bool known = reason != doc.end() && reason->is_string() &&
                       std::find(std::begin(kReasons), std::end(kReasons), reason->get<std::string>()) != std::end(kReasons);
    if (!known) return sendFieldError(res, 422, "reason", "reason: expected one of spam, abuse, off-topic, other");
    std::string message;
    if (const auto m = doc.find("message"); m != doc.end() && !m->is_null()) {
        if (!m->is_string()) return sendFieldError(res, 422, "message", "message: expected a string");
        message = m->get<std::string>();
        if (!utf8::isValid(message) || utf8::length(message) > kMaxReportMessageChars)
            return sendFieldError(res, 422, "message",
                                  "The note can be at most " + std::to_string(kMaxReportMessageChars) + " characters.");
    }
    const std::string identifier = identifierOf(req.matches[1]);
    const Report report{reason->get<std::string>(), message, fnv1aHex(client), utcNow()};
    const auto result = api.store.report(identifier, report);
    if (result.outcome == ReviewStore::ReportOutcome::Unknown)
        return sendJson(res, 404, {{"error", "There is no published review " + identifier + "."}});
    if (result.outcome == ReviewStore::ReportOutcome::Counted) {
        api.metrics.countReport();
        api.notifier.send({{"event", "review.reported"}, {"identifier", identifier}, {"reason", report.reason},
                           {"message", message}, {"reports", result.reports}, {"hidden", result.hidden}});
    }
    // The same answer for a repeat: whether a report counted is nobody's business but the moderators'.
    sendJson(res, 202, {{"status", "received"}});
}

} // namespace

std::string ApiContext::clientOf(const httplib::Request& req) const {
    return proxies.clientAddress(req.remote_addr, req.get_header_value("X-Forwarded-For"));
}

void addReviewApi(httplib::Server& server, ApiContext& api) {
    server.Post(kReviews, [&api](const httplib::Request& req, httplib::Response& res) { postReview(req, res, api); });
    server.Get(kReviews, [&api](const httplib::Request& req, httplib::Response& res) { listReviews(req, res, api); });
    server.Get("/api/reviews/summary",
               [&api](const httplib::Request& req, httplib::Response& res) { summarize(req, res, api); });
    server.Post(R"(/api/reviews/([^/]+)/report)",
                [&api](const httplib::Request& req, httplib::Response& res) { reportReview(req, res, api); });
    server.Get("/healthz", [&api](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        if (api.store.healthy()) return sendJson(res, 200, {{"status", "ok"}});
        res.set_header("Retry-After", "5");
        sendJson(res, 503, {{"status", "unavailable"}, {"error", "The review store does not answer."}});
    });
    server.Options("/api/.*", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
}

bool isApiPath(const std::string& path) { return path.rfind("/api/", 0) == 0; }

void addApiHeaders(const httplib::Request& req, httplib::Response& res) {
    // No credentials are involved, so any origin may read and post. The admin
    // API's bearer token is not ambient either, and its preflight is refused
    // (Authorization is not an allowed header): only its own page calls it.
    res.set_header("Access-Control-Allow-Origin", "*");
    res.set_header("Access-Control-Expose-Headers", "Retry-After, Link, ETag");
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
    case 503: error = "The review store is busy or restarting. Please try again in a moment."; break;
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
