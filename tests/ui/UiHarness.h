#pragma once
// The widget's views run natively, fed the way src/platform/WebMain.cpp feeds
// them (faces, article, feed, viewport, frames), with no renderer: the tests
// look only at what the shell would receive (the host's JSON and heights)
// and at Dear ImGui's draw data, never at the views' internals.
#include "ui/Widget.h"

#include "../unit/TestHelpers.h" // readRepoFile

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace uitest {

using nlohmann::json;

// The platform's side, recording everything the widget tells it.
class FakeHost final : public aw::ui::WidgetHost {
public:
    std::vector<float> heights;
    std::vector<std::string> semantics, controls, lists, focusRequests, warnings, fetches;
    std::vector<std::pair<std::string, std::string>> posts, reports;
    std::vector<std::string> pageFetches, summaryFetches;
    std::map<std::string, std::string> storage; // localStorage: load() reads what store() wrote
    bool endpoint = true;
    aw::UnixMillis clock = 1711000000000; // 2024-03-21

    // Parsed anew on each call: bind the result to a local before iterating a member of it.
    json lastControls() const { return json::parse(controls.at(controls.size() - 1)); }
    json lastSemantics() const { return json::parse(semantics.at(semantics.size() - 1)); }
    json lastList() const { return json::parse(lists.at(lists.size() - 1)).at("items"); } // the list message's items

    void contentHeightChanged(float h) override { heights.push_back(h); }
    void semanticsChanged(const std::string& j) override { semantics.push_back(j); }
    void controlsChanged(const std::string& j) override { controls.push_back(j); }
    void listChanged(const std::string& j) override { lists.push_back(j); }
    void focusControl(const std::string& id) override { focusRequests.push_back(id); }
    std::string load(const std::string& key) override;
    aw::UnixMillis now() override { return clock; }
    bool hasReviewEndpoint() override { return endpoint; }
    void fetchReviews(const std::string& item, const std::string& page, bool) override {
        (page.empty() ? fetches : pageFetches).push_back(page.empty() ? item : page);
    }
    void fetchSummary(const std::string& item, bool) override { summaryFetches.push_back(item); }
    void report(const std::string& id, const std::string& body) override { reports.emplace_back(id, body); }
    void warn(const std::string& message) override { warnings.push_back(message); }
    void post(const std::string& id, const std::string& j) override { posts.emplace_back(id, j); }
    void store(const std::string& key, const std::string& value) override;
    void wakeAt(aw::UnixMillis) override {}
    // Pictures: each URL asked to load, and what the test says of each (Loading until then).
    std::vector<std::string> imageLoads;
    std::map<std::string, aw::ui::ImageState> images;
    aw::ui::ImageState image(const std::string& url, bool load) override {
        const auto it = images.find(url);
        if (it != images.end()) return it->second;
        if (!load) return {};
        imageLoads.push_back(url);
        return images[url] = aw::ui::ImageState{aw::ui::ImageState::Status::Loading, nullptr, 0, 0};
    }
    std::vector<int> facesNeeded; // every NeedFaces request, in order
    void needFaces(const std::vector<int>& faces) override { facesNeeded.insert(facesNeeded.end(), faces.begin(), faces.end()); }
};

// A NeedFaces index's file, as the shell fetches it ("fonts/scripts/cyrillic-sans-regular.ttf").
std::string scriptFaceFile(int face);

inline const char* const kSite = "https://news.example/";
inline const char* const kDefaultArticle = "articles/stoltenberg-baku.json";

// One widget in its own ImGui context with the shipped fonts loaded.
class UiSession {
public:
    explicit UiSession(bool reviewEndpoint = true);
    ~UiSession();
    UiSession(const UiSession&) = delete;
    UiSession& operator=(const UiSession&) = delete;

    FakeHost host;
    aw::ui::Widget& widget() { return *widget_; }
    aw::ui::Fonts& fonts() { return fonts_; } // the page's, as the runtime shares them
    // As the shell does, each script face a NeedFaces asks for is read (from the
    // build's subset fonts) and set before the next frame; off, they stay asked for.
    bool serveScriptFaces = true;

    // An article of assets/ (path under assets/), parsed as aw_set_article does.
    void loadArticle(const std::string& asset = kDefaultArticle);
    // Article JSON given as text; false when it did not parse (the error view shows then).
    // `blocks`: the shell's reading of an HTML body (rich-text.js), "" for none.
    bool loadArticleJson(const std::string& text, const std::string& asset = kDefaultArticle, const std::string& blocks = "");
    // assets/news-line.json (or `text`), as aw_set_feed does: parsed against the feed's URL, labelled with the clock.
    void loadFeed(const std::string& text = readRepoFile("assets/news-line.json"));
    // The widget's language, its catalog read from web/widget/locales/ (as aw_set_language gets it from the
    // shell), English under it; `rules` count and write dates (English's by default). English is set at start.
    void setLanguage(const std::string& language, std::shared_ptr<const aw::LocaleRules> rules = nullptr);

    // Runs `n` frames of a canvas `cssWidth` CSS px wide at `dpr`, showing
    // content from `viewTop`. The canvas is tall enough to show the whole
    // content unless cssHeight is given. Without `describe` the frames are a
    // widget's first pictures, whose descriptions wait for Widget::describe().
    void frames(float cssWidth, float dpr, int n = 2, float viewTop = 0, float cssHeight = 12000, bool describe = true);

    // The shell's form events (WebMain's aw_form_* functions).
    void type(const std::string& control, const std::string& value);
    void moveFocus(const std::string& to, const std::string& left);
    void rate(int stars);
    void submit();
    // A valid review typed in and sent: Ann, 4 stars, "Clear and useful.".
    void sendReview();

    // Server reviews, newest first, `count` of them; `name`/`body` override the first one's;
    // `next`: the URL of a further page.
    void serveReviews(int count, const std::string& name = "", const std::string& body = "", const std::string& next = "");
    // GET summary's answer: 37 reviews, 4.2 on average.
    void serveSummary();

private:
    bool serveAskedFaces();
    std::size_t servedFaces_ = 0; // host.facesNeeded served so far
    ImFontAtlas placeholder_; // the context starts on it and draws with each frame's set, as in WebMain
    ImGuiContext* context_;
    aw::ui::Fonts fonts_;
    std::unique_ptr<aw::ui::Widget> widget_;
};

// Words from elsewhere, shown as they are (what the shell hands aw_show_error).
inline aw::Message plainWords(std::string text) { return {"", {{"text", std::move(text)}}}; }

// Controls of the last published controls JSON.
json controlById(const json& controls, const std::string& id);
std::vector<json> controlsOfPart(const json& controls, const std::string& part);

// A box {x, y, width, height} in CSS px (a Rect or a Line of the protocol).
struct Box {
    float x, y, w, h;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};
Box boxOf(const json& rect);

// Every positioned line the shell receives: the text layer's lines, the
// controls' `lines`, the list mirror's `head` and `lines` (all {x, y, width, height, text, ...}).
std::vector<json> allLines(const FakeHost& host);

// The glyphs of the last rendered frame, one entry per triangle (two per
// glyph, each spanning its quad), clipped to their draw command's clip rect,
// in CSS px of the canvas.
struct GlyphInk {
    float left, top, right, bottom;
};
std::vector<GlyphInk> glyphsDrawn(float dpr);

} // namespace uitest
