#pragma once
// A reader's review of an article: the schema.org Review the form POSTs (see
// DESIGN.md, "Data formats"), its JSON form, and the validation rules that the
// form and the review server share, so both say the same thing in the same words.
#include "core/Expected.h"
#include "core/Messages.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aw {

struct Review {
    std::string identifier;    // UUID v4 made by the client: the idempotency key
    std::string itemReviewed;  // the article's url or identifier
    std::string authorName;    // author.name
    std::string authorEmail;   // author.email, optional and private: never listed
    int rating = 0;            // reviewRating.ratingValue, 1..5; 0 while not chosen
    std::string body;          // reviewBody
    std::string dateCreated;   // ISO 8601, when the reader pressed Send
    std::string datePublished; // ISO 8601, set by the server when it stores the review
    std::string website;       // honeypot: a form field hidden from people, filled by bots
};

// The JSON paths that validation messages and parse errors name.
namespace reviewField {
inline constexpr const char* identifier = "identifier";
inline constexpr const char* itemReviewed = "itemReviewed";
inline constexpr const char* name = "author.name";
inline constexpr const char* email = "author.email";
inline constexpr const char* rating = "reviewRating.ratingValue";
inline constexpr const char* bestRating = "reviewRating.bestRating";
inline constexpr const char* body = "reviewBody";
inline constexpr const char* dateCreated = "dateCreated";
} // namespace reviewField

constexpr int kBestRating = 5;
constexpr std::size_t kMaxNameChars = 80;
constexpr std::size_t kMinBodyChars = 3;
constexpr std::size_t kMaxBodyChars = 2000;
constexpr std::size_t kMaxEmailBytes = 254; // RFC 5321's limit on a forward path
constexpr std::size_t kMaxItemChars = 2048;

// One problem with one field, worded for the reader, shown beside that field.
struct FieldMessage {
    std::string field; // a reviewField path
    std::string message; // in English, as the server answers API clients
    // The same in the catalogs' terms: id "validation." + code, so the widget
    // shows it in the reader's language; the code travels in the server's 422.
    Message text;
    // "body.too-long"; empty for a message without one (a parse error).
    std::string code() const { return text.id.rfind("validation.", 0) == 0 ? text.id.substr(sizeof "validation." - 1) : std::string(); }
};

// What the reader typed: name, email, rating, text. Empty when all is well.
// Lengths are counted in characters (code points) after trimming whitespace.
std::vector<FieldMessage> validateDraft(const Review& review);

// The draft rules plus the fields the client fills in itself (identifier,
// itemReviewed, dateCreated): what the server checks before storing.
std::vector<FieldMessage> validateReview(const Review& review);

// Characters the reader may still type into a field limited to `limit`
// characters; negative when over. Counted like validation counts.
long charactersLeft(std::string_view text, std::size_t limit);

// "12 characters left", "1 character left", "3 characters too many".
std::string charactersLeftLabel(std::string_view text, std::size_t limit);
Message charactersLeftMessage(std::string_view text, std::size_t limit); // counter.left / counter.over

enum class ReviewVisibility {
    Full,   // everything: what the client sends and keeps in its outbox
    Public, // what anyone may read: no email, no honeypot
};

std::string toJson(const Review& review, ReviewVisibility visibility);
nlohmann::json toJsonValue(const Review& review, ReviewVisibility visibility);

// Reads a Review document. Unknown fields are ignored; missing fields stay
// empty (validation names them); a wrong type gives a failure naming the field,
// e.g. "reviewRating.ratingValue: expected a whole number, got string".
// If problemField is given it receives the field at fault, or "" when the
// text is not a JSON object at all. Invalid UTF-8 is read as U+FFFD; if
// warnings is given it receives a line saying where.
Expected<Review> parseReview(std::string_view json, std::string* problemField = nullptr,
                             std::vector<std::string>* warnings = nullptr);
Expected<Review> reviewFromJson(const nlohmann::json& doc, std::string* problemField = nullptr);

} // namespace aw
