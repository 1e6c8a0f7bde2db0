#include "ui/ReviewSection.h"

#include "core/Article.h" // formatDate
#include "ui/Drawing.h"

#include <algorithm>
#include <cmath>

namespace aw::ui {
namespace {

constexpr float kPi = 3.14159265f;
constexpr float kCaptionGap = space::S; // between a reviewer's name and the date

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

// A reason's label, for the radio button and its drawing.
std::string reasonText(const Painter& p, ReportReason reason) { return p.t(std::string("report.reason.") + reasonValue(reason)); }

std::string starsLabel(const Painter& p, int n) { return p.t("rating.stars", {{"n", std::to_string(n)}}); }

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

float ReviewSection::draw(const Painter& painter, const ReviewDesk& desk, const FormFocus& focus, ImVec2 origin, float width) {
    p_ = &painter;
    origin_ = origin;
    width_ = width;
    return reviewList(desk, focus, drawForm(desk, focus) + painter.px(space::XL));
}

// The heading, fields, send button and notice; returns the y below them.
float ReviewSection::drawForm(const ReviewDesk& desk, const FormFocus& focus) {
    const Painter& p = *p_;
    const Palette& c = p.palette;
    const ControlList::Part part(p.controls, protocol::part::Review); // the list below is not part of the <form>
    const ImVec2 origin = origin_;
    const ReviewForm& form = desk.form();

    float y = p.px(space::Section);
    p.dl.AddLine(ImVec2(origin.x, origin.y + y), ImVec2(origin.x + width_, origin.y + y), c.rule, p.hairline());
    y += p.px(space::XXL);
    y += p.sectionHeading(protocol::id::ReviewHeading, kReviewHeading, ImVec2(origin.x, origin.y + y), width_) + p.px(space::S);
    const std::string intro = p.t(desk.hasEndpoint() ? "review.intro.endpoint" : "review.intro.local");
    y += p.wrapped(intro, Role::Meta, c.muted, ImVec2(origin.x, origin.y + y), width_);
    p.controls.add({{"id", protocol::id::Intro}, {"kind", protocol::kind::Text}, {"text", intro}});
    y += p.px(space::L);

    const ReviewDraft& d = form.draft();
    const auto field = [&](FormField f, const char* label, const char* hint, const std::string& value) {
        return TextBox{fieldId(f), p.t(label), hint ? p.t(hint) : std::string(), value, p.t(form.problemFor(f))};
    };
    y = textBox(field(FormField::Name, "field.name", nullptr, d.name), focus, 0, width_, y);
    y = textBox(field(FormField::Email, "field.email", "field.email.hint", d.email), focus, 0, width_, y);
    y = stars(d.rating, p.t(form.problemFor(FormField::Rating)), y);
    TextBox body = field(FormField::Body, "field.body", nullptr, d.body);
    body.multiline = true;
    body.rows = size::FieldRows;
    body.limit = kMaxBodyChars;
    y = textBox(body, focus, 0, width_, y);
    p.controls.add({{"id", protocol::id::Website}, {"kind", protocol::kind::Honeypot}, {"label", p.t("field.honeypot")}});

    // Send button.
    const bool sending = desk.sending();
    const ImVec2 bmin(origin.x, origin.y + y);
    const ImVec2 bmax(origin.x + std::min(width_, p.px(size::SubmitWidth)), bmin.y + p.px(size::SubmitHeight));
    p.accentButton({{"id", protocol::id::Submit}, {"kind", protocol::kind::Button}, {"disabled", sending}},
                   p.t(sending ? "button.sending" : "review.send"), bmin, bmax, !sending);
    y = bmax.y - origin.y + p.px(space::L);

    // What happened to the last review sent.
    const Notice& notice = desk.notice();
    const std::string noticeText = notice.detail.empty() ? p.t(notice.message)
                                                         : p.t(notice.message.id, {{"reason", p.t(notice.detail)}});
    if (notice.kind == Notice::Kind::None) {
        p.controls.add({{"id", protocol::id::Notice}, {"kind", protocol::kind::Status}, {"text", ""}});
        return y;
    }
    const float pad = p.px(space::M), bar = p.px(size::AccentBar);
    const float textH = p.wrappedHeight(noticeText, Role::Ui, width_ - 2 * pad - bar);
    const ImVec2 nmin(origin.x, origin.y + y);
    const ImVec2 nmax(origin.x + width_, nmin.y + textH + 2 * pad);
    p.dl.AddRectFilled(nmin, nmax, c.panel, p.px(radius::Small));
    p.dl.AddRectFilled(nmin, ImVec2(nmin.x + bar, nmax.y), notice.kind == Notice::Kind::Refused ? c.errorText : c.accent);
    p.wrapped(noticeText, Role::Ui, c.text, ImVec2(nmin.x + pad + bar, nmin.y + pad), width_ - 2 * pad - bar);
    p.controls.add({{"id", protocol::id::Notice}, {"kind", protocol::kind::Status}, {"text", noticeText}}, nmin, nmax);
    return nmax.y - origin.y + p.px(space::L);
}

float ReviewSection::textBox(const TextBox& box, const FormFocus& focus, float x, float boxWidth, float y) {
    const Painter& p = *p_;
    const Palette& c = p.palette;
    const char* id = box.id;
    const std::string& label = box.label;
    const std::string& hint = box.hint;
    const std::string& value = box.value;
    const std::string& message = box.message;
    const bool multiline = box.multiline;
    const float left = origin_.x + x;
    const ImFont* bold = p.font(Role::UiBold);
    const ImFont* ui = p.font(Role::Ui);
    const ImFont* meta = p.font(Role::Meta);
    const float lineH = p.lineHeight(Role::Ui);

    const ImVec2 at(left, origin_.y + y);
    p.text(Role::UiBold, at, c.text, label);
    if (!hint.empty())
        p.text(Role::Meta, ImVec2(at.x + p.textWidth(Role::UiBold, label) + p.px(space::S), at.y + (bold->FontSize - meta->FontSize) * 0.75f),
               c.muted, hint);
    y += lineH + p.px(space::Hair);

    const float pad = p.px(space::M);
    const float innerW = boxWidth - 2 * pad;
    std::vector<LineSpan> lines;
    if (multiline) lines = breakLines(value, innerW, advanceOf(ui));
    const float rows = multiline ? std::max<float>(box.rows, static_cast<float>(lines.size())) : 1;
    const ImVec2 bmin(left, origin_.y + y);
    const ImVec2 bmax(left + boxWidth, bmin.y + rows * lineH + 2 * pad);
    const bool invalid = !message.empty();
    nlohmann::json control = {{"id", id}, {"kind", multiline ? protocol::kind::TextArea : protocol::kind::Input}, {"label", label},
                              {"value", value}, {"message", message}, {"required", hint.empty()}};
    const float rounding = p.px(radius::Control);
    p.dl.AddRectFilled(bmin, bmax, box.onPanel ? c.background : c.panel, rounding);
    p.dl.AddRect(bmin, bmax, invalid ? c.errorText : c.rule, rounding, 0, invalid ? p.px(size::StrongBorder) : p.hairline());
    const bool focused = p.isFocused(id);
    if (focused) p.focusRing(bmin, bmax, rounding);

    // The text, the selection and the caret, as the page's input element has them.
    p.dl.PushClipRect(ImVec2(bmin.x + pad / 2, bmin.y), ImVec2(bmax.x - pad / 2, bmax.y), true);
    const std::uint32_t selA = std::min<std::uint32_t>(std::min(focus.selectionStart, focus.selectionEnd), static_cast<std::uint32_t>(value.size()));
    const std::uint32_t selB = std::min<std::uint32_t>(std::max(focus.selectionStart, focus.selectionEnd), static_cast<std::uint32_t>(value.size()));
    const float caretW = std::max(1.0f, p.px(size::Caret));
    const ImU32 selColor = (c.focus & 0x00FFFFFF) | 0x40000000;
    const std::string_view text(value);
    const auto width = [&](std::size_t begin, std::size_t end) { return p.textWidth(Role::Ui, text.substr(begin, end - begin)); };
    auto drawRun = [&](std::size_t begin, std::size_t end, float x, float top) {
        if (focused && selA < selB && selB > begin && selA < end) {
            const float x0 = x + width(begin, std::max<std::size_t>(begin, selA));
            const float x1 = x + width(begin, std::min<std::size_t>(end, selB));
            p.dl.AddRectFilled(ImVec2(x0, top), ImVec2(std::max(x1, x0 + caretW * 3), top + lineH), selColor);
        }
        p.text(Role::Ui, ImVec2(x, top + std::round((lineH - ui->FontSize) / 2)), c.text, text.substr(begin, end - begin));
    };
    const float caretInset = p.px(space::XS);
    auto drawCaret = [&](float x, float top) {
        p.dl.AddRectFilled(ImVec2(x, top + caretInset), ImVec2(x + caretW, top + lineH - caretInset), c.text);
    };
    if (!multiline) {
        // Scrolled so the caret stays in view, like a browser's text box.
        const float caretX = width(0, selB);
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
                drawCaret(bmin.x + pad + width(l.begin, std::min<std::size_t>(selA, l.end)), top);
            top += lineH;
        }
    }
    p.dl.PopClipRect();
    y = bmax.y - origin_.y + p.px(space::S);

