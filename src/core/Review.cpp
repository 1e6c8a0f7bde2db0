#include "core/Review.h"

#include "core/Date.h"
#include "core/JsonFields.h"
#include "core/Utf8.h"

#include <algorithm>
#include <cctype>

namespace aw {
namespace {

using namespace jsonfields;

bool isSpace(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Code points of the text without leading and trailing whitespace (Unicode
// spaces included: a name of only no-break spaces is still no name).
std::size_t trimmedLength(std::string_view text) {
    std::size_t total = 0, leading = 0, trailing = 0;
    bool seenText = false;
    for (std::size_t i = 0; i < text.size();) {
        const bool space = isSpace(utf8::next(text, i));
        ++total;
        if (!space) { seenText = true; trailing = 0; }
        else if (seenText) ++trailing;
        else ++leading;
    }
    return total - leading - trailing;
}

std::string_view trimAscii(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool isHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// 8-4-4-4-12 hex digits with the version nibble 4 and the RFC 9562 variant.
bool isUuidV4(std::string_view s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !isHex(s[i])) return false;
    }
    const char variant = static_cast<char>(std::tolower(static_cast<unsigned char>(s[19])));
    return s[14] == '4' && (variant == '8' || variant == '9' || variant == 'a' || variant == 'b');
}

// A syntax check that catches typos, not a full RFC 5322 parser: one @, a
// local part without spaces or specials, a dotted domain of plausible labels.
bool looksLikeEmail(std::string_view s) {
    const auto at = s.find('@');
    if (at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
    const std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
        local.find("..") != std::string_view::npos)
        return false;
    for (const char c : local) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || std::string_view("(),:;<>[]\\\"").find(c) != std::string_view::npos) return false;
    }
    if (domain.find('.') == std::string_view::npos) return false;
    std::size_t labelStart = 0;
    for (std::size_t i = 0; i <= domain.size(); ++i) {
        if (i < domain.size() && domain[i] != '.') {
            const auto u = static_cast<unsigned char>(domain[i]);
            if (u < 0x80 && !std::isalnum(u) && domain[i] != '-') return false;
            continue;
        }
        const std::string_view label = domain.substr(labelStart, i - labelStart);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        if (i == domain.size() && label.size() < 2) return false; // top-level domains have two or more letters
        labelStart = i + 1;
    }
    return true;
}

void checkDraft(const Review& r, std::vector<FieldMessage>& out) {
    const std::size_t name = trimmedLength(r.authorName);
    if (name == 0) out.push_back({reviewField::name, "Please enter your name.", {"validation.name.missing", {}}});
    else if (name > kMaxNameChars)
        out.push_back({reviewField::name, "Your name can be at most " + std::to_string(kMaxNameChars) + " characters.",
                        {"validation.name.too-long", {{"max", std::to_string(kMaxNameChars)}}}});

    const std::string_view email = trimAscii(r.authorEmail);
    if (email.size() > kMaxEmailBytes) out.push_back({reviewField::email, "That email address is too long.", {"validation.email.too-long", {}}});
    else if (!email.empty() && !looksLikeEmail(email))
        out.push_back({reviewField::email, "That email address doesn't look right.", {"validation.email.invalid", {}}});

    if (r.rating < 1 || r.rating > kBestRating)
        out.push_back({reviewField::rating, "Please choose a rating from 1 to 5 stars.", {"validation.rating.missing", {}}});

    const std::size_t body = trimmedLength(r.body);
    if (body == 0) out.push_back({reviewField::body, "Please write your review.", {"validation.body.missing", {}}});
    else if (body < kMinBodyChars)
        out.push_back({reviewField::body, "Your review needs at least " + std::to_string(kMinBodyChars) + " characters.",
                        {"validation.body.too-short", {{"min", std::to_string(kMinBodyChars)}}}});
    else if (body > kMaxBodyChars)
        out.push_back({reviewField::body, "Your review can be at most " + std::to_string(kMaxBodyChars) +
                                              " characters; it has " + std::to_string(body) + ".",
                        {"validation.body.too-long", {{"max", std::to_string(kMaxBodyChars)}, {"n", std::to_string(body)}}}});
}

void readAuthor(const Json& doc, Review& r) {
    const Json* a = member(doc, "author");
    if (!a) return;
    if (a->is_string()) { r.authorName = a->get<std::string>(); return; }
    if (!a->is_object()) fail("author", std::string("expected an object with a name, got ") + a->type_name());
    r.authorName = stringField(*a, "name", reviewField::name, false);
    r.authorEmail = stringField(*a, "email", reviewField::email, false);
}

void readRating(const Json& doc, Review& r) {
    const Json* rating = member(doc, "reviewRating");
    if (!rating) return;
    if (!rating->is_object())
        fail("reviewRating", std::string("expected an object with a ratingValue, got ") + rating->type_name());
    if (const auto value = integerField(*rating, "ratingValue", reviewField::rating))
        // Out-of-range values stay out of range, for validation to name, but fit an int.
        r.rating = static_cast<int>(std::clamp<long long>(*value, -1, kBestRating + 1));
    if (const auto best = integerField(*rating, "bestRating", reviewField::bestRating); best && *best != kBestRating)
        fail(reviewField::bestRating, "only ratings out of " + std::to_string(kBestRating) + " are accepted");
}

} // namespace

