#pragma once
// At most N events per client address in any sliding minute: review POSTs and
// reports (enough for a reader, a wall for a script), failed sign-ins.
#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace aw {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(int perMinute) : perMinute_(perMinute) {}

    // Counts one request from `client`. 0 when it may go ahead, otherwise the
    // seconds until it may try again (for Retry-After). A limit of 0 admits all.
    int admit(const std::string& client, Clock::time_point now);

    // Like admit, without counting: whether `client` is over the limit now.
    int wait(const std::string& client, Clock::time_point now);

private:
    int waitLocked(std::deque<Clock::time_point>& times, Clock::time_point now) const;
    int perMinute_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<Clock::time_point>> recent_;
    Clock::time_point lastSweep_{};
};

} // namespace aw
