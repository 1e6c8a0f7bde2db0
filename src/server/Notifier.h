#pragma once
// The webhook (--notify-url): a small JSON POST for each new pending review and
// each report. Events wait in a bounded queue for one background thread, which
// retries with backoff; the reader's request only ever enqueues.
#include <nlohmann/json.hpp>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace aw {

class Notifier {
public:
    // An empty url switches the webhook off. Throws std::invalid_argument for a URL that is not http(s)://host[:port]/path.
    // `delivered` is told how each event ended (true: a 2xx answer).
    Notifier(const std::string& url, std::function<void(bool)> delivered);
    ~Notifier();
    Notifier(const Notifier&) = delete;
    Notifier& operator=(const Notifier&) = delete;

    // Never blocks on the network. When the queue is full the event is dropped, with a log line.
    void send(nlohmann::json event);

private:
    void run();
    bool deliver(const std::string& body);
    std::string origin_; // scheme://host:port
    std::string path_;
    std::function<void(bool)> delivered_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::string> queue_;
    bool stopping_ = false;
    std::thread worker_;
};

} // namespace aw
