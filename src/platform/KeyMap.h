#pragma once
#include <imgui.h>

namespace aw::platform {

// ImGui key for a DOM KeyboardEvent.code ("KeyA", "ArrowLeft", "Enter", ...).
ImGuiKey keyFromDomCode(const char* code);

} // namespace aw::platform
