#include "server/Notifier.h"

#include <httplib.h>

#include <chrono>
#include <iostream>
#include <stdexcept>

namespace aw {
namespace {
constexpr std::size_t kMaxQueued = 1000;
constexpr int kAttempts = 6; // then 0.5 + 1 + 2 + 4 + 8 s of waiting: a receiver down for ~15 s loses nothing
constexpr auto kFirstBackoff = std::chrono::milliseconds(500);
} // namespace

Notifier::Notifier(const std::string& url, std::function<void(bool)> delivered) : delivered_(std::move(delivered)) {
    if (url.empty()) return;
    const auto scheme = url.find("://");
    const bool http = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
    if (!http || scheme + 3 >= url.size()) throw std::invalid_argument("--notify-url " + url + ": expected http://HOST[:PORT]/PATH");
    const auto slash = url.find('/', scheme + 3);
    origin_ = url.substr(0, slash);
    path_ = slash == std::string::npos ? "/" : url.substr(slash);
    worker_ = std::thread([this] { run(); });
}

Notifier::~Notifier() {
    if (!worker_.joinable()) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void Notifier::send(nlohmann::json event) {
    if (!worker_.joinable()) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (queue_.size() >= kMaxQueued) {
            std::cerr << "review_server: webhook queue full, dropping a " << event.value("event", "") << " event\n";
            return;
        }
        queue_.push_back(event.dump());
    }
    wake_.notify_one();
}

bool Notifier::deliver(const std::string& body) {
    httplib::Client client(origin_);
    client.set_connection_timeout(std::chrono::seconds(5));
    client.set_read_timeout(std::chrono::seconds(10));
    client.set_write_timeout(std::chrono::seconds(10));
    const auto res = client.Post(path_, body, "application/json");
    return res && res->status >= 200 && res->status < 300;
}

void Notifier::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        const std::string body = std::move(queue_.front());
        queue_.pop_front();
        bool ok = false;
        auto backoff = kFirstBackoff;
        for (int attempt = 1; attempt <= kAttempts && !ok; ++attempt) {
            lock.unlock();
            ok = deliver(body);
            lock.lock();
            if (ok || attempt == kAttempts) break;
            // Waits out the backoff, unless the server is stopping.
            if (wake_.wait_for(lock, backoff, [this] { return stopping_; })) return;
            backoff *= 2;
        }
        if (!ok) std::cerr << "review_server: webhook " << origin_ << path_ << ": gave up after " << kAttempts << " attempts\n";
        delivered_(ok);
    }
}

} // namespace aw
