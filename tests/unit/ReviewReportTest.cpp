// Reporting a review: the reason, the note, sending, and every answer in plain words.
#include "core/ReviewReport.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using Step = aw::ReportFlow::Step;

namespace {
const std::string kId = "6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f";

aw::ReportFlow opened() {
    aw::ReportFlow r;
    r.open(kId, "Ann");
    return r;
}
} // namespace

TEST_CASE("a report needs a reason; the body carries it and the note when there is one") {
    aw::ReportFlow r = opened();
    CHECK(r.step() == Step::Choosing);
    CHECK(r.author() == "Ann");
    CHECK_FALSE(r.send().has_value());
    CHECK(r.message() == "Please choose a reason.");
    r.choose(aw::ReportReason::OffTopic);
    CHECK(r.message().empty());
    auto body = r.send();
    REQUIRE(body.has_value());
    CHECK(nlohmann::json::parse(*body) == nlohmann::json{{"reason", "off-topic"}});
    CHECK(r.step() == Step::Sending);
    CHECK_FALSE(r.send().has_value()); // a second press while it is on its way sends nothing

    aw::ReportFlow n = opened();
    n.choose(aw::ReportReason::Abuse);
    n.setNote("Insults another reader by name.");
    CHECK(nlohmann::json::parse(*n.send()) == nlohmann::json{{"reason", "abuse"}, {"message", "Insults another reader by name."}});

    aw::ReportFlow blank = opened();
    blank.choose(aw::ReportReason::Spam);
    blank.setNote("   ");
    CHECK(nlohmann::json::parse(*blank.send()) == nlohmann::json{{"reason", "spam"}});
}

TEST_CASE("a note over 500 characters is not sent") {
    aw::ReportFlow r = opened();
    r.choose(aw::ReportReason::Other);
    r.setNote(std::string(501, 'x'));
    CHECK_FALSE(r.send().has_value());
    CHECK(r.message().find("500") != std::string::npos);
    r.setNote(std::string(500, 'x'));
    CHECK(r.send().has_value());
}

TEST_CASE("the answers: thanks, the review is gone, too many, offline, trouble") {
    const auto answered = [](int status) {
        aw::ReportFlow r = opened();
        r.choose(aw::ReportReason::Spam);
        r.setNote("buy now");
        REQUIRE(r.send());
        CHECK(r.onResult(kId, status));
        return r;
    };
    const aw::ReportFlow sent = answered(202);
    CHECK(sent.step() == Step::Sent);
    CHECK(sent.message() == "Thank you. A moderator will look at this review.");
    const aw::ReportFlow gone = answered(404);
    CHECK(gone.step() == Step::Gone);
    CHECK(gone.message().find("no longer") != std::string::npos);
    // The rest can be tried again: the reason and the note stay.
    for (const auto& [status, words] : {std::pair<int, const char*>{429, "many reports"}, {0, "offline"}, {503, "not answering"}, {422, "not accepted"}}) {
        const aw::ReportFlow r = answered(status);
        CHECK(r.step() == Step::Choosing);
        CHECK_MESSAGE(r.message().find(words) != std::string::npos, r.message());
        CHECK(r.reason() == aw::ReportReason::Spam);
        CHECK(r.note() == "buy now");
    }
}

TEST_CASE("a late answer after Cancel, or for another review, changes nothing") {
    aw::ReportFlow r = opened();
    r.choose(aw::ReportReason::Spam);
    REQUIRE(r.send());
    CHECK_FALSE(r.onResult("another", 202));
    r.close();
    CHECK_FALSE(r.isOpen());
    CHECK_FALSE(r.onResult(kId, 202));
    CHECK(r.step() == Step::Closed);
    // Opening again starts afresh.
    const unsigned v = r.valueVersion();
    r.open(kId, "Ann");
    CHECK(r.reason() == aw::ReportReason::None);
    CHECK(r.note().empty());
    CHECK(r.valueVersion() != v);
}

TEST_CASE("the reasons' wire values are the server's") {
    CHECK(std::string(aw::reasonValue(aw::ReportReason::Spam)) == "spam");
    CHECK(std::string(aw::reasonValue(aw::ReportReason::Abuse)) == "abuse");
    CHECK(std::string(aw::reasonValue(aw::ReportReason::OffTopic)) == "off-topic");
    CHECK(std::string(aw::reasonValue(aw::ReportReason::Other)) == "other");
    CHECK(aw::reasonOfValue("off-topic") == aw::ReportReason::OffTopic);
    CHECK(aw::reasonOfValue("nonsense") == aw::ReportReason::None);
}
