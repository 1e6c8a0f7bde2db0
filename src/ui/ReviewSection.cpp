#include "ReviewSection.h"

#include "Article.h" // formatDate
#include "Drawing.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace aw::ui {
namespace {

constexpr ImU32 kStarColor = IM_COL32(0xE3, 0x9B, 0x0B, 0xFF);
constexpr ImU32 kStarPreview = IM_COL32(0xF0, 0xB4, 0x3C, 0xFF); // lighter: not chosen yet
constexpr float kPi = 3.14159265f;
constexpr float kCaptionGap = 10; // between a reviewer's name and the date, CSS px

float textWidth(const ImFont* f, const std::string& s, std::size_t begin, std::size_t end) {
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, s.data() + begin, s.data() + end).x;
}

// A five-pointed star as a fan of triangles around its centre (it is not convex).
void drawStar(ImDrawList& dl, ImVec2 c, float r, bool filled, ImU32 fill, ImU32 outline, float thickness) {
    ImVec2 pts[10];
    for (int i = 0; i < 10; ++i) {
        const float a = -kPi / 2 + i * kPi / 5;
        const float rr = i % 2 == 0 ? r : r * 0.45f;
        pts[i] = ImVec2(c.x + std::cos(a) * rr, c.y + std::sin(a) * rr);
    }
    if (filled)
        for (int i = 0; i < 10; ++i) dl.AddTriangleFilled(c, pts[i], pts[(i + 1) % 10], fill);
    else
        dl.AddPolyline(pts, 10, outline, ImDrawFlags_Closed, thickness);
}

constexpr struct { FormField field; const char* id; } kFieldIds[] = {
    {FormField::Name, protocol::id::Name}, {FormField::Email, protocol::id::Email},
    {FormField::Rating, protocol::id::Rating}, {FormField::Body, protocol::id::Body}};

std::string starsLabel(int n) { return std::to_string(n) + (n == 1 ? " star" : " stars") + " of 5"; }

} // namespace

const char* fieldId(FormField field) {
    for (const auto& f : kFieldIds)
        if (f.field == field) return f.id;
    return "";
}

std::optional<FormField> fieldOfId(std::string_view id) {
    for (const auto& f : kFieldIds)
        if (id == f.id) return f.field;
    return std::nullopt;
}

float ReviewSection::draw(const ReviewDesk& desk, const FormFocus& focus, const Fonts& fonts, const Palette& palette,
                          ImVec2 origin, float width, float scale, ControlList& controls) {
    dl_ = ImGui::GetWindowDrawList();
    fonts_ = &fonts;
    palette_ = &palette;
    origin_ = origin;
    width_ = width;
    scale_ = scale;
    controls_ = &controls;
    return reviewList(desk, drawForm(desk, focus) + std::round(24 * scale));
}

