#pragma once
// The rating summary that opens the review list: the average, the count and
// how many readers gave each number of stars, read from the server's
// GET {reviews}/summary (a schema.org AggregateRating with a `distribution`).
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace aw {

struct ReviewSummary {
    double average = 0;                // ratingValue, to one decimal
    int count = 0;                     // ratingCount
    std::array<int, 5> distribution{}; // readers who gave 1..5 stars: [0] is 1 star
};

// The summary, or nothing when the text is not an AggregateRating with at
// least one rating (an error page, a 404 body, "ratingCount": 0): the list
// then opens without one rather than with an empty box.
std::optional<ReviewSummary> parseReviewSummary(std::string_view json);

// "4.2 out of 5 · 37 reviews", as drawn and as read out.
std::string summaryLine(const ReviewSummary& summary);
// "5 stars: 20 reviews", one bar of the distribution in words.
std::string distributionLabel(int stars, int count);

} // namespace aw
