#include "core/Outbox.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using aw::Outbox;
using aw::OutboxState;
using aw::Review;
using aw::UnixMillis;

namespace {

constexpr UnixMillis kT0 = 1'710'000'000'000; // a plausible Date.now()

Review review(const std::string& id, const std::string& body = "A clear account.") {
    Review r;
    r.identifier = id;
    r.itemReviewed = "stoltenberg-baku";
    r.authorName = "Anna";
    r.authorEmail = "anna@example.com";
    r.rating = 4;
    r.body = body;
    r.dateCreated = "2024-03-17T18:30:00Z";
    return r;
}

OutboxState stateOf(const Outbox& o, const std::string& id) {
    const auto* e = o.find(id);
    REQUIRE(e != nullptr);
    return e->state;
}

std::vector<std::string> ids(const std::vector<Review>& reviews) {
    std::vector<std::string> out;
    for (const auto& r : reviews) out.push_back(r.identifier);
    return out;
}

} // namespace

TEST_CASE("a queued review is due at once and sent on 2xx") {
    Outbox o;
    CHECK_FALSE(o.nextWakeup(kT0).has_value());
    REQUIRE(o.enqueue(review("a"), kT0));
    CHECK(stateOf(o, "a") == OutboxState::Queued);
    CHECK(o.nextWakeup(kT0) == kT0);

    const auto sending = o.due(kT0);
    CHECK(ids(sending) == std::vector<std::string>{"a"});
    CHECK(sending[0].body == "A clear account.");
    CHECK(stateOf(o, "a") == OutboxState::Sending);
    CHECK(o.due(kT0).empty()); // not handed out twice
    CHECK_FALSE(o.nextWakeup(kT0).has_value());

    CHECK(o.onResult("a", 201, "", kT0 + 100));
    CHECK(stateOf(o, "a") == OutboxState::Sent);
    CHECK(o.find("a")->lastStatus == 201);
    CHECK_FALSE(o.nextWakeup(kT0).has_value());
}

TEST_CASE("200 for an already stored review also counts as sent") {
    Outbox o;
    o.enqueue(review("a"), kT0);
    o.due(kT0);
    o.onResult("a", 200, "", kT0);
    CHECK(stateOf(o, "a") == OutboxState::Sent);
}

