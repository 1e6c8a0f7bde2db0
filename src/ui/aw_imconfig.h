#pragma once
// Dear ImGui build options for the widget (IMGUI_USER_CONFIG): only what a
// reader-facing widget uses goes into the download.
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_KEYIO
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_DEBUG_TOOLS
#define IMGUI_DISABLE_FILE_FUNCTIONS // fonts arrive from memory; no imgui.ini