// The heading, fields, send button and notice; returns the y below them.
float ReviewSection::drawForm(const ReviewDesk& desk, const FormFocus& focus) {
    const ControlList::Part part(*controls_, protocol::part::Review); // the list below is not part of the <form>
    const Fonts& fonts = *fonts_;
    const Palette& palette = *palette_;
    const ImVec2 origin = origin_;
    const float width = width_, scale = scale_;
    const ReviewForm& form = desk.form();
    const ReviewDraft& d = form.draft();

    float y = std::round(56 * scale);
    dl_->AddLine(ImVec2(origin.x, origin.y + y), ImVec2(origin.x + width, origin.y + y), palette.rule,
                 std::max(1.0f, std::round(scale)));
    y += std::round(32 * scale);
    y += drawSectionHeading(protocol::id::ReviewHeading, kReviewHeading, fonts, palette, ImVec2(origin.x, origin.y + y), width, *controls_) + std::round(6 * scale);
    const ImFont* meta = fonts.get(Role::Meta);
    const std::string intro = desk.hasEndpoint()
                                  ? "Your name and rating are shown with your review. Email is optional and never shown."
                                  : "This site does not collect reviews: yours is kept on this device only.";
    y += drawWrapped(intro, meta, palette.muted, ImVec2(origin.x, origin.y + y), width, std::round(fonts.size(Role::Meta) * 1.5f));
    controls_->add({{"id", protocol::id::Intro}, {"kind", protocol::kind::Text}, {"text", intro}});
    y += std::round(18 * scale);

    y = textField(FormField::Name, "Your name", nullptr, form, false, focus, y);
    y = textField(FormField::Email, "Email", "optional, never shown", form, false, focus, y);
    y = stars(d.rating, form.messageFor(FormField::Rating), focus, y);
    y = textField(FormField::Body, "Your review", nullptr, form, true, focus, y);
    controls_->add({{"id", protocol::id::Website}, {"kind", protocol::kind::Honeypot}, {"label", "Leave this field empty"}});

    // Send button.
    const bool sending = desk.sending();
    const char* label = sending ? "Sending\xE2\x80\xA6" : "Send review";
    const ImVec2 bmin(origin.x, origin.y + y);
    const ImVec2 bmax(origin.x + std::min(width, std::round(200 * scale)), bmin.y + std::round(48 * scale));
    drawAccentButton(label, bmin, bmax, focus.control == protocol::id::Submit, !sending, fonts, palette, scale);
    controls_->add({{"id", protocol::id::Submit}, {"kind", protocol::kind::Button}, {"label", label}, {"disabled", sending}}, bmin, bmax);
    y = bmax.y - origin.y + std::round(16 * scale);

    // What happened to the last review sent.
    const Notice& notice = desk.notice();
    if (notice.kind != Notice::Kind::None) {
        const ImFont* ui = fonts.get(Role::Ui);
        const float pad = std::round(14 * scale);
        const auto lines = breakLines(notice.text, width - 2 * pad - 4 * scale, advanceOf(ui));
        const float lh = std::round(fonts.size(Role::Ui) * 1.45f);
        const ImVec2 nmin(origin.x, origin.y + y);
        const ImVec2 nmax(origin.x + width, nmin.y + lines.size() * lh + 2 * pad);
        dl_->AddRectFilled(nmin, nmax, palette.panel, std::round(4 * scale));
        dl_->AddRectFilled(nmin, ImVec2(nmin.x + std::round(4 * scale), nmax.y),
                           notice.kind == Notice::Kind::Refused ? palette.errorText : palette.accent);
        float ly = nmin.y + pad;
        for (const auto& l : lines) {
            dl_->AddText(ui, ui->FontSize, ImVec2(nmin.x + pad + 4 * scale, ly + std::round((lh - ui->FontSize) / 2)), palette.text,
                         notice.text.data() + l.begin, notice.text.data() + l.end);
            ly += lh;
        }
        controls_->add({{"id", protocol::id::Notice}, {"kind", protocol::kind::Status}, {"text", notice.text}}, nmin, nmax);
        y = nmax.y - origin.y + std::round(16 * scale);
    } else {
        controls_->add({{"id", protocol::id::Notice}, {"kind", protocol::kind::Status}, {"text", ""}});
    }
    return y;
}

