#include "ui/Widget.h"

#include "ui/Drawing.h"
#include "core/Utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace aw::ui {
namespace {


Column columnFor(const Typography& type, float widthPx, float scale) {
    const float pad = type.sidePadding * scale;
    const float width = std::floor(std::max(0.0f, std::min(type.measure * scale, widthPx - 2 * pad)));
    return Column{std::floor((widthPx - width) * 0.5f), width};
}

} // namespace

Widget::Widget(WidgetHost& host, Fonts& fonts) : host_(host), fonts_(fonts) {}

void Widget::setMessages(Messages messages) {
    messages_ = std::move(messages);
    for (const char* heading : kSectionHeadings) fonts_.addText(messages_.text(heading), Fonts::Usage::Section);
    for (const auto& text : messages_.allTexts()) fonts_.addText(text);
    if (state_ == State::Article) article_.setArticle(shown_, fonts_, messages_);
    if (feedClock_) writeFeedTimes();
    reviews_.languageChanged();
    semanticsDirty_ = true;
}

void Widget::setDark(bool dark) {
    dark_ = dark;
    updatePalette();
}

void Widget::setColors(int accentRgb, int backgroundRgb) {
    accentRgb_ = accentRgb;
    backgroundRgb_ = backgroundRgb;
    updatePalette();
}

void Widget::updatePalette() {
    palette_ = dark_ ? darkPalette() : lightPalette();
    const auto rgb = [](int c) { return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, 0xFF); };
    if (accentRgb_ >= 0) palette_.accent = rgb(accentRgb_);
    if (backgroundRgb_ >= 0) palette_.background = rgb(backgroundRgb_);
    styleDirty_ = true;
}

void Widget::setArticle(const Article& article, const std::string& sourceUrl) {
    shown_ = article;
    article_.setArticle(article, fonts_, messages_);
    news_.setCurrent(sourceUrl);
    aw::FollowBar bar = followBar(article.publisherProfiles);
    for (const auto& w : bar.warnings) host_.warn("follow button dropped: " + w);
    for (const auto& l : bar.links) fonts_.addText(l.label), fonts_.addText(l.url);
    follow_.setLinks(std::move(bar));
    state_ = State::Article;
    semanticsDirty_ = true;
    // Reviews belong to the article: each gets its own outbox, draft and list.
    desk_ = std::make_unique<ReviewDesk>(host_, article.id, host_.hasReviewEndpoint());
    reviews_.newDesk();
    registeredReviews_ = ~0u;
    for (const auto& problem : desk_->restore(host_.load(desk_->outboxKey()), host_.load(desk_->draftKey()),
                                              host_.load(desk_->localKey()), host_.now(), host_.load(desk_->awaitingKey()),
                                              host_.load(desk_->sentKey())))
        host_.warn(problem);
    if (!desk_->form().isEmpty()) fonts_.enableTyping(); // a restored draft is drawn in the first picture
    focus_ = FormFocus{};
    desk_->fetch();
}

void Widget::setFeed(Feed feed, std::int64_t nowSeconds, int utcOffsetMinutes) {
    feedClock_ = true;
    feedNow_ = nowSeconds;
    feedOffset_ = utcOffsetMinutes;
    setFeed(std::move(feed), {});
    writeFeedTimes();
}

void Widget::writeFeedTimes() {
    std::vector<std::string> labels;
    for (const auto& item : news_.feed().items) {
        labels.push_back(formatItemTime(item.datePublished, feedNow_, feedOffset_, messages_.rules()));
        fonts_.addText(labels.back());
    }
    news_.setTimeLabels(std::move(labels));
}

void Widget::setFeed(Feed feed, std::vector<std::string> timeLabels) {
    for (const auto& w : feed.warnings) host_.warn("News Line: " + w);
    for (const auto& item : feed.items) fonts_.addText(item.title);
    for (const auto& l : timeLabels) fonts_.addText(l);
    news_.setFeed(std::move(feed), std::move(timeLabels));
}

