#include "core/Feed.h"

#include "core/Date.h"
#include "core/HtmlText.h"
#include "core/JsonFields.h"
#include "core/UrlPolicy.h"
#include "core/Utf8.h"

#include <algorithm>
#include <unordered_set>

namespace aw {
namespace {

using namespace jsonfields;

std::string stringField(const Json& obj, const char* key, bool required) {
    return jsonfields::stringField(obj, key, key, required);
}

// A title for an item that has none (JSON Feed allows that): the start of its
// text, cut at a word boundary.
std::string titleFromText(const std::string& text) {
    constexpr std::size_t kMaxCodePoints = 80;
    std::size_t i = 0, count = 0, lastSpace = std::string::npos;
    while (i < text.size() && count < kMaxCodePoints) {
        if (text[i] == ' ') lastSpace = i;
        utf8::next(text, i);
        ++count;
    }
    if (i >= text.size()) return text;
    return text.substr(0, lastSpace != std::string::npos ? lastSpace : i) + "\u2026";
}

bool endsWithJson(const std::string& path) {
    if (path.size() < 5) return false;
    std::string ext = path.substr(path.size() - 5);
    for (char& c : ext) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return ext == ".json";
}

std::string itemId(const Json& item) {
    const Json* v = member(item, "id");
    if (!v) fail("id", "missing (required)");
    // JSON Feed 1.0 readers coerce a numeric id to a string; 1.1 feeds may still carry one.
    if (v->is_number()) return v->dump();
    if (!v->is_string()) fail("id", std::string("expected a string, got ") + v->type_name());
    if (v->get_ref<const std::string&>().empty()) fail("id", "is empty");
    return v->get<std::string>();
}

// The warnings of one feed, kept to kMaxFeedWarnings and the rest counted:
// a feed of a million bad items costs a number, not a million messages.
class Warnings {
public:
    void add(std::string warning) {
        if (kept_.size() < kMaxFeedWarnings) kept_.push_back(std::move(warning));
        else ++more_;
    }
    // The warnings to show, first the given one (when not empty), then "... and 11 more warnings".
    std::vector<std::string> take(std::string first) {
        if (!first.empty()) kept_.insert(kept_.begin(), std::move(first));
        if (kept_.size() > kMaxFeedWarnings) {
            more_ += kept_.size() - kMaxFeedWarnings;
            kept_.resize(kMaxFeedWarnings);
        }
        if (more_ > 0) kept_.push_back("... and " + std::to_string(more_) + " more warnings");
        return std::move(kept_);
    }

private:
    std::vector<std::string> kept_;
    std::size_t more_ = 0;
};

FeedItem readItem(const Json& node, std::string_view feedUrl, const CheckedUrl& feedLocation,
                  const std::string& name, Warnings& warnings) {
    if (!node.is_object()) fail("", std::string("expected an object, got ") + node.type_name());
    FeedItem item;
    item.id = itemId(node);

    const CheckedUrl url = resolveUrl(feedUrl, stringField(node, "url", true));
    if (!url.allowed) fail("url", url.reason);
    item.url = url.url;
    item.opensInWidget = endsWithJson(url.path) && (url.relative || sameOrigin(url, feedLocation));

    item.title = plainText(stringField(node, "title", false));
    const std::string summary = plainText(stringField(node, "summary", false));
    const std::string contentText = stringField(node, "content_text", false);
    if (item.title.empty()) item.title = titleFromText(plainText(contentText));
    if (item.title.empty()) item.title = titleFromText(summary);
    if (item.title.empty()) fail("title", "missing, and no content_text or summary to make one from");

    // A bad date costs the item its place in time, not its place in the feed.
    item.datePublished = stringField(node, "date_published", false);
    if (!item.datePublished.empty()) {
        if (const auto t = readDateTime(item.datePublished, DateForm::Lenient)) item.publishedAt = t->unixSeconds;
        else
            warnings.add(name + ": date_published: \"" + titleFromText(item.datePublished) +
                         "\" is not an RFC 3339 date; listed last");
    }
    return item;
}

} // namespace

Expected<Feed> parseFeed(std::string_view json, std::string_view feedUrl) {
    auto parsed = jsonfields::parseDocument(json, kMaxFeedBytes);
    if (!parsed) return Expected<Feed>::failure("feed is " + parsed.error());
    const Json& doc = parsed.value().json;

    Feed feed;
    Warnings warnings;
    if (parsed.value().repaired()) warnings.add(parsed.value().warning());
    const Json* items = nullptr;
    try {
        if (!doc.is_object()) fail("feed", std::string("expected a JSON object, got ") + doc.type_name());
        const std::string version = stringField(doc, "version", true);
        if (version.rfind("https://jsonfeed.org/version/", 0) != 0)
            fail("version", "expected a JSON Feed version such as \"https://jsonfeed.org/version/1.1\", got \"" +
                                titleFromText(version) + "\"");
        stringField(doc, "title", true); // required by JSON Feed; the News Line shows its own heading
        items = member(doc, "items");
        if (!items) fail("items", "missing (required)");
        if (!items->is_array()) fail("items", std::string("expected an array, got ") + items->type_name());
    } catch (const FieldError& e) {
        return Expected<Feed>::failure(e.message());
    }

    const CheckedUrl feedLocation = checkUrl(feedUrl);
    std::unordered_set<std::string> ids; // a set: a feed of many items is still read in linear time
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string name = "items[" + std::to_string(i) + "]";
        try {
            FeedItem item = readItem((*items)[i], feedUrl, feedLocation, name, warnings);
            if (!ids.insert(item.id).second) fail("id", "repeats an earlier item's id");
            feed.items.push_back(std::move(item));
        } catch (const FieldError& e) {
            warnings.add(name + ": " + e.message());
        }
    }

