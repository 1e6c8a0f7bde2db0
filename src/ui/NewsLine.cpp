#include "ui/NewsLine.h"

#include "ui/Drawing.h"
#include "core/TextLayout.h"

#include <algorithm>
#include <cmath>

namespace aw::ui {

void NewsLineView::setFeed(Feed feed, std::vector<std::string> timeLabels) {
    feed_ = std::move(feed);
    labels_ = std::move(timeLabels);
    shown_ = kPageSize;
}

float NewsLineView::draw(const Painter& p, ImVec2 origin, float width) const {
    const ControlList::Part part(p.controls, protocol::part::News);
    const Palette& c = p.palette;
    float y = p.sectionHeading(protocol::id::NewsHeading, kNewsHeading, origin, width) + p.px(space::M);
    const ImFont* bold = p.font(Role::UiBold);
    const float lineH = p.lineHeight(Role::UiBold);
    const float metaH = p.lineHeight(Role::Meta);
    const float padY = p.px(space::M);
    const AdvanceFn advance = advanceOf(bold);

    const std::size_t count = std::min(shown_, feed_.items.size());
    for (std::size_t i = 0; i < count; ++i) {
        const FeedItem& item = feed_.items[i];
        const bool current = !current_.empty() && item.url == current_;
        const auto lines = breakLines(item.title, width, advance);
        const ImVec2 min(origin.x, origin.y + y);
        const ImVec2 max(origin.x + width, min.y + padY * 2 + metaH + lines.size() * lineH);
        const std::string time = i < labels_.size() ? labels_[i] : std::string();
        const std::string label = current ? time + "  \xC2\xB7  " + p.t("news.current") : time;
        const ImVec2 labelAt(min.x, min.y + padY);
        // The drawn lines, for the shell's copies: the time, then the headline.
        nlohmann::json mirror = nlohmann::json::array();
        mirror.push_back(p.controls.line(labelAt, p.textWidth(Role::Meta, label), label, Role::Meta, p.fonts));
        float ly = min.y + padY + metaH;
        for (const auto& l : lines) {
            mirror.push_back(p.controls.line(ImVec2(min.x, ly), l.width, std::string_view(item.title).substr(l.begin, l.end - l.begin),
                                             Role::UiBold, p.fonts));
            ly += lineH;
        }
        const std::string id = protocol::id::NewsPrefix + std::to_string(i);
        // The article being read is text, not a link to itself.
        ControlState state;
        if (current)
            p.controls.add({{"id", id}, {"kind", protocol::kind::Text}, {"lines", std::move(mirror)}}, min, max);
        else
            state = p.control({{"id", id}, {"kind", protocol::kind::Link}, {"label", p.t("news.link", {{"time", time}, {"title", item.title}})}, {"href", item.url},
                               {"openInWidget", item.opensInWidget}, {"lines", std::move(mirror)}},
                              min, max, p.px(radius::Small));
        p.dl.AddLine(min, ImVec2(max.x, min.y), c.rule, p.hairline());
        p.text(Role::Meta, labelAt, current ? c.muted : c.accent, label);
        ly = min.y + padY + metaH;
        for (const auto& l : lines) {
            p.text(Role::UiBold, ImVec2(min.x, ly), current ? c.muted : c.text, std::string_view(item.title).substr(l.begin, l.end - l.begin));
            if (state.hovered) {
                const float uy = std::round(ly + bold->FontSize * 0.92f); // under the baseline
                p.dl.AddLine(ImVec2(min.x, uy), ImVec2(min.x + l.width, uy), c.text, p.hairline());
            }
            ly += lineH;
        }
        y = max.y - origin.y;
    }
    if (count < feed_.items.size()) {
        const ImVec2 max = p.outlineButton({{"id", protocol::action::NewsMore}, {"kind", protocol::kind::Action}}, p.t("news.more"),
                                           ImVec2(origin.x, origin.y + y + p.px(space::S)));
        y = max.y - origin.y;
    }
    return y;
}

} // namespace aw::ui
