#include "SectionHeading.h"

#include <cfloat>

namespace aw::ui {

float drawSectionHeading(const char* id, const char* text, const Fonts& fonts, const Palette& palette, ImVec2 origin,
                         ControlList& controls) {
    const ImFont* font = fonts.get(Role::Section);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, origin, palette.text, text);
    const float width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text).x;
    controls.add({{"id", id}, {"kind", "heading"}, {"label", text}}, origin,
                 ImVec2(origin.x + width, origin.y + font->FontSize));
    return font->FontSize;
}

} // namespace aw::ui