    std::stable_sort(feed.items.begin(), feed.items.end(), [](const FeedItem& a, const FeedItem& b) {
        if (!a.publishedAt || !b.publishedAt) return a.publishedAt.has_value() && !b.publishedAt.has_value();
        return *a.publishedAt > *b.publishedAt;
    });
    std::string tooMany;
    if (feed.items.size() > kMaxFeedItems) {
        tooMany = "feed has " + std::to_string(feed.items.size()) + " items; only the newest " +
                  std::to_string(kMaxFeedItems) + " are kept";
        feed.items.resize(kMaxFeedItems);
    }
    feed.warnings = warnings.take(std::move(tooMany));
    return Expected<Feed>::success(std::move(feed));
}

std::string formatItemTime(std::string_view iso8601, std::int64_t nowUnixSeconds, int readerUtcOffsetMinutes) {
    return formatItemTime(iso8601, nowUnixSeconds, readerUtcOffsetMinutes, LocaleRules());
}

std::string formatItemTime(std::string_view iso8601, std::int64_t nowUnixSeconds, int readerUtcOffsetMinutes,
                           const LocaleRules& rules) {
    using Style = LocaleRules::DateStyle;
    const auto m = readDateTime(iso8601, DateForm::Lenient);
    if (!m) return {};
    const std::int64_t offset = std::int64_t{readerUtcOffsetMinutes} * 60;
    const std::int64_t today = dayNumber(nowUnixSeconds + offset);
    const std::int64_t thisYear = civilDate(today).year;
    // A bare date is a calendar day as written: its midnight UTC, not shifted.
    if (!m->hasTime) return rules.date(m->unixSeconds, m->date.year != thisYear ? Style::DayMonthYear : Style::DayMonth, 0);
    const std::int64_t day = dayNumber(m->unixSeconds + offset);
    if (day == today) return rules.date(m->unixSeconds, Style::Time, readerUtcOffsetMinutes);
    return rules.date(m->unixSeconds, civilDate(day).year != thisYear ? Style::DayMonthYear : Style::DayMonth, readerUtcOffsetMinutes);
}

} // namespace aw
