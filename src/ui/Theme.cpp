#include "ui/Theme.h"

namespace aw::ui {

Palette lightPalette() {
    return Palette{
        IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), // background
        IM_COL32(0x1A, 0x1A, 0x1A, 0xFF), // text
        IM_COL32(0x5C, 0x5F, 0x66, 0xFF), // muted
        IM_COL32(0xB0, 0x1E, 0x23, 0xFF), // accent: a newspaper red
        IM_COL32(0xDD, 0xDF, 0xE2, 0xFF), // rule
        IM_COL32(0xF4, 0xF5, 0xF7, 0xFF), // panel
        IM_COL32(0xA1, 0x12, 0x1A, 0xFF), // errorText
        IM_COL32(0x1A, 0x5F, 0xB4, 0xFF), // focus
        IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), // onAccent
        IM_COL32(0xE3, 0x9B, 0x0B, 0xFF), // star
        IM_COL32(0xF0, 0xB4, 0x3C, 0xFF), // starPreview: lighter
    };
}

Palette darkPalette() {
    return Palette{
        IM_COL32(0x16, 0x17, 0x19, 0xFF),
        IM_COL32(0xE8, 0xE6, 0xE3, 0xFF),
        IM_COL32(0xA3, 0xA6, 0xAD, 0xFF),
        IM_COL32(0xF2, 0x6D, 0x6D, 0xFF),
        IM_COL32(0x33, 0x35, 0x3A, 0xFF),
        IM_COL32(0x22, 0x24, 0x27, 0xFF),
        IM_COL32(0xFF, 0x8A, 0x80, 0xFF),
        IM_COL32(0x78, 0xAE, 0xED, 0xFF),
        IM_COL32(0x16, 0x17, 0x19, 0xFF), // dark text on the light red keeps contrast
        IM_COL32(0xE3, 0x9B, 0x0B, 0xFF),
        IM_COL32(0xF0, 0xB4, 0x3C, 0xFF),
    };
}

float lineSpacing(Role role) {
    switch (role) {
    case Role::Body:
    case Role::Strong:
    case Role::Emphasis:
    case Role::StrongEmphasis: return 1.55f;
    case Role::Headline: return 1.2f;
    case Role::Section: return 1.25f;
    case Role::UiBold: return 1.4f; // headlines in a list: bold lines held closer
    case Role::Meta:
    case Role::Ui: return 1.5f;
    case Role::Icon:
    case Role::Count: break;
    }
    return 1;
}

Typography typographyFor(float width) {
    const bool narrow = width < 600;
    return Typography{
        narrow ? 17.0f : 18.0f, // body
        narrow ? 27.0f : 36.0f, // headline: about 2x body on desktops
        14.0f,                  // meta
        narrow ? 22.0f : 24.0f, // section headings
        16.0f,                  // ui
        20.0f,                  // icons
        36.0f * (narrow ? 17.0f : 18.0f), // measure: about 70 characters of Noto Serif
        narrow ? 18.0f : 32.0f,
        300.0f,
        56.0f,
    };
}

void applyStyle(const Palette& p, float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    const ImVec4 text = ImGui::ColorConvertU32ToFloat4(p.text);
    const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(p.accent);
    const ImVec4 panel = ImGui::ColorConvertU32ToFloat4(p.panel);
    ImVec4 accentSoft = accent;
    accentSoft.w = 0.85f;
    style.Colors[ImGuiCol_Text] = text;
    style.Colors[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(p.muted);
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(p.background);
    style.Colors[ImGuiCol_FrameBg] = panel;
    style.Colors[ImGuiCol_Button] = accent;
    style.Colors[ImGuiCol_ButtonHovered] = accentSoft;
    style.Colors[ImGuiCol_ButtonActive] = accent;
    style.Colors[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(p.rule);
    style.Colors[ImGuiCol_NavHighlight] = accent;
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.FramePadding = ImVec2(space::M, space::S);
    style.FrameRounding = radius::Control;
    style.FrameBorderSize = 1;
    style.ItemSpacing = ImVec2(space::M, space::S);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

} // namespace aw::ui