float ReviewSection::textField(FormField field, const char* label, const char* hint, const ReviewForm& form, bool multiline,
                               const FormFocus& focus, float y) {
    const char* id = fieldId(field);
    const ReviewDraft& d = form.draft();
    const std::string& value = field == FormField::Name ? d.name : field == FormField::Email ? d.email : d.body;
    const std::string message = form.messageFor(field);
    const Fonts& fonts = *fonts_;
    const Palette& p = *palette_;
    const float s = scale_;
    const ImFont* bold = fonts.get(Role::UiBold);
    const ImFont* ui = fonts.get(Role::Ui);
    const ImFont* meta = fonts.get(Role::Meta);
    const float lineH = std::round(fonts.size(Role::Ui) * 1.5f);

    ImVec2 at(origin_.x, origin_.y + y);
    dl_->AddText(bold, bold->FontSize, at, p.text, label);
    if (hint) {
        const float lw = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, label).x;
        dl_->AddText(meta, meta->FontSize, ImVec2(at.x + lw + std::round(8 * s), at.y + (bold->FontSize - meta->FontSize) * 0.75f),
                     p.muted, hint);
    }
    y += lineH + std::round(2 * s);

    const float pad = std::round(12 * s);
    const float innerW = width_ - 2 * pad;
    std::vector<LineSpan> lines;
    if (multiline) lines = breakLines(value, innerW, advanceOf(ui));
    const float rows = multiline ? std::max<float>(5, static_cast<float>(lines.size())) : 1;
    const ImVec2 bmin(origin_.x, origin_.y + y);
    const ImVec2 bmax(origin_.x + width_, bmin.y + rows * lineH + 2 * pad);
    const bool focused = focus.control == id;
    const bool invalid = !message.empty();
    dl_->AddRectFilled(bmin, bmax, p.panel, std::round(6 * s));
    const ImU32 border = focused ? p.focus : invalid ? p.errorText : p.rule;
    dl_->AddRect(bmin, bmax, border, std::round(6 * s), 0, focused || invalid ? std::round(2 * s) : std::max(1.0f, std::round(s)));

    // The text, the selection and the caret, as the page's input element has them.
    dl_->PushClipRect(ImVec2(bmin.x + pad / 2, bmin.y), ImVec2(bmax.x - pad / 2, bmax.y), true);
    const std::uint32_t selA = std::min<std::uint32_t>(std::min(focus.selectionStart, focus.selectionEnd), static_cast<std::uint32_t>(value.size()));
    const std::uint32_t selB = std::min<std::uint32_t>(std::max(focus.selectionStart, focus.selectionEnd), static_cast<std::uint32_t>(value.size()));
    const float caretW = std::max(1.0f, std::round(1.5f * s));
    const ImU32 selColor = (p.focus & 0x00FFFFFF) | 0x40000000;
    auto drawRun = [&](std::size_t begin, std::size_t end, float x, float top) {
        if (focused && selA < selB && selB > begin && selA < end) {
            const float x0 = x + textWidth(ui, value, begin, std::max<std::size_t>(begin, selA));
            const float x1 = x + textWidth(ui, value, begin, std::min<std::size_t>(end, selB));
            dl_->AddRectFilled(ImVec2(x0, top), ImVec2(std::max(x1, x0 + caretW * 3), top + lineH), selColor);
        }
        dl_->AddText(ui, ui->FontSize, ImVec2(x, top + std::round((lineH - ui->FontSize) / 2)), p.text,
                     value.data() + begin, value.data() + end);
    };
    auto drawCaret = [&](float x, float top) {
        dl_->AddRectFilled(ImVec2(x, top + 3 * s), ImVec2(x + caretW, top + lineH - 3 * s), p.text);
    };
    if (!multiline) {
        // Scrolled so the caret stays in view, like a browser's text box.
        const float caretX = textWidth(ui, value, 0, selB);
        const float shift = std::max(0.0f, caretX - innerW + caretW);
        const float x = bmin.x + pad - shift;
        drawRun(0, value.size(), x, bmin.y + pad);
        if (focused && selA == selB) drawCaret(x + caretX, bmin.y + pad);
    } else {
        float top = bmin.y + pad;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const LineSpan& l = lines[i];
            // The next line starts after the spaces that ended this one.
            const std::size_t next = i + 1 < lines.size() ? lines[i + 1].begin : value.size();
            drawRun(l.begin, l.end, bmin.x + pad, top);
            if (focused && selA == selB && selA >= l.begin && (selA < next || i + 1 == lines.size()))
                drawCaret(bmin.x + pad + textWidth(ui, value, l.begin, std::min<std::size_t>(selA, l.end)), top);
            top += lineH;
        }
    }
    dl_->PopClipRect();

    nlohmann::json c = {{"id", id}, {"kind", multiline ? protocol::kind::TextArea : protocol::kind::Input}, {"label", label}, {"value", value},
                        {"message", message}, {"required", hint == nullptr}};
    y = bmax.y - origin_.y + std::round(6 * s);

    // The message in plain words under the field, and for the review text a live count.
    const float smallH = std::round(fonts.size(Role::Meta) * 1.5f);
    float messageWidth = width_;
    if (multiline) {
        const std::string counter = charactersLeftLabel(value, kMaxBodyChars);
        const float cw = meta->CalcTextSizeA(meta->FontSize, FLT_MAX, 0, counter.c_str()).x;
        dl_->AddText(meta, meta->FontSize, ImVec2(origin_.x + width_ - cw, origin_.y + y),
                     charactersLeft(value, kMaxBodyChars) < 0 ? p.errorText : p.muted, counter.c_str());
        messageWidth -= cw + std::round(16 * s);
        c["counter"] = counter;
    }
    const float my = fieldMessage(message, messageWidth, y);
    controls_->add(std::move(c), bmin, bmax);
    return std::max(my, y + (multiline ? smallH : 0)) + std::round(14 * s);
}

