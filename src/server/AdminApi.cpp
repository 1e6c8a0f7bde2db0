#include "server/AdminApi.h"

#include "server/AdminToken.h"
#include "server/HttpJson.h"
#include "server/Metrics.h"
#include "server/RateLimiter.h"
#include "server/ReviewApi.h"
#include "server/ReviewStore.h"

namespace aw {
namespace {

using Json = nlohmann::json;

Json adminJson(const StoredReview& r) {
    Json doc = toJsonValue(r.review, ReviewVisibility::Full);
    doc["status"] = statusName(r.status);
    doc["reports"] = r.reports;
    doc["hidden"] = r.hidden;
    return doc;
}

// True when the request may go on; otherwise the response says why.
bool authorized(const httplib::Request& req, httplib::Response& res, AdminContext& admin) {
    res.set_header("Cache-Control", "no-store"); // emails: never in a cache
    const std::string client = admin.api.clientOf(req);
    const auto now = RateLimiter::Clock::now();
    if (const int wait = admin.failures.wait(client, now)) {
        sendTooMany(res, wait, "failed sign-ins");
        return false;
    }
    const std::string header = req.get_header_value("Authorization");
    const std::string scheme = "Bearer ";
    const bool bearer = header.size() > scheme.size() && header.compare(0, scheme.size(), scheme) == 0;
    if (bearer && admin.token.matches(std::string_view(header).substr(scheme.size()))) return true;
    admin.failures.admit(client, now);
    res.set_header("WWW-Authenticate", bearer ? "Bearer error=\"invalid_token\"" : "Bearer");
    sendJson(res, 401, {{"error", admin.token.configured() ? "Sign in with the moderators' token."
                                                           : "Moderation is off: start review_server with "
                                                             "--admin-token-file or REVIEW_ADMIN_TOKEN."}});
    return false;
}

void listQueue(const httplib::Request& req, httplib::Response& res, AdminContext& admin) {
    const auto queue = queueFromName(req.get_param_value("status"));
    if (!queue) return sendFieldError(res, 400, "status", "status: expected pending, published, rejected or reported");
    const auto paging = readPaging(req, res);
    if (!paging) return;
    const std::string item = req.get_param_value("item");
    ReviewStore& store = admin.api.store;
    const ReviewPage page = store.queue(*queue, item, paging->limit, paging->cursor);
    Json reviews = Json::array();
    for (const auto& r : page.reviews) reviews.push_back(adminJson(r));
    Json counts = Json::object();
    for (const auto& [q, n] : store.counts(item)) counts[queueName(q)] = n;
    sendJson(res, 200, {{"reviews", std::move(reviews)},
                        {"next", page.next ? Json(std::to_string(*page.next)) : Json(nullptr)},
                        {"counts", std::move(counts)}});
}

void decide(const httplib::Request& req, httplib::Response& res, AdminContext& admin) {
    const std::string identifier = identifierOf(req.matches[1]);
    const std::string action = req.matches[2];
    ReviewStore& store = admin.api.store;
    std::optional<StoredReview> review;
    if (action == "undo") {
        auto [outcome, undone] = store.undo(identifier);
        if (outcome == ReviewStore::UndoOutcome::NothingToUndo)
            return sendJson(res, 409, {{"error", "No decision on review " + identifier + " to undo."}});
        review = std::move(undone);
    } else {
        review = store.decide(identifier, action == "publish" ? ReviewStatus::Published : ReviewStatus::Rejected, utcNow());
    }
    if (!review) return sendJson(res, 404, {{"error", "There is no review " + identifier + "."}});
    sendJson(res, 200, adminJson(*review));
}

} // namespace

void addAdminApi(httplib::Server& server, AdminContext& admin) {
    auto guarded = [&admin](void (*handler)(const httplib::Request&, httplib::Response&, AdminContext&)) {
        return [&admin, handler](const httplib::Request& req, httplib::Response& res) {
            if (authorized(req, res, admin)) handler(req, res, admin);
        };
    };
    server.Get("/api/admin/reviews", guarded(listQueue));
    server.Post(R"(/api/admin/reviews/([^/]+)/(publish|reject|undo))", guarded(decide));
    server.Delete(R"(/api/admin/reviews/([^/]+))",
                  guarded([](const httplib::Request& req, httplib::Response& res, AdminContext& admin) {
                      const std::string identifier = identifierOf(req.matches[1]);
                      if (!admin.api.store.erase(identifier))
                          return sendJson(res, 404, {{"error", "There is no review " + identifier + "."}});
                      res.status = 204;
                  }));
    server.Get("/metrics", guarded([](const httplib::Request&, httplib::Response& res, AdminContext& admin) {
                   res.set_content(admin.api.metrics.render(admin.api.store), "text/plain; version=0.0.4; charset=utf-8");
               }));
}

} // namespace aw
