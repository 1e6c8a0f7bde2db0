#include "Drawing.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace aw::ui {

AdvanceFn advanceOf(const ImFont* font) {
    return [font](char32_t c) { return font->GetCharAdvance(static_cast<ImWchar>(c)); };
}

float drawWrapped(std::string_view text, const ImFont* font, ImU32 colour, ImVec2 origin, float width, float lineHeight) {
    if (text.empty()) return 0;
    ImDrawList& dl = *ImGui::GetWindowDrawList();
    const float inset = std::round((lineHeight - font->FontSize) / 2);
    float y = 0;
    for (const LineSpan& l : breakLines(text, width, advanceOf(font))) {
        dl.AddText(font, font->FontSize, ImVec2(origin.x, origin.y + y + inset), colour, text.data() + l.begin, text.data() + l.end);
        y += lineHeight;
    }
    return y;
}

float drawSectionHeading(const char* id, const char* text, const Fonts& fonts, const Palette& palette, ImVec2 origin,
                         float width, ControlList& controls) {
    const ImFont* font = fonts.get(Role::Section);
    const float lineH = std::round(fonts.size(Role::Section) * 1.25f);
    float y = 0, widest = 0;
    nlohmann::json lines = nlohmann::json::array();
    for (const LineSpan& l : breakLines(text, width, advanceOf(font))) {
        const ImVec2 at(origin.x, origin.y + y);
        ImGui::GetWindowDrawList()->AddText(font, font->FontSize, at, palette.text, text + l.begin, text + l.end);
        lines.push_back(controls.line(at, l.width, std::string_view(text + l.begin, l.end - l.begin), Role::Section, fonts));
        widest = std::max(widest, l.width);
        y += lineH;
    }
    const float height = y - lineH + font->FontSize; // the last line's leading is the caller's gap
    controls.add({{"id", id}, {"kind", protocol::kind::Heading}, {"lines", std::move(lines)}}, origin,
                 ImVec2(origin.x + widest, origin.y + height));
    return height;
}

void drawAccentButton(const char* label, ImVec2 min, ImVec2 max, bool focused, bool enabled, const Fonts& fonts,
                      const Palette& p, float s) {
    ImDrawList& dl = *ImGui::GetWindowDrawList();
    const bool hover = enabled && ImGui::IsMouseHoveringRect(min, max);
    const ImU32 fill = !enabled ? p.muted : hover ? (p.accent & 0x00FFFFFF) | 0xD9000000 : p.accent;
    dl.AddRectFilled(min, max, fill, std::round(6 * s));
    if (focused)
        dl.AddRect(ImVec2(min.x - 3 * s, min.y - 3 * s), ImVec2(max.x + 3 * s, max.y + 3 * s), p.focus, std::round(8 * s), 0,
                   std::round(2 * s));
    const ImFont* bold = fonts.get(Role::UiBold);
    const ImVec2 ts = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, label);
    dl.AddText(bold, bold->FontSize, ImVec2(std::round((min.x + max.x - ts.x) / 2), std::round((min.y + max.y - ts.y) / 2)),
               enabled ? p.onAccent : IM_COL32_WHITE, label);
}

} // namespace aw::ui
