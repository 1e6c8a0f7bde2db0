// The browser seam: one runtime per page. The JS shell (web/widget/) owns
// the DOM: it listens to events, fetches content and schedules frames with
// requestAnimationFrame only while something changes. It calls the exported
// aw_* functions below (each EMSCRIPTEN_KEEPALIVE one is exported, the build
// lists them from this file), naming the widget by the id aw_create gave it;
// the C++ side answers with the messages of Protocol.h through
// Module.onMessage. All widgets share the fonts, their atlases and one WebGL
// context, which draws each visible widget's band (the visible slice and
// some of the content around it) in turn; the shell shows each picture in
// the widget's own canvas, which the page then scrolls without redrawing.
#include "core/Article.h"
#include "core/Feed.h"
#include "core/Protocol.h"
#include "ui/Widget.h"

#include <emscripten.h>
#include "platform/GlRenderer.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <stdexcept>
#include <utility>
#include <memory>

// One channel for every message of the protocol: the widget, its type and a JSON payload.
EM_JS(void, js_message, (int widget, const char* type, const char* json), {
    Module["onMessage"](widget, UTF8ToString(type), JSON.parse(UTF8ToString(json)));
});
EM_JS(void, js_warn, (const char* message), { console.warn("[article-widget]", UTF8ToString(message)); });
EM_JS(int, js_has_reviews_endpoint, (int widget), { return Module["hasReviewsEndpoint"](widget) ? 1 : 0; });
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
    // The page's one drawing surface, an OffscreenCanvas the runtime made (Module.glCanvas).
    const handle = GL.createContext(Module["glCanvas"], {
        alpha: false, depth: false, stencil: false, antialias: false,
        premultipliedAlpha: true, preserveDrawingBuffer: false,
        powerPreference: "low-power", majorVersion: 2, minorVersion: 0,
        enableExtensionsByDefault: false, // WebGL 2 core is all it uses; enabling every extension cost 300 ms
    });
    if (handle) GL.makeContextCurrent(handle);
    return handle;
});
// The surface takes the size of the slice about to be drawn (a resize only when it differs).
EM_JS(void, js_surface_size, (int width, int height), {
    const c = Module["glCanvas"];
    if (c.width !== width) c.width = width;
    if (c.height !== height) c.height = height;
});
// An atlas rasterised for a first picture, for the shell to keep for the next visit (web/widget/atlas-cache.js).
EM_JS(void, js_atlas_built, (int widget, const unsigned char* data, int size), {
    Module["onAtlasBuilt"](widget, HEAPU8.slice(data, data + size));
});
// The reader's language's rules, from the browser's Intl (no locale data in the widget).
EM_JS(char*, js_intl, (const char* lang, int what, double value, int option), {
    const tag = UTF8ToString(lang);
    let out = "";
    try {
        if (what === 0) out = new Intl.PluralRules(tag).select(value);
        else if (what === 1) out = new Intl.NumberFormat(tag, { minimumFractionDigits: option, maximumFractionDigits: option }).format(value);
        else {
            const styles = [
                { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }, // a calendar date as written
                { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
                { day: "numeric", month: "short" },
                { day: "numeric", month: "short", year: "numeric" },
            ];
            out = new Intl.DateTimeFormat(tag, styles[option]).format(new Date(value * 1000));
            // A browser without the language's data writes the root pattern ("2024 M03 17"; Debian's
            // Chromium has no Azerbaijani): the catalog's month names write it instead.
            if (option !== 1 && /(^|[^A-Za-z])M[0-9][0-9]([^0-9]|$)/.test(out)) return 0; // no backslashes: EM_JS quotes this
        }
    } catch (e) { return 0; }
    const size = lengthBytesUTF8(out) + 1;
    const ptr = _malloc(size);
    stringToUTF8(out, ptr, size);
    return ptr;
});
// Minutes the reader's time zone is ahead of UTC at that moment (summer time included).
EM_JS(int, js_utc_offset_minutes, (double unixSeconds), { return -new Date(unixSeconds * 1000).getTimezoneOffset(); });
// The picture just drawn goes to the widget's own canvas; 0 when the context was lost meanwhile.
EM_JS(int, js_present, (int widget), { return Module["onPresent"](widget) ? 1 : 0; });
// Pictures, once per page: the shell fetches and decodes one off the main
// thread (createImageBitmap) and answers aw_image_loaded or aw_image_failed;
// its bitmap becomes the texture `texture` (an id of the GL context's).
EM_JS(void, js_load_image, (const char* url), { Module["loadImage"](UTF8ToString(url)); });
EM_JS(void, js_upload_image, (const char* url, unsigned texture), {
    const bitmap = Module["imageBitmap"](UTF8ToString(url));
    GLctx.bindTexture(GLctx.TEXTURE_2D, GL.textures[texture]);
    GLctx.texImage2D(GLctx.TEXTURE_2D, 0, GLctx.RGBA8, GLctx.RGBA, GLctx.UNSIGNED_BYTE, bitmap);
});

namespace {

namespace message = aw::protocol::message;

// The page's pictures by URL: asked for, decoded by the shell (its bitmap
// waits in JS), uploaded to a texture of the shared context, or failed.
struct PageImage {
    enum class Step { Loading, Decoded, Uploaded, Failed } step = Step::Loading;
    unsigned texture = 0;
    int width = 0, height = 0;
};
std::map<std::string, PageImage> pageImages;

aw::ui::ImageState imageState(const std::string& url, bool load) {
    using Status = aw::ui::ImageState::Status;
    const auto it = pageImages.find(url);
    if (it == pageImages.end()) {
        if (!load) return {};
        pageImages.emplace(url, PageImage{});
        js_load_image(url.c_str());
        return {Status::Loading, nullptr, 0, 0};
    }
    const PageImage& i = it->second;
    switch (i.step) {
    case PageImage::Step::Uploaded:
        return {Status::Ready, reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(i.texture)), i.width, i.height};
    case PageImage::Step::Failed: return {Status::Failed, nullptr, 0, 0};
    default: return {Status::Loading, nullptr, 0, 0};
    }
}

// What js_intl answers, or the English rules where the browser has none for the language.
class WebRules final : public aw::LocaleRules {
public:
    explicit WebRules(std::string language) : language_(std::move(language)) {}
    std::string pluralCategory(double n) const override {
        const std::string s = intl(0, n, 0);
        return s.empty() ? LocaleRules::pluralCategory(n) : s;
    }
    std::string date(std::int64_t unixSeconds, DateStyle style, int) const override {
        // The browser writes the reader's time zone itself; utcOffsetMinutes is the same clock.
        return intl(2, static_cast<double>(unixSeconds), static_cast<int>(style)); // "": no data for the language
    }
    std::string decimal(double value, int fractionDigits) const override {
        const std::string s = intl(1, value, fractionDigits);
        return s.empty() ? LocaleRules::decimal(value, fractionDigits) : s;
    }

private:
    std::string intl(int what, double value, int option) const {
        char* v = js_intl(language_.c_str(), what, value, option);
        if (!v) return {};
        std::string s(v);
        std::free(v);
        return s;
    }
    std::string language_;
};

// English is the core's own rules, written the British way ("17 March 2024") as the catalogs are,
// and not the browser's Intl: its first object costs the ICU data, 40-60 ms of an English reader's
// first frame on this machine (bench/NOTES.md), for what the core writes alike. Times of day take
// the reader's zone at their own moment, not utcOffsetMinutes (now's): across a change to or from
// summer time each keeps its own.
class EnglishRules final : public aw::LocaleRules {
public:
    std::string date(std::int64_t unixSeconds, DateStyle style, int) const override {
        const int offset = style == DateStyle::Long ? 0 : js_utc_offset_minutes(static_cast<double>(unixSeconds));
        return LocaleRules::date(unixSeconds, style, offset);
    }
};

std::shared_ptr<const aw::LocaleRules> rulesFor(const std::string& language) {
    if (language == "en") return std::make_shared<EnglishRules>();
    return std::make_shared<WebRules>(language);
}

class WebHost final : public aw::ui::WidgetHost {
public:
    explicit WebHost(int id) : id_(id) {}
    void contentHeightChanged(float h) override { send(message::ContentHeight, {{"height", h}}); }
    void semanticsChanged(const std::string& json) override { js_message(id_, message::Semantics, json.c_str()); }
    void controlsChanged(const std::string& json) override { js_message(id_, message::Controls, json.c_str()); }
    void listChanged(const std::string& json) override { js_message(id_, message::List, json.c_str()); }
    void focusControl(const std::string& id) override { send(message::FocusControl, {{"id", id}}); }
    std::string load(const std::string& key) override {
        char* v = js_load(key.c_str());
        if (!v) return {};
        std::string s(v);
        std::free(v);
        return s;
    }
    aw::UnixMillis now() override { return static_cast<aw::UnixMillis>(js_now()); }
    bool hasReviewEndpoint() override { return js_has_reviews_endpoint(id_) != 0; }
    void fetchReviews(const std::string& item, const std::string& page, bool fresh) override {
        send(message::FetchReviews, {{"item", item}, {"page", page}, {"fresh", fresh}});
    }
    void fetchSummary(const std::string& item, bool fresh) override { send(message::FetchSummary, {{"item", item}, {"fresh", fresh}}); }
    void report(const std::string& identifier, const std::string& body) override {
        send(message::PostReport, {{"identifier", identifier}, {"body", body}});
    }
    void warn(const std::string& message) override { js_warn(message.c_str()); }
    void post(const std::string& id, const std::string& json) override {
        send(message::PostReview, {{"identifier", id}, {"body", json}});
    }
    void store(const std::string& key, const std::string& value) override { js_store(key.c_str(), value.c_str()); }
    void wakeAt(aw::UnixMillis when) override { send(message::WakeAt, {{"at", when}}); }
    aw::ui::ImageState image(const std::string& url, bool load) override { return imageState(url, load); }
    void needFaces(const std::vector<int>& faces) override { send(message::NeedFaces, {{"faces", faces}}); }

private:
    void send(const char* type, const nlohmann::json& payload) { js_message(id_, type, payload.dump().c_str()); }
    int id_;
};

// What the page's widgets share: the fonts and their atlases, the one GL
// context and its renderer.
struct Runtime {
    aw::ui::Fonts fonts;
    ImFontAtlas placeholder; // each ImGui context starts on it, then draws with its frame's set
    aw::platform::GlRenderer renderer;
    std::map<std::string, std::shared_ptr<const aw::Catalog>> catalogs; // by language, as the shell handed them in
    bool contextLost = false;
    bool noWebGl = false; // the browser gave no WebGL 2 context: frames lay out and describe, and draw nothing
};

// One widget: its ImGui context (input, windows, draw lists) and its state.
struct WidgetSlot {
    WidgetSlot(int id, Runtime& runtime) : host(id), widget(host, runtime.fonts) {
        context = ImGui::CreateContext(&runtime.placeholder);
        ImGui::SetCurrentContext(context); // CreateContext keeps the one that was current
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.BackendPlatformName = "article-widget-web";
        io.BackendRendererName = "article-widget-webgl2";
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    }
    ~WidgetSlot() { ImGui::DestroyContext(context); }
    WidgetSlot(const WidgetSlot&) = delete;
    WidgetSlot& operator=(const WidgetSlot&) = delete;

    WebHost host;
    aw::ui::Widget widget;
    ImGuiContext* context = nullptr;
    double lastFrameMs = 0;
    int settleFrames = 2; // ImGui needs a frame or two after input to show its effect
    ImVec2 pointer{-FLT_MAX, -FLT_MAX}; // content CSS px: the same place in a moved band is no new input
    std::uint64_t shown = 0; // what its canvas shows (pictureKey); 0: nothing, or a new band to fill
};

Runtime* runtime = nullptr;
std::map<int, std::unique_ptr<WidgetSlot>> widgets;
int nextId = 1;

// The widget of an id, its ImGui context made current; nullptr for an id
// that was destroyed (a late answer for a removed element).
WidgetSlot* slot(int id) {
    const auto it = widgets.find(id);
    if (it == widgets.end()) return nullptr;
    ImGui::SetCurrentContext(it->second->context);
    return it->second.get();
}

void wake(WidgetSlot& w, int frames = 2) { w.settleFrames = std::max(w.settleFrames, frames); }

// Runs an export's work for widget `id`: nothing past this boundary throws.
// What went wrong becomes the widget's error view (and the console's), so a
// damaged input costs the reader this widget's content, never the page.
template <class Work>
auto guarded(int id, Work&& work) -> decltype(work(std::declval<WidgetSlot&>())) {
    using Result = decltype(work(std::declval<WidgetSlot&>()));
    WidgetSlot* w = slot(id);
    if (!w) return Result();
    try {
        return work(*w);
    } catch (const std::exception& e) {
        w->host.warn(std::string("internal error, the widget shows an error instead: ") + e.what());
        try {
            w->widget.showError({"error.not-shown", {}}, {"error.internal", {}});
        } catch (...) {
        }
        wake(*w);
    }
    return Result();
}

int drawFrame(int id, WidgetSlot& w, double nowMs, bool describe);

// A digest of everything a picture is made of: the draw lists' vertices,
// indices and commands, the atlas they sample and the background. A frame
// with the same key as the picture its canvas shows (a pointer moving over
// text, a frame settling, hover leaving nothing hovered) is not rasterised
// again: on a band three views tall that is most of a frame's cost.
std::uint64_t pictureKey(const ImDrawData& data, const aw::ui::FontSet& fonts, ImU32 background) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (reinterpret_cast<std::uintptr_t>(&fonts) * 31 + fonts.generation()) ^ background;
    const auto mix = [&h](const void* bytes, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(bytes);
        std::size_t i = 0;
        for (; i + 8 <= size; i += 8) {
            std::uint64_t v;
            std::memcpy(&v, p + i, 8);
            h = (h ^ v) * 0x100000001B3ull;
            h ^= h >> 29;
        }
        for (; i < size; ++i) h = (h ^ p[i]) * 0x100000001B3ull;
        h = (h ^ size) * 0x9E3779B97F4A7C15ull;
    };
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        mix(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
        mix(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            const std::uint64_t fields[] = {static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID())), cmd.ElemCount,
                                            cmd.IdxOffset, cmd.VtxOffset};
            mix(fields, sizeof fields);
            mix(&cmd.ClipRect, sizeof cmd.ClipRect);
        }
    }
    return h | 1; // never 0, which means "nothing shown"
}

