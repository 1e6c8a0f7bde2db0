#include "Feed.h"

#include "HtmlText.h"
#include "JsonFields.h"
#include "UrlPolicy.h"
#include "Utf8.h"

#include <algorithm>

namespace aw {
namespace {

using namespace jsonfields;

std::string stringField(const Json& obj, const char* key, bool required) {
    return jsonfields::stringField(obj, key, key, required);
}

// ---- Calendar arithmetic (proleptic Gregorian, days counted from 1970-01-01) ----

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool isLeapYear(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(std::int64_t y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return kDays[m - 1] + (m == 2 && isLeapYear(y));
}

std::int64_t daysSinceEpoch(std::int64_t y, int m, int d) {
    static constexpr int kBeforeMonth[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    const auto leapsBefore = [](std::int64_t year) {
        return floorDiv(year - 1, 4) - floorDiv(year - 1, 100) + floorDiv(year - 1, 400);
    };
    return 365 * (y - 1970) + leapsBefore(y) - leapsBefore(1970) + kBeforeMonth[m - 1] + (m > 2 && isLeapYear(y)) + d - 1;
}

struct CivilDate { std::int64_t year; int month, day; };

CivilDate civilFromDays(std::int64_t days) {
    std::int64_t y = 1970 + days / 365;
    while (daysSinceEpoch(y, 1, 1) > days) --y;
    while (daysSinceEpoch(y + 1, 1, 1) <= days) ++y;
    int m = 12;
    while (daysSinceEpoch(y, m, 1) > days) --m;
    return {y, m, static_cast<int>(days - daysSinceEpoch(y, m, 1)) + 1};
}

struct Moment {
    std::int64_t unixSeconds = 0;
    CivilDate date{};      // as written, before any offset
    bool hasTime = false;  // false for a bare date
};

std::optional<Moment> readMoment(std::string_view s) {
    while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
    while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
    const auto num = [&](std::size_t at, std::size_t len) {
        if (at + len > s.size()) return -1;
        int v = 0;
        for (std::size_t i = at; i < at + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    const int year = num(0, 4), month = num(5, 2), day = num(8, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return std::nullopt;
    Moment m;
    m.date = {year, month, day};
    m.unixSeconds = daysSinceEpoch(year, month, day) * 86400;
    if (s.size() == 10) return m;

    if (s.size() < 16 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':') return std::nullopt;
    const int hour = num(11, 2), minute = num(14, 2);
    int second = 0;
    std::size_t i = 16;
    if (i < s.size() && s[i] == ':') {
        second = num(17, 2);
        i = 19;
        if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            const std::size_t start = ++i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
            if (i == start) return std::nullopt;
        }
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return std::nullopt;

    int offsetMinutes = 0;
    if (i < s.size()) {
        const char sign = s[i];
        if (sign == 'Z' || sign == 'z') {
            ++i;
        } else if (sign == '+' || sign == '-') {
            const int oh = num(i + 1, 2);
            int om = 0;
            i += 3;
            if (i < s.size()) {
                const std::size_t at = s[i] == ':' ? i + 1 : i;
                om = num(at, 2);
                i = at + 2;
            }
            if (oh < 0 || oh > 23 || om < 0 || om > 59) return std::nullopt;
            offsetMinutes = (sign == '-' ? -1 : 1) * (oh * 60 + om);
        } else {
            return std::nullopt;
        }
        if (i != s.size()) return std::nullopt;
    }
    // A leap second is shown as the second before it.
    m.unixSeconds += hour * 3600 + minute * 60 + std::min(second, 59) - offsetMinutes * 60;
    m.hasTime = true;
    return m;
}

std::string dayMonth(const CivilDate& d, bool withYear) {
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::string label = std::to_string(d.day) + " " + kMonths[d.month - 1];
    return withYear ? label + " " + std::to_string(d.year) : label;
}

// ---- Items ----

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

FeedItem readItem(const Json& node, std::string_view feedUrl, const CheckedUrl& feedLocation,
                  const std::string& name, std::vector<std::string>& warnings) {
    if (!node.is_object()) throw FieldError{std::string("expected an object, got ") + node.type_name()};
    FeedItem item;
    item.id = itemId(node);

    const CheckedUrl url = resolveUrl(feedUrl, stringField(node, "url", true));
    if (!url.allowed) fail("url", url.reason);
    item.url = url.url;
    item.opensInWidget = endsWithJson(url.path) && (url.relative || sameOrigin(url, feedLocation));

    item.title = plainText(stringField(node, "title", false));
    item.summary = plainText(stringField(node, "summary", false));
    const std::string contentText = stringField(node, "content_text", false);
    if (item.title.empty()) item.title = titleFromText(plainText(contentText));
    if (item.title.empty()) item.title = titleFromText(item.summary);
    if (item.title.empty()) fail("title", "missing, and no content_text or summary to make one from");

    // A bad date costs the item its place in time, not its place in the feed.
    item.datePublished = stringField(node, "date_published", false);
    if (!item.datePublished.empty()) {
        item.publishedAt = parseTimestamp(item.datePublished);
        if (!item.publishedAt)
            warnings.push_back(name + ": date_published: \"" + titleFromText(item.datePublished) +
                               "\" is not an RFC 3339 date; listed last");
    }
    return item;
}

void capWarnings(std::vector<std::string>& warnings) {
    if (warnings.size() <= kMaxFeedWarnings) return;
    const std::size_t more = warnings.size() - kMaxFeedWarnings;
    warnings.resize(kMaxFeedWarnings);
    warnings.push_back("... and " + std::to_string(more) + " more warnings");
}

} // namespace

Expected<Feed> parseFeed(std::string_view json, std::string_view feedUrl) {
    auto parsed = jsonfields::parseDocument(json, kMaxFeedBytes);
    if (!parsed) return Expected<Feed>::failure("feed is " + parsed.error());
    const Json& doc = parsed.value();

    Feed feed;
    const Json* items = nullptr;
    try {
        if (!doc.is_object()) fail("feed", std::string("expected a JSON object, got ") + doc.type_name());
        feed.version = stringField(doc, "version", true);
        if (feed.version.rfind("https://jsonfeed.org/version/", 0) != 0)
            fail("version", "expected a JSON Feed version such as \"https://jsonfeed.org/version/1.1\", got \"" +
                                titleFromText(feed.version) + "\"");
        feed.title = plainText(stringField(doc, "title", true));
        if (const std::string home = stringField(doc, "home_page_url", false); !home.empty()) {
            const CheckedUrl homeUrl = resolveUrl(feedUrl, home);
            if (homeUrl.allowed) feed.homePageUrl = homeUrl.url;
            else feed.warnings.push_back("home_page_url: " + homeUrl.reason);
        }
        items = member(doc, "items");
        if (!items) fail("items", "missing (required)");
        if (!items->is_array()) fail("items", std::string("expected an array, got ") + items->type_name());
    } catch (const FieldError& e) {
        return Expected<Feed>::failure(e.message);
    }

    const CheckedUrl feedLocation = checkUrl(feedUrl);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string name = "items[" + std::to_string(i) + "]";
        try {
            FeedItem item = readItem((*items)[i], feedUrl, feedLocation, name, feed.warnings);
            if (std::find(ids.begin(), ids.end(), item.id) != ids.end()) fail("id", "repeats an earlier item's id");
            ids.push_back(item.id);
            feed.items.push_back(std::move(item));
        } catch (const FieldError& e) {
            feed.warnings.push_back(name + ": " + e.message);
        }
    }

    std::stable_sort(feed.items.begin(), feed.items.end(), [](const FeedItem& a, const FeedItem& b) {
        if (!a.publishedAt || !b.publishedAt) return a.publishedAt.has_value() && !b.publishedAt.has_value();
        return *a.publishedAt > *b.publishedAt;
    });
    if (feed.items.size() > kMaxFeedItems) {
        feed.warnings.insert(feed.warnings.begin(), "feed has " + std::to_string(feed.items.size()) +
                                                        " items; only the newest " + std::to_string(kMaxFeedItems) +
                                                        " are kept");
        feed.items.resize(kMaxFeedItems);
    }
    capWarnings(feed.warnings);
    return Expected<Feed>::success(std::move(feed));
}

std::optional<std::int64_t> parseTimestamp(std::string_view iso8601) {
    const auto m = readMoment(iso8601);
    if (!m) return std::nullopt;
    return m->unixSeconds;
}

std::string formatItemTime(std::string_view iso8601, std::int64_t nowUnixSeconds, int readerUtcOffsetMinutes) {
    const auto m = readMoment(iso8601);
    if (!m) return {};
    const std::int64_t offset = std::int64_t{readerUtcOffsetMinutes} * 60;
    const std::int64_t today = floorDiv(nowUnixSeconds + offset, 86400);
    const std::int64_t thisYear = civilFromDays(today).year;
    if (!m->hasTime) return dayMonth(m->date, m->date.year != thisYear);

    const std::int64_t local = m->unixSeconds + offset;
    const std::int64_t day = floorDiv(local, 86400);
    if (day == today) {
        const std::int64_t secondOfDay = local - day * 86400;
        const int hour = static_cast<int>(secondOfDay / 3600), minute = static_cast<int>(secondOfDay / 60 % 60);
        return (hour < 10 ? "0" : "") + std::to_string(hour) + (minute < 10 ? ":0" : ":") + std::to_string(minute);
    }
    const CivilDate date = civilFromDays(day);
    return dayMonth(date, date.year != thisYear);
}

} // namespace aw
