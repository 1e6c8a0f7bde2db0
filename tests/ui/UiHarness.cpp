#include "UiHarness.h"

#include "core/Article.h"
#include "core/Feed.h"
#include "core/Review.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <stdexcept>

namespace uitest {
namespace {

// The faces' files in aw::ui::Face order, as web/widget/runtime.js hands them over ("fonts/x.ttf").
#define AW_TEST_FACE_FILE(name, key, file, family, weight) file,
#define AW_TEST_OPTIONAL_FACE_FILE(name, key, file, family, weight, style) file,
constexpr const char* kFaceFiles[] = {AW_FACES(AW_TEST_FACE_FILE) AW_OPTIONAL_FACES(AW_TEST_OPTIONAL_FACE_FILE)};
#undef AW_TEST_OPTIONAL_FACE_FILE
#undef AW_TEST_FACE_FILE

// Read once per run: every session loads the same bytes.
const std::vector<unsigned char>& faceBytes(int face) {
    static std::array<std::vector<unsigned char>, std::size(kFaceFiles)> cache;
    if (cache[face].empty()) {
        const std::string file = kFaceFiles[face];
        const std::string path = std::string(AW_TEST_FONTS_DIR) + "/" + file.substr(file.rfind('/') + 1);
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("cannot read " + path + " (scripts/subset-fonts.sh build/fonts makes it)");
        cache[face].assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return cache[face];
}

std::vector<unsigned char> scriptFaceBytes(int face) {
    const std::string path = std::string(AW_TEST_FONTS_DIR) + "/" + scriptFaceFile(face).substr(std::string("fonts/").size());
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path + " (scripts/subset-fonts.sh build/fonts makes it)");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

std::string scriptFaceFile(int face) {
#define AW_TEST_SCRIPT_FACE_FILE(name, file, extends, family, weight, ranges) file,
    static const char* const files[] = {AW_SCRIPT_FACES(AW_TEST_SCRIPT_FACE_FILE)};
#undef AW_TEST_SCRIPT_FACE_FILE
    return files[face];
}

bool UiSession::serveAskedFaces() {
    if (!serveScriptFaces || servedFaces_ == host.facesNeeded.size()) return false;
    for (; servedFaces_ < host.facesNeeded.size(); ++servedFaces_) {
        const int face = host.facesNeeded[servedFaces_];
        fonts_.setScriptFace(static_cast<aw::ui::ScriptFace>(face), scriptFaceBytes(face));
    }
    return true;
}

std::string FakeHost::load(const std::string& key) {
    const auto it = storage.find(key);
    return it == storage.end() ? std::string() : it->second;
}

void FakeHost::store(const std::string& key, const std::string& value) {
    if (value.empty()) storage.erase(key);
    else storage[key] = value;
}

UiSession::UiSession(bool reviewEndpoint) : context_(ImGui::CreateContext(&placeholder_)) {
    ImGui::SetCurrentContext(context_);
    host.endpoint = reviewEndpoint;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    widget_ = std::make_unique<aw::ui::Widget>(host, fonts_);
    for (int f = 0; f < static_cast<int>(aw::ui::Face::Count); ++f) fonts_.setFace(static_cast<aw::ui::Face>(f), faceBytes(f));
    REQUIRE_MESSAGE(fonts_.hasAllFaces(), "the subset fonts in " AW_TEST_FONTS_DIR " are not fonts");
    setLanguage("en");
}

void UiSession::setLanguage(const std::string& language, std::shared_ptr<const aw::LocaleRules> rules) {
    static const auto english = std::make_shared<aw::Catalog>(aw::Catalog::fromPo(readRepoFile("web/widget/locales/en.po")));
    const auto own = language == "en" ? english
                                      : std::make_shared<aw::Catalog>(aw::Catalog::fromPo(readRepoFile("web/widget/locales/" + language + ".po")));
    widget_->setMessages(aw::Messages(language, own, english, rules ? rules : std::make_shared<aw::LocaleRules>(),
                                      [this](const std::string& m) { host.warn(m); }));
}

UiSession::~UiSession() {
    widget_.reset();
    ImGui::DestroyContext(context_);
}

void UiSession::loadArticle(const std::string& asset) { REQUIRE(loadArticleJson(readRepoFile("assets/" + asset), asset)); }

bool UiSession::loadArticleJson(const std::string& text, const std::string& asset, const std::string& blocks) {
    const auto parsed = aw::parseArticle(text, kSite + asset, blocks);
    if (!parsed) {
        widget_->showError({"error.not-shown", {}}, {"error.damaged", {{"detail", parsed.error()}}});
        return false;
    }
    widget_->setArticle(parsed.value(), kSite + asset);
    return true;
}

void UiSession::loadFeed(const std::string& text) {
    auto feed = aw::parseFeed(text, std::string(kSite) + "news-line.json");
    REQUIRE(feed);
    widget_->setFeed(std::move(feed.value()), host.clock / 1000, 240);
}

void UiSession::frames(float cssWidth, float dpr, int n, float viewTop, float cssHeight, bool describe) {
    ImGui::SetCurrentContext(context_);
    widget_->setViewport(aw::ui::Viewport{cssWidth, cssHeight, dpr, viewTop});
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < n; ++i) {
        const aw::ui::FontSet* set = widget_->prepareFonts();
        if (!set && serveAskedFaces()) set = widget_->prepareFonts();
        if (!set) continue; // as aw_frame: nothing to draw until the fonts are in
        io.Fonts = &set->atlas(); // as aw_frame draws with the frame's set
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h); // what the renderer uploads
        io.DisplaySize = ImVec2(std::round(cssWidth * dpr), std::round(cssHeight * dpr));
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        widget_->draw(describe);
        ImGui::Render();
    }
}

void UiSession::type(const std::string& control, const std::string& value) {
    auto& form = widget_->desk()->form();
    form.edit(*aw::ui::fieldOfId(control), value);
    widget_->desk()->draftChanged();
    const auto end = static_cast<std::uint32_t>(value.size());
    widget_->focus() = aw::ui::FormFocus{control, end, end};
}

void UiSession::moveFocus(const std::string& to, const std::string& left) {
    fonts_.enableTyping();
    if (const auto field = aw::ui::fieldOfId(left)) widget_->desk()->form().leave(*field);
    widget_->focus().control = to;
}

void UiSession::rate(int stars) {
    widget_->desk()->form().setRating(stars);
    widget_->desk()->draftChanged();
}

void UiSession::sendReview() {
    type("name", "Ann");
    rate(4);
    type("body", "Clear and useful.");
    submit();
}

void UiSession::submit() { widget_->submitReview("9b2f4c1e-6a1d-4c3e-8f0a-2d5b7e9c1a34", "2024-03-21T10:00:00Z"); }

void UiSession::serveSummary() {
    widget_->desk()->setSummary(R"({"@type":"AggregateRating","itemReviewed":"stoltenberg-baku","ratingValue":4.2,"ratingCount":37,
        "reviewCount":37,"bestRating":5,"worstRating":1,"distribution":{"1":2,"2":1,"3":4,"4":10,"5":20}})");
}

