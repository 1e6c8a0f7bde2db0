#pragma once
// "News Line": the latest headlines from the widget's JSON Feed, newest
// first, a few at a time with "Show more". Items that are article JSON open
// inside the widget; the shell's real links over each item do the opening.
#include "ui/Drawing.h"
#include "core/Feed.h"

#include <string>
#include <vector>

namespace aw::ui {

class NewsLineView {
public:
    static constexpr std::size_t kPageSize = 6;

    // timeLabels: one per item ("14:05" today, "16 Mar" otherwise), made by the caller with the reader's clock.
    void setFeed(Feed feed, std::vector<std::string> timeLabels);
    bool empty() const { return feed_.items.empty(); }
    const Feed& feed() const { return feed_; }
    void setTimeLabels(std::vector<std::string> labels) { labels_ = std::move(labels); }
    void showMore() { shown_ += kPageSize; }
    void setCurrent(std::string url) { current_ = std::move(url); }

    float draw(const Painter& painter, ImVec2 origin, float width) const;

private:
    Feed feed_;
    std::vector<std::string> labels_;
    std::size_t shown_ = kPageSize;
    std::string current_; // the article the widget shows, marked in the list
};

} // namespace aw::ui
