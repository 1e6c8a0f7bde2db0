#include "ui/FollowBar.h"

#include "ui/Drawing.h"

#include <algorithm>
#include <cmath>

namespace aw::ui {
namespace {

// Brand colours; the two black ones take the text colour so they show in dark mode too.
ImU32 brandColor(Network n, const Palette& p) {
    switch (n) {
    case Network::Facebook: return IM_COL32(0x18, 0x77, 0xF2, 0xFF);
    case Network::Instagram: return IM_COL32(0xE4, 0x40, 0x5F, 0xFF);
    case Network::YouTube: return IM_COL32(0xFF, 0x00, 0x00, 0xFF);
    case Network::Telegram: return IM_COL32(0x26, 0xA5, 0xE4, 0xFF);
    case Network::LinkedIn: return IM_COL32(0x0A, 0x66, 0xC2, 0xFF);
    case Network::WhatsApp: return IM_COL32(0x25, 0xD3, 0x66, 0xFF);
    case Network::VK: return IM_COL32(0x00, 0x77, 0xFF, 0xFF);
    case Network::Mastodon: return IM_COL32(0x63, 0x64, 0xFF, 0xFF);
    case Network::Rss: return IM_COL32(0xF2, 0x65, 0x22, 0xFF);
    case Network::X:
    case Network::TikTok: return p.text;
    case Network::Other: return p.muted;
    }
    return p.muted;
}

// "Follow us on Facebook", in the reader's language (SocialNetwork.cpp has it in English).
std::string accessibleName(const Painter& p, const FollowLink& link) {
    if (link.network == Network::Other) return p.t("follow.visit", {{"site", link.label}});
    if (link.network == Network::Rss) return p.t("follow.rss");
    return p.t("follow.on", {{"network", link.label}});
}

} // namespace

ImWchar networkIcon(Network n) {
    switch (n) {
    case Network::Facebook: return 0xF09A;
    case Network::Instagram: return 0xF16D;
    case Network::YouTube: return 0xF16A;
    case Network::Telegram: return 0xF2C6;
    case Network::LinkedIn: return 0xF0E1;
    case Network::WhatsApp: return 0xF232;
    case Network::VK: return 0xF189;
    case Network::Mastodon: return 0xF2E1;
    case Network::Rss: return 0xF09E;
    case Network::TikTok: return 0xF001; // no TikTok glyph in Debian's icon fonts: a music note
    case Network::X: return 0;           // nor an X logo: a bold letter
    case Network::Other: return 0xF0C1;
    }
    return 0xF0C1;
}

float FollowBarView::draw(const Painter& p, ImVec2 origin, float width) const {
    const ControlList::Part part(p.controls, protocol::part::Follow);
    const Palette& c = p.palette;
    float y = p.sectionHeading(protocol::id::FollowHeading, kFollowHeading, origin, width) + p.px(space::L);

    const float h = p.px(size::TouchTarget), pad = p.px(space::M), gap = p.px(space::S), iconW = p.px(size::IconBox);
    const float iconGap = p.px(space::S);
    const ImFont* icons = p.font(Role::Icon);
    float x = 0;
    const FollowLink* hovered = nullptr;
    ImVec2 hoverMin, hoverMax;
    for (std::size_t i = 0; i < bar_.links.size(); ++i) {
        const FollowLink& link = bar_.links[i];
        const float w = pad + iconW + iconGap + p.textWidth(Role::UiBold, link.label) + pad;
        if (x > 0 && x + w > width) { x = 0; y += h + gap; }
        const ImVec2 min(origin.x + x, origin.y + y), max(min.x + w, min.y + h);
        const ImVec2 labelAt(min.x + pad + iconW + iconGap, min.y + std::round((h - p.font(Role::UiBold)->FontSize) / 2));
        // The drawn name as a line: found in page where it is drawn, and what a browser without WebGL shows.
        const nlohmann::json lines = nlohmann::json::array(
            {p.controls.line(labelAt, p.textWidth(Role::UiBold, link.label), link.label, Role::UiBold, p.fonts)});
        const ControlState state = p.control({{"id", protocol::id::FollowPrefix + std::to_string(i)}, {"kind", protocol::kind::Link},
                                              {"label", accessibleName(p, link)}, {"href", link.url}, {"external", true}, {"lines", lines}},
                                             min, max, h / 2);
        const ImU32 brand = brandColor(link.network, c);
        p.dl.AddRectFilled(min, max, state.hovered ? c.panel : c.background, h / 2);
        p.dl.AddRect(min, max, state.hovered ? brand : c.rule, h / 2, 0, p.hairline());
        const ImVec2 iconAt(min.x + pad, min.y + (h - icons->FontSize) / 2);
        if (const ImWchar glyph = networkIcon(link.network)) {
            const float gw = icons->GetCharAdvance(glyph);
            icons->RenderChar(&p.dl, icons->FontSize, ImVec2(std::round(iconAt.x + (iconW - gw) / 2), std::round(iconAt.y)), brand, glyph);
        } else {
            // The X mark, drawn: one heavy and one light diagonal stroke in the icon's box.
            const float m = std::round(iconW * 0.23f), top = min.y + (h - iconW) / 2 + m, bottom = min.y + (h + iconW) / 2 - m;
            const float left = iconAt.x + m, right = iconAt.x + iconW - m;
            p.dl.AddLine(ImVec2(left, top), ImVec2(right, bottom), brand, std::round(iconW * 0.145f));
            p.dl.AddLine(ImVec2(left, bottom), ImVec2(right, top), brand, p.hairline());
        }
        p.text(Role::UiBold, labelAt, c.text, link.label);
        if (state.hovered) { hovered = &link; hoverMin = min; hoverMax = max; }
        x += w + gap;
    }
    y += h;

    // The address the button leads to, as a tooltip under it.
    if (hovered) {
        const ImFont* meta = p.font(Role::Meta);
        const ImVec2 ts(p.textWidth(Role::Meta, hovered->url), meta->FontSize);
        const float tp = p.px(space::S);
        ImVec2 tmin(hoverMin.x, hoverMax.y + p.px(space::S));
        tmin.x = std::min(tmin.x, origin.x + width - ts.x - 2 * tp);
        const ImVec2 tmax(tmin.x + ts.x + 2 * tp, tmin.y + ts.y + 2 * tp);
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        fg->AddRectFilled(tmin, tmax, c.text, p.px(radius::Small));
        fg->AddText(meta, meta->FontSize, ImVec2(tmin.x + tp, tmin.y + tp), c.background, hovered->url.c_str());
    }
    return y;
}

} // namespace aw::ui
