#include "core/Review.h"
#include "core/Utf8.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using aw::FieldMessage;
using aw::parseReview;
using aw::Review;
namespace field = aw::reviewField;

namespace {

Review valid() {
    Review r;
    r.identifier = "9b2f0c1e-8d4a-4c7b-a2e5-0f6d1c3b7a90";
    r.itemReviewed = "stoltenberg-baku";
    r.authorName = "Anna";
    r.rating = 4;
    r.body = "A clear account.";
    r.dateCreated = "2024-03-17T18:30:00.123Z";
    return r;
}

// The message for one field, or "" when that field is fine.
std::string messageFor(const std::vector<FieldMessage>& messages, const std::string& f) {
    for (const auto& m : messages)
        if (m.field == f) return m.message;
    return "";
}

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

} // namespace

TEST_CASE("a complete review passes both validations") {
    CHECK(aw::validateDraft(valid()).empty());
    CHECK(aw::validateReview(valid()).empty());
}

TEST_CASE("an empty draft gets one plain message per reader field") {
    const auto m = aw::validateDraft(Review{});
    CHECK(m.size() == 3);
    CHECK(messageFor(m, field::name) == "Please enter your name.");
    CHECK(messageFor(m, field::rating) == "Please choose a rating from 1 to 5 stars.");
    CHECK(messageFor(m, field::body) == "Please write your review.");
    CHECK(messageFor(m, field::email).empty()); // optional
}

TEST_CASE("name: trimmed, counted in characters, 1 to 80") {
    Review r = valid();
    r.authorName = " \t\u00A0\u3000 ";
    CHECK(messageFor(aw::validateDraft(r), field::name) == "Please enter your name.");
    r.authorName = "  " + repeat("\u00E9", 80) + "  "; // 160 bytes, 80 characters
    CHECK(aw::validateDraft(r).empty());
    r.authorName = repeat("\u00E9", 81);
    CHECK(messageFor(aw::validateDraft(r), field::name) == "Your name can be at most 80 characters.");
    r.authorName = "A";
    CHECK(aw::validateDraft(r).empty());
}

TEST_CASE("rating must be 1 to 5") {
    for (int bad : {0, -1, 6}) {
        Review r = valid();
        r.rating = bad;
        CHECK(messageFor(aw::validateDraft(r), field::rating) == "Please choose a rating from 1 to 5 stars.");
    }
    for (int good : {1, 5}) {
        Review r = valid();
        r.rating = good;
        CHECK(aw::validateDraft(r).empty());
    }
}

TEST_CASE("review text: 3 to 2000 characters after trimming") {
    Review r = valid();
    r.body = "  ok  ";
    CHECK(messageFor(aw::validateDraft(r), field::body) == "Your review needs at least 3 characters.");
    r.body = "\u0416\u0416\u0416"; // three characters, six bytes
    CHECK(aw::validateDraft(r).empty());
    r.body = repeat("x", 2000) + "\n\n";
    CHECK(aw::validateDraft(r).empty());
    r.body = repeat("x", 2001);
    CHECK(messageFor(aw::validateDraft(r), field::body) == "Your review can be at most 2000 characters; it has 2001.");
}

TEST_CASE("email is optional and checked when given") {
    Review r = valid();
    for (const char* ok : {"anna@example.com", " anna.aliyeva+news@mail.example.az ", "a@b.co", "\u00FC@m\u00FCller.de"}) {
        r.authorEmail = ok;
        CHECK_MESSAGE(aw::validateDraft(r).empty(), ok);
    }
    for (const char* bad : {"anna", "anna@", "@example.com", "anna@example", "anna@@example.com", "an na@example.com",
                            "anna@example..com", "anna@-example.com", ".anna@example.com", "anna@example.c",
                            "anna@exa_mple.com"}) {
        r.authorEmail = bad;
        CHECK_MESSAGE(messageFor(aw::validateDraft(r), field::email) == "That email address doesn't look right.", bad);
    }
    r.authorEmail = repeat("a", 64) + "@" + repeat(repeat("b", 60) + ".", 4) + "com"; // 64 + 1 + 244 = 309 bytes
    CHECK(messageFor(aw::validateDraft(r), field::email) == "That email address is too long.");
}

