#pragma once
// Everything behind "Leave a review" except drawing: the form, the outbox that
// never loses a review, the list of this article's reviews, and what to tell
// the reader after Send. The platform implements ReviewPort (fetch,
// localStorage, timers) and feeds results back; time is passed in.
#include "core/Outbox.h"
#include "core/ReviewForm.h"

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
};

struct Notice {
    enum class Kind { None, Sending, Sent, AwaitingModeration, SavedForLater, KeptOnDevice, Refused };
    Kind kind = Kind::None;
    std::string text;
};

struct ListedReview {
    Review review;
    bool pending = false; // still on this device, not yet on the server
};

class ReviewDesk {
public:
    // itemReviewed: the article's identifier or url. hasEndpoint: the widget
    // has a `reviews` URL; without one, reviews stay on the reader's device.
    ReviewDesk(ReviewPort& port, std::string itemReviewed, bool hasEndpoint);

    // What the platform found in localStorage at start (any may be empty).
    // Returns problems worth a console warning.
    std::vector<std::string> restore(std::string_view outboxJson, std::string_view draftJson,
                                     std::string_view localReviewsJson, UnixMillis now);

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

    // The server's list (a JSON array of Review documents). Returns the number of unreadable entries skipped.
    std::size_t setServerReviews(std::string_view json);
    std::vector<ListedReview> list() const; // newest first
    const Notice& notice() const { return notice_; }
    unsigned version() const { return version_; } // bumps when list or notice change

    std::string outboxKey() const { return "aw-outbox:" + item_; }
    std::string draftKey() const { return "aw-draft:" + item_; }
    std::string localKey() const { return "aw-reviews:" + item_; }

private:
    void persistOutbox();
    void schedule(UnixMillis now);
    void setNotice(Notice::Kind kind, std::string text);

    ReviewPort& port_;
    std::string item_;
    bool hasEndpoint_;
    ReviewForm form_;
    Outbox outbox_;
    std::vector<Review> server_;
    std::vector<Review> local_; // without an endpoint: the reader's own reviews
    std::string lastSubmitted_; // identifier whose fate the notice reports
    Notice notice_;
    unsigned version_ = 0;
};

} // namespace aw