TEST_CASE("transient failures back off 2 s doubling up to 5 minutes") {
    const UnixMillis expected[] = {2'000, 4'000, 8'000, 16'000, 32'000, 64'000, 128'000, 256'000, 300'000, 300'000};
    for (int i = 0; i < 10; ++i) CHECK(aw::retryDelay(i + 1) == expected[i]);
    CHECK(aw::retryDelay(1'000'000) == 300'000);

    Outbox o;
    o.enqueue(review("a"), kT0);
    UnixMillis now = kT0;
    const int statuses[] = {Outbox::kNetworkError, 500, 503, 429, 408, Outbox::kNetworkError, 502, 504, 500, 500};
    for (int i = 0; i < 10; ++i) {
        REQUIRE(ids(o.due(now)) == std::vector<std::string>{"a"});
        CHECK(o.onResult("a", statuses[i], "try later", now));
        CHECK(stateOf(o, "a") == OutboxState::Retry);
        CHECK(o.find("a")->failures == i + 1);
        CHECK(o.nextWakeup(now) == now + expected[i]);
        CHECK(o.due(now + expected[i] - 1).empty()); // not a moment early
        now += expected[i];
    }
    REQUIRE(ids(o.due(now)) == std::vector<std::string>{"a"});
    o.onResult("a", 201, "", now);
    CHECK(stateOf(o, "a") == OutboxState::Sent);
    CHECK(o.find("a")->failures == 0);
}

TEST_CASE("a 4xx keeps the text and the server's message for editing") {
    Outbox o;
    o.enqueue(review("a", "ok"), kT0);
    o.due(kT0);
    CHECK(o.onResult("a", 422, "Your review needs at least 3 characters.", kT0));
    const auto* e = o.find("a");
    CHECK(e->state == OutboxState::Failed);
    CHECK(e->review.body == "ok");
    CHECK(e->serverMessage == "Your review needs at least 3 characters.");
    CHECK(e->lastStatus == 422);
    CHECK(o.due(kT0 + 3'600'000).empty()); // never retried by itself
    CHECK_FALSE(o.nextWakeup(kT0).has_value());

    // The reader fixes it and sends again under the same identifier.
    CHECK(o.enqueue(review("a", "now long enough"), kT0 + 1));
    CHECK(o.entries().size() == 1);
    CHECK(stateOf(o, "a") == OutboxState::Queued);
    CHECK(o.find("a")->serverMessage.empty());
    CHECK(o.due(kT0 + 1)[0].body == "now long enough");
}

TEST_CASE("enqueue refuses to replace a review in flight or already sent") {
    Outbox o;
    o.enqueue(review("a", "first"), kT0);
    o.due(kT0);
    CHECK_FALSE(o.enqueue(review("a", "second"), kT0));
    CHECK(o.find("a")->review.body == "first");
    o.onResult("a", 201, "", kT0);
    CHECK_FALSE(o.enqueue(review("a", "second"), kT0));
    CHECK(stateOf(o, "a") == OutboxState::Sent);
}

TEST_CASE("results for unknown or idle entries change nothing") {
    Outbox o;
    CHECK_FALSE(o.onResult("nobody", 201, "", kT0));
    o.enqueue(review("a"), kT0);
    CHECK_FALSE(o.onResult("a", 201, "", kT0)); // queued, not sending
    CHECK(stateOf(o, "a") == OutboxState::Queued);
}

TEST_CASE("coming online makes retrying entries due now, keeping their failure count") {
    Outbox o;
    o.enqueue(review("a"), kT0);
    o.enqueue(review("b"), kT0);
    o.enqueue(review("c"), kT0);
    o.due(kT0);
    o.onResult("a", Outbox::kNetworkError, "offline", kT0);
    o.onResult("b", 422, "no", kT0);
    CHECK(o.nextWakeup(kT0) == kT0 + 2'000);
    o.onOnline(kT0 + 500);
    CHECK(o.nextWakeup(kT0 + 500) == kT0 + 500);
    CHECK(ids(o.due(kT0 + 500)) == std::vector<std::string>{"a"}); // b failed, c still sending
    o.onResult("a", Outbox::kNetworkError, "offline", kT0 + 600);
    CHECK(o.find("a")->failures == 2);
    CHECK(o.nextWakeup(kT0 + 600) == kT0 + 600 + 4'000);
}

TEST_CASE("nextWakeup picks the earliest waiting entry and never lies in the past") {
    Outbox o;
    o.enqueue(review("a"), kT0);
    o.enqueue(review("b"), kT0);
    o.due(kT0);
    o.onResult("a", 500, "", kT0);        // due at +2 s
    o.onResult("b", 500, "", kT0 + 1'000); // due at +3 s
    CHECK(o.nextWakeup(kT0) == kT0 + 2'000);
    CHECK(o.nextWakeup(kT0 + 10'000) == kT0 + 10'000);
    o.enqueue(review("c"), kT0 + 1);
    CHECK(o.nextWakeup(kT0 + 1) == kT0 + 1);
}

TEST_CASE("remove drops an entry") {
    Outbox o;
    o.enqueue(review("a"), kT0);
    CHECK(o.remove("a"));
    CHECK_FALSE(o.remove("a"));
    CHECK(o.entries().empty());
}

TEST_CASE("persistence round trip; sending goes back to queued; sent is not written") {
    Outbox o;
    for (const char* id : {"q", "s", "r", "f", "done"}) o.enqueue(review(id), kT0);
    o.due(kT0);
    o.onResult("r", 503, "Service Unavailable", kT0);
    o.onResult("f", 422, "Please enter your name.", kT0);
    o.onResult("done", 201, "", kT0);
    o.enqueue(review("q", "queued again"), kT0); // refused: q is sending
    o.onResult("q", 500, "", kT0);
    o.onOnline(kT0);
    o.due(kT0); // q and r sending again
    o.onResult("q", 500, "", kT0 + 10);
    o.enqueue(review("late", "written after"), kT0 + 20);

    const std::string saved = o.toJson();
    CHECK(saved.find("\"done\"") == std::string::npos);

    const auto load = Outbox::fromJson(saved, kT0 + 30);
    CHECK(load.problems.empty());
    const Outbox& back = load.outbox;
    REQUIRE(back.entries().size() == 5);
    CHECK(back.entries()[0].review.identifier == "q");
    CHECK(back.entries()[4].review.identifier == "late");
    CHECK(stateOf(back, "q") == OutboxState::Retry);
    CHECK(back.find("q")->failures == 2);
    CHECK(back.find("q")->nextAttempt == kT0 + 10 + 4'000);
    CHECK(stateOf(back, "s") == OutboxState::Queued); // was sending when saved
    CHECK(stateOf(back, "r") == OutboxState::Queued);
    CHECK(back.find("r")->failures == 1);
    CHECK(stateOf(back, "f") == OutboxState::Failed);
    CHECK(back.find("f")->serverMessage == "Please enter your name.");
    CHECK(back.find("f")->lastStatus == 422);
    CHECK(back.find("late")->review.body == "written after");
    CHECK(back.find("late")->review.authorEmail == "anna@example.com"); // the outbox keeps private fields
    CHECK(back.toJson() != saved); // sending became queued
    CHECK(Outbox::fromJson(back.toJson(), kT0 + 30).outbox.toJson() == back.toJson());
}

TEST_CASE("unreadable persistence: a message, and nothing readable is lost") {
    SUBCASE("not JSON at all") {
        const auto load = Outbox::fromJson("{\"entries\":[{\"review\":", kT0);
        CHECK(load.outbox.entries().empty());
        REQUIRE(load.problems.size() == 1);
        CHECK(load.problems[0].rfind("saved reviews are not valid JSON: ", 0) == 0);
    }
    SUBCASE("wrong shape") {
        const auto load = Outbox::fromJson("[1,2]", kT0);
        CHECK(load.outbox.entries().empty());
        CHECK(load.problems == std::vector<std::string>{"saved reviews: expected an object with an entries array"});
    }
    SUBCASE("damaged entries among good ones") {
        Outbox o;
        o.enqueue(review("good1"), kT0);
        o.enqueue(review("good2"), kT0);
        auto doc = nlohmann::json::parse(o.toJson());
        auto& list = doc["entries"];
        list.insert(list.begin() + 1, 42);
        list.push_back({{"state", "queued"}});
        list.push_back({{"review", {{"identifier", "bad"}, {"author", {{"name", 7}}}}}, {"state", "queued"}});
        list.push_back({{"review", {{"reviewBody", "no id"}}}});
        list.push_back(list[0]); // a duplicate of good1
        auto odd = list[0];
        odd["review"]["identifier"] = "odd";
        odd["state"] = "teleporting";
        odd["failures"] = "many";
        odd["nextAttempt"] = kT0 + 365LL * 24 * 3'600'000;
        list.push_back(odd);

        const auto load = Outbox::fromJson(doc.dump(), kT0);
        const Outbox& back = load.outbox;
        REQUIRE(back.entries().size() == 3);
        CHECK(back.entries()[0].review.identifier == "good1");
        CHECK(back.entries()[1].review.identifier == "good2");
        // Damaged bookkeeping costs a schedule, never the reader's text.
        CHECK(stateOf(back, "odd") == OutboxState::Queued);
        CHECK(back.find("odd")->review.body == "A clear account.");
        CHECK(back.find("odd")->failures == 0);
        CHECK(back.find("odd")->nextAttempt == kT0 + Outbox::kMaxBackoff);

        const std::vector<std::string> expected = {
            "entries[1]: expected an object, got number",
            "entries[3]: has no review",
            "entries[4].review.author.name: expected a string, got number",
            "entries[5]: the review has no identifier",
            "entries[6]: a second entry for good1 was dropped",
            "entries[7].failures: expected a whole number, got string",
            "entries[7].state: unknown; the review will be sent again",
        };
        CHECK(load.problems == expected);
    }
}

TEST_CASE("invalid UTF-8: saved text with a bad byte is repaired and reported; saving never throws") {
    Outbox o;
    o.enqueue(review("bytes", "caf\xE9 au lait"), kT0); // Latin-1 é: not UTF-8
    std::string saved;
    REQUIRE_NOTHROW(saved = o.toJson());
    auto load = Outbox::fromJson(saved, kT0);
    CHECK(load.problems.empty()); // written as U+FFFD already
    CHECK(load.outbox.find("bytes")->review.body == "caf\xEF\xBF\xBD au lait");

    std::string damaged = saved;
    const std::size_t at = damaged.find("au lait");
    damaged[at] = '\xC3';
    load = Outbox::fromJson(damaged, kT0);
    CHECK(load.problems ==
          std::vector<std::string>{"saved reviews: invalid UTF-8 at byte offset " + std::to_string(at) + ", read as U+FFFD"});
    REQUIRE(load.outbox.find("bytes") != nullptr);
    CHECK(load.outbox.find("bytes")->review.body == "caf\xEF\xBF\xBD \xEF\xBF\xBDu lait");
}

TEST_CASE("a damaged failure count is bounded, so the next failure cannot overflow it") {
    Outbox o;
    o.enqueue(review("many"), kT0);
    auto doc = nlohmann::json::parse(o.toJson());
    doc["entries"][0]["state"] = "retry";
    doc["entries"][0]["failures"] = 2147483647;
    auto load = Outbox::fromJson(doc.dump(), kT0);
    REQUIRE(load.outbox.find("many") != nullptr);
    CHECK(load.outbox.find("many")->failures == 1000);
    load.outbox.onOnline(kT0);
    REQUIRE(load.outbox.due(kT0).size() == 1);
    REQUIRE(load.outbox.onResult("many", Outbox::kNetworkError, "", kT0));
    CHECK(load.outbox.find("many")->failures == 1001);
    CHECK(load.outbox.find("many")->nextAttempt == kT0 + Outbox::kMaxBackoff);
}
