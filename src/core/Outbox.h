#pragma once
// Reviews on their way to the server. A review the reader sent is never lost:
// it waits here (and in localStorage, via toJson) until the server has it,
// retrying with backoff through network errors and server trouble, and comes
// back to the reader with the server's message when the server refuses it.
//
// Pure state: the platform does the fetches and the storage, passes the time
// in, and asks nextWakeup() when to call due() again.
#include "core/Review.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aw {

using UnixMillis = std::int64_t; // milliseconds since 1970, as Date.now()

enum class OutboxState {
    Queued,  // waiting for its first attempt
    Sending, // handed out by due(), result not known yet
    Retry,   // a network error or 5xx: waiting for the backoff to pass
    Sent,    // the server has it (2xx); kept in memory only, so the form can say so
    Failed,  // the server refused it (4xx): the text waits for the reader to edit
};

struct OutboxEntry {
    Review review;
    OutboxState state = OutboxState::Queued;
    int failures = 0;          // transient failures in a row: drives the backoff
    UnixMillis nextAttempt = 0; // Retry: when it becomes due (Queued: when queued; due at once)
    int lastStatus = 0;        // last HTTP status; 0 for none yet or a network error
    std::string serverMessage; // the server's (or network's) last word, for the reader
};

struct OutboxLoad;

class Outbox {
public:
    static constexpr int kNetworkError = 0; // the httpStatus of a failed or timed-out fetch
    static constexpr UnixMillis kFirstBackoff = 2'000;
    static constexpr UnixMillis kMaxBackoff = 5 * 60'000;

    // Queues a review to send now. A review with the identifier of a queued,
    // retrying or failed entry replaces it (the reader edited and sent again);
    // false, and nothing changes, when that identifier is sending or sent.
    bool enqueue(Review review, UnixMillis now);

    // The reviews to send now, marked Sending. Each must later get onResult.
    std::vector<Review> due(UnixMillis now);

    // The outcome of sending one review: 2xx -> Sent; 4xx -> Failed, except
    // 408, 425 and 429, which like 5xx and kNetworkError -> Retry after
    // kFirstBackoff doubling per failure in a row, capped at kMaxBackoff.
    // False (and no change) when the identifier is not Sending.
    bool onResult(const std::string& identifier, int httpStatus, std::string serverMessage, UnixMillis now);

    // The browser is online again: every retrying entry is due now (its
    // failure count stays, so a flapping connection still backs off).
    void onOnline(UnixMillis now);

    // When due() next has something: now if anything is queued, the earliest
    // retry otherwise; nothing when no entry is waiting.
    std::optional<UnixMillis> nextWakeup(UnixMillis now) const;

    // Drops an entry (the reader discarded a failed review, or a sent one was shown).
    bool remove(const std::string& identifier);

    const OutboxEntry* find(const std::string& identifier) const;
    const std::vector<OutboxEntry>& entries() const { return entries_; }

    // Persistence for localStorage. Sent entries are not written.
    std::string toJson() const;

    // Reads what toJson wrote. An entry found Sending goes back to Queued: the
    // page closed mid-send, and the identifier makes resending it harmless.
    // Unreadable entries are reported and skipped; every readable one is kept.
    static OutboxLoad fromJson(std::string_view json, UnixMillis now);

private:
    OutboxEntry* entry(const std::string& identifier);

    std::vector<OutboxEntry> entries_; // in the order the reader sent them
};

struct OutboxLoad {
    Outbox outbox;
    std::vector<std::string> problems; // one message per thing that could not be read
};

// The delay before retry number `failures` (1-based): 2 s, 4 s, 8 s ... 5 min.
UnixMillis retryDelay(int failures);

} // namespace aw
