#pragma once
// What the reader is typing into "Leave a review", and which validation
// messages to show: a field's message appears once the reader has left that
// field, and every message appears after a submit attempt.
#include "core/Review.h"

#include <optional>
#include <string>
#include <string_view>

namespace aw {

enum class FormField { Name, Email, Rating, Body };

struct ReviewDraft {
    std::string name;
    std::string email;
    int rating = 0;
    std::string body;
    std::string website; // the honeypot
};

class ReviewForm {
public:
    const ReviewDraft& draft() const { return draft_; }

    void edit(FormField field, std::string value); // Name, Email, Body
    void setRating(int stars);                     // 1..5; anything else clears it
    void setHoneypot(std::string value) { draft_.website = std::move(value); }
    // The field lost focus. Its message shows from then on only if the reader
    // typed in it: tabbing past the form to the buttons below leaves no errors.
    void leave(FormField field);

    // The message to show beside the field now; empty when none.
    std::string messageFor(FormField field) const;
    // The same as a message of the catalogs, for the reader's language; empty when none.
    Message problemFor(FormField field) const;
    // Shows every message. Returns the first invalid field, in form order.
    std::optional<FormField> attemptSubmit();
    bool isEmpty() const;

    // Back to an empty form (after sending), or to a draft (restored, or a
    // refused review returned for editing). Bumps valueVersion().
    void reset();
    void load(ReviewDraft draft);
    // Changes whenever values change from this side rather than by typing,
    // so the page's input elements know to take them over.
    unsigned valueVersion() const { return valueVersion_; }

    // The draft for localStorage, and back. Unreadable JSON restores nothing.
    std::string draftJson() const;
    static std::optional<ReviewDraft> parseDraft(std::string_view json);

private:
    const FieldMessage* messageIn(const std::vector<FieldMessage>& all, FormField field) const;
    ReviewDraft draft_;
    bool edited_[4] = {false, false, false, false};
    bool left_[4] = {false, false, false, false};
    bool submitted_ = false;
    unsigned valueVersion_ = 0;
};

const char* fieldPath(FormField field); // the reviewField path validation uses

} // namespace aw
