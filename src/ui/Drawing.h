#pragma once
// The drawing vocabulary every view speaks: sizes from the theme in device
// pixels, text by role, the focus ring, and controls that are drawn,
// registered for the shell and asked for their hover and focus in one call.
#include "ui/ControlList.h"
#include "ui/Fonts.h"
#include "core/Messages.h"
#include "core/TextLayout.h"
#include "ui/Theme.h"

#include <cmath>
#include <string>
#include <string_view>

namespace aw::ui {

// The section headings' messages, in one place: the Section face holds only their letters.
inline constexpr const char* kReviewHeading = "section.review";
inline constexpr const char* kFollowHeading = "section.follow";
inline constexpr const char* kNewsHeading = "section.news";
inline constexpr const char* kSectionHeadings[] = {kReviewHeading, kFollowHeading, kNewsHeading};

// Glyph advances of a font, for breaking its text into lines.
AdvanceFn advanceOf(const ImFont* font);

// Whether the pointer is over a control and whether it has the keyboard.
struct ControlState {
    bool hovered = false;
    bool focused = false;
};

// What the views draw with in one frame: the draw list, the faces, the
// colours, the pixel ratio, the controls being collected for the shell and
// the id of the control that has the keyboard, and the reader's language.
class Painter {
public:
    Painter(ImDrawList& dl, const FontSet& fonts, const Palette& palette, float scale, ControlList& controls,
            const std::string& focused, const Messages& messages)
        : dl(dl), fonts(fonts), palette(palette), scale(scale), controls(controls), messages(messages), focused_(focused) {}

    ImDrawList& dl;
    const FontSet& fonts;
    const Palette& palette;
    const float scale;
    ControlList& controls;
    const Messages& messages;
    // A message of the catalogs in the reader's language.
    std::string t(std::string_view id, const std::vector<std::pair<std::string, std::string>>& args = {}) const {
        return messages.text(id, args);
    }
    std::string t(const Message& m) const { return messages.text(m); }

    // A theme size (CSS px) in device pixels.
    float px(float css) const { return std::round(css * scale); }
    // The thinnest line that still shows: one device pixel, or one CSS pixel.
    float hairline() const { return std::max(1.0f, std::round(scale)); }
    // A role's line height in device pixels.
    float lineHeight(Role role) const { return std::round(fonts.size(role) * lineSpacing(role)); }
    const ImFont* font(Role role) const { return fonts.get(role); }
    float textWidth(Role role, std::string_view text) const;

    // One run of text with its glyph box's top-left at `at`.
    void text(Role role, ImVec2 at, ImU32 colour, std::string_view text) const;
    // `text` broken to `width` and drawn a line every `lineHeight` (the role's
    // own when 0), each line centred in its height. Returns the height used.
    float wrapped(std::string_view text, Role role, ImU32 colour, ImVec2 origin, float width, float lineHeight = 0) const;
    // The height wrapped() would take.
    float wrappedHeight(std::string_view text, Role role, float width, float lineHeight = 0) const;

    // The keyboard focus ring, the same around every control: FocusRingGap
    // outside the box, following its corners.
    void focusRing(ImVec2 min, ImVec2 max, float rounding) const;
    // Registers `control` (its "id" and "kind" set) with its box for the
    // shell, draws the focus ring when it has the keyboard, and says whether
    // it is hovered and focused so the caller draws its face to match.
    ControlState control(nlohmann::json control, ImVec2 min, ImVec2 max, float rounding) const;
    bool isFocused(std::string_view id) const { return focused_ == id; }

    // The serif heading that opens each part under the article (the message
    // of one of kSectionHeadings), wrapped to `width` on narrow screens and
    // mirrored as a real heading. Returns the height it takes.
    float sectionHeading(const char* id, const char* message, ImVec2 origin, float width) const;
    // A filled accent button ("Send review", "Try again"): hover, focus and the
    // disabled look. Pressing it is the shell's business (a real <button> over it).
    void accentButton(nlohmann::json control, const std::string& label, ImVec2 min, ImVec2 max, bool enabled) const;
    // The quieter button beside or below it ("Show more headlines", "Cancel"):
    // the label in accent on the background, outlined, a touch target tall and
    // as wide as its label needs. Returns its bottom-right corner.
    ImVec2 outlineButton(nlohmann::json control, const std::string& label, ImVec2 min, bool enabled = true) const;
    float outlineButtonWidth(const std::string& label) const { return textWidth(Role::UiBold, label) + 2 * px(space::L); }

private:
    const std::string& focused_;
};

} // namespace aw::ui