void UiSession::serveReviews(int count, const std::string& name, const std::string& body, const std::string& next) {
    json list = json::array();
    for (int i = 0; i < count; ++i) {
        aw::Review r;
        char id[40];
        std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", i);
        r.identifier = id;
        r.itemReviewed = "https://news.example/stoltenberg";
        r.authorName = i == 0 && !name.empty() ? name : "Reader " + std::to_string(i + 1);
        r.rating = 1 + i % 5;
        r.body = i == 0 && !body.empty() ? body
                                         : "Review number " + std::to_string(i + 1) +
                                               ": a clear account of the visit, though I would have liked more on the talks themselves.";
        char date[32];
        std::snprintf(date, sizeof date, "2024-03-%02dT12:00:00Z", 20 - i % 19);
        r.dateCreated = r.datePublished = date;
        list.push_back(aw::toJsonValue(r, aw::ReviewVisibility::Public));
    }
    REQUIRE(widget_->desk()->setServerReviews(list.dump(), next) == 0);
}

json controlById(const json& controls, const std::string& id) {
    for (const auto& c : controls.at("controls"))
        if (c.value("id", "") == id) return c;
    return nullptr;
}

std::vector<json> controlsOfPart(const json& controls, const std::string& part) {
    std::vector<json> out;
    for (const auto& c : controls.at("controls"))
        if (c.value("part", "") == part) out.push_back(c);
    return out;
}

Box boxOf(const json& r) {
    return Box{r.at("x").get<float>(), r.at("y").get<float>(), r.at("width").get<float>(), r.at("height").get<float>()};
}

std::vector<json> allLines(const FakeHost& host) {
    std::vector<json> out;
    const json semantics = host.lastSemantics(), controls = host.lastControls();
    for (const auto& block : semantics.at("blocks"))
        if (block.contains("lines"))
            for (const auto& l : block.at("lines")) out.push_back(l);
    for (const auto& c : controls.at("controls"))
        if (c.contains("lines"))
            for (const auto& l : c.at("lines")) out.push_back(l);
    if (!host.lists.empty())
        for (const auto& item : host.lastList())
            for (const char* key : {"head", "lines"})
                if (item.contains(key))
                    for (const auto& l : item.at(key)) out.push_back(l);
    return out;
}

std::vector<GlyphInk> glyphsDrawn(float dpr) {
    // A vertex is a glyph's when its texture coordinates are a glyph's corner
    // in the atlas; shapes use the white pixel or the baked line texels.
    std::set<std::pair<float, float>> corners;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible)
                for (float u : {g.U0, g.U1})
                    for (float v : {g.V0, g.V1}) corners.emplace(u, v);
    std::vector<GlyphInk> out;
    const ImDrawData* data = ImGui::GetDrawData();
    for (const ImDrawList* list : data->CmdLists) {
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            // A glyph is two triangles whose corners all sit on glyph texels.
            for (unsigned i = 0; i + 3 <= cmd.ElemCount; i += 3) {
                const ImDrawVert* v[3];
                bool glyph = true;
                for (int k = 0; k < 3; ++k) {
                    v[k] = &list->VtxBuffer[cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + i + k]];
                    glyph = glyph && corners.count({v[k]->uv.x, v[k]->uv.y});
                }
                if (!glyph) continue;
                float l = v[0]->pos.x, r = l, t = v[0]->pos.y, b = t;
                for (const ImDrawVert* p : v) {
                    l = std::min(l, p->pos.x), r = std::max(r, p->pos.x);
                    t = std::min(t, p->pos.y), b = std::max(b, p->pos.y);
                }
                l = std::max(l, cmd.ClipRect.x), r = std::min(r, cmd.ClipRect.z);
                t = std::max(t, cmd.ClipRect.y), b = std::min(b, cmd.ClipRect.w);
                if (l < r && t < b) out.push_back(GlyphInk{l / dpr, t / dpr, r / dpr, b / dpr});
            }
        }
    }
    return out;
}

} // namespace uitest