void Widget::setBackLabel(std::string label) {
    fonts_.addText(label);
    backLabel_ = std::move(label);
}

// "← Back to: …" above the headline, on one line: a long headline ends in
// "…". The shell's button over it goes back. Noto Sans has no arrows, so the
// arrow is drawn.
float Widget::drawBackLink(const Painter& p, ImVec2 origin, float width) {
    if (backLabel_.empty()) return 0;
    const ImFont* bold = p.font(Role::UiBold);
    const float h = p.px(size::TouchTarget);
    // The arrow is as wide as 0.6 em of the label, with 0.35 em before the text.
    const float arrowW = std::round(bold->FontSize * 0.6f);
    const float textX = origin.x + arrowW + std::round(bold->FontSize * 0.35f);
    const float room = origin.x + width - textX;
    const std::string label = p.t("back.label", {{"headline", backLabel_}});
    std::string text = label;
    const AdvanceFn advance = advanceOf(bold);
    if (breakLines(text, room, advance).size() > 1) {
        const char* const ellipsis = "\xE2\x80\xA6";
        text = text.substr(0, breakLines(text, room - p.textWidth(Role::UiBold, ellipsis), advance).front().end) + ellipsis;
    }
    const ImVec2 min = origin;
    const ImVec2 max(textX + p.textWidth(Role::UiBold, text), origin.y + h);
    p.control({{"id", protocol::action::Back}, {"kind", protocol::kind::Action}, {"label", label}}, min, max,
              p.px(radius::Small));
    const float cy = std::round(origin.y + h / 2);
    const float t = std::max(1.0f, p.px(size::Stroke));
    const ImVec2 head[] = {{origin.x + arrowW / 2, cy - arrowW / 2}, {origin.x, cy}, {origin.x + arrowW / 2, cy + arrowW / 2}};
    p.dl.AddPolyline(head, 3, palette_.accent, ImDrawFlags_None, t);
    p.dl.AddLine(ImVec2(origin.x + t / 2, cy), ImVec2(origin.x + arrowW, cy), palette_.accent, t);
    p.text(Role::UiBold, ImVec2(textX, std::round(origin.y + (h - bold->FontSize) / 2)), palette_.accent, text);
    return h + p.px(space::M);
}

void Widget::submitReview(std::string identifier, std::string dateCreated) {
    if (!desk_) return;
    if (const auto invalid = desk_->submit(std::move(identifier), std::move(dateCreated), host_.now())) {
        host_.focusControl(fieldId(*invalid));
    }
}

bool Widget::action(const std::string& id) {
    if (!desk_) return false;
    namespace action = protocol::action;
    const std::string prefix = protocol::id::ReportPrefix;
    if (id.rfind(prefix, 0) == 0) {
        desk_->openReport(id.substr(prefix.size()));
        if (desk_->reporting().isOpen()) host_.focusControl(protocol::id::ReportReason);
    } else if (id == action::ReportClose) {
        const std::string reported = desk_->reporting().identifier();
        desk_->closeReport();
        if (!reported.empty()) host_.focusControl(prefix + reported); // back where the reader started
    } else if (id == action::ReportSend) {
        desk_->sendReport();
        if (desk_->reporting().step() == ReportFlow::Step::Choosing && desk_->reporting().reason() == ReportReason::None)
            host_.focusControl(protocol::id::ReportReason);
    } else if (id == action::ReviewsMore) {
        desk_->showMore();
    } else {
        return false;
    }
    return true;
}

void Widget::reportResult(const std::string& identifier, int status) {
    if (!desk_) return;
    desk_->onReportResult(identifier, status);
    const auto step = desk_->reporting().step();
    if (step == ReportFlow::Step::Sent || step == ReportFlow::Step::Gone) host_.focusControl(protocol::action::ReportClose);
}

void Widget::showError(Message title, Message detail) {
    fonts_.addText(messages_.text(title));
    fonts_.addText(messages_.text(detail));
    errorTitle_ = std::move(title);
    errorDetail_ = std::move(detail);
    state_ = State::Error;
    semanticsDirty_ = true;
}

