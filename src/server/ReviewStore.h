#pragma once
// The reviews and their moderation, over any SqlDatabase engine: what the
// public sees, the moderators' queues and decisions, reports, erasure, and
// export/import. Every operation is one transaction or one consistent read.
#include "core/Review.h"
#include "server/SqlDatabase.h"

#include <array>
#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace aw {

enum class ReviewStatus { Pending, Published, Rejected };

const char* statusName(ReviewStatus status);
std::optional<ReviewStatus> statusFromName(const std::string& name);

struct StoredReview {
    Review review;      // as stored, datePublished set
    ReviewStatus status = ReviewStatus::Pending;
    int reports = 0;    // reports no moderator has decided on yet
    bool hidden = false; // published, but hidden by its reports until a moderator decides
    long long seq = 0;  // arrival order, the cursor of lists
};

// One page of a list, newest first; `next` is the cursor of the following page.
struct ReviewPage {
    std::vector<StoredReview> reviews;
    std::optional<long long> next;
};

// The moderators' queues. Reported: reviews with undecided reports, whatever their status.
enum class Queue { Pending, Published, Rejected, Reported };
std::optional<Queue> queueFromName(const std::string& name);
const char* queueName(Queue queue);
constexpr Queue kQueues[] = {Queue::Pending, Queue::Reported, Queue::Published, Queue::Rejected};

struct RatingSummary {
    std::array<long long, 5> counts{}; // counts[0]: one star ... counts[4]: five stars
    long long total() const;
    double mean() const; // 0 with no ratings
};

struct Report {
    std::string reason;
    std::string message;
    std::string reporter; // who: a hash of the reader's address
    std::string at;
};

class ReviewStore {
public:
    // Applies the schema migrations. hideAfterReports: a published review with
    // that many undecided reports is hidden (0: never).
    ReviewStore(std::unique_ptr<SqlDatabase> db, int hideAfterReports);

    struct Inserted {
        StoredReview stored;
        bool created; // false: the identifier was already there, and this is that review
    };
    // Stores the review unless one with its identifier exists (a resend).
    Inserted insert(const Review& review, ReviewStatus status, const std::string& receivedAt);

    // What the public sees of one article: published and not hidden.
    ReviewPage visible(const std::string& item, int limit, std::optional<long long> before);
    RatingSummary summary(const std::string& item);
    // A value that changes whenever what the public sees of the article changes:
    // the count of visible reviews (new ones only add) and the article's count of
    // moderators' changes (the only way anything leaves). Remembered for up to
    // kStateMemo, and forgotten at once by this process's own writes, so only
    // another instance's writes can take that long to show.
    std::string visibleState(const std::string& item);
    static constexpr std::chrono::milliseconds kStateMemo{1000};

    enum class ReportOutcome { Unknown, Counted, Repeated };
    struct ReportResult {
        ReportOutcome outcome = ReportOutcome::Unknown;
        int reports = 0;
        bool hidden = false;
    };
    // Only reviews the public can see can be reported; one reader counts once per review.
    ReportResult report(const std::string& identifier, const Report& report);

    ReviewPage queue(Queue queue, const std::string& item, int limit, std::optional<long long> before);
    std::map<Queue, long long> counts(const std::string& item); // item "" for all
    long long openReports();                                   // undecided reports, all reviews

    // A moderator's decision: the new status, and every undecided report settled.
    std::optional<StoredReview> decide(const std::string& identifier, ReviewStatus status, const std::string& at);
    enum class UndoOutcome { Unknown, NothingToUndo, Undone };
    // Puts back the status before the last decision and reopens the reports it settled.
    std::pair<UndoOutcome, std::optional<StoredReview>> undo(const std::string& identifier);
    // Erases the review and its reports. False when there was none.
    bool erase(const std::string& identifier);

    // Every review, oldest first (export).
    void forEach(const std::function<void(const StoredReview&)>& each);
    // Stores each review that is not there yet; returns how many were new.
    long long import(const std::vector<StoredReview>& reviews);

    // Whether the database answers a query.
    bool healthy();
    SqlDatabase& database() { return *db_; }

private:
    std::optional<StoredReview> find(SqlSession& s, const std::string& identifier);
    static void changed(SqlSession& s, const std::string& item);
    void forgetState(const std::string& item); // "" forgets every article
    std::unique_ptr<SqlDatabase> db_;
    int hideAfter_;
    struct Memo {
        std::string state;
        std::chrono::steady_clock::time_point at;
    };
    std::mutex memoMutex_;
    std::unordered_map<std::string, Memo> memo_;
    struct Question {
        std::shared_future<std::string> answer;
        unsigned long long writes; // writes_ when it was asked
    };
    std::unordered_map<std::string, Question> asking_; // states being read from the database now
    unsigned long long writes_ = 0; // under memoMutex_: a state read across a write is not remembered
};

} // namespace aw
