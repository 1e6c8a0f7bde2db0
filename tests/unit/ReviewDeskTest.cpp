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
    struct Fetch {
        std::string item, page;
        bool fresh;
    };
    std::vector<Fetch> fetches;
    std::vector<std::pair<std::string, bool>> summaries;
    std::vector<std::pair<std::string, std::string>> reports;
    void fetchReviews(const std::string& item, const std::string& page, bool fresh) override { fetches.push_back({item, page, fresh}); }
    void fetchSummary(const std::string& item, bool fresh) override { summaries.emplace_back(item, fresh); }
    void report(const std::string& id, const std::string& body) override { reports.emplace_back(id, body); }
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
    CHECK(desk.list()[0].standing == aw::ListedReview::Standing::Unsent);
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
        CHECK(desk.list()[0].standing == aw::ListedReview::Standing::Sent);
        CHECK(port.storage.count("aw-outbox:a") == 0);
        // Kept until a list from the server holds it: a cached list must not hide it after a reload.
        CHECK(port.storage.count("aw-sent:a") == 1);
        desk.setServerReviews("[]");
        CHECK(desk.list().size() == 1);
        desk.fetch();
        CHECK(port.fetches.back().fresh);
        desk.setServerReviews(R"([{"identifier":")" + id + R"(","itemReviewed":"a","author":{"name":"L"},"reviewRating":{"ratingValue":4},)"
                              R"("reviewBody":"Fine.","dateCreated":"2024-03-18T10:00:00.000Z","datePublished":"2024-03-18T10:00:01Z"}])");
        REQUIRE(desk.list().size() == 1);
        CHECK(desk.list()[0].standing == aw::ListedReview::Standing::Published);
        CHECK(port.storage.count("aw-sent:a") == 0);
    }
    SUBCASE("awaiting moderation") {
        fillValid(desk.form());
        desk.submit(id, "2024-03-18T10:00:00.000Z", 0);
        desk.onResult(id, 201, R"({"status":"pending"})", 10);
        CHECK(desk.notice().kind == aw::Notice::Kind::AwaitingModeration);
        REQUIRE(desk.list().size() == 1);
        CHECK(desk.list()[0].standing == aw::ListedReview::Standing::AwaitingModeration);
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

namespace {

std::string reviewJson(const std::string& id, const std::string& name, const std::string& date) {
    return R"({"@type":"Review","identifier":")" + id + R"(","itemReviewed":"a","author":{"@type":"Person","name":")" + name +
           R"("},"reviewRating":{"@type":"Rating","ratingValue":4,"bestRating":5},"reviewBody":"Clear and fair.","dateCreated":")" + date +
           R"(","datePublished":")" + date + R"("})";
}

const std::string kMine = "6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f";

// A desk whose reader has sent a review the server keeps for a moderator.
void sendModerated(FakePort& port, aw::ReviewDesk& desk) {
    fillValid(desk.form());
    desk.submit(kMine, "2024-03-18T10:00:00.000Z", 0);
    desk.onResult(kMine, 201, R"({"status":"pending"})", 10);
    (void)port;
}

} // namespace

TEST_CASE("pre-moderation: the reader's review is awaiting moderation, across a reload, until a list holds it") {
    using Standing = aw::ListedReview::Standing;
    FakePort port;
    aw::ReviewDesk desk(port, "a", true);
    sendModerated(port, desk);
    REQUIRE(desk.list().size() == 1);
    CHECK(desk.list()[0].standing == Standing::AwaitingModeration);
    REQUIRE(port.storage.count("aw-awaiting:a") == 1);
    CHECK(port.storage.at("aw-awaiting:a").find("Leyla") != std::string::npos);
    CHECK(port.storage.count("aw-outbox:a") == 0);

    // A reload: still waiting, and the list is asked for afresh (a cached copy could hide its publication).
    FakePort again;
    again.storage = port.storage;
    aw::ReviewDesk reloaded(again, "a", true);
    CHECK(reloaded.restore("", "", "", 100, again.storage.at("aw-awaiting:a")).empty());
    reloaded.fetch();
    REQUIRE(again.fetches.size() == 1);
    CHECK(again.fetches[0].page.empty());
    CHECK(again.fetches[0].fresh);
    REQUIRE(reloaded.list().size() == 1);
    CHECK(reloaded.list()[0].standing == Standing::AwaitingModeration);

    // A list without it (not published yet) keeps it waiting; one with it shows it published.
    reloaded.setServerReviews("[" + reviewJson("11111111-2222-4333-8444-555555555555", "Rauf", "2024-03-17T09:00:00Z") + "]");
    REQUIRE(reloaded.list().size() == 2);
    CHECK(reloaded.list()[0].standing == Standing::AwaitingModeration);
    reloaded.setServerReviews("[" + reviewJson(kMine, "Leyla Əliyeva", "2024-03-18T11:00:00Z") + "]");
    REQUIRE(reloaded.list().size() == 1);
    CHECK(reloaded.list()[0].standing == Standing::Published);
    CHECK(again.storage.count("aw-awaiting:a") == 0);
    // Nothing waits any more: later lists may come from the cache.
    reloaded.fetch();
    CHECK_FALSE(again.fetches.back().fresh);
}