const FontSet* Widget::prepareFonts() {
    if (desk_) {
        // A restored draft or a refused review put back into the form may hold any typed character.
        if (!desk_->form().isEmpty()) fonts_.enableTyping();
        // Names and texts from other readers need their glyphs, in the atlas before the list is
        // first laid out (else it is laid out and mirrored again a frame later).
        if (desk_->version() != registeredReviews_) {
            registeredReviews_ = desk_->version();
            for (const auto& l : desk_->list()) fonts_.addText(l.review.authorName), fonts_.addText(l.review.body);
        }
    }
    std::vector<int> needed;
    for (ScriptFace f : fonts_.neededScriptFaces()) needed.push_back(static_cast<int>(f));
    if (!needed.empty()) host_.needFaces(needed);
    type_ = typographyFor(viewport_.cssWidth);
    set_ = fonts_.update(type_, viewport_.dpr);
    if (!set_) return nullptr;
    // Readers see U+FFFD where the fonts lack a character; the publisher is told which, once.
    const std::set<char32_t>& missing = set_->missing();
    if (!missing.empty() && missing != warnedMissing_) {
        warnedMissing_ = missing;
        std::string list;
        for (char32_t c : missing) {
            if (list.size() > 40) { list += " \xE2\x80\xA6"; break; }
            if (!list.empty()) list += ' ';
            utf8::append(list, c);
        }
        char first[12];
        std::snprintf(first, sizeof first, "U+%04X", static_cast<unsigned>(*missing.begin()));
        host_.warn("the fonts have no glyphs for " + std::to_string(missing.size()) + " characters of this content (" + list +
                   "; the first is " + first + "), drawn as \xEF\xBF\xBD instead. The fonts cover Latin, Latin Extended and Cyrillic, and Georgian and Armenian for content that has them.");
    }
    return set_;
}

