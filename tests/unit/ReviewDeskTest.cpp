#include "core/ReviewDesk.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>

namespace {

struct FakePort : aw::ReviewPort {
    std::vector<std::pair<std::string, std::string>> posts;
    std::map<std::string, std::string> storage;
    std::vector<aw::UnixMillis> wakes;
    void post(const std::string& id, const std::string& json) override { posts.emplace_back(id, json); }
    void store(const std::string& key, const std::string& value) override {
        if (value.empty()) storage.erase(key); else storage[key] = value;
    }
    void wakeAt(aw::UnixMillis when) override { wakes.push_back(when); }
};

void fillValid(aw::ReviewForm& f) {
    f.edit(aw::FormField::Name, "Leyla Əliyeva");
    f.setRating(4);
    f.edit(aw::FormField::Body, "A clear and useful analysis.");
}

} // namespace

TEST_CASE("form messages appear when a field typed in is left, and all of them on submit") {
    aw::ReviewForm f;
    CHECK(f.messageFor(aw::FormField::Name).empty());
    f.leave(aw::FormField::Name); // tabbed past: no message yet
    CHECK(f.messageFor(aw::FormField::Name).empty());
    f.edit(aw::FormField::Name, "L");
    f.edit(aw::FormField::Name, ""); // typed, then deleted
    f.leave(aw::FormField::Name);
    CHECK(f.messageFor(aw::FormField::Name) == "Please enter your name.");
    CHECK(f.messageFor(aw::FormField::Body).empty());
    CHECK(f.attemptSubmit() == aw::FormField::Name);
    CHECK_FALSE(f.messageFor(aw::FormField::Rating).empty());
    CHECK_FALSE(f.messageFor(aw::FormField::Body).empty());
    f.edit(aw::FormField::Name, "Leyla");
    CHECK(f.attemptSubmit() == aw::FormField::Rating);
    f.setRating(5);
    f.edit(aw::FormField::Email, "not-an-email");
    CHECK(f.attemptSubmit() == aw::FormField::Email);
    f.edit(aw::FormField::Email, "");
    CHECK(f.attemptSubmit() == aw::FormField::Body);
    f.edit(aw::FormField::Body, "Good.");
    CHECK_FALSE(f.attemptSubmit().has_value());
}

TEST_CASE("draft round trip and damaged drafts") {
    aw::ReviewForm f;
    fillValid(f);
    const auto d = aw::ReviewForm::parseDraft(f.draftJson());
    REQUIRE(d.has_value());
    CHECK(d->name == "Leyla Əliyeva");
    CHECK(d->rating == 4);
    CHECK_FALSE(aw::ReviewForm::parseDraft("{broken").has_value());
    CHECK(aw::ReviewForm::parseDraft(R"({"rating":99,"name":7})")->rating == 5);
    const unsigned before = f.valueVersion();
    f.reset();
    CHECK(f.valueVersion() == before + 1);
    CHECK(f.isEmpty());
}

TEST_CASE("a valid review is stored in the outbox before it is posted, and the form resets") {
    FakePort port;
    aw::ReviewDesk desk(port, "stoltenberg-baku", true);
    fillValid(desk.form());
    desk.draftChanged();
    CHECK(port.storage.count("aw-draft:stoltenberg-baku") == 1);
    CHECK_FALSE(desk.submit("6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f", "2024-03-18T10:00:00.000Z", 1000).has_value());
    REQUIRE(port.posts.size() == 1);
    CHECK(port.storage.count("aw-outbox:stoltenberg-baku") == 1);
    CHECK(port.storage.count("aw-draft:stoltenberg-baku") == 0);
    CHECK(desk.form().isEmpty());
    CHECK(desk.sending());
    CHECK(desk.notice().kind == aw::Notice::Kind::Sending);
    const auto posted = nlohmann::json::parse(port.posts[0].second);
    CHECK(posted["itemReviewed"] == "stoltenberg-baku");
    CHECK(posted["reviewRating"]["ratingValue"] == 4);
    // The review shows at once, marked pending.
    REQUIRE(desk.list().size() == 1);
    CHECK(desk.list()[0].pending);
    // A second Send while sending does nothing.
    fillValid(desk.form());
    desk.submit("11111111-2222-4333-8444-555555555555", "2024-03-18T10:00:01.000Z", 1001);
    CHECK(port.posts.size() == 1);
}

