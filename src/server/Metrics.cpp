#include "server/Metrics.h"

#include "server/ReviewStore.h"

#include <sstream>

namespace aw {

std::string routeOf(const std::string& method, const std::string& path) {
    auto under = [&](const char* prefix) { return path.rfind(prefix, 0) == 0; };
    std::string route;
    if (path == "/api/reviews" || path == "/api/reviews/summary" || path == "/api/admin/reviews" || path == "/healthz" ||
        path == "/metrics")
        route = path;
    else if (under("/api/admin/reviews/")) {
        const auto slash = path.find('/', std::string("/api/admin/reviews/").size());
        route = "/api/admin/reviews/{identifier}" + (slash == std::string::npos ? "" : path.substr(slash));
        if (route.size() > 40) route = "/api/admin/reviews/{identifier}/other";
    } else if (under("/api/reviews/") && path.size() > 7 && path.compare(path.size() - 7, 7, "/report") == 0)
        route = "/api/reviews/{identifier}/report";
    else if (under("/api/")) route = "/api/other";
    else if (under("/admin")) route = "/admin/";
    else route = "static";
    return method + " " + route;
}

void Metrics::recordRequest(const std::string& route, int status, double seconds) {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_[{route, status}]++;
    Latency& l = latency_[route];
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i]) l.buckets[i]++;
    l.count++;
    l.sum += seconds;
}

std::string Metrics::render(ReviewStore& store) {
    std::ostringstream out;
    auto labels = [](const std::string& route) {
        const auto space = route.find(' ');
        return "method=\"" + route.substr(0, space) + "\",route=\"" + route.substr(space + 1) + "\"";
    };
    {
        std::lock_guard<std::mutex> lock(mutex_);
        out << "# HELP review_server_requests_total HTTP requests answered, by route and status.\n"
               "# TYPE review_server_requests_total counter\n";
        for (const auto& [key, n] : requests_)
            out << "review_server_requests_total{" << labels(key.first) << ",status=\"" << key.second << "\"} " << n << "\n";
        out << "# HELP review_server_request_duration_seconds Time from the request read to the response made.\n"
               "# TYPE review_server_request_duration_seconds histogram\n";
        for (const auto& [route, l] : latency_) {
            for (std::size_t i = 0; i < kBuckets.size(); ++i)
                out << "review_server_request_duration_seconds_bucket{" << labels(route) << ",le=\"" << kBuckets[i] << "\"} "
                    << l.buckets[i] << "\n";
            out << "review_server_request_duration_seconds_bucket{" << labels(route) << ",le=\"+Inf\"} " << l.count << "\n"
                << "review_server_request_duration_seconds_sum{" << labels(route) << "} " << l.sum << "\n"
                << "review_server_request_duration_seconds_count{" << labels(route) << "} " << l.count << "\n";
        }
    }
    out << "# HELP review_server_reviews Stored reviews by moderation queue (reported: with undecided reports).\n"
           "# TYPE review_server_reviews gauge\n";
    for (const auto& [queue, n] : store.counts(""))
        out << "review_server_reviews{status=\"" << queueName(queue) << "\"} " << n << "\n";
    out << "# HELP review_server_open_reports Reports no moderator has decided on yet.\n"
           "# TYPE review_server_open_reports gauge\n"
           "review_server_open_reports " << store.openReports() << "\n"
           "# HELP review_server_reports_total Reports received by this process.\n"
           "# TYPE review_server_reports_total counter\n"
           "review_server_reports_total " << reports_ << "\n"
           "# HELP review_server_webhook_deliveries_total Webhook events delivered, or given up after every retry.\n"
           "# TYPE review_server_webhook_deliveries_total counter\n"
           "review_server_webhook_deliveries_total{result=\"delivered\"} " << delivered_ << "\n"
           "review_server_webhook_deliveries_total{result=\"failed\"} " << failedDeliveries_ << "\n";
    return out.str();
}

} // namespace aw
