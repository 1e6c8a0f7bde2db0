#pragma once
// The News Line: a JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the
// publisher's other stories. Items whose url is an article JSON of the same
// site open inside the widget; the rest are ordinary links.
#include "core/Expected.h"
#include "core/Messages.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aw {

struct FeedItem {
    std::string id;
    std::string url;            // resolved against the feed's URL; relative when that is
    std::string title;          // plain text; made from content_text or summary when the item has none
    std::string datePublished;  // as given (RFC 3339)
    std::optional<std::int64_t> publishedAt; // Unix seconds (DateForm::Lenient); none when absent or unreadable
    bool opensInWidget = false; // url is a ".json" article on the feed's own site
};

struct Feed {
    std::vector<FeedItem> items;        // newest first; undated items last, in feed order
    std::vector<std::string> warnings;  // skipped items and fields, e.g. "items[3]: url: expected a string, got number"
};

// Bounds on what a feed can make the widget hold: far beyond any real News Line.
constexpr std::size_t kMaxFeedBytes = 4u * 1024u * 1024u;
constexpr std::size_t kMaxFeedItems = 200;
constexpr std::size_t kMaxFeedWarnings = 20;

// Parses a JSON Feed. feedUrl is where it was loaded from (absolute, or
// relative to the page); item URLs are resolved against it. A feed that is not
// an object, or whose version, title or items are missing or of the wrong
// type, is an error naming the field. A bad item is skipped with a warning.
Expected<Feed> parseFeed(std::string_view json, std::string_view feedUrl);

// The label beside an item, in the reader's local time: "14:05" on the
// reader's today, "16 Mar" earlier in the same year, "16 Mar 2023" otherwise.
// A bare date always shows as a date. Dates are read in DateForm::Lenient.
// Empty when unreadable.
std::string formatItemTime(std::string_view iso8601, std::int64_t nowUnixSeconds, int readerUtcOffsetMinutes);
// The same written by the reader's language's rules ("14:05", "16 mart").
std::string formatItemTime(std::string_view iso8601, std::int64_t nowUnixSeconds, int readerUtcOffsetMinutes,
                           const LocaleRules& rules);

} // namespace aw
