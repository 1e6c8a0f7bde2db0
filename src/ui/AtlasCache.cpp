#include "ui/AtlasCache.h"

#include <imgui_internal.h> // ImFontAtlasBuildSetupFont

#include <cstdint>
#include <cstring>

namespace aw::ui::atlas_cache {

namespace {

// Bumped whenever the layout below changes (the key also names Dear ImGui's version).
constexpr char kMagic[8] = {'A', 'W', 'A', 'T', 'L', 'A', 'S', '1'};
constexpr std::uint32_t kMaxTexSide = 8192;
constexpr std::uint32_t kMaxGlyphs = 65536;

std::uint32_t fnv1a(const void* data, std::size_t size, std::uint32_t h = 2166136261u) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) h = (h ^ p[i]) * 16777619u;
    return h;
}

class Writer {
public:
    template <class T> void put(const T& v) { raw(&v, sizeof v); }
    void raw(const void* p, std::size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        out.insert(out.end(), b, b + n);
    }
    std::vector<unsigned char> out;
};

// Reads what Writer wrote; every read past the end fails the whole entry.
class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    template <class T> bool get(T& v) { return raw(&v, sizeof v); }
    bool raw(void* p, std::size_t n) {
        if (in_.size() - pos_ < n) return false;
        std::memcpy(p, in_.data() + pos_, n);
        pos_ += n;
        return true;
    }
    const char* here() const { return in_.data() + pos_; }
    std::size_t left() const { return in_.size() - pos_; }
    bool skip(std::size_t n) {
        if (left() < n) return false;
        pos_ += n;
        return true;
    }

private:
    std::string_view in_;
    std::size_t pos_ = 0;
};

// magic, payload checksum, key length, key: the key first (a lookup compares it),
// the checksum of everything after it only for an entry that restore() takes.
struct Header {
    std::string key;
    std::uint32_t sum = 0;
};

bool header(Reader& r, Header& h) {
    char magic[sizeof kMagic];
    std::uint32_t keyLength = 0;
    if (!r.raw(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0) return false;
    if (!r.get(h.sum) || !r.get(keyLength) || keyLength > r.left()) return false;
    h.key.assign(r.here(), keyLength);
    return r.skip(keyLength);
}

struct Metrics {
    float fontSize, ascent, descent;
    std::uint32_t glyphs;
};

} // namespace

std::string keyOf(const ImFontAtlas& atlas) {
    Writer w;
    w.raw(kMagic, sizeof kMagic);
    // Another Dear ImGui may lay its glyphs out otherwise: its entries are another key.
    w.put(static_cast<std::uint32_t>(IMGUI_VERSION_NUM));
    w.put(static_cast<std::uint32_t>(sizeof(ImFontGlyph)));
    w.put(atlas.Flags);
    w.put(atlas.TexDesiredWidth);
    w.put(atlas.TexGlyphPadding);
    for (const ImFontConfig& c : atlas.ConfigData) {
        w.put(fnv1a(c.FontData, static_cast<std::size_t>(c.FontDataSize)));
        w.put(c.FontDataSize);
        w.put(c.FontNo);
        w.put(c.SizePixels);
        w.put(c.OversampleH);
        w.put(c.OversampleV);
        w.put(c.PixelSnapH);
        w.put(c.MergeMode);
        w.put(c.RasterizerMultiply);
        w.put(c.FontBuilderFlags);
        std::uint32_t n = 0;
        for (const ImWchar* r = c.GlyphRanges; r && r[0]; r += 2) n += 2;
        w.put(n);
        if (n) w.raw(c.GlyphRanges, n * sizeof(ImWchar));
    }
    return std::string(w.out.begin(), w.out.end());
}

