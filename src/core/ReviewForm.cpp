#include "core/ReviewForm.h"

#include "core/JsonFields.h"
#include "core/Utf8.h"

#include <algorithm>

namespace aw {
namespace {

Review asReview(const ReviewDraft& d) {
    Review r;
    r.authorName = d.name;
    r.authorEmail = d.email;
    r.rating = d.rating;
    r.body = d.body;
    return r;
}

constexpr FormField kOrder[] = {FormField::Name, FormField::Email, FormField::Rating, FormField::Body};

} // namespace

const char* fieldPath(FormField field) {
    switch (field) {
    case FormField::Name: return reviewField::name;
    case FormField::Email: return reviewField::email;
    case FormField::Rating: return reviewField::rating;
    case FormField::Body: return reviewField::body;
    }
    return "";
}

void ReviewForm::edit(FormField field, std::string value) {
    edited_[static_cast<int>(field)] = true;
    // What the page hands over is the reader's text; it is kept as valid UTF-8
    // so that every view and every save of it can be written as JSON.
    if (!utf8::isValid(value)) value = utf8::repaired(value);
    switch (field) {
    case FormField::Name: draft_.name = std::move(value); break;
    case FormField::Email: draft_.email = std::move(value); break;
    case FormField::Body: draft_.body = std::move(value); break;
    case FormField::Rating: break;
    }
}

void ReviewForm::setRating(int stars) {
    draft_.rating = stars >= 1 && stars <= kBestRating ? stars : 0;
    left_[static_cast<int>(FormField::Rating)] = true; // choosing is finishing with the field
}

void ReviewForm::leave(FormField field) {
    if (edited_[static_cast<int>(field)]) left_[static_cast<int>(field)] = true;
}

const FieldMessage* ReviewForm::messageIn(const std::vector<FieldMessage>& all, FormField field) const {
    if (!submitted_ && !left_[static_cast<int>(field)]) return nullptr;
    for (const auto& m : all)
        if (m.field == fieldPath(field)) return &m;
    return nullptr;
}

std::string ReviewForm::messageFor(FormField field) const {
    const auto all = validateDraft(asReview(draft_));
    const FieldMessage* m = messageIn(all, field);
    return m ? m->message : std::string();
}

Message ReviewForm::problemFor(FormField field) const {
    const auto all = validateDraft(asReview(draft_));
    const FieldMessage* m = messageIn(all, field);
    return m ? m->text : Message{};
}

std::optional<FormField> ReviewForm::attemptSubmit() {
    submitted_ = true;
    const auto all = validateDraft(asReview(draft_));
    for (FormField f : kOrder)
        if (messageIn(all, f)) return f;
    return std::nullopt;
}

bool ReviewForm::isEmpty() const {
    return draft_.name.empty() && draft_.email.empty() && draft_.body.empty() && draft_.rating == 0;
}

void ReviewForm::reset() { load(ReviewDraft{}); }

void ReviewForm::load(ReviewDraft draft) {
    draft_ = std::move(draft);
    for (bool& l : left_) l = false;
    for (bool& e : edited_) e = false;
    submitted_ = false;
    ++valueVersion_;
}

std::string ReviewForm::draftJson() const {
    return jsonfields::serialize(
        {{"name", draft_.name}, {"email", draft_.email}, {"rating", draft_.rating}, {"body", draft_.body}});
}

std::optional<ReviewDraft> ReviewForm::parseDraft(std::string_view json) {
    using namespace jsonfields;
    const auto parsed = parseDocument(json);
    if (!parsed || !parsed.value().json.is_object()) return std::nullopt;
    const Json& doc = parsed.value().json;
    ReviewDraft d;
    // A damaged field costs that field, not the rest of the draft.
    auto text = [&](const char* key, std::string& out) {
        const Json* v = member(doc, key);
        if (v && v->is_string()) out = v->get<std::string>();
    };
    text("name", d.name);
    text("email", d.email);
    text("body", d.body);
    const Json* r = member(doc, "rating");
    if (r && r->is_number_integer()) d.rating = static_cast<int>(std::clamp<long long>(r->get<long long>(), 0, kBestRating));
    return d;
}

} // namespace aw
