#pragma once
// "Leave a review": the form, the notice after sending, and this article's
// reviews, drawn with ImGui under the article. Input reaches the form through
// real, transparent form controls that the shell places over the drawn ones
// (native typing, IME, clipboard, autofill, screen readers); this view
// describes where they go (controls()) and draws what the reader sees.
#include "ui/Drawing.h"
#include "core/ReviewDesk.h"
#include "core/TextLayout.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aw::ui {

// Which control has the keyboard, and the selection in it (UTF-8 byte offsets).
struct FormFocus {
    std::string control; // "name", "email", "rating", "body", "submit", "report-note", ... or empty
    std::uint32_t selectionStart = 0;
    std::uint32_t selectionEnd = 0;
};

// The id of a field's control, and the field of an id (none for other controls).
const char* fieldId(FormField field);
std::optional<FormField> fieldOfId(std::string_view id);

class ReviewSection {
public:
    // Draws the section with its top-left at `origin` (screen, device px),
    // `width` wide, and adds the form's controls. Returns its height.
    float draw(const Painter& painter, const ReviewDesk& desk, const FormFocus& focus, ImVec2 origin, float width);

    // A new article's desk counts its versions from zero again: nothing laid
    // out or mirrored for the last one may pass for its own.
    void newDesk() { listVersion_ = ~0u; }
    // The reader's language changed: the list's captions are laid out again.
    void languageChanged() { listVersion_ = ~0u; }

    // The review list as the shell mirrors it (JSON: each review's box and
    // drawn lines), sent apart from the frame's controls and only when its
    // version changes.
    const std::string& listMirror() const { return listMirror_; }
    unsigned listMirrorVersion() const { return listMirrorVersion_; }

private:
    // A text field as drawn: its label (and hint), box, text, selection and
    // caret, its message and, with a limit, a live count of characters left.
    struct TextBox {
        const char* id;
        std::string label;
        std::string hint; // beside the label; empty: the field is required
        const std::string& value;
        std::string message;
        bool multiline = false;
        float rows = 1;          // the least height, in lines
        std::size_t limit = 0;   // characters; 0: no counter
        bool onPanel = false;    // inside a panel: the box takes the background, to stand out from it
    };
    float drawForm(const ReviewDesk& desk, const FormFocus& focus);
    // Draws `box` from x (offset in the section) over `width` at y; returns the y under it.
    float textBox(const TextBox& box, const FormFocus& focus, float x, float width, float y);
    float stars(int rating, const std::string& message, float y);
    float fieldMessage(const std::string& message, float x, float width, float y);
    float summary(const ReviewSummary& summary, float y);
    float reportStep(const ReviewDesk& desk, const FormFocus& focus, float y);
    float reviewList(const ReviewDesk& desk, const FormFocus& focus, float y);
    void layOutList(const ReviewDesk& desk);
    struct ListedEntry;
    template <class Text, class Stars>
    void placeEntry(const ListedEntry& e, ImVec2 at, Text&& text, Stars&& stars) const;
    // The Report button of a listed review whose stars are centred at starsY (none for the reader's own).
    std::optional<std::pair<ImVec2, ImVec2>> reportBox(const ListedEntry& e, ImVec2 at, float starsY) const;

    // Per-draw context, set at the top of draw().
    const Painter* p_ = nullptr;
    ImVec2 origin_;
    float width_ = 0;
    int hoverStar_ = 0;
    bool reportable_ = false; // listed reviews can be reported: there is an endpoint

    // The review list laid out once per change of reviews, width or fonts, not
    // every frame: scrolling past 50 long reviews must stay cheap.
    struct ListedEntry {
        ListedReview item;
        std::vector<LineSpan> nameLines, lines;
        std::string caption; // date, and whether it still waits to be sent
        float captionWidth = 0;
        bool captionBelow = false; // under the name when it does not fit beside it
        float height = 0;
    };
    std::vector<ListedEntry> list_;
    unsigned listVersion_ = ~0u, listFonts_ = ~0u;
    float listWidth_ = -1;
    std::string listMirror_ = R"({"items":[]})";
    unsigned listMirrorVersion_ = 0;
    bool mirrorStale_ = true;      // the list was laid out again since listMirror_ was built
    nlohmann::json mirroredPlace_; // where the list stood then
};

} // namespace aw::ui