TEST_CASE("the server also checks identifier, itemReviewed and dateCreated") {
    Review r = valid();
    r.identifier = "";
    r.itemReviewed = " ";
    r.dateCreated = "yesterday";
    const auto m = aw::validateReview(r);
    CHECK(m.size() == 3);
    CHECK(!messageFor(m, field::identifier).empty());
    CHECK(!messageFor(m, field::itemReviewed).empty());
    CHECK(!messageFor(m, field::dateCreated).empty());
    CHECK(aw::validateDraft(r).empty()); // not the reader's business

    for (const char* bad : {"9b2f0c1e-8d4a-1c7b-a2e5-0f6d1c3b7a90", // version 1
                            "9b2f0c1e-8d4a-4c7b-c2e5-0f6d1c3b7a90", // wrong variant
                            "9b2f0c1e8d4a4c7ba2e50f6d1c3b7a90", "9b2f0c1e-8d4a-4c7b-a2e5-0f6d1c3b7a9g"}) {
        r = valid();
        r.identifier = bad;
        CHECK_MESSAGE(!messageFor(aw::validateReview(r), field::identifier).empty(), bad);
    }
    r = valid();
    r.itemReviewed = "https://example.com/" + repeat("a", 2029); // 2049 characters
    CHECK(!messageFor(aw::validateReview(r), field::itemReviewed).empty());
    r.itemReviewed.pop_back();
    CHECK(aw::validateReview(r).empty());

    for (const char* ok : {"2024-03-17T18:30Z", "2024-03-17T18:30:00+04:00", "2024-03-17T18:30:59.5-01:30"}) {
        r = valid();
        r.dateCreated = ok;
        CHECK_MESSAGE(aw::validateReview(r).empty(), ok);
    }
    for (const char* bad : {"2024-03-17", "2024-13-17T18:30:00Z", "2024-02-31T18:30:00Z", "2024-03-17T18:30:00", "2024-03-17 18:30:00Z",
                            "2024-03-17T18:30:00.Z", "2024-03-17T18:30:00Zjunk"}) {
        r = valid();
        r.dateCreated = bad;
        CHECK_MESSAGE(!messageFor(aw::validateReview(r), field::dateCreated).empty(), bad);
    }
}

TEST_CASE("characters left counts like validation") {
    CHECK(aw::charactersLeft("", 2000) == 2000);
    CHECK(aw::charactersLeft("  \u00E9t\u00E9  ", 80) == 77);
    CHECK(aw::charactersLeftLabel("abc", 4) == "1 character left");
    CHECK(aw::charactersLeftLabel("ab", 4) == "2 characters left");
    CHECK(aw::charactersLeftLabel("abcd", 4) == "0 characters left");
    CHECK(aw::charactersLeftLabel("abcdef", 4) == "2 characters too many");
    CHECK(aw::charactersLeftLabel("abcde", 4) == "1 character too many");
}

TEST_CASE("JSON round trip keeps every field; the public form drops the private ones") {
    Review r = valid();
    r.authorEmail = "anna@example.com";
    r.website = "http://spam.example";
    r.datePublished = "2024-03-17T18:31:00Z";
    r.body = "Line one\n\"quoted\" <b>not html</b>";

    const auto back = parseReview(aw::toJson(r, aw::ReviewVisibility::Full));
    REQUIRE_MESSAGE(back.ok(), back.error());
    const Review& b = back.value();
    CHECK(b.identifier == r.identifier);
    CHECK(b.itemReviewed == r.itemReviewed);
    CHECK(b.authorName == r.authorName);
    CHECK(b.authorEmail == r.authorEmail);
    CHECK(b.rating == r.rating);
    CHECK(b.body == r.body);
    CHECK(b.dateCreated == r.dateCreated);
    CHECK(b.datePublished == r.datePublished);
    CHECK(b.website == r.website);

    const std::string pub = aw::toJson(r, aw::ReviewVisibility::Public);
    CHECK(pub.find("anna@example.com") == std::string::npos);
    CHECK(pub.find("spam.example") == std::string::npos);
    const auto doc = nlohmann::json::parse(pub);
    CHECK(doc["@type"] == "Review");
    CHECK(doc["author"]["name"] == "Anna");
    CHECK(doc["reviewRating"]["ratingValue"] == 4);
    CHECK(doc["reviewRating"]["bestRating"] == 5);
}