    // The message in plain words under the field, and for the review text a live count.
    float messageWidth = boxWidth;
    if (box.limit) {
        const std::string counter = p.t(charactersLeftMessage(value, box.limit));
        const float cw = p.textWidth(Role::Meta, counter);
        p.text(Role::Meta, ImVec2(left + boxWidth - cw, origin_.y + y), charactersLeft(value, box.limit) < 0 ? c.errorText : c.muted,
               counter);
        messageWidth -= cw + p.px(space::L);
        control["counter"] = counter;
    }
    const float my = fieldMessage(message, x, messageWidth, y);
    p.controls.add(std::move(control), bmin, bmax);
    return std::max(my, y + (box.limit ? p.lineHeight(Role::Meta) : 0)) + p.px(space::M);
}

float ReviewSection::stars(int rating, const std::string& message, float y) {
    const Painter& p = *p_;
    const Palette& c = p.palette;
    const std::string label = p.t("field.rating");
    p.text(Role::UiBold, ImVec2(origin_.x, origin_.y + y), c.text, label);
    y += p.lineHeight(Role::Ui);

    const float box = p.px(size::TouchTarget);
    nlohmann::json options = nlohmann::json::array();
    hoverStar_ = 0;
    for (int i = 1; i <= kBestRating; ++i) {
        const ImVec2 min(origin_.x + (i - 1) * box, origin_.y + y);
        if (ImGui::IsMouseHoveringRect(min, ImVec2(min.x + box, min.y + box))) hoverStar_ = i;
        options.push_back({{"rect", p.controls.rect(min, ImVec2(min.x + box, min.y + box))}, {"label", starsLabel(p, i)}});
    }
    const ImVec2 gmin(origin_.x, origin_.y + y);
    const ImVec2 gmax(origin_.x + kBestRating * box, gmin.y + box);
    p.control({{"id", protocol::id::Rating}, {"kind", protocol::kind::Stars}, {"label", label}, {"value", rating},
               {"options", std::move(options)}, {"message", message}},
              gmin, gmax, p.px(radius::Control));
    const int shown = hoverStar_ ? hoverStar_ : rating;
    for (int i = 1; i <= kBestRating; ++i) {
        const ImVec2 centre(origin_.x + (i - 0.5f) * box, origin_.y + y + box / 2);
        drawStar(p.dl, centre, p.px(size::FormStar), i <= shown, hoverStar_ && i <= shown ? c.starPreview : c.star, c.muted,
                 std::max(1.0f, p.px(size::Stroke)));
    }
    y += box + p.px(space::XS);

    // The caption goes beside the stars where the longest one fits, else under
    // them (narrow phones); decided on the longest, so hovering never moves it.
    const std::string prompt = p.t("rating.prompt");
    const float gap = p.px(space::M);
    const bool beside = gmax.x + gap + p.textWidth(Role::Meta, prompt) <= origin_.x + width_;
    const std::string caption = shown ? starsLabel(p, shown) : prompt;
    const ImVec2 at = beside ? ImVec2(gmax.x + gap, gmin.y + (box - p.font(Role::Meta)->FontSize) / 2) : ImVec2(origin_.x, origin_.y + y);
    p.text(Role::Meta, at, c.muted, caption);
    if (!beside) y += p.lineHeight(Role::Meta);
    return fieldMessage(message, 0, width_, y) + p.px(space::M);
}

// A field's message in plain words, wrapped to `width`; returns the y under it.
float ReviewSection::fieldMessage(const std::string& message, float x, float width, float y) {
    return y + p_->wrapped(message, Role::Meta, p_->palette.errorText, ImVec2(origin_.x + x, origin_.y + y), width);
}

void ReviewSection::layOutList(const ReviewDesk& desk) {
    const Painter& p = *p_;
    if (desk.version() == listVersion_ && width_ == listWidth_ && p.fonts.generation() == listFonts_) return;
    listVersion_ = desk.version();
    listWidth_ = width_;
    listFonts_ = p.fonts.generation();
    mirrorStale_ = true;
    const float lineH = p.lineHeight(Role::Ui);
    const AdvanceFn advance = advanceOf(p.font(Role::Ui));
    const AdvanceFn nameAdvance = advanceOf(p.font(Role::UiBold));
    list_.clear();
    for (auto& item : desk.list()) {
        const Review& r = item.review;
        ListedEntry e;
        const std::string date = formatDate(r.datePublished.empty() ? r.dateCreated : r.datePublished, p.messages.rules());
        using Standing = ListedReview::Standing;
        e.caption = item.standing == Standing::Unsent               ? p.t("reviews.unsent", {{"date", date}})
                    : item.standing == Standing::AwaitingModeration ? p.t("reviews.awaiting", {{"date", date}})
                                                                    : date;
        e.nameLines = breakLines(r.authorName, width_, nameAdvance);
        if (e.nameLines.empty()) e.nameLines.emplace_back(); // a nameless review still gets its line
        e.captionWidth = p.textWidth(Role::Meta, e.caption);
        e.captionBelow = e.nameLines.back().width + p.px(kCaptionGap) + e.captionWidth > width_;
        e.lines = breakLines(r.body, width_, advance);
        e.height = (e.nameLines.size() + (e.captionBelow ? 1 : 0) + 1 + e.lines.size()) * lineH + p.px(space::XL);
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
    const Painter& p = *p_;
    const float boldH = p.font(Role::UiBold)->FontSize, metaH = p.font(Role::Meta)->FontSize;
    const float lineH = p.lineHeight(Role::Ui);
    const Review& r = e.item.review;
    float y = at.y;
    for (const auto& l : e.nameLines) {
        text(ImVec2(at.x, y), std::string_view(r.authorName).substr(l.begin, l.end - l.begin), Role::UiBold, l.width);
        y += lineH;
    }
    text(ImVec2(e.captionBelow ? at.x : at.x + e.nameLines.back().width + p.px(kCaptionGap),
                e.captionBelow ? y : y - lineH + (boldH - metaH) * 0.75f),
         std::string_view(e.caption), Role::Meta, e.captionWidth);
    if (e.captionBelow) y += lineH;
    stars(y + lineH / 2);
    y += lineH;
    for (const auto& l : e.lines) {
        text(ImVec2(at.x, y + std::round((lineH - p.font(Role::Ui)->FontSize) / 2)), std::string_view(r.body).substr(l.begin, l.end - l.begin),
             Role::Ui, l.width);
        y += lineH;
    }
}

std::optional<std::pair<ImVec2, ImVec2>> ReviewSection::reportBox(const ListedEntry& e, ImVec2 at, float starsY) const {
    if (e.item.standing != ListedReview::Standing::Published || !reportable_) return std::nullopt;
    const Painter& p = *p_;
    const float h = p.lineHeight(Role::Ui), w = p.textWidth(Role::Meta, p.t("report.action")) + 2 * p.px(space::S);
    const float right = at.x + width_;
    return std::make_pair(ImVec2(right - w, std::round(starsY - h / 2)), ImVec2(right, std::round(starsY - h / 2) + h));
}

// "4.2 out of 5 · 37 reviews" beside the average in stars, then a bar for
// each number of stars, 5 to 1, with its count. Returns the y under it.
float ReviewSection::summary(const ReviewSummary& s, float y) {
    const Painter& p = *p_;
    const Palette& c = p.palette;
    const float lineH = p.lineHeight(Role::Ui), pitch = p.px(size::ListStarPitch);
    const ImVec2 top(origin_.x, origin_.y + y);
    const int rounded = static_cast<int>(std::lround(s.average));
    for (int i = 1; i <= kBestRating; ++i)
        drawStar(p.dl, ImVec2(top.x + (i - 0.5f) * pitch, top.y + lineH / 2), p.px(size::ListStar), i <= rounded, c.star, c.muted,
                 p.hairline());
    const auto reviews = [&](int n) { return p.t("summary.reviews", {{"n", std::to_string(n)}}); };
    const std::string line = p.t("summary.line", {{"average", p.messages.rules().decimal(s.average, 1)}, {"reviews", reviews(s.count)}});
    const ImVec2 lineAt(top.x + kBestRating * pitch + p.px(space::S), top.y + std::round((lineH - p.font(Role::UiBold)->FontSize) / 2));
    p.text(Role::UiBold, lineAt, c.text, line);
    y += lineH + p.px(space::XS);

    // The bars: "5 ★" on the left, the count on the right, the bar between, as long as its share of the most given.
    const float rowH = p.lineHeight(Role::Meta), barH = p.px(size::SummaryBar);
    const int most = std::max(1, *std::max_element(s.distribution.begin(), s.distribution.end()));
    const float labelW = p.textWidth(Role::Meta, "5") + p.px(space::XS) + 2 * p.px(size::ListStar);
    const float countW = p.textWidth(Role::Meta, std::to_string(most));
    const float barX = top.x + labelW + p.px(space::S);
    const float barW = std::min(p.px(size::SummaryBarWidth), width_ - labelW - countW - 2 * p.px(space::S));
    nlohmann::json bars = nlohmann::json::array();
    for (int stars = kBestRating; stars >= 1; --stars) {
        const int n = s.distribution[stars - 1];
        const float ry = origin_.y + y, metaInset = std::round((rowH - p.font(Role::Meta)->FontSize) / 2);
        p.text(Role::Meta, ImVec2(top.x, ry + metaInset), c.muted, std::to_string(stars));
        drawStar(p.dl, ImVec2(top.x + p.textWidth(Role::Meta, "5") + p.px(space::XS) + p.px(size::ListStar), ry + rowH / 2),
                 p.px(size::ListStar), true, c.star, c.muted, p.hairline());
        const ImVec2 bmin(barX, std::round(ry + (rowH - barH) / 2));
        p.dl.AddRectFilled(bmin, ImVec2(barX + barW, bmin.y + barH), c.rule, barH / 2);
        if (n > 0) p.dl.AddRectFilled(bmin, ImVec2(barX + std::max(barH, barW * n / most), bmin.y + barH), c.star, barH / 2);
        p.text(Role::Meta, ImVec2(barX + barW + p.px(space::S), ry + metaInset), c.muted, std::to_string(n));
        bars.push_back(p.t("summary.bar", {{"n", std::to_string(stars)}, {"reviews", reviews(n)}}));
        y += rowH;
    }
    const ImVec2 bottom(top.x + width_, origin_.y + y);
    p.controls.add({{"id", protocol::id::Summary},
                    {"kind", protocol::kind::Summary},
                    {"text", line},
                    {"lines", nlohmann::json::array({p.controls.line(lineAt, p.textWidth(Role::UiBold, line), line, Role::UiBold, p.fonts)})},
                    {"bars", std::move(bars)}},
                   top, bottom);
    return y + p.px(space::L);
}

// The step that reports a review, under it: the reason, a note, Send and
// Cancel; then what came of it. Returns its height.
float ReviewSection::reportStep(const ReviewDesk& desk, const FormFocus& focus, float y) {
    const Painter& p = *p_;
    const Palette& c = p.palette;
    const ReportFlow& r = desk.reporting();
    const ControlList::Part part(p.controls, protocol::part::Report);
    const float pad = p.px(space::L), inner = width_ - 2 * pad;
    const float top = y;
    const ImVec2 pmin(origin_.x, origin_.y + y);
    // The panel's box is drawn under its content, which is only measured by drawing it: a channel of its own.
    p.dl.ChannelsSplit(2);
    p.dl.ChannelsSetCurrent(1);
    y += pad;
    const std::string title = p.t("report.title", {{"author", r.author().empty() ? p.t("report.anonymous") : r.author()}});
    const float titleH = p.wrapped(title, Role::UiBold, c.text, ImVec2(origin_.x + pad, origin_.y + y), inner, p.lineHeight(Role::Ui));
    p.controls.add({{"id", protocol::id::ReportTitle}, {"kind", protocol::kind::Text}, {"text", title}});
    y += titleH + p.px(space::XS);

    const bool done = r.step() == ReportFlow::Step::Sent || r.step() == ReportFlow::Step::Gone;
    const std::string said = p.t(r.text());
    std::string status = said;
    if (done) {
        y += p.wrapped(said, Role::Ui, c.text, ImVec2(origin_.x + pad, origin_.y + y), inner) + p.px(space::M);
        const ImVec2 max = p.outlineButton({{"id", protocol::action::ReportClose}, {"kind", protocol::kind::Action}}, p.t("report.close"),
                                           ImVec2(origin_.x + pad, origin_.y + y));
        y = max.y - origin_.y;
    } else {
        const bool sending = r.step() == ReportFlow::Step::Sending;
        const std::string question = p.t("report.question");
        y += p.wrapped(question, Role::Meta, c.muted, ImVec2(origin_.x + pad, origin_.y + y), inner) + p.px(space::XS);
        // One row a finger can hit per reason, a drawn radio button and its label.
        const float rowH = p.px(size::TouchTarget), dot = p.px(size::RadioRadius);
        const ImVec2 gmin(origin_.x + pad, origin_.y + y);
        nlohmann::json options = nlohmann::json::array();
        for (ReportReason reason : kReportReasons) {
            const ImVec2 min(gmin.x, origin_.y + y), max(gmin.x + inner, min.y + rowH);
            const ImVec2 centre(min.x + dot + p.px(space::XS), std::round(min.y + rowH / 2));
            const bool chosen = r.reason() == reason;
            const bool hovered = ImGui::IsMouseHoveringRect(min, max);
            p.dl.AddCircleFilled(centre, dot, c.background);
            p.dl.AddCircle(centre, dot, chosen || hovered ? c.accent : c.muted, 0, std::max(1.0f, p.px(size::Stroke)));
            if (chosen) p.dl.AddCircleFilled(centre, std::round(dot * 0.5f), c.accent);
            p.text(Role::Ui, ImVec2(centre.x + dot + p.px(space::S), std::round(min.y + (rowH - p.font(Role::Ui)->FontSize) / 2)), c.text,
                   reasonText(p, reason));
            options.push_back({{"rect", p.controls.rect(min, max)}, {"label", reasonText(p, reason)}, {"value", reasonValue(reason)}});
            y += rowH;
        }
        const bool needReason = r.reason() == ReportReason::None && !said.empty();
        p.control({{"id", protocol::id::ReportReason}, {"kind", protocol::kind::Choice}, {"label", p.t("report.reason")},
                   {"value", reasonValue(r.reason())}, {"options", std::move(options)}, {"message", needReason ? said : ""}},
                  gmin, ImVec2(gmin.x + inner, origin_.y + y), p.px(radius::Control));
        if (needReason) y = fieldMessage(said, pad, inner, y + p.px(space::XS));
        y += p.px(space::S);
        const TextBox note{protocol::id::ReportNote, p.t("report.note"), p.t("report.note.hint"), r.note(), {}, true, size::ReportNoteRows,
                           kMaxReportNoteChars, true};
        y = textBox(note, focus, pad, inner, y);
        // Send, and Cancel beside it (under it when the column is too narrow for both).
        const std::string sendLabel = p.t("report.send"), sendingLabel = p.t("button.sending");
        const std::string& send = sending ? sendingLabel : sendLabel;
        const float sendW = std::max(p.textWidth(Role::UiBold, sendLabel), p.textWidth(Role::UiBold, sendingLabel)) + 2 * p.px(space::XL);
        const ImVec2 smin(origin_.x + pad, origin_.y + y), smax(smin.x + sendW, smin.y + p.px(size::TouchTarget));
        p.accentButton({{"id", protocol::action::ReportSend}, {"kind", protocol::kind::Action}}, send, smin, smax, !sending);
        const std::string cancel = p.t("report.cancel");
        const bool beside = sendW + p.px(space::M) + p.outlineButtonWidth(cancel) <= inner;
        const ImVec2 cmin = beside ? ImVec2(smax.x + p.px(space::M), smin.y) : ImVec2(smin.x, smax.y + p.px(space::S));
        const ImVec2 cmax = p.outlineButton({{"id", protocol::action::ReportClose}, {"kind", protocol::kind::Action}}, cancel, cmin);
        y = cmax.y - origin_.y;
        if (!needReason && !said.empty()) {
            y += p.px(space::M);
            y += p.wrapped(said, Role::Ui, c.errorText, ImVec2(origin_.x + pad, origin_.y + y), inner);
        }
        if (sending) status = p.t("report.sending");
    }
    y += pad;
    const ImVec2 pmax(origin_.x + width_, origin_.y + y);
    p.controls.add({{"id", protocol::id::ReportStatus}, {"kind", protocol::kind::Status}, {"text", status}});
    p.dl.ChannelsSetCurrent(0);
    p.dl.AddRectFilled(pmin, pmax, c.panel, p.px(radius::Small));
    p.dl.AddRectFilled(pmin, ImVec2(pmin.x + p.px(size::AccentBar), pmax.y), r.step() == ReportFlow::Step::Gone ? c.muted : c.accent,
                       p.px(radius::Small), ImDrawFlags_RoundCornersLeft);
    p.dl.ChannelsMerge();
    return y - top;
}

float ReviewSection::reviewList(const ReviewDesk& desk, const FormFocus& focus, float y) {
    reportable_ = desk.hasEndpoint();
    layOutList(desk);
    const Painter& p = *p_;
    const Palette& c = p.palette;
    const auto& rating = desk.summary();
    const std::size_t count = std::max<std::size_t>(list_.size(), rating ? rating->count : 0);
    const std::string heading = count == 0 ? p.t("reviews.heading") : p.t("reviews.heading.count", {{"n", std::to_string(count)}});
    p.text(Role::UiBold, ImVec2(origin_.x, origin_.y + y), c.text, heading);
    y += p.lineHeight(Role::Ui) + p.px(space::XS);
    if (rating) y = summary(*rating, y + p.px(space::XS));
    const float display = ImGui::GetIO().DisplaySize.y;
    const ImVec2 top(origin_.x, origin_.y + y);
    const std::string empty = p.t("reviews.empty");
    if (list_.empty()) y += p.wrapped(empty, Role::Ui, c.muted, top, width_);
    const ReportFlow& report = desk.reporting();
    float stepHeight = 0;
    for (const ListedEntry& e : list_) {
        const ImVec2 at(origin_.x, origin_.y + y);
        if (at.y < display && at.y + e.height > 0) // only what is on screen is drawn
            placeEntry(
                e, at,
                [&](ImVec2 pos, std::string_view text, Role role, float) { p.text(role, pos, role == Role::Meta ? c.muted : c.text, text); },
                [&](float starsY) {
                    for (int i = 1; i <= kBestRating; ++i)
                        drawStar(p.dl, ImVec2(at.x + (i - 0.5f) * p.px(size::ListStarPitch), starsY), p.px(size::ListStar),
                                 i <= e.item.review.rating, c.star, c.muted, p.hairline());
                    if (const auto box = reportBox(e, at, starsY)) {
                        const auto [min, max] = *box;
                        const bool hovered = ImGui::IsMouseHoveringRect(min, max);
                        if (p.isFocused(protocol::id::ReportPrefix + e.item.review.identifier)) p.focusRing(min, max, p.px(radius::Small));
                        const float tx = min.x + p.px(space::S), ty = std::round((min.y + max.y - p.font(Role::Meta)->FontSize) / 2);
                        p.text(Role::Meta, ImVec2(tx, ty), hovered ? c.text : c.muted, p.t("report.action"));
                        if (hovered) {
                            const float uy = std::round(ty + p.font(Role::Meta)->FontSize * 0.92f);
                            p.dl.AddLine(ImVec2(tx, uy), ImVec2(max.x - p.px(space::S), uy), c.text, p.hairline());
                        }
                    }
                });
        y += e.height;
        if (report.isOpen() && e.item.review.identifier == report.identifier()) {
            // Close under the review it reports (inside the review's own bottom gap), the gap after it.
            const float stepTop = y - p.px(space::XL) + p.px(space::XS);
            stepHeight = stepTop + reportStep(desk, focus, stepTop) + p.px(space::XL) - y;
            y += stepHeight;
        }
    }

    // The shell's mirror of the list: rebuilt only when the reviews, their
    // layout or the list's place in the content change, never on a scrolled
    // frame (with 50 reviews and their lines it is tens of KB of JSON).
    const nlohmann::json place = {p.controls.rect(top, top), report.identifier(), stepHeight};
    if (mirrorStale_ || place != mirroredPlace_) {
        mirrorStale_ = false;
        mirroredPlace_ = place;
        nlohmann::json items = nlohmann::json::array();
        if (list_.empty())
            items.push_back({{"text", empty}, {"empty", true}, {"rect", p.controls.rect(top, ImVec2(top.x + width_, origin_.y + y))}});
        float ey = top.y;
        for (const ListedEntry& e : list_) {
            const ImVec2 at(top.x, ey);
            const Review& r = e.item.review;
            // The drawn lines (name and date, then the text) for the shell's transparent copy.
            nlohmann::json head = nlohmann::json::array(), lines = nlohmann::json::array(), button;
            nlohmann::json* into = &head;
            placeEntry(
                e, at,
                [&](ImVec2 pos, std::string_view text, Role role, float width) { into->push_back(p.controls.line(pos, width, text, role, p.fonts)); },
                [&](float starsY) {
                    into = &lines;
                    if (const auto box = reportBox(e, at, starsY))
                        button = {{"id", protocol::id::ReportPrefix + r.identifier},
                                  {"kind", protocol::kind::Action},
                                  {"label", p.t("report.title", {{"author", r.authorName.empty() ? p.t("report.anonymous") : r.authorName}})},
                                  {"rect", p.controls.rect(box->first, box->second)}};
                });
            nlohmann::json item = {{"key", r.identifier},
                                   {"head", std::move(head)},
                                   {"rating", starsLabel(p, r.rating)},
                                   {"lines", std::move(lines)},
                                   {"rect", p.controls.rect(at, ImVec2(at.x + width_, at.y + e.height))}};
            if (!button.is_null()) item["report"] = std::move(button);
            ey += e.height;
            if (report.isOpen() && r.identifier == report.identifier()) {
                item["reportAfter"] = true;
                ey += stepHeight;
            }
            items.push_back(std::move(item));
        }
        listMirror_ = nlohmann::json{{"items", std::move(items)}}.dump();
        ++listMirrorVersion_;
    }
    p.controls.add({{"id", protocol::id::Reviews}, {"kind", protocol::kind::List}, {"label", heading}}); // its items: listMirror()
    if (desk.hasMore()) {
        const bool loading = desk.loadingMore();
        const ImVec2 max = p.outlineButton({{"id", protocol::action::ReviewsMore}, {"kind", protocol::kind::Action}},
                                           p.t(loading ? "reviews.loading" : "reviews.more"),
                                           ImVec2(origin_.x, origin_.y + y + p.px(space::XS)), !loading);
        y = max.y - origin_.y;
    }
    return y;
}

} // namespace aw::ui
