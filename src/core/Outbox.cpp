#include "core/Outbox.h"

#include "core/JsonFields.h"

#include <algorithm>
#include <type_traits>
#include <unordered_set>

namespace aw {
namespace {

using namespace jsonfields;

constexpr int kFormatVersion = 1;
constexpr int kMaxSavedFailures = 1000;

const char* stateName(OutboxState s) {
    switch (s) {
    case OutboxState::Queued: return "queued";
    case OutboxState::Sending: return "sending";
    case OutboxState::Retry: return "retry";
    case OutboxState::Sent: return "sent";
    case OutboxState::Failed: return "failed";
    }
    return "queued";
}

std::optional<OutboxState> stateFromName(const std::string& name) {
    for (const auto s : {OutboxState::Queued, OutboxState::Sending, OutboxState::Retry, OutboxState::Failed})
        if (name == stateName(s)) return s;
    return std::nullopt;
}

// The server said no to this review: the reader has to change it. Request
// Timeout, Too Early and Too Many Requests only say "not now".
bool isRefusal(int status) {
    return status >= 400 && status < 500 && status != 408 && status != 425 && status != 429;
}

// Reads one persisted entry; what cannot be read is reported and defaulted,
// so a damaged field costs a retry schedule, never the reader's text.
std::optional<OutboxEntry> readEntry(const Json& e, const std::string& where, UnixMillis now,
                                     std::vector<std::string>& problems) {
    if (!e.is_object()) {
        problems.push_back(where + ": expected an object, got " + e.type_name());
        return std::nullopt;
    }
    const Json* review = member(e, "review");
    if (!review) {
        problems.push_back(where + ": has no review");
        return std::nullopt;
    }
    auto parsed = reviewFromJson(*review);
    if (!parsed) {
        problems.push_back(where + ".review." + parsed.error());
        return std::nullopt;
    }
    if (parsed.value().identifier.empty()) {
        problems.push_back(where + ": the review has no identifier");
        return std::nullopt;
    }
    OutboxEntry entry;
    entry.review = std::move(parsed.value());
    auto number = [&](const char* key, auto& target) {
        try {
            if (const auto v = integerField(e, key, where + "." + key))
                target = static_cast<std::remove_reference_t<decltype(target)>>(*v);
        } catch (const FieldError& error) {
            problems.push_back(error.message());
        }
    };
    number("failures", entry.failures);
    number("nextAttempt", entry.nextAttempt);
    number("lastStatus", entry.lastStatus);
    // Any count past a few already waits the longest backoff; a damaged count
    // near the int limit must not overflow when the next failure adds one.
    entry.failures = std::clamp(entry.failures, 0, kMaxSavedFailures);
    // A clock that jumped back, or a damaged number, must not park a review for years.
    entry.nextAttempt = std::min(entry.nextAttempt, now + Outbox::kMaxBackoff);
    const Json* message = member(e, "serverMessage");
    if (message && message->is_string()) entry.serverMessage = message->get<std::string>();

    const Json* state = member(e, "state");
    const auto known = state && state->is_string() ? stateFromName(state->get<std::string>()) : std::nullopt;
    if (!known) problems.push_back(where + ".state: unknown; the review will be sent again");
    entry.state = known.value_or(OutboxState::Queued);
    if (entry.state == OutboxState::Sending) entry.state = OutboxState::Queued;
    return entry;
}

} // namespace

UnixMillis retryDelay(int failures) {
    UnixMillis delay = Outbox::kFirstBackoff;
    for (int i = 1; i < failures && delay < Outbox::kMaxBackoff; ++i) delay *= 2;
    return std::min(delay, Outbox::kMaxBackoff);
}

OutboxEntry* Outbox::entry(const std::string& identifier) {
    const auto it = std::find_if(entries_.begin(), entries_.end(),
                                 [&](const OutboxEntry& e) { return e.review.identifier == identifier; });
    return it == entries_.end() ? nullptr : &*it;
}

const OutboxEntry* Outbox::find(const std::string& identifier) const {
    return const_cast<Outbox*>(this)->entry(identifier);
}

bool Outbox::enqueue(Review review, UnixMillis now) {
    OutboxEntry* e = entry(review.identifier);
    if (e && (e->state == OutboxState::Sending || e->state == OutboxState::Sent)) return false;
    if (!e) e = &entries_.emplace_back();
    *e = OutboxEntry{};
    e->review = std::move(review);
    e->nextAttempt = now;
    return true;
}

std::vector<Review> Outbox::due(UnixMillis now) {
    std::vector<Review> out;
    for (auto& e : entries_) {
        const bool ready = e.state == OutboxState::Queued || (e.state == OutboxState::Retry && e.nextAttempt <= now);
        if (!ready) continue;
        e.state = OutboxState::Sending;
        out.push_back(e.review);
    }
    return out;
}

bool Outbox::onResult(const std::string& identifier, int httpStatus, std::string serverMessage, UnixMillis now) {
    OutboxEntry* e = entry(identifier);
    if (!e || e->state != OutboxState::Sending) return false;
    e->lastStatus = httpStatus;
    e->serverMessage = std::move(serverMessage);
    if (httpStatus >= 200 && httpStatus < 300) {
        e->state = OutboxState::Sent;
        e->failures = 0;
    } else if (isRefusal(httpStatus)) {
        e->state = OutboxState::Failed;
    } else { // network error, timeout, server trouble, or anything else unexpected
        e->state = OutboxState::Retry;
        e->failures += 1;
        e->nextAttempt = now + retryDelay(e->failures);
    }
    return true;
}

void Outbox::onOnline(UnixMillis now) {
    for (auto& e : entries_)
        if (e.state == OutboxState::Retry) e.nextAttempt = now;
}

std::optional<UnixMillis> Outbox::nextWakeup(UnixMillis now) const {
    std::optional<UnixMillis> next;
    for (const auto& e : entries_) {
        UnixMillis at;
        if (e.state == OutboxState::Queued) at = now;
        else if (e.state == OutboxState::Retry) at = std::max(e.nextAttempt, now);
        else continue;
        if (!next || at < *next) next = at;
    }
    return next;
}

bool Outbox::remove(const std::string& identifier) {
    const auto it = std::find_if(entries_.begin(), entries_.end(),
                                 [&](const OutboxEntry& e) { return e.review.identifier == identifier; });
    if (it == entries_.end()) return false;
    entries_.erase(it);
    return true;
}

std::string Outbox::toJson() const {
    Json list = Json::array();
    for (const auto& e : entries_) {
        if (e.state == OutboxState::Sent) continue;
        list.push_back({
            {"review", toJsonValue(e.review, ReviewVisibility::Full)},
            {"state", stateName(e.state)},
            {"failures", e.failures},
            {"nextAttempt", e.nextAttempt},
            {"lastStatus", e.lastStatus},
            {"serverMessage", e.serverMessage},
        });
    }
    return serialize(Json{{"version", kFormatVersion}, {"entries", std::move(list)}});
}

OutboxLoad Outbox::fromJson(std::string_view json, UnixMillis now) {
    OutboxLoad load;
    auto parsed = parseDocument(json);
    if (!parsed) {
        load.problems.push_back("saved reviews are " + parsed.error());
        return load;
    }
    if (parsed.value().repaired()) load.problems.push_back("saved reviews: " + parsed.value().warning());
    const Json& doc = parsed.value().json;
    const Json* list = doc.is_object() ? member(doc, "entries") : nullptr;
    if (!list || !list->is_array()) {
        load.problems.push_back("saved reviews: expected an object with an entries array");
        return load;
    }
    std::unordered_set<std::string> ids; // a set: a long saved list is still read in linear time
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string where = "entries[" + std::to_string(i) + "]";
        auto e = readEntry((*list)[i], where, now, load.problems);
        if (!e) continue;
        if (!ids.insert(e->review.identifier).second) {
            load.problems.push_back(where + ": a second entry for " + e->review.identifier + " was dropped");
            continue;
        }
        load.outbox.entries_.push_back(std::move(*e));
    }
    return load;
}

} // namespace aw
