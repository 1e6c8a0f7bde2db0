// The review form's validation as the reader meets it: a field's message
// appears once the reader has typed in it and left it, every message after
// Send, each cleared once fixed; Send with mistakes moves focus to the first
// field to fix, in form order.
#include "UiHarness.h"

#include "core/ReviewForm.h"

#include <doctest/doctest.h>

#include <string>

using namespace uitest;

namespace {

// The message the shell shows for a field in the last controls JSON.
std::string messageOf(const FakeHost& host, const char* id) { return controlById(host.lastControls(), id).at("message"); }

struct FormSession : UiSession {
    FormSession() {
        loadArticle();
        frames(320, 1);
    }
    void draw() { frames(320, 1); }
    // The reader types `value` into `field`, then tabs on to `next`.
    void typeAndLeave(const std::string& field, const std::string& value, const std::string& next) {
        type(field, value);
        moveFocus(next, field);
        draw();
    }
};

} // namespace

TEST_CASE("an untouched form shows no messages") {
    FormSession ui;
    for (const char* id : {"name", "email", "rating", "body"}) CHECK(messageOf(ui.host, id) == "");
}

TEST_CASE("a field's message appears after the reader leaves it, not while typing") {
    FormSession ui;
    ui.type("email", "ann@");
    ui.draw();
    CHECK(messageOf(ui.host, "email") == "");
    ui.moveFocus("rating", "email");
    ui.draw();
    CHECK(messageOf(ui.host, "email") == "That email address doesn't look right.");
    CHECK(messageOf(ui.host, "name") == ""); // not typed in
}

TEST_CASE("tabbing past fields without typing leaves no messages") {
    FormSession ui;
    ui.moveFocus("email", "name");
    ui.moveFocus("rating", "email");
    ui.moveFocus("body", "rating");
    ui.moveFocus("submit", "body");
    ui.draw();
    for (const char* id : {"name", "email", "rating", "body"}) CHECK(messageOf(ui.host, id) == "");
}

TEST_CASE("a message is cleared once the field is fixed") {
    FormSession ui;
    ui.typeAndLeave("name", "", "email");
    CHECK(messageOf(ui.host, "name") == "Please enter your name.");
    ui.type("name", "Ann");
    ui.draw();
    CHECK(messageOf(ui.host, "name") == "");
}

TEST_CASE("Send on an empty form shows every required field's message and focuses the name") {
    FormSession ui;
    ui.submit();
    ui.draw();
    CHECK(ui.host.focusRequests == std::vector<std::string>{"name"});
    CHECK(messageOf(ui.host, "name") == "Please enter your name.");
    CHECK(messageOf(ui.host, "email") == ""); // optional
    CHECK(messageOf(ui.host, "rating") == "Please choose a rating from 1 to 5 stars.");
    CHECK(messageOf(ui.host, "body") == "Please write your review.");
    CHECK(ui.host.posts.empty());
}

TEST_CASE("Send focuses the first field to fix, in form order: name, email, rating, text") {
    FormSession ui;
    ui.type("email", "not an address");
    ui.submit();
    ui.type("name", "Ann");
    ui.submit();
    ui.type("email", "ann@example.com");
    ui.submit();
    ui.rate(5);
    ui.submit();
    ui.type("body", "ok");
    ui.submit(); // too short
    ui.draw();
    CHECK(ui.host.focusRequests == std::vector<std::string>{"name", "email", "rating", "body", "body"});
    CHECK(messageOf(ui.host, "body") == "Your review needs at least 3 characters.");
    CHECK(ui.host.posts.empty());
}

TEST_CASE("choosing a rating clears its message and shows the stars chosen") {
    FormSession ui;
    ui.submit();
    ui.draw();
    CHECK(messageOf(ui.host, "rating") != "");
    ui.rate(3);
    ui.draw();
    const json rating = controlById(ui.host.lastControls(), "rating");
    CHECK(rating.at("message") == "");
    CHECK(rating.at("value") == 3);
}

