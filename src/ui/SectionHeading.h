#pragma once
// The serif heading that opens each part under the article ("Leave a review",
// "Follow us on social networks", "News Line"), mirrored as a real heading.
#include "ControlList.h"
#include "Fonts.h"
#include "Theme.h"

namespace aw::ui {

// Draws `text` at `origin` and returns the height it takes.
float drawSectionHeading(const char* id, const char* text, const Fonts& fonts, const Palette& palette, ImVec2 origin,
                         ControlList& controls);

} // namespace aw::ui
