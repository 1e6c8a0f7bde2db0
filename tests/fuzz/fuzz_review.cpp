// The Review reader shared by the form and the review server: any bytes give
// a review or a message naming the field; a review read is written back as
// JSON without throwing, and reads back the same.
#include "FuzzCheck.h"
#include "core/Review.h"

namespace {
bool same(const aw::Review& a, const aw::Review& b) {
    return a.identifier == b.identifier && a.itemReviewed == b.itemReviewed && a.authorName == b.authorName &&
           a.authorEmail == b.authorEmail && a.rating == b.rating && a.body == b.body && a.dateCreated == b.dateCreated &&
           a.datePublished == b.datePublished && a.website == b.website;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    std::string field = "unset";
    std::vector<std::string> warnings;
    const auto parsed = aw::parseReview(fuzz::input(data, size), &field, &warnings);
    fuzz::requireTexts(warnings, "warnings are valid UTF-8");
    if (!parsed) {
        fuzz::requireText(parsed.error(), "the error message is valid UTF-8");
        fuzz::require(field != "unset", "a failure names the field at fault, or none");
        return 0;
    }
    const aw::Review& r = parsed.value();
    for (const auto& m : aw::validateReview(r)) fuzz::requireText(m.message, "validation messages are valid UTF-8");
    fuzz::requireText(aw::charactersLeftLabel(r.body, aw::kMaxBodyChars), "the counter label is valid UTF-8");
    const std::string json = aw::toJson(r, aw::ReviewVisibility::Full);
    const auto back = aw::parseReview(json);
    fuzz::require(back.ok() && same(back.value(), r), "a review written and read again is the same review");
    aw::toJson(r, aw::ReviewVisibility::Public);
    return 0;
}
