#pragma once
// Colours and typographic measures of the widget. Sizes are CSS pixels; the
// views multiply them by the device pixel ratio so ImGui draws in device pixels.
#include <imgui.h>

namespace aw::ui {

struct Palette {
    ImU32 background;
    ImU32 text;
    ImU32 muted;
    ImU32 accent;
    ImU32 rule;
    ImU32 panel;      // cards, inputs
    ImU32 errorText;
    ImU32 focus;      // keyboard focus; distinct from the red of errors
    ImU32 onAccent;   // text on accent-coloured buttons
};

Palette lightPalette();
Palette darkPalette();

struct Typography {
    float bodySize;
    float bodyLineHeight;   // as a multiple of bodySize
    float headlineSize;
    float headlineLineHeight;
    float metaSize;
    float sectionSize;      // "Leave a review", "News Line"
    float uiSize;
    float iconSize;
    float measure;          // widest text column: about 70 characters of body text
    float sidePadding;
    float sidebar;          // News Line beside the article on wide widgets
    float sidebarGap;
};

// Narrow columns (phones) get a smaller headline and tighter margins.
Typography typographyFor(float widgetCssWidth);

// ImGui's widget style for the given palette, scaled to device pixels.
void applyStyle(const Palette& palette, float scale);

} // namespace aw::ui