void Widget::draw(bool describe) {
    if (!set_) return;
    const float scale = viewport_.dpr;
    if (styleDirty_ || scale != styledScale_) {
        applyStyle(palette_, scale);
        styledScale_ = scale;
        styleDirty_ = false;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::Begin("##widget", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PushFont(set_->get(Role::Ui));
    const Painter painter(*ImGui::GetWindowDrawList(), *set_, palette_, scale, controls_, focus_.control, messages_);

    // Wide widgets put the News Line beside the article; narrow ones under everything.
    Column col = columnFor(type_, display.x, scale);
    const float sideW = painter.px(type_.sidebar), gap = painter.px(type_.sidebarGap);
    const bool wide = state_ == State::Article && (feedExpected_ || !news_.empty()) &&
                      display.x >= std::round((type_.measure + type_.sidebarGap + type_.sidebar + 2 * type_.sidePadding) * scale);
    if (wide) col.x = std::floor((display.x - col.width - gap - sideW) / 2);
    const float top = painter.px(space::ContentTop);
    const ImVec2 origin(col.x, top - std::round(viewport_.viewTop * scale));
    controls_.begin(ImVec2(0, origin.y - top), scale);
    float articleTop = top;
    const float contentHeight = state_ == State::Article ? drawArticle(painter, origin, col, wide, articleTop)
                              : state_ == State::Error   ? drawError(painter, origin, col.width)
                                                         : 0; // device px, from the content's top
    ImGui::PopFont();
    ImGui::End();
    if (col.x != laidColumnX_ || articleTop != laidArticleTop_) {
        laidColumnX_ = col.x; // the text layer's positions move with the column
        laidArticleTop_ = articleTop;
        semanticsDirty_ = true;
    }
    publishHeight((top + contentHeight + space::ContentBottom * scale) / scale);
    if (describe) this->describe();
}

// The article, then the review form, the follow bar and the News Line (beside
// the article when `wide`). Returns the height used; articleTop gets the
// headline's top, below a "Back to" link.
float Widget::drawArticle(const Painter& p, ImVec2 origin, const Column& col, bool wide, float& articleTop) {
    const float back = drawBackLink(p, origin, col.width);
    articleTop += back;
    if (article_.layout(p.fonts, type_, col.width, p.scale)) semanticsDirty_ = true;
    article_.draw(p, ImVec2(origin.x, origin.y + back), 0, ImGui::GetIO().DisplaySize.y, host_);
    float below = back + article_.height();
    if (desk_) {
        below += reviews_.draw(p, *desk_, focus_, ImVec2(origin.x, origin.y + below), col.width);
    }
    const float sectionGap = p.px(space::Section);
    if (!follow_.empty()) {
        below += sectionGap;
        below += follow_.draw(p, ImVec2(origin.x, origin.y + below), col.width);
    }
    float sideBottom = 0;
    if (!news_.empty() && wide) {
        const ImVec2 side(col.x + col.width + p.px(type_.sidebarGap), origin.y);
        sideBottom = news_.draw(p, side, p.px(type_.sidebar));
    } else if (!news_.empty()) {
        below += sectionGap;
        below += news_.draw(p, ImVec2(origin.x, origin.y + below), col.width);
    }
    return std::max(below, sideBottom);
}

// What went wrong, in words, and a "Try again" button. Returns the height used.
float Widget::drawError(const Painter& p, ImVec2 origin, float width) {
    const float lineH = p.lineHeight(Role::Ui); // the title in bold on the detail's lines
    float y = p.wrapped(p.t(errorTitle_), Role::UiBold, palette_.errorText, origin, width, lineH);
    y += p.wrapped(p.t(errorDetail_), Role::Ui, palette_.text, ImVec2(origin.x, origin.y + y), width, lineH);
    const ImVec2 bmin(origin.x, origin.y + y + p.px(space::M));
    const ImVec2 bmax(bmin.x + p.px(size::RetryWidth), bmin.y + p.px(size::TouchTarget));
    p.accentButton({{"id", protocol::action::Retry}, {"kind", protocol::kind::Action}}, p.t("error.retry"), bmin, bmax, true);
    return bmax.y - origin.y;
}

void Widget::publishControls() {
    nlohmann::json controls = {{"item", state_ == State::Article && desk_ ? desk_->outboxKey() : std::string()},
                               {"valueVersion", desk_ ? desk_->form().valueVersion() : 0u},
                               {"controls", controls_.items()}};
    // The list's mirror first, so the list control finds its items.
    if (reviews_.listMirrorVersion() != publishedList_) {
        publishedList_ = reviews_.listMirrorVersion();
        host_.listChanged(reviews_.listMirror());
    }
    std::string json = controls.dump();
    if (json != publishedControls_) {
        publishedControls_ = std::move(json);
        host_.controlsChanged(publishedControls_);
    }
}

void Widget::publishHeight(float cssHeight) {
    cssHeight = std::ceil(cssHeight);
    if (cssHeight != publishedHeight_) {
        publishedHeight_ = cssHeight;
        host_.contentHeightChanged(cssHeight);
    }
}

void Widget::describe() {
    publishControls();
    // Between frames the fonts may be on their way (a script face asked for by another widget's
    // content): no set, no text to describe. It stays due for the frame drawn with them.
    if (state_ == State::Article && !set_) return;
    if (!semanticsDirty_) return;
    semanticsDirty_ = false;
    const float scale = viewport_.dpr; // the column was laid out in device pixels
    nlohmann::json blocks = nlohmann::json::array();
    if (state_ == State::Article && set_) article_.describe(blocks, *set_, ImVec2(laidColumnX_ / scale, laidArticleTop_ / scale), scale);
    if (state_ == State::Error) blocks.push_back({{"role", protocol::role::Alert}, {"text", messages_.text(errorTitle_) + ". " + messages_.text(errorDetail_)}});
    host_.semanticsChanged(nlohmann::json{{"blocks", blocks}}.dump());
}

} // namespace aw::ui
