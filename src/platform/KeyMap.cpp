#include "KeyMap.h"

#include <cstring>

namespace aw::platform {

ImGuiKey keyFromDomCode(const char* code) {
    // Letters and digits map by position so that shortcuts (Ctrl+A, Ctrl+Z)
    // work on any keyboard layout, as on the desktop.
    if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && code[4] == '\0')
        return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
    if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && code[6] == '\0')
        return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
    static const struct { const char* code; ImGuiKey key; } kNamed[] = {
        {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
        {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
        {"Space", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter},
        {"Escape", ImGuiKey_Escape}, {"ShiftLeft", ImGuiKey_LeftShift}, {"ShiftRight", ImGuiKey_RightShift},
        {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl}, {"AltLeft", ImGuiKey_LeftAlt},
        {"AltRight", ImGuiKey_RightAlt}, {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper},
    };
    for (const auto& k : kNamed)
        if (std::strcmp(code, k.code) == 0) return k.key;
    return ImGuiKey_None;
}

} // namespace aw::platform