TEST_CASE("parsing: unknown fields ignored, missing fields left for validation, identifier lower-cased") {
    const auto r = parseReview(R"({"identifier":"9B2F0C1E-8D4A-4C7B-A2E5-0F6D1C3B7A90","extra":{"x":1},
                                   "author":"Anna","reviewRating":{"ratingValue":5,"worstRating":1}})");
    REQUIRE_MESSAGE(r.ok(), r.error());
    CHECK(r.value().identifier == "9b2f0c1e-8d4a-4c7b-a2e5-0f6d1c3b7a90");
    CHECK(r.value().authorName == "Anna");
    CHECK(r.value().rating == 5);
    CHECK(messageFor(aw::validateReview(r.value()), field::body) == "Please write your review.");
}

TEST_CASE("parsing: wrong types are named, with the field reported") {
    struct Case { const char* json; const char* field; const char* error; };
    const Case cases[] = {
        {R"({"identifier":7})", "identifier", "identifier: expected a string, got number"},
        {R"({"author":{"name":42}})", "author.name", "author.name: expected a string, got number"},
        {R"({"author":[1]})", "author", "author: expected an object with a name, got array"},
        {R"({"author":{"name":"A","email":true}})", "author.email", "author.email: expected a string, got boolean"},
        {R"({"reviewRating":4})", "reviewRating", "reviewRating: expected an object with a ratingValue, got number"},
        {R"({"reviewRating":{"ratingValue":"4"}})", "reviewRating.ratingValue",
         "reviewRating.ratingValue: expected a whole number, got string"},
        {R"({"reviewRating":{"ratingValue":4.5}})", "reviewRating.ratingValue",
         "reviewRating.ratingValue: expected a whole number, got number"},
        {R"({"reviewRating":{"ratingValue":4,"bestRating":10}})", "reviewRating.bestRating",
         "reviewRating.bestRating: only ratings out of 5 are accepted"},
        {R"({"reviewBody":["a"]})", "reviewBody", "reviewBody: expected a string, got array"},
        {R"([1,2])", "", "review: expected a JSON object, got array"},
    };
    for (const auto& c : cases) {
        std::string f = "unset";
        const auto r = parseReview(c.json, &f);
        CHECK_FALSE_MESSAGE(r.ok(), c.json);
        CHECK(r.error() == c.error);
        CHECK(f == c.field);
    }
}

TEST_CASE("parsing: out-of-range ratings stay out of range") {
    const auto r = parseReview(R"({"reviewRating":{"ratingValue":99999999999}})");
    REQUIRE(r.ok());
    CHECK(messageFor(aw::validateDraft(r.value()), field::rating) == "Please choose a rating from 1 to 5 stars.");
}

TEST_CASE("parsing: text that is not JSON") {
    std::string f = "unset";
    const auto r = parseReview("{\"identifier\":", &f);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().rfind("review is not valid JSON: ", 0) == 0);
    CHECK(f.empty());
}

TEST_CASE("invalid UTF-8: read as U+FFFD with a warning, and written without throwing") {
    std::vector<std::string> warnings;
    const auto r = parseReview("{\"reviewBody\":\"ok \xFF\xFE ok\",\"author\":\"A\"}", nullptr, &warnings);
    REQUIRE_MESSAGE(r.ok(), r.error());
    CHECK(r.value().body == "ok \xEF\xBF\xBD\xEF\xBF\xBD ok");
    CHECK(warnings == std::vector<std::string>{"invalid UTF-8 at byte offset 18, read as U+FFFD"});

    Review bad = valid();
    bad.body = "caf\xE9";      // Latin-1 bytes in memory, as a damaged store might give
    bad.authorName = "\xC3";
    std::string json;
    REQUIRE_NOTHROW(json = aw::toJson(bad, aw::ReviewVisibility::Full));
    const auto back = parseReview(json);
    REQUIRE(back.ok());
    CHECK(back.value().body == "caf\xEF\xBF\xBD");
    CHECK(back.value().authorName == "\xEF\xBF\xBD");
}

TEST_CASE("parse errors quote the input as valid UTF-8, so the server can send them as JSON") {
    for (const char* text : {"{\xC3\xA9}", "\xE2\x80\xA6", "[\"a\" \xC3\xA9]", "{\"reviewBody\":\"y\",\xF0\x9F\x98\x80:1}"}) {
        const auto r = parseReview(text);
        REQUIRE_FALSE(r.ok());
        CHECK_MESSAGE(aw::utf8::isValid(r.error()), r.error());
        CHECK(r.error().rfind("review is not valid JSON: ", 0) == 0);
    }
}
