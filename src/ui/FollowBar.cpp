#include "FollowBar.h"

#include "Drawing.h"

#include <algorithm>
#include <cfloat>
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

float FollowBarView::draw(const std::string& focused, const Fonts& fonts, const Palette& p, ImVec2 origin, float width,
                          float s, ControlList& controls) const {
    const ControlList::Part part(controls, protocol::part::Follow);
    ImDrawList& dl = *ImGui::GetWindowDrawList();
    const ImFont* bold = fonts.get(Role::UiBold);
    const ImFont* icons = fonts.get(Role::Icon);
    const ImFont* meta = fonts.get(Role::Meta);
    float y = drawSectionHeading(protocol::id::FollowHeading, kFollowHeading, fonts, p, origin, width, controls) + std::round(16 * s);

    const float h = std::round(44 * s), pad = std::round(14 * s), gap = std::round(10 * s), iconW = std::round(22 * s);
    float x = 0;
    const FollowLink* hovered = nullptr;
    ImVec2 hoverMin, hoverMax;
    for (std::size_t i = 0; i < bar_.links.size(); ++i) {
        const FollowLink& link = bar_.links[i];
        const float labelW = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, link.label.c_str()).x;
        const float w = pad + iconW + std::round(8 * s) + labelW + pad;
        if (x > 0 && x + w > width) { x = 0; y += h + gap; }
        const ImVec2 min(origin.x + x, origin.y + y), max(min.x + w, min.y + h);
        const std::string id = protocol::id::FollowPrefix + std::to_string(i);
        const bool hover = ImGui::IsMouseHoveringRect(min, max);
        const ImU32 brand = brandColor(link.network, p);
        dl.AddRectFilled(min, max, hover ? p.panel : p.background, h / 2);
        dl.AddRect(min, max, hover ? brand : p.rule, h / 2, 0, std::max(1.0f, std::round(s)));
        if (focused == id)
            dl.AddRect(ImVec2(min.x - 3 * s, min.y - 3 * s), ImVec2(max.x + 3 * s, max.y + 3 * s), p.focus, h / 2 + 3 * s, 0, std::round(2 * s));
        const ImVec2 iconAt(min.x + pad, min.y + (h - icons->FontSize) / 2);
        if (const ImWchar glyph = networkIcon(link.network)) {
            const float gw = icons->GetCharAdvance(glyph);
            icons->RenderChar(&dl, icons->FontSize, ImVec2(std::round(iconAt.x + (iconW - gw) / 2), std::round(iconAt.y)), brand, glyph);
        } else {
            // The X mark, drawn: one heavy and one light diagonal stroke.
            const float m = std::round(5 * s), top = min.y + (h - iconW) / 2 + m, bottom = min.y + (h + iconW) / 2 - m;
            const float left = iconAt.x + m, right = iconAt.x + iconW - m;
            dl.AddLine(ImVec2(left, top), ImVec2(right, bottom), brand, std::round(3.2f * s));
            dl.AddLine(ImVec2(left, bottom), ImVec2(right, top), brand, std::max(1.0f, std::round(1.4f * s)));
        }
        dl.AddText(bold, bold->FontSize, ImVec2(min.x + pad + iconW + std::round(8 * s), std::round(min.y + (h - bold->FontSize) / 2)),
                   p.text, link.label.c_str());
        controls.add({{"id", id}, {"kind", protocol::kind::Link}, {"label", link.accessibleName}, {"href", link.url}, {"external", true}}, min, max);
        if (hover) { hovered = &link; hoverMin = min; hoverMax = max; }
        x += w + gap;
    }
    y += h;

    // The address the button leads to, as a tooltip under it.
    if (hovered) {
        const ImVec2 ts = meta->CalcTextSizeA(meta->FontSize, FLT_MAX, 0, hovered->url.c_str());
        const float tp = std::round(8 * s);
        ImVec2 tmin(hoverMin.x, hoverMax.y + std::round(6 * s));
        tmin.x = std::min(tmin.x, origin.x + width - ts.x - 2 * tp);
        const ImVec2 tmax(tmin.x + ts.x + 2 * tp, tmin.y + ts.y + 2 * tp);
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        fg->AddRectFilled(tmin, tmax, p.text, std::round(4 * s));
        fg->AddText(meta, meta->FontSize, ImVec2(tmin.x + tp, tmin.y + tp), p.background, hovered->url.c_str());
    }
    return y;
}

} // namespace aw::ui
