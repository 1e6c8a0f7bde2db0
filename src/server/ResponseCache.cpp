#include "server/ResponseCache.h"

namespace aw {

std::optional<CachedReply> ResponseCache::get(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    recent_.splice(recent_.begin(), recent_, it->second);
    return it->second->second;
}

void ResponseCache::put(const std::string& key, CachedReply reply) {
    if (max_ == 0) return;
    std::lock_guard<std::mutex> lock(mutex_);
    if (const auto it = index_.find(key); it != index_.end()) {
        it->second->second = std::move(reply);
        recent_.splice(recent_.begin(), recent_, it->second);
        return;
    }
    recent_.emplace_front(key, std::move(reply));
    index_[key] = recent_.begin();
    if (recent_.size() > max_) {
        index_.erase(recent_.back().first);
        recent_.pop_back();
    }
}

} // namespace aw
