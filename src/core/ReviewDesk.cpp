#include "core/ReviewDesk.h"

#include "core/JsonFields.h"

#include <algorithm>
#include <unordered_set>

namespace aw {
namespace {

const char* kSentText = "Thank you! Your review was sent and is shown below.";
const char* kModerationText =
    "Thank you! Your review was sent. It is listed below as awaiting moderation until a moderator publishes it.";
const char* kOfflineText =
    "You seem to be offline. Your review is saved on this device and will be sent when you are back online.";
const char* kServerTroubleText =
    "The review service is not answering right now. Your review is saved on this device and will be sent automatically.";
const char* kLocalText = "Your review is saved on this device only: this site does not collect reviews.";

using namespace jsonfields;

std::string serverField(std::string_view body, const char* key) {
    const auto doc = parseDocument(body);
    const Json* v = doc && doc.value().json.is_object() ? member(doc.value().json, key) : nullptr;
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// Why the server refused a review, for the catalogs: the server's field and
// code name one of the rules both sides share, which the client checks again
// on the review to have its values ("at most 2000 characters; it has 2104").
// An unknown code keeps the server's own words; no message, its status.
Message refusal(const Review& review, const std::string& field, const std::string& code, const std::string& message,
                int status) {
    if (!code.empty()) {
        for (FieldMessage& m : validateReview(review))
            if (m.field == field && m.code() == code) return std::move(m.text);
        // A rule this client does not apply (a stricter server): its message by code, with the
        // values the rules know; the server's own words where no catalog has it.
        const bool body = field == reviewField::body;
        return {"validation." + code,
                {{"max", std::to_string(body ? kMaxBodyChars : field == reviewField::itemReviewed ? kMaxItemChars : kMaxNameChars)},
                 {"min", std::to_string(kMinBodyChars)},
                 {"n", std::to_string(charactersLeft(body ? review.body : review.authorName, 0) * -1)},
                 {"text", message}}};
    }
    if (!message.empty()) return {"", {{"text", message}}};
    return {"notice.status", {{"status", std::to_string(status)}}};
}

std::vector<Review> reviewsFrom(std::string_view json, std::size_t* skipped, std::vector<std::string>* warnings) {
    std::vector<Review> out;
    const auto doc = parseDocument(json);
    if (!doc || !doc.value().json.is_array()) {
        if (skipped) *skipped = json.empty() ? 0 : 1;
        return out;
    }
    if (warnings && doc.value().repaired()) warnings->push_back("saved reviews on this device: " + doc.value().warning());
    for (const auto& item : doc.value().json) {
        auto r = reviewFromJson(item);
        if (r.ok() && !r.value().identifier.empty()) out.push_back(std::move(r.value()));
        else if (skipped) ++*skipped;
    }
    return out;
}

// The reader's own reviews in localStorage, without their email; none: the key goes.
void storeReviews(ReviewPort& port, const std::string& key, const std::vector<Review>& reviews) {
    Json all = Json::array();
    for (const auto& r : reviews) all.push_back(toJsonValue(r, ReviewVisibility::Public));
    port.store(key, reviews.empty() ? std::string() : serialize(all));
}

const std::string& when(const Review& r) { return r.datePublished.empty() ? r.dateCreated : r.datePublished; }

} // namespace

ReviewDesk::ReviewDesk(ReviewPort& port, std::string itemReviewed, bool hasEndpoint)
    : port_(port), item_(std::move(itemReviewed)), hasEndpoint_(hasEndpoint) {}

std::vector<std::string> ReviewDesk::restore(std::string_view outboxJson, std::string_view draftJson,
                                             std::string_view localJson, UnixMillis now, std::string_view awaitingJson,
                                             std::string_view sentJson) {
    std::vector<std::string> problems;
    if (!outboxJson.empty()) {
        auto load = Outbox::fromJson(outboxJson, now);
        outbox_ = std::move(load.outbox);
        problems = std::move(load.problems);
    }
    if (auto draft = ReviewForm::parseDraft(draftJson)) form_.load(std::move(*draft));
    std::size_t skipped = 0;
    local_ = reviewsFrom(localJson, &skipped, &problems);
    if (skipped) problems.push_back(std::to_string(skipped) + " saved review(s) on this device could not be read");
    std::size_t skippedAwaiting = 0, skippedSent = 0;
    awaiting_ = reviewsFrom(awaitingJson, &skippedAwaiting, &problems);
    sent_ = reviewsFrom(sentJson, &skippedSent, &problems);
    if (skippedAwaiting + skippedSent)
        problems.push_back(std::to_string(skippedAwaiting + skippedSent) + " of your sent review(s) on this device could not be read");
    ++version_;
    if (hasEndpoint_) schedule(now);
    return problems;
}

void ReviewDesk::fetch() {
    if (!hasEndpoint_) return;
    // While the reader's own review is in no list yet, a cached list could hide it or its publication.
    port_.fetchReviews(item_, {}, !awaiting_.empty() || !sent_.empty());
    port_.fetchSummary(item_, false);
}

void ReviewDesk::draftChanged() { port_.store(draftKey(), form_.isEmpty() ? std::string() : form_.draftJson()); }

std::optional<FormField> ReviewDesk::submit(std::string identifier, std::string dateCreated, UnixMillis now) {
    if (sending()) return std::nullopt; // a second click while the first is on its way sends nothing
    if (auto invalid = form_.attemptSubmit()) {
        ++version_;
        return invalid;
    }
    const ReviewDraft& d = form_.draft();
    Review r;
    r.identifier = std::move(identifier);
    r.itemReviewed = item_;
    r.authorName = d.name;
    r.authorEmail = d.email;
    r.rating = d.rating;
    r.body = d.body;
    r.website = d.website;
    r.dateCreated = std::move(dateCreated);
    lastSubmitted_ = r.identifier;
    form_.reset();
    draftChanged();
    if (!hasEndpoint_) {
        local_.push_back(std::move(r));
        storeReviews(port_, localKey(), local_);
        setNotice(Notice::Kind::KeptOnDevice, kLocalText, {"notice.local", {}});
        return std::nullopt;
    }
    // Stored before it is sent: a closed tab or a crash right now loses nothing.
    outbox_.enqueue(std::move(r), now);
    persistOutbox();
    setNotice(Notice::Kind::Sending, "Sending your review…", {"notice.sending", {}});
    pump(now);
    return std::nullopt;
}

bool ReviewDesk::sending() const {
    const OutboxEntry* e = lastSubmitted_.empty() ? nullptr : outbox_.find(lastSubmitted_);
    return e && e->state == OutboxState::Sending;
}

void ReviewDesk::pump(UnixMillis now) {
    for (const Review& r : outbox_.due(now)) port_.post(r.identifier, toJson(r, ReviewVisibility::Full));
    persistOutbox();
    schedule(now);
}

void ReviewDesk::onResult(const std::string& identifier, int status, std::string_view body, UnixMillis now) {
    const std::string message = status == Outbox::kNetworkError ? std::string() : serverField(body, "error");
    if (!outbox_.onResult(identifier, status, message, now)) return;
    const OutboxEntry* e = outbox_.find(identifier);
    const bool mine = identifier == lastSubmitted_;
    if (e && e->state == OutboxState::Sent) {
        Review stored = e->review;
        if (stored.datePublished.empty()) stored.datePublished = stored.dateCreated;
        const bool moderated = serverField(body, "status") == "pending";
        // Kept on the device as well, so a reload still shows it (waiting, or published), until a list holds it.
        (moderated ? awaiting_ : sent_).push_back(std::move(stored));
        persistOwn();
        if (!moderated) port_.fetchSummary(item_, true); // the average now counts it
        outbox_.remove(identifier);
        if (mine)
            setNotice(moderated ? Notice::Kind::AwaitingModeration : Notice::Kind::Sent, moderated ? kModerationText : kSentText,
                      {moderated ? "notice.awaiting" : "notice.sent", {}});
    } else if (e && e->state == OutboxState::Failed) {
        // Refused: the text goes back into the form so nothing typed is lost.
        const Review& r = e->review;
        form_.load(ReviewDraft{r.authorName, r.authorEmail, r.rating, r.body, {}});
        draftChanged();
        Message why = refusal(r, serverField(body, "field"), serverField(body, "code"), message, status);
        outbox_.remove(identifier);
        setNotice(Notice::Kind::Refused,
                  "Your review could not be accepted: " +
                      (message.empty() ? "the server answered " + std::to_string(status) : message) +
                      " Your text is back in the form to edit.",
                  {"notice.refused", {}}, std::move(why));
    } else if (mine) {
        setNotice(Notice::Kind::SavedForLater, status == Outbox::kNetworkError ? kOfflineText : kServerTroubleText,
                  {status == Outbox::kNetworkError ? "notice.offline" : "notice.unavailable", {}});
    }
    persistOutbox();
    schedule(now);
    ++version_;
}

void ReviewDesk::onOnline(UnixMillis now) {
    outbox_.onOnline(now);
    pump(now);
}

std::size_t ReviewDesk::setServerReviews(std::string_view json, std::string nextPage) {
    return takePage(json, std::move(nextPage), true);
}

std::size_t ReviewDesk::addServerPage(std::string_view json, std::string nextPage) {
    return takePage(json, std::move(nextPage), false);
}

std::size_t ReviewDesk::takePage(std::string_view json, std::string nextPage, bool first) {
    std::size_t skipped = 0;
    std::vector<Review> page = reviewsFrom(json, &skipped, nullptr);
    if (first) server_.clear();
    std::unordered_set<std::string> published;
    for (auto& r : page) {
        published.insert(r.identifier);
        server_.push_back(std::move(r));
    }
    // The reader's own reviews this list holds (published by a moderator since, or now past the cache).
    const auto listed = [&](const Review& r) { return published.count(r.identifier) > 0; };
    const auto before = awaiting_.size() + sent_.size();
    awaiting_.erase(std::remove_if(awaiting_.begin(), awaiting_.end(), listed), awaiting_.end());
    sent_.erase(std::remove_if(sent_.begin(), sent_.end(), listed), sent_.end());
    if (awaiting_.size() + sent_.size() != before) persistOwn();
    nextPage_ = std::move(nextPage);
    loadingMore_ = false;
    ++version_;
    return skipped;
}

void ReviewDesk::showMore() {
    if (nextPage_.empty() || loadingMore_) return; // a second click while the page is on its way fetches nothing
    loadingMore_ = true;
    port_.fetchReviews(item_, nextPage_, false);
    ++version_;
}

void ReviewDesk::pageFailed() {
    loadingMore_ = false;
    ++version_;
}

void ReviewDesk::setSummary(std::string_view json) {
    summary_ = parseReviewSummary(json);
    ++version_;
}

void ReviewDesk::openReport(const std::string& identifier) {
    const auto it = std::find_if(server_.begin(), server_.end(), [&](const Review& r) { return r.identifier == identifier; });
    if (it == server_.end()) return;
    report_.open(identifier, it->authorName);
    ++version_;
}

void ReviewDesk::closeReport() {
    report_.close();
    ++version_;
}

void ReviewDesk::chooseReportReason(ReportReason reason) { report_.choose(reason); }

void ReviewDesk::setReportNote(std::string note) { report_.setNote(std::move(note)); }

void ReviewDesk::sendReport() {
    if (const auto body = report_.send()) port_.report(report_.identifier(), *body);
}

void ReviewDesk::onReportResult(const std::string& identifier, int status) {
    if (report_.onResult(identifier, status)) ++version_;
}

std::vector<ListedReview> ReviewDesk::list() const {
    std::vector<ListedReview> out;
    std::unordered_set<std::string> listed; // a set: a server's long list stays linear
    using Standing = ListedReview::Standing;
    for (const auto& r : server_)
        if (listed.insert(r.identifier).second) out.push_back({r, Standing::Published});
    for (const auto& e : outbox_.entries())
        if (e.state != OutboxState::Failed && listed.insert(e.review.identifier).second) out.push_back({e.review, Standing::Unsent});
    for (const auto& r : sent_)
        if (listed.insert(r.identifier).second) out.push_back({r, Standing::Sent});
    for (const auto& r : awaiting_)
        if (listed.insert(r.identifier).second) out.push_back({r, Standing::AwaitingModeration});
    for (const auto& r : local_)
        if (listed.insert(r.identifier).second) out.push_back({r, Standing::OnDevice});
    for (auto& l : out) l.review.authorEmail.clear(); // never shown
    std::stable_sort(out.begin(), out.end(), [](const ListedReview& a, const ListedReview& b) { return when(a.review) > when(b.review); });
    return out;
}

void ReviewDesk::persistOutbox() {
    const bool empty = std::none_of(outbox_.entries().begin(), outbox_.entries().end(),
                                    [](const OutboxEntry& e) { return e.state != OutboxState::Sent; });
    port_.store(outboxKey(), empty ? std::string() : outbox_.toJson());
}

void ReviewDesk::persistOwn() {
    storeReviews(port_, awaitingKey(), awaiting_);
    storeReviews(port_, sentKey(), sent_);
}

void ReviewDesk::schedule(UnixMillis now) {
    if (const auto at = outbox_.nextWakeup(now)) port_.wakeAt(*at);
}

void ReviewDesk::setNotice(Notice::Kind kind, std::string text, Message message, Message detail) {
    notice_ = Notice{kind, std::move(text), std::move(message), std::move(detail)};
    ++version_;
}

} // namespace aw
