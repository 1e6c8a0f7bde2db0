#pragma once
// Colours and typographic measures of the widget: every size a view uses is
// named here. Sizes are CSS pixels; the views multiply them by the device
// pixel ratio (Painter::px) so ImGui draws in device pixels.
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
    ImU32 star;       // a chosen rating
    ImU32 starPreview; // a rating under the pointer, not chosen yet
};

Palette lightPalette();
Palette darkPalette();

// What a piece of text is, which decides its face, size and line height.
// Strong, Emphasis and StrongEmphasis are the body's bold and italic runs.
enum class Role { Body, Headline, Meta, Section, Ui, UiBold, Icon, Strong, Emphasis, StrongEmphasis, Count };

// Line height as a multiple of the role's em size.
float lineSpacing(Role role);

struct Typography {
    float bodySize;
    float headlineSize;
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

// The spacing scale: every gap and padding between things is one of these.
namespace space {
inline constexpr float Hair = 2;
inline constexpr float XS = 4;
inline constexpr float S = 8;
inline constexpr float M = 12;
inline constexpr float L = 16;
inline constexpr float XL = 24;
inline constexpr float XXL = 32;
inline constexpr float Section = 56; // between the parts under the article
inline constexpr float ContentTop = S;     // above the content: the host page supplies the outer margins
inline constexpr float ContentBottom = XXL; // under it
} // namespace space

namespace radius {
inline constexpr float Small = 4;   // notices, tooltips, list items
inline constexpr float Control = 6; // fields and buttons
} // namespace radius

// Sizes of the controls, CSS px.
namespace size {
inline constexpr float TouchTarget = 44;   // the least height (and star width) a finger can hit
inline constexpr float FocusRingWidth = 2;
inline constexpr float FocusRingGap = 3;   // between a control and its focus ring
inline constexpr float StrongBorder = 2;   // an invalid field's border
inline constexpr float AccentBar = 4;      // the coloured edge of a notice
inline constexpr float Caret = 1.5f;
inline constexpr float SubmitWidth = 200;
inline constexpr float SubmitHeight = 48;
inline constexpr float RetryWidth = 140;
inline constexpr float FieldRows = 5;      // the review text's least height, in lines
inline constexpr float FormStar = 15;      // a star's outer radius in the form
inline constexpr float ListStar = 7;       // and in the review list
inline constexpr float ListStarPitch = 18;
inline constexpr float SummaryBar = 8;        // a bar of the rating summary: its thickness
inline constexpr float SummaryBarWidth = 240; // and its most length
inline constexpr float RadioRadius = 9;      // a drawn radio button
inline constexpr float ReportNoteRows = 3;   // the report's note field, in lines
inline constexpr float IconBox = 22;       // a follow button's icon
inline constexpr float Stroke = 1.5f;      // drawn marks: star outlines, arrows
} // namespace size

// ImGui's widget style for the given palette, scaled to device pixels.
void applyStyle(const Palette& palette, float scale);

} // namespace aw::ui
