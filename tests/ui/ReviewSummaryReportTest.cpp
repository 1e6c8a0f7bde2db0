// The review list's newer parts as the shell receives them: the rating
// summary (drawn bars, mirrored in words), each review's Report button, the
// report step's controls and focus order, and "Show more reviews".
#include "UiHarness.h"

#include <doctest/doctest.h>

#include <string>

using namespace uitest;

namespace {

constexpr float kColumnLeft = 18, kColumnRight = 302; // at 320 px
const std::string kFirst = "00000000-0000-4000-8000-000000000000"; // serveReviews' first review
const std::string kNext = "https://news.example/api/reviews?item=stoltenberg-baku&limit=20&cursor=20";

void checkInColumn(const Box& b) {
    CHECK(b.x >= kColumnLeft);
    CHECK(b.right() <= kColumnRight + 0.01f);
}

std::vector<std::string> ids(const std::vector<json>& controls) {
    std::vector<std::string> out;
    for (const auto& c : controls) out.push_back(c.at("id"));
    return out;
}

} // namespace

TEST_CASE("the summary: the average and count drawn and mirrored, five bars in words, 5 stars first") {
    UiSession ui;
    ui.loadArticle();
    ui.serveReviews(3);
    ui.serveSummary();
    ui.frames(320, 2);
    const json controls = ui.host.lastControls();
    const json summary = controlById(controls, "summary");
    REQUIRE(summary.is_object());
    CHECK(summary.at("kind") == "summary");
    CHECK(summary.at("text") == "4.2 out of 5 \xC2\xB7 37 reviews");
    CHECK(summary.at("lines").at(0).at("text") == summary.at("text"));
    CHECK(summary.at("bars") == json::array({"5 stars: 20 reviews", "4 stars: 10 reviews", "3 stars: 4 reviews", "2 stars: 1 review",
                                             "1 star: 2 reviews"}));
    const Box box = boxOf(summary.at("rect"));
    checkInColumn(box);
    checkInColumn(boxOf(summary.at("lines").at(0)));
    // Under the heading, above the first review; the heading counts every review, not the page.
    CHECK(box.bottom() <= boxOf(ui.host.lastList()[0].at("rect")).y);
    CHECK(controlById(controls, "reviews").at("label") == "Reviews (37)");
}

TEST_CASE("no summary (none yet, an error, no reviews): nothing shown, the list where it always was") {
    const auto firstReviewTop = [](const char* summaryJson) {
        UiSession ui;
        ui.loadArticle();
        ui.serveReviews(2);
        if (summaryJson) ui.widget().desk()->setSummary(summaryJson);
        ui.frames(320, 1);
        CHECK(controlById(ui.host.lastControls(), "summary").is_null());
        return boxOf(ui.host.lastList()[0].at("rect")).y;
    };
    const float without = firstReviewTop(nullptr);
    CHECK(firstReviewTop(R"({"error":"not found"})") == without);
    CHECK(firstReviewTop(R"({"ratingValue":null,"ratingCount":0,"distribution":{"1":0,"2":0,"3":0,"4":0,"5":0}})") == without);
}

TEST_CASE("each published review has a Report button in its box; the reader's own unsent one has none") {
    UiSession ui;
    ui.loadArticle();
    ui.serveReviews(2, "Ann");
    ui.frames(320, 1);
    ui.type("name", "Me");
    ui.rate(4);
    ui.type("body", "My own view of it.");
    ui.submit();
    ui.frames(320, 1);
    const json list = ui.host.lastList();
    REQUIRE(list.size() == 3);
    int buttons = 0;
    for (const auto& item : list) {
        if (!item.contains("report")) {
            CHECK(item.at("head").at(0).at("text") == "Me");
            continue;
        }
        ++buttons;
        const json& b = item.at("report");
        CHECK(b.at("kind") == "action");
        CHECK(b.at("id") == "report:" + item.at("key").get<std::string>());
        const Box box = boxOf(b.at("rect")), itemBox = boxOf(item.at("rect"));
        checkInColumn(box);
        CHECK(box.y >= itemBox.y);
        CHECK(box.bottom() <= itemBox.bottom());
        CHECK(box.h >= 24); // WCAG's least target size
    }
    CHECK(buttons == 2);
    CHECK(list[1].at("report").at("label") == "Report the review by Ann"); // under the reader's own, the newest
}