TEST_CASE("outcomes: sent, moderated, offline then online, refused") {
    FakePort port;
    aw::ReviewDesk desk(port, "a", true);
    const std::string id = "6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f";

    SUBCASE("sent") {
        fillValid(desk.form());
        desk.submit(id, "2024-03-18T10:00:00.000Z", 0);
        desk.onResult(id, 201, R"({"status":"published"})", 10);
        CHECK(desk.notice().kind == aw::Notice::Kind::Sent);
        REQUIRE(desk.list().size() == 1);
        CHECK_FALSE(desk.list()[0].pending);
        CHECK(port.storage.count("aw-outbox:a") == 0);
    }
    SUBCASE("awaiting moderation") {
        fillValid(desk.form());
        desk.submit(id, "2024-03-18T10:00:00.000Z", 0);
        desk.onResult(id, 201, R"({"status":"pending"})", 10);
        CHECK(desk.notice().kind == aw::Notice::Kind::AwaitingModeration);
        CHECK(desk.list().empty());
    }
    SUBCASE("offline: kept, retried with backoff, sent exactly once after online") {
        fillValid(desk.form());
        desk.submit(id, "2024-03-18T10:00:00.000Z", 0);
        desk.onResult(id, aw::Outbox::kNetworkError, "", 10);
        CHECK(desk.notice().kind == aw::Notice::Kind::SavedForLater);
        CHECK(desk.notice().text.find("offline") != std::string::npos);
        CHECK(port.wakes.back() == 10 + aw::Outbox::kFirstBackoff);
        CHECK(port.storage.count("aw-outbox:a") == 1);
        desk.pump(20); // not due yet
        CHECK(port.posts.size() == 1);
        desk.onOnline(30);
        CHECK(port.posts.size() == 2);
        desk.onResult(id, 201, "{}", 40);
        CHECK(desk.notice().kind == aw::Notice::Kind::Sent);
        desk.pump(100000);
        CHECK(port.posts.size() == 2);
    }
    SUBCASE("server trouble then recovery") {
        fillValid(desk.form());
        desk.submit(id, "2024-03-18T10:00:00.000Z", 0);
        desk.onResult(id, 500, R"({"error":"database is locked"})", 10);
        CHECK(desk.notice().text.find("not answering") != std::string::npos);
        desk.pump(10 + aw::Outbox::kFirstBackoff);
        CHECK(port.posts.size() == 2);
        desk.onResult(id, 201, "{}", 3000);
        CHECK(desk.notice().kind == aw::Notice::Kind::Sent);
    }
    SUBCASE("refused: the server's message is shown and the text comes back") {
        fillValid(desk.form());
        desk.submit(id, "2024-03-18T10:00:00.000Z", 0);
        desk.onResult(id, 422, R"({"error":"Your review needs at least 3 characters.","field":"reviewBody"})", 10);
        CHECK(desk.notice().kind == aw::Notice::Kind::Refused);
        CHECK(desk.notice().text.find("at least 3 characters") != std::string::npos);
        CHECK(desk.form().draft().body == "A clear and useful analysis.");
        CHECK(desk.list().empty());
    }
}

TEST_CASE("after a reload the outbox resumes and the draft returns") {
    FakePort port;
    const std::string id = "6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f";
    {
        aw::ReviewDesk desk(port, "a", true);
        fillValid(desk.form());
        desk.submit(id, "2024-03-18T10:00:00.000Z", 0); // page closes while sending
        desk.form().edit(aw::FormField::Name, "Half-typed");
        desk.draftChanged();
    }
    FakePort next;
    aw::ReviewDesk desk(next, "a", true);
    const auto problems = desk.restore(port.storage["aw-outbox:a"], port.storage["aw-draft:a"], "", 5000);
    CHECK(problems.empty());
    CHECK(desk.form().draft().name == "Half-typed");
    REQUIRE_FALSE(next.wakes.empty());
    desk.pump(next.wakes.back());
    REQUIRE(next.posts.size() == 1);
    CHECK(next.posts[0].first == id);
}

TEST_CASE("without an endpoint reviews stay on the device and say so") {
    FakePort port;
    aw::ReviewDesk desk(port, "a", false);
    fillValid(desk.form());
    desk.submit("6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f", "2024-03-18T10:00:00.000Z", 0);
    CHECK(port.posts.empty());
    CHECK(desk.notice().kind == aw::Notice::Kind::KeptOnDevice);
    CHECK(desk.list().size() == 1);
    aw::ReviewDesk again(port, "a", false);
    again.restore("", "", port.storage["aw-reviews:a"], 0);
    CHECK(again.list().size() == 1);
}

TEST_CASE("server list: newest first, own pending merged, unreadable entries counted") {
    FakePort port;
    aw::ReviewDesk desk(port, "a", true);
    const auto skipped = desk.setServerReviews(R"([
      {"identifier":"00000000-0000-4000-8000-000000000001","itemReviewed":"a","author":{"name":"Old"},"reviewRating":{"ratingValue":3},"reviewBody":"old one","dateCreated":"2024-03-17T10:00:00Z","datePublished":"2024-03-17T10:00:01Z"},
      {"identifier":"00000000-0000-4000-8000-000000000002","itemReviewed":"a","author":{"name":"New"},"reviewRating":{"ratingValue":5},"reviewBody":"new one","dateCreated":"2024-03-18T10:00:00Z","datePublished":"2024-03-18T10:00:01Z"},
      {"identifier":5}
    ])");
    CHECK(skipped == 1);
    const auto list = desk.list();
    REQUIRE(list.size() == 2);
    CHECK(list[0].review.authorName == "New");
    CHECK(desk.setServerReviews("not json") == 1);
}

TEST_CASE("typed text is kept as valid UTF-8, so drafts and reviews always save") {
    FakePort port;
    aw::ReviewDesk desk(port, "a", false);
    fillValid(desk.form());
    desk.form().edit(aw::FormField::Body, "Good \xED\xA0\x80 analysis"); // a lone surrogate, CESU-style
    CHECK(desk.form().draft().body == "Good \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD analysis");
    REQUIRE_NOTHROW(desk.draftChanged());
    CHECK(aw::ReviewForm::parseDraft(port.storage["aw-draft:a"])->body == desk.form().draft().body);
    REQUIRE_NOTHROW(desk.submit("6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f", "2024-03-18T10:00:00.000Z", 0));
    REQUIRE(port.storage.count("aw-reviews:a"));

    std::string stored = port.storage["aw-reviews:a"];
    const std::size_t at = stored.find("analysis");
    stored[at] = '\xFF';
    aw::ReviewDesk next(port, "a", false);
    const auto problems = next.restore("", "", stored, 0);
    CHECK(problems == std::vector<std::string>{"saved reviews on this device: invalid UTF-8 at byte offset " +
                                               std::to_string(at) + ", read as U+FFFD"});
    REQUIRE(next.list().size() == 1);
    CHECK(next.list()[0].review.body.find("\xEF\xBF\xBDnalysis") != std::string::npos);
}