// The atlases the page's first picture rasterised go to the shell to keep;
// later builds (typing, the News Line, other widths) are not kept.
void firstPictureDrawn(int id) {
    aw::ui::Fonts& fonts = runtime->fonts;
    for (const auto& entry : fonts.takeBuiltAtlases()) js_atlas_built(id, entry.data(), static_cast<int>(entry.size()));
    fonts.keepBuiltAtlases(false);
}

// Decoded pictures become textures, once for the page, before a frame draws
// them. True when some wait for the GL context, which the first picture makes.
bool uploadImages(aw::platform::GlRenderer& renderer) {
    bool waiting = false;
    for (auto& [url, image] : pageImages) {
        if (image.step != PageImage::Step::Decoded) continue;
        if (!renderer.initialised()) { waiting = true; continue; }
        image.texture = renderer.imageTexture();
        js_upload_image(url.c_str(), image.texture);
        renderer.finishImage(image.texture);
        image.step = PageImage::Step::Uploaded;
    }
    return waiting;
}

} // namespace

extern "C" {

// No WebGL here: creating a context waits for the browser's GPU process, which
// is busy with the page's first paint, so aw_frame creates it only once the
// first picture's CPU work (atlas, layout, draw lists) is done.
EMSCRIPTEN_KEEPALIVE void aw_init() {
    IMGUI_CHECKVERSION();
    runtime = new Runtime(); // lives as long as the page
    runtime->fonts.keepBuiltAtlases(true); // until the page's first picture
}

// A widget for one <article-widget> element; its id names it in every call.
EMSCRIPTEN_KEEPALIVE int aw_create() {
    const int id = nextId++;
    widgets.emplace(id, std::make_unique<WidgetSlot>(id, *runtime));
    return id;
}

// The element is gone: its state, draft and ImGui context go too (the
// outbox and draft stay saved in localStorage).
EMSCRIPTEN_KEEPALIVE void aw_destroy(int id) { widgets.erase(id); }

EMSCRIPTEN_KEEPALIVE int aw_widget_count() { return static_cast<int>(widgets.size()); }

// One face's TTF bytes for every widget. The shell allocates `data` with
// _malloc; the runtime takes it over.
EMSCRIPTEN_KEEPALIVE void aw_set_face(int face, unsigned char* data, int size) {
    runtime->fonts.setFace(static_cast<aw::ui::Face>(face), std::vector<unsigned char>(data, data + size));
    std::free(data);
}

// An atlas saved on an earlier visit (bytes from _malloc, taken over): the first
// picture restores it if it was built from the same faces, sizes and glyphs.
EMSCRIPTEN_KEEPALIVE void aw_offer_atlas(unsigned char* data, int size) {
    runtime->fonts.offerAtlas(std::vector<unsigned char>(data, data + size));
    std::free(data);
}

EMSCRIPTEN_KEEPALIVE unsigned aw_atlas_restores() { return runtime->fonts.atlasRestores(); }

// A face of another script that a NeedFaces message asked for (protocol::ScriptFace); `data` as for
// aw_set_face. Size 0: it could not be had, and those letters show as U+FFFD.
EMSCRIPTEN_KEEPALIVE void aw_set_script_face(int face, unsigned char* data, int size) {
    const auto f = static_cast<aw::ui::ScriptFace>(face);
    if (size > 0) runtime->fonts.setScriptFace(f, std::vector<unsigned char>(data, data + size));
    else runtime->fonts.scriptFaceFailed(f);
    std::free(data);
    for (auto& [id, w] : widgets) wake(*w);
}

// The shell calls this when the page is idle after the first picture, so the
// glyphs for typing are ready before the reader reaches the form.
EMSCRIPTEN_KEEPALIVE void aw_prepare_typing() { runtime->fonts.enableTyping(); }

// The shared context was lost (a GPU reset, a backgrounded phone tab) or is
// back: its objects are made again and each atlas uploaded from its CPU copy.
EMSCRIPTEN_KEEPALIVE void aw_context_lost() {
    runtime->contextLost = true;
    runtime->renderer.forget();
    for (auto& [url, image] : pageImages)
        if (image.step == PageImage::Step::Uploaded) image.step = PageImage::Step::Decoded; // its bitmap is still in JS
}

// A picture asked for by js_load_image is decoded (its bitmap waits in the
// shell) or could not be fetched or decoded; the shell then asks every widget for a frame.
EMSCRIPTEN_KEEPALIVE void aw_image_loaded(const char* url, int width, int height) {
    PageImage& image = pageImages[url];
    image.step = PageImage::Step::Decoded;
    image.width = width;
    image.height = height;
}

EMSCRIPTEN_KEEPALIVE void aw_image_failed(const char* url) { pageImages[url].step = PageImage::Step::Failed; }


EMSCRIPTEN_KEEPALIVE void aw_context_restored() {
    runtime->contextLost = false;
    for (auto& [id, w] : widgets) w->shown = 0;
}

// bodyBlocks: the shell's reading of an HTML articleBody (web/widget/rich-text.js), "" for none.
EMSCRIPTEN_KEEPALIVE int aw_set_article(int id, const char* json, int size, const char* sourceUrl, const char* bodyBlocks) {
    return guarded(id, [&](WidgetSlot& w) {
        const auto parsed = aw::parseArticle(std::string_view(json, static_cast<std::size_t>(size)), sourceUrl, bodyBlocks);
        wake(w);
        if (parsed) {
            for (const auto& warning : parsed.value().warnings) w.host.warn(std::string("article: ") + warning);
            w.widget.setArticle(parsed.value(), sourceUrl);
            return 1;
        }
        w.widget.showError({"error.not-shown", {}}, {"error.damaged", {{"detail", parsed.error()}}});
        js_message(id, message::ArticleError, nlohmann::json{{"message", parsed.error()}}.dump().c_str());
        return 0;
    });
}

// The News Line's JSON Feed, fetched from feedUrl (absolute), with the reader's clock for the time labels.
EMSCRIPTEN_KEEPALIVE void aw_set_feed(int id, const char* json, const char* feedUrl, double nowSeconds, int utcOffsetMinutes) {
    guarded(id, [&](WidgetSlot& w) {
        wake(w);
        auto feed = aw::parseFeed(json, feedUrl);
        if (!feed) {
            w.host.warn("News Line not shown: " + feed.error());
            w.widget.expectFeed(false);
            return;
        }
        w.widget.setFeed(std::move(feed.value()), static_cast<std::int64_t>(nowSeconds), utcOffsetMinutes);
    });
}

EMSCRIPTEN_KEEPALIVE void aw_expect_feed(int id, int expected) {
    if (WidgetSlot* w = slot(id)) w->widget.expectFeed(expected != 0), wake(*w);
}

EMSCRIPTEN_KEEPALIVE void aw_news_more(int id) {
    if (WidgetSlot* w = slot(id)) w->widget.showMoreNews(), wake(*w);
}

EMSCRIPTEN_KEEPALIVE void aw_set_back(int id, const char* label) {
    if (WidgetSlot* w = slot(id)) w->widget.setBackLabel(label), wake(*w);
}

// An error the shell words itself (in the reader's language: its catalog).
EMSCRIPTEN_KEEPALIVE void aw_show_error(int id, const char* title, const char* detail) {
    if (WidgetSlot* w = slot(id)) w->widget.showError({"", {{"text", title}}}, {"", {{"text", detail}}}), wake(*w);
}

// One language's catalog (the text of its PO file), for every widget of the page; "en" first.
EMSCRIPTEN_KEEPALIVE void aw_set_catalog(const char* language, const char* po) {
    std::vector<std::string> problems;
    runtime->catalogs[language] = std::make_shared<aw::Catalog>(aw::Catalog::fromPo(po, &problems));
    for (const auto& p : problems) js_warn((std::string("catalog ") + language + ": " + p).c_str());
}

// The widget's language (its catalog handed in before); the shell chose it (lang, inLanguage, <html lang>, en).
EMSCRIPTEN_KEEPALIVE void aw_set_language(int id, const char* language) {
    guarded(id, [&](WidgetSlot& w) {
        const auto own = runtime->catalogs.find(language);
        const auto english = runtime->catalogs.find("en");
        WebHost* host = &w.host;
        w.widget.setMessages(aw::Messages(language, own == runtime->catalogs.end() ? nullptr : own->second,
                                          english == runtime->catalogs.end() ? nullptr : english->second,
                                          rulesFor(language),
                                          [host](const std::string& m) { host->warn(m); }));
        wake(w);
    });
}

// The article's inLanguage ("" when it names none), for the shell's choice of language.
EMSCRIPTEN_KEEPALIVE const char* aw_article_language(int id) {
    WidgetSlot* w = slot(id);
    return w ? w->widget.articleLanguage().c_str() : "";
}

EMSCRIPTEN_KEEPALIVE void aw_set_dark(int id, int dark) {
    if (WidgetSlot* w = slot(id)) w->widget.setDark(dark != 0), wake(*w);
}

// The host page's --aw-accent and --aw-background (web/widget/host-colors.js), 0xRRGGBB; -1 keeps the theme's.
EMSCRIPTEN_KEEPALIVE void aw_set_colors(int id, int accentRgb, int backgroundRgb) {
    if (WidgetSlot* w = slot(id)) w->widget.setColors(accentRgb, backgroundRgb), wake(*w);
}

// Canvas size in CSS px, the device pixel ratio, and the content y shown at its top.
// A band moved along the same content (scrolling) is drawn in one frame; a new
// width or pixel ratio lays out again and settles like any change.
EMSCRIPTEN_KEEPALIVE void aw_set_viewport(int id, float cssWidth, float cssHeight, float dpr, float viewTop) {
    WidgetSlot* w = slot(id);
    if (!w) return;
    const aw::ui::Viewport old = w->widget.viewport();
    w->widget.setViewport(aw::ui::Viewport{cssWidth, cssHeight, dpr, viewTop});
    w->shown = 0; // the canvas was placed and sized anew
    wake(*w, old.cssWidth == cssWidth && old.dpr == dpr ? 1 : 2);
}

// The pointer over the canvas, CSS px from its top left. The shell sends it
// again when the band moves under a still pointer: that is no movement, and
// needs no more frames than the band's own.
EMSCRIPTEN_KEEPALIVE void aw_pointer_move(int id, float x, float y) {
    WidgetSlot* w = slot(id);
    if (!w) return;
    const aw::ui::Viewport& v = w->widget.viewport();
    ImGui::GetIO().AddMousePosEvent(x * v.dpr, y * v.dpr);
    const ImVec2 content(x, y + v.viewTop);
    if (content.x == w->pointer.x && content.y == w->pointer.y) return;
    w->pointer = content;
    wake(*w);
}

EMSCRIPTEN_KEEPALIVE void aw_pointer_leave(int id) {
    WidgetSlot* w = slot(id);
    if (!w) return;
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    w->pointer = ImVec2(-FLT_MAX, -FLT_MAX);
    wake(*w);
}

// The review form. The shell's real form controls report what the reader does.
EMSCRIPTEN_KEEPALIVE void aw_form_input(int id, const char* control, const char* value, unsigned selStart, unsigned selEnd) {
    WidgetSlot* w = slot(id);
    if (!w) return;
    aw::ReviewDesk* desk = w->widget.desk();
    const auto field = aw::ui::fieldOfId(control);
    if (!desk) return;
    if (field) {
        desk->form().edit(*field, value);
        desk->draftChanged();
    } else if (std::string_view(control) == aw::protocol::id::ReportNote) {
        desk->setReportNote(value);
    } else {
        return;
    }
    w->widget.focus() = aw::ui::FormFocus{control, selStart, selEnd};
    wake(*w);
}

// A radio group other than the stars: the report's reason.
EMSCRIPTEN_KEEPALIVE void aw_form_choose(int id, const char* control, const char* value) {
    WidgetSlot* w = slot(id);
    aw::ReviewDesk* desk = w ? w->widget.desk() : nullptr;
    if (!desk) return;
    if (std::string_view(control) == aw::protocol::id::ReportReason) desk->chooseReportReason(aw::reasonOfValue(value));
    wake(*w);
}

// An Action control the widget handles (see Widget::action); 0 when it is not one of them.
EMSCRIPTEN_KEEPALIVE int aw_action(int id, const char* action) {
    WidgetSlot* w = slot(id);
    if (!w || !w->widget.action(action)) return 0;
    wake(*w);
    return 1;
}

EMSCRIPTEN_KEEPALIVE void aw_report_result(int id, const char* identifier, int status) {
    if (WidgetSlot* w = slot(id)) w->widget.reportResult(identifier, status), wake(*w);
}

EMSCRIPTEN_KEEPALIVE void aw_form_select(int id, const char* control, unsigned selStart, unsigned selEnd) {
    if (WidgetSlot* w = slot(id)) w->widget.focus() = aw::ui::FormFocus{control, selStart, selEnd}, wake(*w);
}

// Focus moved to `control` ("" when it left the form); the one that had it was left.
EMSCRIPTEN_KEEPALIVE void aw_form_focus(int id, const char* control, const char* left) {
    WidgetSlot* w = slot(id);
    if (!w) return;
    runtime->fonts.enableTyping();
    aw::ReviewDesk* desk = w->widget.desk();
    if (const auto field = aw::ui::fieldOfId(left); desk && field) desk->form().leave(*field);
    w->widget.focus().control = control;
    wake(*w);
}

EMSCRIPTEN_KEEPALIVE void aw_form_rating(int id, int stars) {
    WidgetSlot* w = slot(id);
    if (!w) return;
    if (aw::ReviewDesk* desk = w->widget.desk()) {
        desk->form().setRating(stars);
        desk->draftChanged();
    }
    wake(*w);
}

EMSCRIPTEN_KEEPALIVE void aw_form_honeypot(int id, const char* value) {
    WidgetSlot* w = slot(id);
    if (aw::ReviewDesk* desk = w ? w->widget.desk() : nullptr) desk->form().setHoneypot(value);
}

EMSCRIPTEN_KEEPALIVE void aw_review_submit(int id, const char* identifier, const char* dateCreated) {
    if (WidgetSlot* w = slot(id)) w->widget.submitReview(identifier, dateCreated), wake(*w);
}

EMSCRIPTEN_KEEPALIVE void aw_review_result(int id, const char* identifier, const char* body, int status) {
    WidgetSlot* w = slot(id);
    if (!w) return;
    if (aw::ReviewDesk* desk = w->widget.desk()) desk->onResult(identifier, status, body, w->host.now());
    wake(*w);
}

// A page of the list: the first (`more` 0) or the next one "Show more reviews" asked for;
// `next` is the URL of the page after it ("" when this is the last).
EMSCRIPTEN_KEEPALIVE void aw_reviews_list(int id, const char* json, const char* next, int more) {
    WidgetSlot* w = slot(id);
    if (!w) return;
    aw::ReviewDesk* desk = w->widget.desk();
    if (desk && (more ? desk->addServerPage(json, next) : desk->setServerReviews(json, next)) > 0)
        w->host.warn("some reviews from the server could not be read");
    wake(*w);
}

// The next page could not be fetched: "Show more reviews" is there to try again.
EMSCRIPTEN_KEEPALIVE void aw_reviews_page_failed(int id) {
    WidgetSlot* w = slot(id);
    if (aw::ReviewDesk* desk = w ? w->widget.desk() : nullptr) desk->pageFailed(), wake(*w);
}

EMSCRIPTEN_KEEPALIVE void aw_reviews_summary(int id, const char* json) {
    WidgetSlot* w = slot(id);
    if (aw::ReviewDesk* desk = w ? w->widget.desk() : nullptr) desk->setSummary(json), wake(*w);
}

EMSCRIPTEN_KEEPALIVE void aw_reviews_pump(int id) {
    WidgetSlot* w = slot(id);
    if (!w) return;
    if (aw::ReviewDesk* desk = w->widget.desk()) desk->pump(w->host.now());
    wake(*w);
}

EMSCRIPTEN_KEEPALIVE void aw_reviews_online(int id) {
    WidgetSlot* w = slot(id);
    if (!w) return;
    if (aw::ReviewDesk* desk = w->widget.desk()) desk->onOnline(w->host.now());
    wake(*w);
}

EMSCRIPTEN_KEEPALIVE unsigned aw_layout_count(int id) {
    WidgetSlot* w = slot(id);
    return w ? w->widget.layoutCount() : 0;
}

EMSCRIPTEN_KEEPALIVE void aw_describe(int id) {
    if (WidgetSlot* w = slot(id)) w->widget.describe();
}

// Draws one frame of a widget into the shared surface and hands the picture
// to its canvas. Returns frame::Drew when it drew, plus frame::More while
// more frames are needed to settle (without it the shell stops asking until
// something changes); no Drew when there is nothing to draw yet (no fonts, a
// lost context) or the canvas shows this very picture already (pictureKey). Without WebGL 2 each frame still lays out and describes (the
// shell shows the text layer and the controls themselves) and answers
// frame::NoWebGl instead of Drew.
// Without `describe`, the frame's text layer and controls wait for aw_describe.
EMSCRIPTEN_KEEPALIVE int aw_frame(int id, double nowMs, int describe) {
    const int result = guarded(id, [&](WidgetSlot& w) { return drawFrame(id, w, nowMs, describe != 0); });
    if (result & (aw::protocol::frame::Drew | aw::protocol::frame::NoWebGl)) firstPictureDrawn(id);
    return result;
}

} // extern "C"