TEST_CASE("the report step: opened under its review, focus on the reason, controls in reading order, Cancel returns focus") {
    UiSession ui;
    ui.loadArticle();
    ui.serveReviews(3, "Ann");
    ui.frames(320, 2);
    const float secondTop = boxOf(ui.host.lastList()[1].at("rect")).y;
    REQUIRE(ui.widget().action("report:" + kFirst));
    CHECK(ui.host.focusRequests.back() == "report-reason");
    ui.frames(320, 2);
    const json controls = ui.host.lastControls();
    const auto step = controlsOfPart(controls, "report");
    CHECK(ids(step) == std::vector<std::string>{"report-title", "report-reason", "report-note", "report-send", "report-close", "report-status"});
    CHECK(controlById(controls, "report-title").at("text") == "Report the review by Ann");
    const json reason = controlById(controls, "report-reason");
    CHECK(reason.at("kind") == "choice");
    REQUIRE(reason.at("options").size() == 4);
    CHECK(reason.at("options").at(2).at("value") == "off-topic");
    const json note = controlById(controls, "report-note");
    CHECK(note.at("kind") == "textarea");
    CHECK(note.at("counter") == "500 characters left");
    CHECK(note.at("required") == false);
    CHECK(controlById(controls, "report-send").at("label") == "Send report");
    CHECK(controlById(controls, "report-close").at("label") == "Cancel");
    // Between its review and the next one, which moved down to make room; all inside the column.
    const json list = ui.host.lastList();
    CHECK(list[0].value("reportAfter", false));
    const float top = boxOf(reason.at("rect")).y;
    CHECK(top > boxOf(list[0].at("rect")).y);
    CHECK(boxOf(list[1].at("rect")).y > secondTop);
    for (const auto& c : step)
        if (c.contains("rect")) {
            CAPTURE(c.at("id").get<std::string>());
            checkInColumn(boxOf(c.at("rect")));
            CHECK(boxOf(c.at("rect")).bottom() <= boxOf(list[1].at("rect")).y);
        }
    for (const auto& o : reason.at("options")) checkInColumn(boxOf(o.at("rect")));

    // Send without a reason: told so, focus back on the reasons, nothing posted.
    REQUIRE(ui.widget().action("report-send"));
    CHECK(ui.host.reports.empty());
    CHECK(ui.host.focusRequests.back() == "report-reason");
    ui.frames(320, 2);
    CHECK(controlById(ui.host.lastControls(), "report-reason").at("message") == "Please choose a reason.");

    REQUIRE(ui.widget().action("report-close"));
    CHECK(ui.host.focusRequests.back() == "report:" + kFirst);
    ui.frames(320, 2);
    CHECK(controlsOfPart(ui.host.lastControls(), "report").empty());
    CHECK(boxOf(ui.host.lastList()[1].at("rect")).y == secondTop);
}

TEST_CASE("a sent report thanks the reader and moves focus to Close") {
    UiSession ui;
    ui.loadArticle();
    ui.serveReviews(2);
    ui.frames(768, 1);
    ui.widget().action("report:" + kFirst);
    ui.widget().desk()->chooseReportReason(aw::ReportReason::Abuse);
    ui.widget().action("report-send");
    REQUIRE(ui.host.reports.size() == 1);
    ui.frames(768, 1);
    CHECK(controlById(ui.host.lastControls(), "report-send").at("label") == "Sending\xE2\x80\xA6");
    ui.widget().reportResult(kFirst, 202);
    CHECK(ui.host.focusRequests.back() == "report-close");
    ui.frames(768, 1);
    const json controls = ui.host.lastControls();
    CHECK(ids(controlsOfPart(controls, "report")) == std::vector<std::string>{"report-title", "report-close", "report-status"});
    CHECK(controlById(controls, "report-close").at("label") == "Close");
    CHECK(controlById(controls, "report-status").at("text") == "Thank you. A moderator will look at this review.");
}

TEST_CASE("\"Show more reviews\" is there while the server has a next page, asks for it once, then goes") {
    UiSession ui;
    ui.loadArticle();
    ui.serveReviews(20, "", "", kNext);
    ui.frames(320, 1);
    json more = controlById(ui.host.lastControls(), "reviews-more");
    REQUIRE(more.is_object());
    CHECK(more.at("label") == "Show more reviews");
    const json list = ui.host.lastList();
    CHECK(boxOf(more.at("rect")).y >= boxOf(list.back().at("rect")).bottom());
    checkInColumn(boxOf(more.at("rect")));
    REQUIRE(ui.widget().action("reviews-more"));
    ui.widget().action("reviews-more");
    CHECK(ui.host.pageFetches == std::vector<std::string>{kNext});
    ui.frames(320, 1);
    more = controlById(ui.host.lastControls(), "reviews-more");
    CHECK(more.at("label") == "Loading more reviews\xE2\x80\xA6");
    CHECK(more.at("disabled") == true);
    ui.widget().desk()->addServerPage(R"([{"@type":"Review","identifier":"00000000-0000-4000-8000-000000000099","itemReviewed":"stoltenberg-baku",
        "author":{"name":"Last Reader"},"reviewRating":{"ratingValue":3},"reviewBody":"The oldest one.","dateCreated":"2024-02-01T12:00:00Z",
        "datePublished":"2024-02-01T12:00:00Z"}])", "");
    ui.frames(320, 1);
    CHECK(controlById(ui.host.lastControls(), "reviews-more").is_null());
    const json all = ui.host.lastList();
    REQUIRE(all.size() == 21);
    CHECK(all.back().at("head").at(0).at("text") == "Last Reader");
}

TEST_CASE("the reader's review under pre-moderation is listed as awaiting moderation") {
    UiSession ui;
    ui.loadArticle();
    ui.frames(768, 1);
    ui.sendReview();
    ui.widget().desk()->onResult("9b2f4c1e-6a1d-4c3e-8f0a-2d5b7e9c1a34", 201, R"({"status":"pending"})", ui.host.clock);
    ui.frames(768, 1);
    const json list = ui.host.lastList();
    REQUIRE(list.size() == 1);
    CHECK(list[0].at("head").back().at("text").get<std::string>().find("awaiting moderation") != std::string::npos);
    CHECK_FALSE(list[0].contains("report"));
}
