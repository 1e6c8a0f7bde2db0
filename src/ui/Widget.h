#pragma once
// The whole widget as the platform layer sees it: content state (loading,
// article, error), the viewport slice being shown, and one ImGui frame.
// It knows nothing of the browser; the platform feeds it input and asks it
// to draw, and hears back through WidgetHost.
#include "ui/ArticleView.h"
#include "ui/ControlList.h"
#include "ui/Drawing.h"
#include "ui/FollowBar.h"
#include "ui/Fonts.h"
#include "ui/Images.h"
#include "ui/NewsLine.h"
#include "core/ReviewDesk.h"
#include "ui/ReviewSection.h"
#include "ui/Theme.h"

#include <memory>
#include <set>
#include <string>

namespace aw::ui {

// The platform's side: page geometry, the text and control layers, the
// review transport and storage (ReviewPort), and the pictures (ImageSource).
class WidgetHost : public ReviewPort, public ImageSource {
public:
    // The content's full height in CSS px: the shell sizes the page box to it.
    virtual void contentHeightChanged(float cssHeight) = 0;
    // JSON of the text layer (see ArticleView::describe), on every layout change.
    virtual void semanticsChanged(const std::string& json) = 0;
    // JSON of the form controls the shell mirrors over the drawn form (ReviewSection::controls).
    virtual void controlsChanged(const std::string& json) = 0;
    // JSON of the review list's mirror (ReviewSection::listMirror), when it changes.
    virtual void listChanged(const std::string& json) = 0;
    virtual void focusControl(const std::string& id) = 0;
    virtual std::string load(const std::string& key) = 0; // "" when nothing is stored
    virtual UnixMillis now() = 0;
    virtual bool hasReviewEndpoint() = 0;
    virtual void warn(const std::string& message) = 0;     // the developer console
    // The content has letters of scripts whose faces are not in: fetch these (protocol::ScriptFace), once each.
    virtual void needFaces(const std::vector<int>& faces) = 0;
};

// The text column: left edge and width, device px.
struct Column {
    float x;
    float width;
};

struct Viewport {
    float cssWidth = 0;
    float cssHeight = 0;   // the canvas: a band around the visible slice (web/widget/viewport.js)
    float dpr = 1;
    float viewTop = 0;     // content y (CSS px) shown at the canvas top
};

class Widget {
public:
    // `fonts`: the page's, shared by all its widgets.
    Widget(WidgetHost& host, Fonts& fonts);

    void setDark(bool dark);
    // Host colours (CSS --aw-accent, --aw-background) as 0xRRGGBB; -1 keeps the theme's own.
    void setColors(int accentRgb, int backgroundRgb);
    // sourceUrl: where the article was loaded from, to mark it in the News Line.
    void setArticle(const Article& article, const std::string& sourceUrl);
    // The reader's language: every message, date and count from now on (the
    // article's meta line and the News Line's times are written again).
    void setMessages(Messages messages);
    const Messages& messages() const { return messages_; }
    const std::string& articleLanguage() const { return shown_.language; }
    void setFeed(Feed feed, std::vector<std::string> timeLabels);
    // The feed with its time labels written here, by the reader's clock, in the reader's language.
    void setFeed(Feed feed, std::int64_t nowSeconds, int utcOffsetMinutes);
    void showMoreNews() { news_.showMore(); }
    // A feed is on its way: wide widgets keep the News Line's place from the
    // first frame, so the article does not jump sideways when it arrives.
    void expectFeed(bool expected) { feedExpected_ = expected; }
    // "Back to: <headline>" above the article after opening one from the News Line; empty hides it.
    void setBackLabel(std::string label);
    // A problem the reader should see instead of the article: what failed, and the detail.
    void showError(Message title, Message detail);

    ReviewDesk* desk() { return desk_.get(); }
    FormFocus& focus() { return focus_; }
    // Send pressed: validates, queues, or moves focus to the first field to fix.
    void submitReview(std::string identifier, std::string dateCreated);
    // An Action control the widget handles itself (a review's Report button,
    // the report step's Send and Close, "Show more reviews"). False for an unknown id.
    bool action(const std::string& id);
    // The server's answer to a report; the keyboard moves on to what is left to press.
    void reportResult(const std::string& identifier, int httpStatus);

    void setViewport(const Viewport& v) { viewport_ = v; }
    const Viewport& viewport() const { return viewport_; }

    // The font set for this frame's width and pixel ratio, built or rebuilt
    // if needed (the renderer uploads a set whose generation it has not seen);
    // nullptr until all faces are in. Call before ImGui::NewFrame().
    const FontSet* prepareFonts();
    // Lays out and draws one frame of ImGui content (between NewFrame and Render).
    // Without `describe` its descriptions for the page (text layer, controls)
    // wait for describe(): the first picture of new content goes out first.
    void draw(bool describe = true);
    // Sends the text layer's semantics and the controls where they changed.
    void describe();
    ImU32 background() const { return palette_.background; }
    unsigned layoutCount() const { return article_.layoutCount(); }

private:
    enum class State { Loading, Article, Error };
    void publishHeight(float cssHeight);
    void publishControls();
    float drawBackLink(const Painter& painter, ImVec2 origin, float width);
    float drawArticle(const Painter& painter, ImVec2 origin, const Column& col, bool wide, float& articleTop);
    float drawError(const Painter& painter, ImVec2 origin, float width);

    WidgetHost& host_;
    Fonts& fonts_;
    const FontSet* set_ = nullptr; // this frame's
    ArticleView article_;
    std::unique_ptr<ReviewDesk> desk_;
    ReviewSection reviews_;
    FollowBarView follow_;
    NewsLineView news_;
    ControlList controls_;
    std::string backLabel_;
    std::set<char32_t> warnedMissing_;
    bool feedExpected_ = false;
    float laidArticleTop_ = -1;
    FormFocus focus_;
    std::string publishedControls_;
    unsigned publishedList_ = 0; // ReviewSection::listMirrorVersion() the shell has
    unsigned registeredReviews_ = ~0u;
    Palette palette_ = lightPalette();
    bool dark_ = false;
    int accentRgb_ = -1, backgroundRgb_ = -1;
    void updatePalette();
    void writeFeedTimes();
    Viewport viewport_;
    Typography type_ = typographyFor(800);
    State state_ = State::Loading;
    Message errorTitle_, errorDetail_;
    Messages messages_;
    Article shown_;                          // the article, to write its meta line again in another language
    std::int64_t feedNow_ = 0;               // the clock the News Line's labels were written by
    int feedOffset_ = 0;
    bool feedClock_ = false;
    float styledScale_ = 0;
    bool styleDirty_ = true;
    float publishedHeight_ = -1;
    bool semanticsDirty_ = true;
    float laidColumnX_ = -1;
};

} // namespace aw::ui
