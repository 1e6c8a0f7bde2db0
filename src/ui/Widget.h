#pragma once
// The whole widget as the platform layer sees it: content state (loading,
// article, error), the viewport slice being shown, and one ImGui frame.
// It knows nothing of the browser; the platform feeds it input and asks it
// to draw, and hears back through WidgetHost.
#include "ArticleView.h"
#include "Fonts.h"
#include "Theme.h"

#include <string>

namespace aw::ui {

class WidgetHost {
public:
    virtual ~WidgetHost() = default;
    // The content's full height in CSS px: the shell sizes the page box to it.
    virtual void contentHeightChanged(float cssHeight) = 0;
    // JSON of the text layer (see ArticleView::describe), on every layout change.
    virtual void semanticsChanged(const std::string& json) = 0;
    virtual void retryRequested() = 0;
};

struct Viewport {
    float cssWidth = 0;
    float cssHeight = 0;   // the canvas: at most the browser's viewport
    float dpr = 1;
    float viewTop = 0;     // content y (CSS px) shown at the canvas top
};

class Widget {
public:
    explicit Widget(WidgetHost& host);

    Fonts& fonts() { return fonts_; }
    void setDark(bool dark);
    void setArticle(const Article& article);
    // A problem the reader should see instead of the article: what failed, and the detail.
    void showError(std::string title, std::string detail);

    void setViewport(const Viewport& v) { viewport_ = v; }
    const Viewport& viewport() const { return viewport_; }

    // Rebuilds fonts if needed. Returns true when the atlas changed and the
    // renderer must upload it again. Call before ImGui::NewFrame().
    bool prepareFonts();
    // Lays out and draws one frame of ImGui content (between NewFrame and Render).
    void draw();
    ImU32 background() const { return palette_.background; }
    unsigned layoutCount() const { return article_.layoutCount(); }

private:
    enum class State { Loading, Article, Error };
    void publish(float cssHeight, float columnX, float columnTop);

    WidgetHost& host_;
    Fonts fonts_;
    ArticleView article_;
    Palette palette_ = lightPalette();
    Viewport viewport_;
    Typography type_ = typographyFor(800);
    State state_ = State::Loading;
    std::string errorTitle_, errorDetail_;
    float styledScale_ = 0;
    bool styleDirty_ = true;
    float publishedHeight_ = -1;
    bool semanticsDirty_ = true;
    float laidColumnX_ = -1;
};

} // namespace aw::ui
