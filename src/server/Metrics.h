#pragma once
// What Prometheus scrapes from GET /metrics: requests by route and status, a
// latency histogram per route, reviews by status, reports, webhook deliveries.
#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace aw {

class ReviewStore;

// The route a path belongs to, with identifiers replaced: labels stay few.
std::string routeOf(const std::string& method, const std::string& path);

class Metrics {
public:
    void recordRequest(const std::string& route, int status, double seconds);
    void countReport() { reports_++; }
    void countDelivery(bool delivered) { (delivered ? delivered_ : failedDeliveries_)++; }
    // The exposition text, with the store's current counts.
    std::string render(ReviewStore& store);

private:
    static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    struct Latency {
        std::array<long long, kBuckets.size()> buckets{};
        long long count = 0;
        double sum = 0;
    };
    std::mutex mutex_;
    std::map<std::pair<std::string, int>, long long> requests_;
    std::map<std::string, Latency> latency_;
    std::atomic<long long> reports_{0}, delivered_{0}, failedDeliveries_{0};
};

} // namespace aw