std::vector<unsigned char> save(const ImFontAtlas& atlas, const std::string& key) {
    Writer body;
    body.put(static_cast<std::uint32_t>(atlas.TexWidth));
    body.put(static_cast<std::uint32_t>(atlas.TexHeight));
    body.put(atlas.TexUvWhitePixel);
    body.raw(atlas.TexUvLines, sizeof atlas.TexUvLines);
    body.put(static_cast<std::uint32_t>(atlas.Fonts.Size));
    for (const ImFont* f : atlas.Fonts) {
        body.put(Metrics{f->FontSize, f->Ascent, f->Descent, static_cast<std::uint32_t>(f->Glyphs.Size)});
        body.raw(f->Glyphs.Data, static_cast<std::size_t>(f->Glyphs.Size) * sizeof(ImFontGlyph));
    }
    body.raw(atlas.TexPixelsAlpha8, static_cast<std::size_t>(atlas.TexWidth) * atlas.TexHeight);

    Writer out;
    out.raw(kMagic, sizeof kMagic);
    out.put(fnv1a(body.out.data(), body.out.size()));
    out.put(static_cast<std::uint32_t>(key.size()));
    out.raw(key.data(), key.size());
    out.raw(body.out.data(), body.out.size());
    return std::move(out.out);
}

bool restore(ImFontAtlas& atlas, std::string_view entry, const std::string& key) {
    Reader r(entry);
    Header h;
    if (!header(r, h) || h.key != key || fnv1a(r.here(), r.left()) != h.sum) return false;
    std::uint32_t width = 0, height = 0, fonts = 0;
    ImVec2 white;
    ImVec4 lines[IM_ARRAYSIZE(atlas.TexUvLines)];
    if (!r.get(width) || !r.get(height) || !r.get(white) || !r.raw(lines, sizeof lines) || !r.get(fonts)) return false;
    if (width == 0 || height == 0 || width > kMaxTexSide || height > kMaxTexSide) return false;
    if (fonts != static_cast<std::uint32_t>(atlas.Fonts.Size) || fonts != static_cast<std::uint32_t>(atlas.ConfigData.Size)) return false;

    // Everything is read and checked before the atlas is touched.
    std::vector<Metrics> metrics(fonts);
    std::vector<ImVector<ImFontGlyph>> glyphs(fonts);
    for (std::uint32_t i = 0; i < fonts; ++i) {
        if (!r.get(metrics[i]) || metrics[i].glyphs > kMaxGlyphs) return false;
        glyphs[i].resize(static_cast<int>(metrics[i].glyphs));
        if (!r.raw(glyphs[i].Data, metrics[i].glyphs * sizeof(ImFontGlyph))) return false;
        for (const ImFontGlyph& g : glyphs[i])
            if (g.Codepoint > IM_UNICODE_CODEPOINT_MAX) return false;
    }
    const std::size_t pixels = static_cast<std::size_t>(width) * height;
    if (r.left() != pixels) return false;

    atlas.ClearTexData();
    atlas.TexWidth = static_cast<int>(width);
    atlas.TexHeight = static_cast<int>(height);
    atlas.TexUvScale = ImVec2(1.0f / width, 1.0f / height);
    atlas.TexUvWhitePixel = white;
    std::memcpy(atlas.TexUvLines, lines, sizeof lines);
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixels));
    std::memcpy(atlas.TexPixelsAlpha8, r.here(), pixels);
    for (std::uint32_t i = 0; i < fonts; ++i) {
        ImFont* font = atlas.Fonts[static_cast<int>(i)];
        ImFontConfig* config = &atlas.ConfigData[static_cast<int>(i)];
        font->ConfigData = config;
        font->ConfigDataCount = 1;
        ImFontAtlasBuildSetupFont(&atlas, font, config, metrics[i].ascent, metrics[i].descent);
        font->FontSize = metrics[i].fontSize;
        font->Glyphs.swap(glyphs[i]);
        font->BuildLookupTable();
    }
    atlas.TexReady = true;
    return true;
}

} // namespace aw::ui::atlas_cache