namespace {

int drawFrame(int id, WidgetSlot& w, double nowMs, bool describe) {
    namespace frame = aw::protocol::frame;
    if (runtime->contextLost) return 0;
    ImGuiIO& io = ImGui::GetIO();
    const aw::ui::Viewport& v = w.widget.viewport();
    if (v.cssWidth <= 0 || v.cssHeight <= 0) return 0;
    const aw::ui::FontSet* fonts = w.widget.prepareFonts();
    if (!fonts) return 0; // fonts not here yet
    io.Fonts = &fonts->atlas();
    const bool imagesWaiting = !runtime->noWebGl && uploadImages(runtime->renderer);

    const int fbWidth = static_cast<int>(std::round(v.cssWidth * v.dpr));
    const int fbHeight = static_cast<int>(std::round(v.cssHeight * v.dpr));
    io.DisplaySize = ImVec2(static_cast<float>(fbWidth), static_cast<float>(fbHeight));
    io.DisplayFramebufferScale = ImVec2(1, 1); // ImGui works in device pixels already
    io.DeltaTime = w.lastFrameMs > 0 ? static_cast<float>(std::clamp((nowMs - w.lastFrameMs) / 1000.0, 0.001, 0.25))
                                      : 1.0f / 60.0f;
    w.lastFrameMs = nowMs;

    ImGui::NewFrame();
    try {
        w.widget.draw(describe);
    } catch (...) {
        ImGui::EndFrame(); // the next frame starts clean
        throw;
    }
    ImGui::Render();
    if (w.settleFrames > 0) --w.settleFrames;
    const int more = w.settleFrames > 0 || imagesWaiting ? frame::More : 0;

    aw::platform::GlRenderer& renderer = runtime->renderer;
    if (!runtime->noWebGl && !renderer.initialised()) {
        if (js_create_gl_context() > 0) renderer.init();
        else runtime->noWebGl = true; // asked once: a browser without WebGL 2 does not get it later
    }
    if (runtime->noWebGl) return frame::NoWebGl | more;
    const std::uint64_t key = pictureKey(*ImGui::GetDrawData(), *fonts, w.widget.background());
    if (key == w.shown) return more; // its canvas shows this picture already
    renderer.upload(*fonts);
    js_surface_size(fbWidth, fbHeight);
    if (!renderer.render(*ImGui::GetDrawData(), fbWidth, fbHeight, w.widget.background())) {
        runtime->noWebGl = true;
        return frame::NoWebGl | more;
    }
    if (!js_present(id)) return more; // drawn into a lost context: its restored event asks again
    w.shown = key;
    return frame::Drew | more;
}

} // namespace