std::vector<FieldMessage> validateDraft(const Review& review) {
    std::vector<FieldMessage> out;
    checkDraft(review, out);
    return out;
}

std::vector<FieldMessage> validateReview(const Review& r) {
    std::vector<FieldMessage> out;
    if (r.identifier.empty())
        out.push_back({reviewField::identifier, "The review has no identifier (a UUID v4 made by the client).",
                       {"validation.identifier.missing", {}}});
    else if (!isUuidV4(r.identifier))
        out.push_back({reviewField::identifier,
                       "The identifier must be a UUID v4, like 9b2f0c1e-8d4a-4c7b-a2e5-0f6d1c3b7a90.",
                       {"validation.identifier.invalid", {}}});
    const std::size_t item = utf8::length(r.itemReviewed);
    if (trimmedLength(r.itemReviewed) == 0)
        out.push_back({reviewField::itemReviewed, "The review doesn't say which article it is about.", {"validation.item.missing", {}}});
    else if (item > kMaxItemChars)
        out.push_back({reviewField::itemReviewed,
                       "The article's address can be at most " + std::to_string(kMaxItemChars) + " characters.",
                       {"validation.item.too-long", {{"max", std::to_string(kMaxItemChars)}}}});
    if (!readDateTime(r.dateCreated, DateForm::Strict))
        out.push_back({reviewField::dateCreated, "dateCreated must be an ISO 8601 date and time, like 2024-03-17T18:30:00Z.",
                       {"validation.date.invalid", {}}});
    checkDraft(r, out);
    return out;
}

long charactersLeft(std::string_view text, std::size_t limit) {
    return static_cast<long>(limit) - static_cast<long>(trimmedLength(text));
}

std::string charactersLeftLabel(std::string_view text, std::size_t limit) {
    const long left = charactersLeft(text, limit);
    const long n = left < 0 ? -left : left;
    return std::to_string(n) + (n == 1 ? " character" : " characters") + (left < 0 ? " too many" : " left");
}

Message charactersLeftMessage(std::string_view text, std::size_t limit) {
    const long left = charactersLeft(text, limit);
    return {left < 0 ? "counter.over" : "counter.left", {{"n", std::to_string(left < 0 ? -left : left)}}};
}

Json toJsonValue(const Review& r, ReviewVisibility visibility) {
    const bool full = visibility == ReviewVisibility::Full;
    Json author = {{"@type", "Person"}, {"name", r.authorName}};
    if (full && !r.authorEmail.empty()) author["email"] = r.authorEmail;
    Json doc = {
        {"@context", "https://schema.org"},
        {"@type", "Review"},
        {"identifier", r.identifier},
        {"itemReviewed", r.itemReviewed},
        {"author", std::move(author)},
        {"reviewRating", {{"@type", "Rating"}, {"ratingValue", r.rating}, {"bestRating", kBestRating}, {"worstRating", 1}}},
        {"reviewBody", r.body},
        {"dateCreated", r.dateCreated},
    };
    if (!r.datePublished.empty()) doc["datePublished"] = r.datePublished;
    if (full && !r.website.empty()) doc["website"] = r.website;
    return doc;
}

std::string toJson(const Review& review, ReviewVisibility visibility) {
    return serialize(toJsonValue(review, visibility));
}

Expected<Review> reviewFromJson(const Json& doc, std::string* problemField) {
    try {
        if (!doc.is_object()) fail("", std::string("expected a JSON object, got ") + doc.type_name());
        Review r;
        // UUIDs are case-insensitive; one spelling keeps the idempotency key unique.
        r.identifier = stringField(doc, "identifier", reviewField::identifier, false);
        std::transform(r.identifier.begin(), r.identifier.end(), r.identifier.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        r.itemReviewed = stringField(doc, "itemReviewed", reviewField::itemReviewed, false);
        readAuthor(doc, r);
        readRating(doc, r);
        r.body = stringField(doc, "reviewBody", reviewField::body, false);
        r.dateCreated = stringField(doc, "dateCreated", reviewField::dateCreated, false);
        r.datePublished = stringField(doc, "datePublished", "datePublished", false);
        r.website = stringField(doc, "website", "website", false);
        return Expected<Review>::success(std::move(r));
    } catch (const FieldError& e) {
        if (problemField) *problemField = e.field;
        // The document itself is named "review": "review: expected a JSON object, got array".
        return Expected<Review>::failure(e.field.empty() ? "review: " + e.what : e.message());
    }
}

Expected<Review> parseReview(std::string_view json, std::string* problemField, std::vector<std::string>* warnings) {
    const auto parsed = parseDocument(json);
    if (!parsed) {
        if (problemField) problemField->clear();
        return Expected<Review>::failure("review is " + parsed.error());
    }
    if (warnings && parsed.value().repaired()) warnings->push_back(parsed.value().warning());
    return reviewFromJson(parsed.value().json, problemField);
}

} // namespace aw
