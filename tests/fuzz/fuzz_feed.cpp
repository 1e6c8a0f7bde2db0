// The News Line reader: any bytes give a feed or a message; a feed keeps its
// bounds and its order, and every label it yields is valid UTF-8.
#include "core/Feed.h"
#include "FuzzCheck.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    // Both kinds of base the widget meets: an absolute feed URL and one relative to the page.
    for (const char* base : {"https://news.example.com/feeds/line.json", "news-line.json"}) {
        const auto parsed = aw::parseFeed(fuzz::input(data, size), base);
        if (!parsed) {
            fuzz::requireText(parsed.error(), "the error message is valid UTF-8");
            continue;
        }
        const aw::Feed& feed = parsed.value();
        fuzz::require(feed.items.size() <= aw::kMaxFeedItems, "the items kept are bounded");
        fuzz::require(feed.warnings.size() <= aw::kMaxFeedWarnings + 1, "the warnings kept are bounded");
        fuzz::requireTexts(feed.warnings, "warnings are valid UTF-8");
        bool undatedSeen = false;
        for (std::size_t i = 0; i < feed.items.size(); ++i) {
            const aw::FeedItem& item = feed.items[i];
            fuzz::require(!item.title.empty(), "an item has a title");
            for (const auto* text : {&item.id, &item.url, &item.title, &item.datePublished})
                fuzz::requireText(*text, "item fields are valid UTF-8");
            if (!item.publishedAt) undatedSeen = true;
            else fuzz::require(!undatedSeen, "undated items come last");
            if (i > 0 && item.publishedAt && feed.items[i - 1].publishedAt)
                fuzz::require(*feed.items[i - 1].publishedAt >= *item.publishedAt, "newest first");
            fuzz::requireText(aw::formatItemTime(item.datePublished, 1710685800, 240), "time labels are valid UTF-8");
        }
    }
    return 0;
}
