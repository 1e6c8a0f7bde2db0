#pragma once
// Pieces drawn the same way in several views.
#include "ControlList.h"
#include "Fonts.h"
#include "TextLayout.h"
#include "Theme.h"

#include <string_view>

namespace aw::ui {

// The section headings, in one place: the Section face holds only their letters.
inline constexpr const char* kReviewHeading = "Leave a review";
inline constexpr const char* kFollowHeading = "Follow us on social networks";
inline constexpr const char* kNewsHeading = "News Line";
inline constexpr const char* kSectionHeadings[] = {kReviewHeading, kFollowHeading, kNewsHeading};

// Glyph advances of a font, for breaking its text into lines.
AdvanceFn advanceOf(const ImFont* font);

// `text` broken to `width` and drawn a line every `lineHeight`, each line
// centred in its height. Returns the height used.
float drawWrapped(std::string_view text, const ImFont* font, ImU32 colour, ImVec2 origin, float width, float lineHeight);

// The serif heading that opens each part under the article (one of
// kSectionHeadings), wrapped to `width` on narrow screens and mirrored as a
// real heading. Returns the height it takes.
float drawSectionHeading(const char* id, const char* text, const Fonts& fonts, const Palette& palette, ImVec2 origin,
                         float width, ControlList& controls);

// A filled accent button ("Send review", "Try again"). Pressing it is the
// shell's business (a real <button> over it); this draws hover, focus and the
// disabled look.
void drawAccentButton(const char* label, ImVec2 min, ImVec2 max, bool focused, bool enabled, const Fonts& fonts,
                      const Palette& palette, float scale);

} // namespace aw::ui
