#include "ui/Drawing.h"

#include <algorithm>
#include <cfloat>

namespace aw::ui {

AdvanceFn advanceOf(const ImFont* font) {
    return [font](char32_t c) { return font->GetCharAdvance(static_cast<ImWchar>(c)); };
}

float Painter::textWidth(Role role, std::string_view text) const {
    const ImFont* f = fonts.get(role);
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

void Painter::text(Role role, ImVec2 at, ImU32 colour, std::string_view text) const {
    const ImFont* f = fonts.get(role);
    dl.AddText(f, f->FontSize, at, colour, text.data(), text.data() + text.size());
}

float Painter::wrapped(std::string_view text, Role role, ImU32 colour, ImVec2 origin, float width, float lineH) const {
    if (text.empty()) return 0;
    if (lineH <= 0) lineH = lineHeight(role);
    const ImFont* f = fonts.get(role);
    const float inset = std::round((lineH - f->FontSize) / 2);
    float y = 0;
    for (const LineSpan& l : breakLines(text, width, advanceOf(f))) {
        this->text(role, ImVec2(origin.x, origin.y + y + inset), colour, text.substr(l.begin, l.end - l.begin));
        y += lineH;
    }
    return y;
}

float Painter::wrappedHeight(std::string_view text, Role role, float width, float lineH) const {
    if (lineH <= 0) lineH = lineHeight(role);
    return text.empty() ? 0 : breakLines(text, width, advanceOf(fonts.get(role))).size() * lineH;
}

void Painter::focusRing(ImVec2 min, ImVec2 max, float rounding) const {
    const float gap = px(size::FocusRingGap);
    dl.AddRect(ImVec2(min.x - gap, min.y - gap), ImVec2(max.x + gap, max.y + gap), palette.focus, rounding + gap, 0,
               px(size::FocusRingWidth));
}

ControlState Painter::control(nlohmann::json c, ImVec2 min, ImVec2 max, float rounding) const {
    ControlState state;
    state.focused = c["id"].get_ref<const std::string&>() == focused_;
    state.hovered = ImGui::IsMouseHoveringRect(min, max);
    if (state.focused) focusRing(min, max, rounding);
    controls.add(std::move(c), min, max);
    return state;
}

float Painter::sectionHeading(const char* id, const char* message, ImVec2 origin, float width) const {
    const std::string text = t(message);
    const ImFont* f = fonts.get(Role::Section);
    const float lineH = lineHeight(Role::Section);
    float y = 0, widest = 0;
    nlohmann::json lines = nlohmann::json::array();
    for (const LineSpan& l : breakLines(text, width, advanceOf(f))) {
        const ImVec2 at(origin.x, origin.y + y);
        const std::string_view part = std::string_view(text).substr(l.begin, l.end - l.begin);
        this->text(Role::Section, at, palette.text, part);
        lines.push_back(controls.line(at, l.width, part, Role::Section, fonts));
        widest = std::max(widest, l.width);
        y += lineH;
    }
    const float height = y - lineH + f->FontSize; // the last line's leading is the caller's gap
    controls.add({{"id", id}, {"kind", protocol::kind::Heading}, {"lines", std::move(lines)}}, origin,
                 ImVec2(origin.x + widest, origin.y + height));
    return height;
}

void Painter::accentButton(nlohmann::json c, const std::string& label, ImVec2 min, ImVec2 max, bool enabled) const {
    const float rounding = px(radius::Control);
    c["label"] = label;
    const ControlState state = control(std::move(c), min, max, rounding);
    const bool hover = enabled && state.hovered;
    const ImU32 fill = !enabled ? palette.muted : hover ? (palette.accent & 0x00FFFFFF) | 0xD9000000 : palette.accent;
    dl.AddRectFilled(min, max, fill, rounding);
    const float w = textWidth(Role::UiBold, label), h = fonts.get(Role::UiBold)->FontSize;
    text(Role::UiBold, ImVec2(std::round((min.x + max.x - w) / 2), std::round((min.y + max.y - h) / 2)),
         enabled ? palette.onAccent : IM_COL32_WHITE, label);
}

ImVec2 Painter::outlineButton(nlohmann::json c, const std::string& label, ImVec2 min, bool enabled) const {
    const ImVec2 max(min.x + outlineButtonWidth(label), min.y + px(size::TouchTarget));
    const float rounding = px(radius::Control);
    c["label"] = label;
    if (!enabled) c["disabled"] = true;
    const ControlState state = control(std::move(c), min, max, rounding);
    dl.AddRectFilled(min, max, enabled && state.hovered ? palette.panel : palette.background, rounding);
    dl.AddRect(min, max, palette.rule, rounding, 0, hairline());
    text(Role::UiBold, ImVec2(min.x + px(space::L), std::round(min.y + (max.y - min.y - fonts.get(Role::UiBold)->FontSize) / 2)),
         enabled ? palette.accent : palette.muted, label);
    return max;
}

} // namespace aw::ui
