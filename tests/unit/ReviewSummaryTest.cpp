// The rating summary the list opens with, read from GET {reviews}/summary.
#include "core/ReviewSummary.h"

#include <doctest/doctest.h>

TEST_CASE("the server's AggregateRating: average, count and the five bars") {
    const auto s = aw::parseReviewSummary(R"({"@context":"https://schema.org","@type":"AggregateRating",
        "itemReviewed":"stoltenberg-baku","ratingValue":4.24,"ratingCount":37,"reviewCount":37,"bestRating":5,"worstRating":1,
        "distribution":{"1":2,"2":1,"3":4,"4":10,"5":20}})");
    REQUIRE(s.has_value());
    CHECK(s->average == doctest::Approx(4.2));
    CHECK(s->count == 37);
    CHECK(s->distribution == std::array<int, 5>{2, 1, 4, 10, 20});
    CHECK(aw::summaryLine(*s) == "4.2 out of 5 \xC2\xB7 37 reviews");
    CHECK(aw::distributionLabel(5, 20) == "5 stars: 20 reviews");
    CHECK(aw::distributionLabel(1, 1) == "1 star: 1 review");
}

TEST_CASE("one review is counted in the singular") {
    const auto s = aw::parseReviewSummary(R"({"ratingValue":5,"ratingCount":1,"distribution":{"1":0,"2":0,"3":0,"4":0,"5":1}})");
    REQUIRE(s.has_value());
    CHECK(aw::summaryLine(*s) == "5.0 out of 5 \xC2\xB7 1 review");
}

TEST_CASE("no summary from what is not one: no reviews, an error, damaged or odd numbers") {
    for (const char* text : {
             R"({"ratingValue":null,"ratingCount":0,"distribution":{"1":0,"2":0,"3":0,"4":0,"5":0}})", // no reviews yet
             R"({"error":"not found"})",
             "<!doctype html><title>404</title>",
             "",
             "[1,2,3]",
             R"({"ratingValue":4.2,"ratingCount":3})",                                                   // no distribution
             R"({"ratingValue":9,"ratingCount":3,"distribution":{"1":0,"2":0,"3":0,"4":0,"5":3}})",     // out of range
             R"({"ratingValue":4,"ratingCount":3,"distribution":{"1":0,"2":0,"3":0,"4":"x","5":3}})",   // a count that is not one
             R"({"ratingValue":4,"ratingCount":-3,"distribution":{"1":0,"2":0,"3":0,"4":0,"5":3}})",
         })
        CHECK_MESSAGE(!aw::parseReviewSummary(text).has_value(), text);
}
