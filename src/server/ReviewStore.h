#pragma once
// Reviews on disk: one SQLite file, written so that a review the server has
// acknowledged survives the process being killed (WAL, synchronous=FULL, and
// the reply only after the commit).
#include "Review.h"

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

struct sqlite3;

namespace aw {

enum class ReviewStatus { Published, Pending };

const char* statusName(ReviewStatus status);

class ReviewStore {
public:
    // Opens (creating on first run) dataDir/reviews.db. Throws std::runtime_error.
    explicit ReviewStore(const std::filesystem::path& dataDir);
    ~ReviewStore();
    ReviewStore(const ReviewStore&) = delete;
    ReviewStore& operator=(const ReviewStore&) = delete;

    struct Stored {
        Review review; // as stored, datePublished set
        ReviewStatus status;
        bool created;  // false: the identifier was already there, and this is that review
    };

    // Stores the review unless one with its identifier exists (a resend).
    Stored insert(const Review& review, ReviewStatus status, const std::string& receivedAt);

    // Published reviews of one article, newest first, at most `limit`.
    std::vector<Review> published(const std::string& item, int limit);

private:
    sqlite3* db_ = nullptr;
    std::mutex mutex_; // one connection, one writer at a time
};

} // namespace aw