float ReviewSection::stars(int rating, const std::string& message, const FormFocus& focus, float y) {
    const Fonts& fonts = *fonts_;
    const Palette& p = *palette_;
    const float s = scale_;
    const ImFont* bold = fonts.get(Role::UiBold);
    const ImFont* meta = fonts.get(Role::Meta);
    dl_->AddText(bold, bold->FontSize, ImVec2(origin_.x, origin_.y + y), p.text, "Your rating");
    y += std::round(fonts.size(Role::Ui) * 1.5f);

    const float box = std::round(44 * s); // touch target
    nlohmann::json options = nlohmann::json::array();
    hoverStar_ = 0;
    for (int i = 1; i <= kBestRating; ++i) {
        const ImVec2 min(origin_.x + (i - 1) * box, origin_.y + y);
        if (ImGui::IsMouseHoveringRect(min, ImVec2(min.x + box, min.y + box))) hoverStar_ = i;
        options.push_back({{"rect", controls_->rect(min, ImVec2(min.x + box, min.y + box))}, {"label", starsLabel(i)}});
    }
    const int shown = hoverStar_ ? hoverStar_ : rating;
    for (int i = 1; i <= kBestRating; ++i) {
        const ImVec2 c(origin_.x + (i - 0.5f) * box, origin_.y + y + box / 2);
        drawStar(*dl_, c, std::round(15 * s), i <= shown, hoverStar_ && i <= shown ? kStarPreview : kStarColor,
                 p.muted, std::max(1.0f, std::round(1.5f * s)));
    }
    const ImVec2 gmin(origin_.x, origin_.y + y);
    const ImVec2 gmax(origin_.x + kBestRating * box, gmin.y + box);
    if (focus.control == protocol::id::Rating)
        dl_->AddRect(ImVec2(gmin.x - 2 * s, gmin.y), ImVec2(gmax.x + 2 * s, gmax.y), p.focus, std::round(6 * s), 0, std::round(2 * s));
    controls_->add({{"id", protocol::id::Rating}, {"kind", protocol::kind::Stars}, {"label", "Your rating"}, {"value", rating}, {"options", options}, {"message", message}},
               gmin, gmax);
    y += box + std::round(4 * s);

    // The caption goes beside the stars where the longest one fits, else under
    // them (narrow phones); decided on the longest, so hovering never moves it.
    const char* const prompt = "Choose from 1 to 5 stars";
    const float gap = std::round(12 * s);
    const bool beside = gmax.x + gap + meta->CalcTextSizeA(meta->FontSize, FLT_MAX, 0, prompt).x <= origin_.x + width_;
    const std::string caption = shown ? starsLabel(shown) : prompt;
    const ImVec2 at = beside ? ImVec2(gmax.x + gap, gmin.y + (box - meta->FontSize) / 2) : ImVec2(origin_.x, origin_.y + y);
    dl_->AddText(meta, meta->FontSize, at, p.muted, caption.c_str());
    if (!beside) y += std::round(fonts.size(Role::Meta) * 1.5f);
    return fieldMessage(message, width_, y) + std::round(14 * s);
}

