#include "Widget.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace aw::ui {
namespace {

constexpr float kTopPadding = 8;     // CSS px; the host page supplies the outer margins
constexpr float kBottomPadding = 40;

struct Column {
    float x;
    float width;
};

Column columnFor(const Typography& type, float widthPx, float scale) {
    const float pad = type.sidePadding * scale;
    const float width = std::floor(std::max(0.0f, std::min(type.measure * scale, widthPx - 2 * pad)));
    return Column{std::floor((widthPx - width) * 0.5f), width};
}

} // namespace

Widget::Widget(WidgetHost& host) : host_(host) {}

void Widget::setDark(bool dark) {
    palette_ = dark ? darkPalette() : lightPalette();
    styleDirty_ = true;
}

void Widget::setArticle(const Article& article) {
    article_.setArticle(article, fonts_);
    state_ = State::Article;
    semanticsDirty_ = true;
    // Reviews belong to the article: each gets its own outbox, draft and list.
    desk_ = std::make_unique<ReviewDesk>(host_, article.id, host_.hasReviewEndpoint());
    for (const auto& problem : desk_->restore(host_.load(desk_->outboxKey()), host_.load(desk_->draftKey()),
                                              host_.load(desk_->localKey()), host_.now()))
        host_.warn(problem);
    focus_ = FormFocus{};
    if (desk_->hasEndpoint()) host_.fetchReviews(article.id);
}

void Widget::submitReview(std::string identifier, std::string dateCreated) {
    if (!desk_) return;
    if (const auto invalid = desk_->submit(std::move(identifier), std::move(dateCreated), host_.now())) {
        static const char* kIds[] = {"name", "email", "rating", "body"};
        host_.focusControl(kIds[static_cast<int>(*invalid)]);
    }
}

void Widget::showError(std::string title, std::string detail) {
    fonts_.addText(title);
    fonts_.addText(detail);
    errorTitle_ = std::move(title);
    errorDetail_ = std::move(detail);
    state_ = State::Error;
    semanticsDirty_ = true;
}

bool Widget::prepareFonts() {
    type_ = typographyFor(viewport_.cssWidth);
    return fonts_.update(type_, viewport_.dpr);
}

void Widget::draw() {
    if (!fonts_.hasAllFaces() || !fonts_.get(Role::Body)) return;
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
    ImGui::PushFont(fonts_.get(Role::Ui));

    const Column col = columnFor(type_, display.x, scale);
    if (col.x != laidColumnX_) {
        laidColumnX_ = col.x; // the text layer's positions move with the column
        semanticsDirty_ = true;
    }
    const float top = std::round(kTopPadding * scale);
    const ImVec2 origin(col.x, top - std::round(viewport_.viewTop * scale));
    float contentHeight = 0; // device px
    if (state_ == State::Article) {
        if (article_.layout(fonts_, type_, col.width, scale)) semanticsDirty_ = true;
        article_.draw(*ImGui::GetWindowDrawList(), fonts_, palette_, origin, 0, display.y);
        float below = article_.height();
        if (desk_) {
            if (desk_->version() != registeredReviews_) {
                registeredReviews_ = desk_->version(); // names and texts from other readers need their glyphs
                for (const auto& l : desk_->list()) fonts_.addText(l.review.authorName), fonts_.addText(l.review.body);
            }
            const ImVec2 contentOrigin(0, origin.y - top);
            below += reviews_.draw(*desk_, focus_, fonts_, palette_, ImVec2(origin.x, origin.y + below), col.width, scale, contentOrigin);
            nlohmann::json controls = {{"item", desk_->outboxKey()}, {"valueVersion", desk_->form().valueVersion()},
                                       {"controls", reviews_.controls()}};
            std::string json = controls.dump();
            if (json != publishedControls_) {
                publishedControls_ = std::move(json);
                host_.controlsChanged(publishedControls_);
            }
        }
        contentHeight = top + below + kBottomPadding * scale;
    } else if (state_ == State::Error) {
        ImGui::SetCursorScreenPos(origin);
        ImGui::PushTextWrapPos(col.x + col.width);
        ImGui::PushFont(fonts_.get(Role::UiBold));
        ImGui::PushStyleColor(ImGuiCol_Text, palette_.errorText);
        ImGui::TextUnformatted(errorTitle_.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::TextUnformatted(errorDetail_.c_str());
        ImGui::Dummy(ImVec2(0, 4 * scale));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
        if (ImGui::Button("Try again")) host_.retryRequested();
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        contentHeight = ImGui::GetCursorScreenPos().y - origin.y + top + kBottomPadding * scale;
    }
    ImGui::PopFont();
    ImGui::End();
    publish(contentHeight / scale, col.x / scale, top / scale);
}

void Widget::publish(float cssHeight, float columnX, float columnTop) {
    cssHeight = std::ceil(cssHeight);
    if (cssHeight != publishedHeight_) {
        publishedHeight_ = cssHeight;
        host_.contentHeightChanged(cssHeight);
    }
    if (!semanticsDirty_) return;
    semanticsDirty_ = false;
    nlohmann::json blocks = nlohmann::json::array();
    if (state_ == State::Article) article_.describe(blocks, fonts_, ImVec2(columnX, columnTop), viewport_.dpr);
    if (state_ == State::Error) blocks.push_back({{"role", "alert"}, {"text", errorTitle_ + ". " + errorDetail_}});
    host_.semanticsChanged(nlohmann::json{{"blocks", blocks}}.dump());
}

} // namespace aw::ui