TEST_CASE("a message under a field pushes the fields below it down, and they come back when it is fixed") {
    FormSession ui;
    const float emailTop = boxOf(controlById(ui.host.lastControls(), "email").at("rect")).y;
    const float height = ui.host.heights.back();
    ui.typeAndLeave("name", "", "email");
    CHECK(boxOf(controlById(ui.host.lastControls(), "email").at("rect")).y > emailTop);
    CHECK(ui.host.heights.back() > height);
    ui.type("name", "Ann");
    ui.draw();
    CHECK(boxOf(controlById(ui.host.lastControls(), "email").at("rect")).y == emailTop);
}

TEST_CASE("the text's counter counts down as the reader types, and says when it is too long") {
    FormSession ui;
    ui.type("body", "Hello");
    ui.draw();
    CHECK(controlById(ui.host.lastControls(), "body").at("counter") == "1995 characters left");
    ui.type("body", std::string(2003, 'a'));
    ui.draw();
    CHECK(controlById(ui.host.lastControls(), "body").at("counter") == "3 characters too many");
}

TEST_CASE("a long text makes the text box grow past its five lines") {
    FormSession ui;
    const float boxHeight = boxOf(controlById(ui.host.lastControls(), "body").at("rect")).h;
    std::string text;
    for (int i = 0; i < 12; ++i) text += "A sentence that fills most of a narrow line. ";
    ui.type("body", text);
    ui.draw();
    CHECK(boxOf(controlById(ui.host.lastControls(), "body").at("rect")).h > boxHeight);
}

TEST_CASE("a valid review is sent: no focus moves, the form empties, the notice says so, the button waits") {
    FormSession ui;
    const unsigned version = ui.host.lastControls().at("valueVersion");
    ui.sendReview();
    ui.draw();
    CHECK(ui.host.focusRequests.empty());
    REQUIRE(ui.host.posts.size() == 1);
    CHECK(json::parse(ui.host.posts[0].second).at("author").at("name") == "Ann");
    const json controls = ui.host.lastControls();
    CHECK(controls.at("valueVersion").get<unsigned>() > version); // the page's inputs take the emptied values
    CHECK(controlById(controls, "name").at("value") == "");
    CHECK(controlById(controls, "body").at("value") == "");
    CHECK(controlById(controls, "rating").at("value") == 0);
    const json notice = controlById(controls, "notice");
    CHECK(notice.at("text") != "");
    CHECK(notice.contains("rect"));
    const json submit = controlById(controls, "submit");
    CHECK(submit.at("disabled") == true);
    CHECK(submit.at("label") == "Sending\xE2\x80\xA6");
    CHECK(ui.host.storage.count("aw-outbox:stoltenberg-baku") == 1); // kept until the server has it
}

TEST_CASE("the notice sits between the send button and the list, inside the column") {
    FormSession ui;
    ui.sendReview();
    ui.draw();
    const json controls = ui.host.lastControls();
    const Box notice = boxOf(controlById(controls, "notice").at("rect"));
    CHECK(notice.y >= boxOf(controlById(controls, "submit").at("rect")).bottom());
    CHECK(notice.bottom() <= boxOf(ui.host.lastList()[0].at("rect")).y);
    CHECK(notice.x == 18);
    CHECK(notice.right() <= 302);
}

TEST_CASE("a draft found in storage is back in the form") {
    aw::ReviewForm saved;
    saved.edit(aw::FormField::Name, "Şəhla");
    saved.edit(aw::FormField::Body, "Half written");
    saved.setRating(2);
    UiSession ui;
    ui.host.storage["aw-draft:stoltenberg-baku"] = saved.draftJson();
    ui.loadArticle();
    ui.frames(320, 1);
    const json controls = ui.host.lastControls();
    CHECK(controlById(controls, "name").at("value") == "Şəhla");
    CHECK(controlById(controls, "body").at("value") == "Half written");
    CHECK(controlById(controls, "rating").at("value") == 2);
    CHECK(ui.host.warnings.empty());
}

TEST_CASE("typing saves the draft for the next visit") {
    FormSession ui;
    ui.type("name", "Ann");
    const auto draft = aw::ReviewForm::parseDraft(ui.host.storage.at("aw-draft:stoltenberg-baku"));
    REQUIRE(draft);
    CHECK(draft->name == "Ann");
}