// A field's message in plain words, wrapped to `width`; returns the y under it.
float ReviewSection::fieldMessage(const std::string& message, float width, float y) {
    return y + drawWrapped(message, fonts_->get(Role::Meta), palette_->errorText, ImVec2(origin_.x, origin_.y + y), width,
                           std::round(fonts_->size(Role::Meta) * 1.5f));
}

void ReviewSection::layOutList(const ReviewDesk& desk) {
    const Fonts& fonts = *fonts_;
    if (desk.version() == listVersion_ && width_ == listWidth_ && fonts.generation() == listFonts_) return;
    listVersion_ = desk.version();
    listWidth_ = width_;
    listFonts_ = fonts.generation();
    mirrorStale_ = true;
    const float lineH = std::round(fonts.size(Role::Ui) * 1.5f);
    const AdvanceFn advance = advanceOf(fonts.get(Role::Ui));
    const AdvanceFn nameAdvance = advanceOf(fonts.get(Role::UiBold));
    const ImFont* meta = fonts.get(Role::Meta);
    list_.clear();
    for (auto& item : desk.list()) {
        const Review& r = item.review;
        ListedEntry e;
        const std::string date = formatDate(r.datePublished.empty() ? r.dateCreated : r.datePublished);
        e.caption = item.pending ? date + "  \xC2\xB7  waiting to be sent" : date;
        e.nameLines = breakLines(r.authorName, width_, nameAdvance);
        if (e.nameLines.empty()) e.nameLines.emplace_back(); // a nameless review still gets its line
        e.captionWidth = textWidth(meta, e.caption, 0, e.caption.size());
        e.captionBelow = e.nameLines.back().width + std::round(kCaptionGap * scale_) + e.captionWidth > width_;
        e.lines = breakLines(r.body, width_, advance);
        e.height = (e.nameLines.size() + (e.captionBelow ? 1 : 0) + 1 + e.lines.size()) * lineH + std::round(20 * scale_);
        e.item = std::move(item);
        list_.push_back(std::move(e));
    }
}

// Where each part of a listed review goes, from its top-left `at`: the name's
// lines, the date (beside the name's last line, baseline-aligned, or on a line
// of its own), the stars, the text's lines. The drawing and the shell's
// mirror both take their positions from here.
template <class Text, class Stars>
void ReviewSection::placeEntry(const ListedEntry& e, ImVec2 at, Text&& text, Stars&& stars) const {
    const Fonts& fonts = *fonts_;
    const ImFont* bold = fonts.get(Role::UiBold);
    const ImFont* ui = fonts.get(Role::Ui);
    const ImFont* meta = fonts.get(Role::Meta);
    const float lineH = std::round(fonts.size(Role::Ui) * 1.5f);
    const Review& r = e.item.review;
    float y = at.y;
    for (const auto& l : e.nameLines) {
        text(ImVec2(at.x, y), std::string_view(r.authorName).substr(l.begin, l.end - l.begin), Role::UiBold, l.width);
        y += lineH;
    }
    text(ImVec2(e.captionBelow ? at.x : at.x + e.nameLines.back().width + std::round(kCaptionGap * scale_),
                e.captionBelow ? y : y - lineH + (bold->FontSize - meta->FontSize) * 0.75f),
         std::string_view(e.caption), Role::Meta, e.captionWidth);
    if (e.captionBelow) y += lineH;
    stars(y + lineH / 2);
    y += lineH;
    for (const auto& l : e.lines) {
        text(ImVec2(at.x, y + std::round((lineH - ui->FontSize) / 2)), std::string_view(r.body).substr(l.begin, l.end - l.begin),
             Role::Ui, l.width);
        y += lineH;
    }
}

