#include "NewsLine.h"

#include "Drawing.h"
#include "TextLayout.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace aw::ui {

void NewsLineView::setFeed(Feed feed, std::vector<std::string> timeLabels) {
    feed_ = std::move(feed);
    labels_ = std::move(timeLabels);
    shown_ = kPageSize;
}

float NewsLineView::draw(const std::string& focused, const Fonts& fonts, const Palette& p, ImVec2 origin, float width,
                         float s, ControlList& controls) const {
    const ControlList::Part part(controls, protocol::part::News);
    ImDrawList& dl = *ImGui::GetWindowDrawList();
    const ImFont* bold = fonts.get(Role::UiBold);
    const ImFont* meta = fonts.get(Role::Meta);
    float y = drawSectionHeading(protocol::id::NewsHeading, kNewsHeading, fonts, p, origin, width, controls) + std::round(12 * s);
    const float lineH = std::round(fonts.size(Role::UiBold) * 1.4f);
    const float metaH = std::round(fonts.size(Role::Meta) * 1.5f);
    const float padY = std::round(12 * s);
    const AdvanceFn advance = advanceOf(bold);

    const std::size_t count = std::min(shown_, feed_.items.size());
    for (std::size_t i = 0; i < count; ++i) {
        const FeedItem& item = feed_.items[i];
        const bool current = !current_.empty() && item.url == current_;
        const auto lines = breakLines(item.title, width, advance);
        const ImVec2 min(origin.x, origin.y + y);
        const ImVec2 max(origin.x + width, min.y + padY * 2 + metaH + lines.size() * lineH);
        const std::string id = protocol::id::NewsPrefix + std::to_string(i);
        const bool hover = !current && ImGui::IsMouseHoveringRect(min, max);
        dl.AddLine(min, ImVec2(max.x, min.y), p.rule, std::max(1.0f, std::round(s)));
        if (focused == id)
            dl.AddRect(ImVec2(min.x - 4 * s, min.y + 2 * s), ImVec2(max.x + 4 * s, max.y - 2 * s), p.focus, std::round(4 * s), 0, std::round(2 * s));
        const std::string label = current ? labels_[i] + "  \xC2\xB7  you are reading this" : labels_[i];
        const ImVec2 labelAt(min.x, min.y + padY);
        dl.AddText(meta, meta->FontSize, labelAt, current ? p.muted : p.accent, label.c_str());
        nlohmann::json mirror = nlohmann::json::array();
        mirror.push_back(controls.line(labelAt, meta->CalcTextSizeA(meta->FontSize, FLT_MAX, 0, label.c_str()).x, label, Role::Meta, fonts));
        float ly = min.y + padY + metaH;
        for (const auto& l : lines) {
            const char* b = item.title.data() + l.begin;
            const char* e = item.title.data() + l.end;
            dl.AddText(bold, bold->FontSize, ImVec2(min.x, ly), current ? p.muted : p.text, b, e);
            mirror.push_back(controls.line(ImVec2(min.x, ly), l.width, std::string_view(b, e - b), Role::UiBold, fonts));
            if (hover) {
                const float uy = std::round(ly + bold->FontSize * 0.92f);
                dl.AddLine(ImVec2(min.x, uy), ImVec2(min.x + l.width, uy), p.text, std::max(1.0f, std::round(s)));
            }
            ly += lineH;
        }
        if (!current)
            controls.add({{"id", id}, {"kind", protocol::kind::Link}, {"label", labels_[i] + ": " + item.title}, {"href", item.url},
                          {"openInWidget", item.opensInWidget}, {"lines", std::move(mirror)}},
                         min, max);
        else
            controls.add({{"id", id}, {"kind", protocol::kind::Text}, {"lines", std::move(mirror)}},
                         min, max);
        y = max.y - origin.y;
    }
    if (count < feed_.items.size()) {
        const char* more = "Show more headlines";
        const ImVec2 ts = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, more);
        const ImVec2 min(origin.x, origin.y + y + std::round(8 * s));
        const ImVec2 max(min.x + ts.x + std::round(32 * s), min.y + std::round(44 * s));
        const bool hover = ImGui::IsMouseHoveringRect(min, max);
        dl.AddRectFilled(min, max, hover ? p.panel : p.background, std::round(6 * s));
        dl.AddRect(min, max, focused == protocol::action::NewsMore ? p.focus : p.rule, std::round(6 * s), 0,
                   focused == protocol::action::NewsMore ? std::round(2 * s) : std::max(1.0f, std::round(s)));
        dl.AddText(bold, bold->FontSize, ImVec2(min.x + std::round(16 * s), std::round(min.y + (max.y - min.y - ts.y) / 2)), p.accent, more);
        controls.add({{"id", protocol::action::NewsMore}, {"kind", protocol::kind::Action}, {"label", more}}, min, max);
        y = max.y - origin.y;
    }
    return y;
}

} // namespace aw::ui
