// The browser seam. The JS shell (web/widget/article-widget.js) owns the DOM:
// it listens to events, fetches content and schedules frames with
// requestAnimationFrame only while something changes. It calls the exported
// aw_* functions below (each EMSCRIPTEN_KEEPALIVE one is exported, the
// build lists them from this file); the C++ side answers with the messages of
// Protocol.h through Module.onMessage.
#include "Article.h"
#include "Feed.h"
#include "Protocol.h"
#include "Widget.h"

#include <emscripten.h>
#include "GlRenderer.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <memory>

// One channel for every message of the protocol: its type and a JSON payload.
EM_JS(void, js_message, (const char* type, const char* json), { Module["onMessage"](UTF8ToString(type), JSON.parse(UTF8ToString(json))); });
EM_JS(void, js_warn, (const char* message), { console.warn("[article-widget]", UTF8ToString(message)); });
EM_JS(int, js_has_reviews_endpoint, (), { return Module["hasReviewsEndpoint"]() ? 1 : 0; });
EM_JS(double, js_now, (), { return Date.now(); });
// localStorage may be missing or refuse (private modes, quotas): the widget then just forgets.
EM_JS(void, js_store, (const char* key, const char* value), {
    try {
        const v = UTF8ToString(value);
        if (v) localStorage.setItem(UTF8ToString(key), v); else localStorage.removeItem(UTF8ToString(key));
    } catch (e) { console.warn("[article-widget] could not save to localStorage:", e.message); }
});
EM_JS(char*, js_load, (const char* key), {
    let v = null;
    try { v = localStorage.getItem(UTF8ToString(key)); } catch (e) {}
    if (v === null) return 0;
    const size = lengthBytesUTF8(v) + 1;
    const ptr = _malloc(size);
    stringToUTF8(v, ptr, size);
    return ptr;
});
EM_JS(int, js_create_gl_context, (), {
    // The canvas is the instance's own element, handed in as Module.canvas.
    const handle = GL.createContext(Module["canvas"], {
        alpha: false, depth: false, stencil: false, antialias: false,
        premultipliedAlpha: true, preserveDrawingBuffer: false,
        powerPreference: "low-power", majorVersion: 2, minorVersion: 0,
        enableExtensionsByDefault: false, // WebGL 2 core is all it uses; enabling every extension cost 300 ms
    });
    if (handle) GL.makeContextCurrent(handle);
    return handle;
});

namespace {

namespace message = aw::protocol::message;

void send(const char* type, const nlohmann::json& payload) { js_message(type, payload.dump().c_str()); }

class WebHost final : public aw::ui::WidgetHost {
public:
    void contentHeightChanged(float h) override { send(message::ContentHeight, {{"height", h}}); }
    void semanticsChanged(const std::string& json) override { js_message(message::Semantics, json.c_str()); }
    void controlsChanged(const std::string& json) override { js_message(message::Controls, json.c_str()); }
    void listChanged(const std::string& json) override { js_message(message::List, json.c_str()); }
    void focusControl(const std::string& id) override { send(message::FocusControl, {{"id", id}}); }
    std::string load(const std::string& key) override {
        char* v = js_load(key.c_str());
        if (!v) return {};
        std::string s(v);
        std::free(v);
        return s;
    }
    aw::UnixMillis now() override { return static_cast<aw::UnixMillis>(js_now()); }
    bool hasReviewEndpoint() override { return js_has_reviews_endpoint() != 0; }
    void fetchReviews(const std::string& item) override { send(message::FetchReviews, {{"item", item}}); }
    void warn(const std::string& message) override { js_warn(message.c_str()); }
    void post(const std::string& id, const std::string& json) override {
        send(message::PostReview, {{"identifier", id}, {"body", json}});
    }
    void store(const std::string& key, const std::string& value) override { js_store(key.c_str(), value.c_str()); }
    void wakeAt(aw::UnixMillis when) override { send(message::WakeAt, {{"at", when}}); }
};

struct App {
    WebHost host;
    aw::platform::GlRenderer renderer;
    aw::ui::Widget widget{host};
    bool fontsReady = false;
    bool atlasPending = false; // built on the CPU, not yet uploaded
    double lastFrameMs = 0;
    int settleFrames = 2; // ImGui needs a frame or two after input to show its effect
};

std::unique_ptr<App> app;

void wake(int frames = 2) { app->settleFrames = std::max(app->settleFrames, frames); }

} // namespace

