#pragma once
// Everything behind "Leave a review" except drawing: the form, the outbox that
// never loses a review, the list of this article's reviews, and what to tell
// the reader after Send, the rating summary, paging through the list, and
// reporting a review. The platform implements ReviewPort (fetch,
// localStorage, timers) and feeds results back; time is passed in.
#include "core/Outbox.h"
#include "core/ReviewForm.h"
#include "core/ReviewReport.h"
#include "core/ReviewSummary.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aw {

class ReviewPort {
public:
    virtual ~ReviewPort() = default;
    virtual void post(const std::string& identifier, const std::string& reviewJson) = 0;
    virtual void store(const std::string& key, const std::string& value) = 0; // empty value: remove
    virtual void wakeAt(UnixMillis when) = 0; // call ReviewDesk::pump then
    // One page of the published reviews: the first when `page` is empty, else
    // the URL the server named as next. `fresh`: revalidate rather than take a
    // cached copy (the reader waits for their own review to be published).
    // Answer with setServerReviews or addServerPage (or pageFailed).
    virtual void fetchReviews(const std::string& item, const std::string& page, bool fresh) = 0;
    virtual void fetchSummary(const std::string& item, bool fresh) = 0; // answer with setSummary
    virtual void report(const std::string& identifier, const std::string& body) = 0; // answer with onReportResult
};

struct Notice {
    enum class Kind { None, Sending, Sent, AwaitingModeration, SavedForLater, KeptOnDevice, Refused };
    Kind kind = Kind::None;
    std::string text; // in English
    // The same for the catalogs; a refusal's `detail` (why) fills its {reason}.
    Message message, detail;
};

struct ListedReview {
    enum class Standing {
        Published,          // on the server, public
        Unsent,             // still on this device, not yet on the server
        Sent,               // the reader's own, published, not yet in a list from the server (a cached one)
        AwaitingModeration, // the reader's own, on the server, waiting for a moderator
        OnDevice,           // kept on this device only: the site collects no reviews
    };
    Review review;
    Standing standing = Standing::Published;
};

class ReviewDesk {
public:
    // itemReviewed: the article's identifier or url. hasEndpoint: the widget
    // has a `reviews` URL; without one, reviews stay on the reader's device.
    ReviewDesk(ReviewPort& port, std::string itemReviewed, bool hasEndpoint);

    // What the platform found in localStorage at start (any may be empty).
    // Returns problems worth a console warning.
    std::vector<std::string> restore(std::string_view outboxJson, std::string_view draftJson,
                                     std::string_view localReviewsJson, UnixMillis now,
                                     std::string_view awaitingJson = {}, std::string_view sentJson = {});
    // Asks for the first page of reviews and the summary (none without an endpoint).
    void fetch();

    ReviewForm& form() { return form_; }
    const ReviewForm& form() const { return form_; }
    void draftChanged(); // persist the draft after typing
    bool hasEndpoint() const { return hasEndpoint_; }

    // Send pressed. Invalid: the first field to fix. Valid: the review is
    // queued (or kept on the device), the form resets, a notice says what happened.
    std::optional<FormField> submit(std::string identifier, std::string dateCreated, UnixMillis now);
    bool sending() const;

    void pump(UnixMillis now);
    void onResult(const std::string& identifier, int httpStatus, std::string_view responseBody, UnixMillis now);
    void onOnline(UnixMillis now);

    // The server's first page (a JSON array of Review documents) and the URL
    // of the next page (empty: none). Returns the number of unreadable entries skipped.
    std::size_t setServerReviews(std::string_view json, std::string nextPage = {});
    // "Show more reviews": asks for the next page, once, while there is one.
    void showMore();
    // The next page, appended to the list; or the fetch failed (the button stays to try again).
    std::size_t addServerPage(std::string_view json, std::string nextPage);
    void pageFailed();
    bool hasMore() const { return !nextPage_.empty(); }
    bool loadingMore() const { return loadingMore_; }
    std::vector<ListedReview> list() const; // newest first

    // GET summary's answer; anything that is not a summary (or none) shows none.
    void setSummary(std::string_view json);
    const std::optional<ReviewSummary>& summary() const { return summary_; }

    // Reporting a listed review: open, choose, type, send, and the answer.
    const ReportFlow& reporting() const { return report_; }
    void openReport(const std::string& identifier); // a published review of the list; anything else is ignored
    void closeReport();
    void chooseReportReason(ReportReason reason);
    void setReportNote(std::string note);
    void sendReport();
    void onReportResult(const std::string& identifier, int httpStatus);
    const Notice& notice() const { return notice_; }
    unsigned version() const { return version_; } // bumps when list or notice change

    std::string outboxKey() const { return "aw-outbox:" + item_; }
    std::string draftKey() const { return "aw-draft:" + item_; }
    std::string localKey() const { return "aw-reviews:" + item_; }
    std::string awaitingKey() const { return "aw-awaiting:" + item_; }
    std::string sentKey() const { return "aw-sent:" + item_; }

private:
    void persistOutbox();
    void schedule(UnixMillis now);
    void setNotice(Notice::Kind kind, std::string text, Message message, Message detail = {});
    void persistOwn();
    std::size_t takePage(std::string_view json, std::string nextPage, bool first);

    ReviewPort& port_;
    std::string item_;
    bool hasEndpoint_;
    ReviewForm form_;
    Outbox outbox_;
    std::vector<Review> server_;
    std::vector<Review> local_; // without an endpoint: the reader's own reviews
    // The reader's own reviews the server took, kept (and stored) until a list from the server
    // holds them: a list from a cache 30 s old must not hide them.
    std::vector<Review> awaiting_; // not yet published
    std::vector<Review> sent_;     // published
    std::string nextPage_;
    bool loadingMore_ = false;
    std::optional<ReviewSummary> summary_;
    ReportFlow report_;
    std::string lastSubmitted_; // identifier whose fate the notice reports
    Notice notice_;
    unsigned version_ = 0;
};

} // namespace aw