float ReviewSection::reviewList(const ReviewDesk& desk, float y) {
    layOutList(desk);
    const Fonts& fonts = *fonts_;
    const Palette& p = *palette_;
    const float s = scale_;
    const ImFont* bold = fonts.get(Role::UiBold);
    const ImFont* ui = fonts.get(Role::Ui);
    const std::string heading = list_.empty() ? "Reviews" : "Reviews (" + std::to_string(list_.size()) + ")";
    dl_->AddText(bold, bold->FontSize, ImVec2(origin_.x, origin_.y + y), p.text, heading.c_str());
    y += std::round(fonts.size(Role::Ui) * 1.8f);
    const float lineH = std::round(fonts.size(Role::Ui) * 1.5f);
    const float display = ImGui::GetIO().DisplaySize.y;
    const ImVec2 top(origin_.x, origin_.y + y);
    const char* empty = "No reviews yet. Be the first to share your view.";
    if (list_.empty()) y += drawWrapped(empty, ui, p.muted, top, width_, lineH);
    for (const ListedEntry& e : list_) {
        const ImVec2 at(origin_.x, origin_.y + y);
        if (at.y < display && at.y + e.height > 0) // only what is on screen is drawn
            placeEntry(
                e, at,
                [&](ImVec2 pos, std::string_view text, Role role, float) {
                    const ImFont* font = fonts.get(role);
                    dl_->AddText(font, font->FontSize, pos, role == Role::Meta ? p.muted : p.text, text.data(), text.data() + text.size());
                },
                [&](float starsY) {
                    for (int i = 1; i <= kBestRating; ++i)
                        drawStar(*dl_, ImVec2(at.x + (i - 0.5f) * std::round(18 * s), starsY), std::round(7 * s),
                                 i <= e.item.review.rating, kStarColor, p.muted, std::max(1.0f, s));
                });
        y += e.height;
    }

    // The shell's mirror of the list: rebuilt only when the reviews, their
    // layout or the list's place in the content change, never on a scrolled
    // frame (with 50 reviews and their lines it is tens of KB of JSON).
    const nlohmann::json place = controls_->rect(top, top);
    if (mirrorStale_ || place != mirroredPlace_) {
        mirrorStale_ = false;
        mirroredPlace_ = place;
        nlohmann::json items = nlohmann::json::array();
        if (list_.empty())
            items.push_back({{"text", empty}, {"empty", true}, {"rect", controls_->rect(top, ImVec2(top.x + width_, origin_.y + y))}});
        float ey = top.y;
        for (const ListedEntry& e : list_) {
            const ImVec2 at(top.x, ey);
            // The drawn lines (name and date, then the text) for the shell's transparent copy.
            nlohmann::json head = nlohmann::json::array(), lines = nlohmann::json::array();
            nlohmann::json* into = &head;
            placeEntry(
                e, at,
                [&](ImVec2 pos, std::string_view text, Role role, float width) { into->push_back(controls_->line(pos, width, text, role, fonts)); },
                [&](float) { into = &lines; });
            items.push_back({{"head", std::move(head)},
                             {"rating", starsLabel(e.item.review.rating)},
                             {"lines", std::move(lines)},
                             {"rect", controls_->rect(at, ImVec2(at.x + width_, at.y + e.height))}});
            ey += e.height;
        }
        listMirror_ = nlohmann::json{{"items", std::move(items)}}.dump();
        ++listMirrorVersion_;
    }
    controls_->add({{"id", protocol::id::Reviews}, {"kind", protocol::kind::List}, {"label", heading}}); // its items: listMirror()
    return y;
}

} // namespace aw::ui
