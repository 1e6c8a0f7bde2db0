#pragma once
// Bodies of the public GETs, keyed by the request and the article's visible
// state (ReviewStore::visibleState): a popular article's list is built once
// per change, not once per reader. A key never goes stale (a change makes a new
// key); old keys simply fall out of the LRU.
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace aw {

struct CachedReply {
    std::string body;
    std::string link; // the Link header, if any
};

class ResponseCache {
public:
    explicit ResponseCache(std::size_t maxEntries) : max_(maxEntries) {}
    std::optional<CachedReply> get(const std::string& key);
    void put(const std::string& key, CachedReply reply);

private:
    using Entry = std::pair<std::string, CachedReply>;
    std::size_t max_;
    std::mutex mutex_;
    std::list<Entry> recent_; // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

} // namespace aw