extern "C" {

// No WebGL here: creating a context waits for the browser's GPU process, which
// is busy with the page's first paint, so aw_frame creates it only once the
// first picture's CPU work (atlas, layout, draw lists) is done.
EMSCRIPTEN_KEEPALIVE void aw_init() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendPlatformName = "article-widget-web";
    app = std::make_unique<App>();
}

// The shell allocates `data` with _malloc; the widget takes it over.
EMSCRIPTEN_KEEPALIVE void aw_set_face(int face, unsigned char* data, int size) {
    app->widget.fonts().setFace(static_cast<aw::ui::Face>(face), std::vector<unsigned char>(data, data + size));
    std::free(data);
    wake();
}

EMSCRIPTEN_KEEPALIVE int aw_set_article(const char* json, int size, const char* sourceUrl) {
    const auto parsed = aw::parseArticle(std::string_view(json, static_cast<std::size_t>(size)));
    wake();
    if (parsed) {
        app->widget.setArticle(parsed.value(), sourceUrl);
        return 1;
    }
    app->widget.showError("This article could not be shown", "The article file is damaged: " + parsed.error() + ".");
    send(message::ArticleError, {{"message", parsed.error()}});
    return 0;
}

// The News Line's JSON Feed, fetched from feedUrl (absolute), with the reader's clock for the time labels.
EMSCRIPTEN_KEEPALIVE void aw_set_feed(const char* json, const char* feedUrl, double nowSeconds, int utcOffsetMinutes) {
    auto feed = aw::parseFeed(json, feedUrl);
    if (!feed) {
        app->host.warn("News Line not shown: " + feed.error());
        app->widget.expectFeed(false);
        wake();
        return;
    }
    std::vector<std::string> labels;
    for (const auto& item : feed.value().items)
        labels.push_back(aw::formatItemTime(item.datePublished, static_cast<std::int64_t>(nowSeconds), utcOffsetMinutes));
    app->widget.setFeed(std::move(feed.value()), std::move(labels));
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_expect_feed(int expected) {
    app->widget.expectFeed(expected != 0);
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_news_more() {
    app->widget.showMoreNews();
    wake();
}

// The shell calls this when the page is idle after the first picture, so the
// glyphs for typing are ready before the reader reaches the form.
EMSCRIPTEN_KEEPALIVE void aw_prepare_typing() {
    app->widget.fonts().enableTyping();
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_set_back(const char* label) {
    app->widget.setBackLabel(label);
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_show_error(const char* title, const char* detail) {
    app->widget.showError(title, detail);
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_set_dark(int dark) {
    app->widget.setDark(dark != 0);
    wake();
}

// The host page's --aw-accent and --aw-background (web/widget/host-colors.js), 0xRRGGBB; -1 keeps the theme's.
EMSCRIPTEN_KEEPALIVE void aw_set_colors(int accentRgb, int backgroundRgb) {
    app->widget.setColors(accentRgb, backgroundRgb);
    wake();
}

// Canvas size in CSS px, the device pixel ratio, and the content y shown at its top.
EMSCRIPTEN_KEEPALIVE void aw_set_viewport(float cssWidth, float cssHeight, float dpr, float viewTop) {
    app->widget.setViewport(aw::ui::Viewport{cssWidth, cssHeight, dpr, viewTop});
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_pointer_move(float x, float y) {
    const float dpr = app->widget.viewport().dpr;
    ImGui::GetIO().AddMousePosEvent(x * dpr, y * dpr);
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_pointer_leave() {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    wake();
}

// The review form. The shell's real form controls report what the reader does.
EMSCRIPTEN_KEEPALIVE void aw_form_input(const char* id, const char* value, unsigned selStart, unsigned selEnd) {
    aw::ReviewDesk* desk = app->widget.desk();
    const auto field = aw::ui::fieldOfId(id);
    if (!desk || !field) return;
    desk->form().edit(*field, value);
    desk->draftChanged();
    app->widget.focus() = aw::ui::FormFocus{id, selStart, selEnd};
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_form_select(const char* id, unsigned selStart, unsigned selEnd) {
    app->widget.focus() = aw::ui::FormFocus{id, selStart, selEnd};
    wake();
}

// Focus moved to control `id` ("" when it left the form); the one that had it was left.
EMSCRIPTEN_KEEPALIVE void aw_form_focus(const char* id, const char* left) {
    app->widget.fonts().enableTyping();
    aw::ReviewDesk* desk = app->widget.desk();
    if (const auto field = aw::ui::fieldOfId(left); desk && field) desk->form().leave(*field);
    app->widget.focus().control = id;
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_form_rating(int stars) {
    if (aw::ReviewDesk* desk = app->widget.desk()) {
        desk->form().setRating(stars);
        desk->draftChanged();
    }
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_form_honeypot(const char* value) {
    if (aw::ReviewDesk* desk = app->widget.desk()) desk->form().setHoneypot(value);
}

EMSCRIPTEN_KEEPALIVE void aw_review_submit(const char* identifier, const char* dateCreated) {
    app->widget.submitReview(identifier, dateCreated);
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_review_result(const char* identifier, const char* body, int status) {
    if (aw::ReviewDesk* desk = app->widget.desk()) desk->onResult(identifier, status, body, app->host.now());
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_reviews_list(const char* json) {
    aw::ReviewDesk* desk = app->widget.desk();
    if (desk && desk->setServerReviews(json) > 0) app->host.warn("some reviews from the server could not be read");
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_reviews_pump() {
    if (aw::ReviewDesk* desk = app->widget.desk()) desk->pump(app->host.now());
    wake();
}

EMSCRIPTEN_KEEPALIVE void aw_reviews_online() {
    if (aw::ReviewDesk* desk = app->widget.desk()) desk->onOnline(app->host.now());
    wake();
}

EMSCRIPTEN_KEEPALIVE unsigned aw_layout_count() { return app->widget.layoutCount(); }

EMSCRIPTEN_KEEPALIVE void aw_describe() { app->widget.describe(); }

// Draws one frame. Returns frame::Drew when it drew, plus frame::More while
// more frames are needed to settle (without it the shell stops asking until
// something changes); 0 when there is nothing to draw yet; frame::NoWebGl when
// this browser cannot give the widget a WebGL 2 context. Without `describe`,
// the frame's text layer and controls wait for aw_describe.
EMSCRIPTEN_KEEPALIVE int aw_frame(double nowMs, int describe) {
    namespace frame = aw::protocol::frame;
    ImGuiIO& io = ImGui::GetIO();
    const aw::ui::Viewport& v = app->widget.viewport();
    if (v.cssWidth <= 0 || v.cssHeight <= 0) return 0;
    if (app->widget.prepareFonts()) {
        app->fontsReady = true;
        app->atlasPending = true;
    }
    if (!app->fontsReady) return 0; // fonts not here yet; aw_set_face will wake us

    const int fbWidth = static_cast<int>(std::round(v.cssWidth * v.dpr));
    const int fbHeight = static_cast<int>(std::round(v.cssHeight * v.dpr));
    io.DisplaySize = ImVec2(static_cast<float>(fbWidth), static_cast<float>(fbHeight));
    io.DisplayFramebufferScale = ImVec2(1, 1); // ImGui works in device pixels already
    io.DeltaTime = app->lastFrameMs > 0 ? static_cast<float>(std::clamp((nowMs - app->lastFrameMs) / 1000.0, 0.001, 0.25))
                                        : 1.0f / 60.0f;
    app->lastFrameMs = nowMs;

    ImGui::NewFrame();
    app->widget.draw(describe != 0);
    ImGui::Render();

    if (!app->renderer.initialised()) {
        if (js_create_gl_context() <= 0) return frame::NoWebGl;
        app->renderer.init();
    }
    if (app->atlasPending) {
        app->renderer.uploadFonts();
        app->atlasPending = false;
    }
    if (!app->renderer.render(*ImGui::GetDrawData(), fbWidth, fbHeight, app->widget.background())) return frame::NoWebGl;

    if (app->settleFrames > 0) --app->settleFrames;
    return frame::Drew | (app->settleFrames > 0 ? frame::More : 0);
}

} // extern "C"
