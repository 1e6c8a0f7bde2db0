// The NewsArticle reader: any bytes give an article or a message, never a
// crash, and what it gives is valid UTF-8 for the views to draw and mirror.
#include "core/Article.h"
#include "FuzzCheck.h"
#include "core/SocialNetwork.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const auto parsed = aw::parseArticle(fuzz::input(data, size));
    if (!parsed) {
        fuzz::requireText(parsed.error(), "the error message is valid UTF-8");
        fuzz::require(!parsed.error().empty(), "a failure says why");
        return 0;
    }
    const aw::Article& a = parsed.value();
    fuzz::require(!a.headline.empty() && !a.paragraphs.empty(), "an article has a headline and a paragraph");
    for (const auto* text : {&a.id, &a.url, &a.headline, &a.lead, &a.section, &a.datePublished, &a.language, &a.image.caption, &a.image.credit})
        fuzz::requireText(*text, "every article field is valid UTF-8");
    fuzz::requireTexts(a.authors, "author names are valid UTF-8");
    fuzz::requireTexts(a.paragraphs, "paragraphs are valid UTF-8");
    fuzz::requireTexts(a.publisherProfiles, "publisher profiles are valid UTF-8");
    fuzz::requireText(aw::metaLine(a, aw::Messages()), "the meta line is valid UTF-8");
    const aw::FollowBar bar = aw::followBar(a.publisherProfiles);
    fuzz::require(bar.links.size() <= aw::kMaxFollowLinks, "the follow bar is bounded");
    for (const auto& link : bar.links) fuzz::requireText(link.accessibleName, "follow labels are valid UTF-8");
    fuzz::requireTexts(bar.warnings, "follow bar warnings are valid UTF-8");
    return 0;
}
