#include "server/RateLimiter.h"

namespace aw {
namespace {
constexpr auto kWindow = std::chrono::minutes(1);
}

int RateLimiter::waitLocked(std::deque<Clock::time_point>& times, Clock::time_point now) const {
    while (!times.empty() && now - times.front() >= kWindow) times.pop_front();
    if (static_cast<int>(times.size()) < perMinute_) return 0;
    const auto wait = std::chrono::ceil<std::chrono::seconds>(times.front() + kWindow - now).count();
    return wait < 1 ? 1 : static_cast<int>(wait);
}

int RateLimiter::admit(const std::string& client, Clock::time_point now) {
    if (perMinute_ <= 0) return 0;
    std::lock_guard<std::mutex> lock(mutex_);

    // Forget clients that went quiet, so the map stays as small as the traffic.
    if (now - lastSweep_ > kWindow) {
        for (auto it = recent_.begin(); it != recent_.end();)
            it = it->second.empty() || now - it->second.back() >= kWindow ? recent_.erase(it) : std::next(it);
        lastSweep_ = now;
    }

    auto& times = recent_[client];
    if (const int wait = waitLocked(times, now)) return wait;
    times.push_back(now);
    return 0;
}

int RateLimiter::wait(const std::string& client, Clock::time_point now) {
    if (perMinute_ <= 0) return 0;
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = recent_.find(client);
    return it == recent_.end() ? 0 : waitLocked(it->second, now);
}

} // namespace aw