TEST_CASE("a published review asks for the summary again; a moderated one does not change it") {
    FakePort port;
    aw::ReviewDesk desk(port, "a", true);
    desk.fetch();
    REQUIRE(port.summaries.size() == 1);
    CHECK_FALSE(port.summaries[0].second);
    sendModerated(port, desk);
    CHECK(port.summaries.size() == 1);
    fillValid(desk.form());
    desk.submit("11111111-2222-4333-8444-555555555555", "2024-03-18T10:00:00.000Z", 20);
    desk.onResult("11111111-2222-4333-8444-555555555555", 201, R"({"status":"published"})", 30);
    REQUIRE(port.summaries.size() == 2);
    CHECK(port.summaries[1].second); // fresh: the cached one does not count it
}

TEST_CASE("without an endpoint nothing is fetched") {
    FakePort port;
    aw::ReviewDesk desk(port, "a", false);
    desk.fetch();
    CHECK(port.fetches.empty());
    CHECK(port.summaries.empty());
}

TEST_CASE("the summary: shown when the server has one, none for anything else") {
    FakePort port;
    aw::ReviewDesk desk(port, "a", true);
    CHECK_FALSE(desk.summary().has_value());
    const unsigned v = desk.version();
    desk.setSummary(R"({"ratingValue":4.2,"ratingCount":37,"distribution":{"1":2,"2":1,"3":4,"4":10,"5":20}})");
    REQUIRE(desk.summary().has_value());
    CHECK(desk.summary()->count == 37);
    CHECK(desk.version() != v);
    desk.setSummary(R"({"error":"not found"})");
    CHECK_FALSE(desk.summary().has_value());
}

TEST_CASE("paging: the first page, then each next page appended once, until there is none") {
    FakePort port;
    aw::ReviewDesk desk(port, "a", true);
    const std::string next1 = "http://127.0.0.1:8000/api/reviews?item=a&limit=2&cursor=2";
    desk.setServerReviews("[" + reviewJson("00000000-0000-4000-8000-000000000001", "One", "2024-03-20T12:00:00Z") + "," +
                              reviewJson("00000000-0000-4000-8000-000000000002", "Two", "2024-03-19T12:00:00Z") + "]",
                          next1);
    CHECK(desk.hasMore());
    CHECK_FALSE(desk.loadingMore());
    desk.showMore();
    desk.showMore(); // a second click while the page is on its way
    REQUIRE(port.fetches.size() == 1);
    CHECK(port.fetches[0].page == next1);
    CHECK(desk.loadingMore());
    // The page fails (offline): the button is there to try again.
    desk.pageFailed();
    CHECK_FALSE(desk.loadingMore());
    CHECK(desk.hasMore());
    desk.showMore();
    REQUIRE(port.fetches.size() == 2);
    desk.addServerPage("[" + reviewJson("00000000-0000-4000-8000-000000000003", "Three", "2024-03-18T12:00:00Z") + "]", "");
    CHECK_FALSE(desk.hasMore());
    CHECK_FALSE(desk.loadingMore());
    const auto list = desk.list();
    REQUIRE(list.size() == 3);
    CHECK(list[0].review.authorName == "One");
    CHECK(list[2].review.authorName == "Three");
    desk.showMore();
    CHECK(port.fetches.size() == 2); // no next page: nothing to fetch
    // A later first page starts the list again.
    desk.setServerReviews("[" + reviewJson("00000000-0000-4000-8000-000000000001", "One", "2024-03-20T12:00:00Z") + "]", next1);
    CHECK(desk.list().size() == 1);
    CHECK(desk.hasMore());
}

TEST_CASE("reporting: only a published review of the list, posted once, answered in plain words") {
    FakePort port;
    aw::ReviewDesk desk(port, "a", true);
    const std::string id = "00000000-0000-4000-8000-000000000001";
    desk.setServerReviews("[" + reviewJson(id, "One", "2024-03-20T12:00:00Z") + "]");
    desk.openReport("not-in-the-list");
    CHECK_FALSE(desk.reporting().isOpen());
    sendModerated(port, desk);
    desk.openReport(kMine); // the reader's own, awaiting moderation: not reportable
    CHECK_FALSE(desk.reporting().isOpen());
    desk.openReport(id);
    REQUIRE(desk.reporting().isOpen());
    CHECK(desk.reporting().author() == "One");
    desk.sendReport();
    CHECK(port.reports.empty());
    desk.chooseReportReason(aw::ReportReason::Spam);
    desk.setReportNote("Links to a shop.");
    desk.sendReport();
    desk.sendReport();
    REQUIRE(port.reports.size() == 1);
    CHECK(port.reports[0].first == id);
    CHECK(nlohmann::json::parse(port.reports[0].second) == nlohmann::json{{"reason", "spam"}, {"message", "Links to a shop."}});
    desk.onReportResult(id, 202);
    CHECK(desk.reporting().step() == aw::ReportFlow::Step::Sent);
    desk.closeReport();
    CHECK_FALSE(desk.reporting().isOpen());
}
