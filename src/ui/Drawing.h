#pragma once
// Pieces drawn the same way in several views.
#include "ControlList.h"
#include "Fonts.h"
#include "Theme.h"

namespace aw::ui {

// The serif heading that opens each part under the article ("Leave a review",
// "Follow us on social networks", "News Line"), mirrored as a real heading.
// Returns the height it takes.
float drawSectionHeading(const char* id, const char* text, const Fonts& fonts, const Palette& palette, ImVec2 origin,
                         ControlList& controls);

// A filled accent button ("Send review", "Try again"). Pressing it is the
// shell's business (a real <button> over it); this draws hover, focus and the
// disabled look.
void drawAccentButton(const char* label, ImVec2 min, ImVec2 max, bool focused, bool enabled, const Fonts& fonts,
                      const Palette& palette, float scale);

} // namespace aw::ui
