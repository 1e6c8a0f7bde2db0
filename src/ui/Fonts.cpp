#include "ui/Fonts.h"

#include "ui/AtlasCache.h"

#include "core/FontMetrics.h"
#include "core/Utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <utility>
#include <vector>

namespace aw::ui {

Face faceOf(Role role) {
    switch (role) {
    case Role::Body: return Face::SerifRegular;
    case Role::Headline:
    case Role::Section: return Face::SerifBold;
    case Role::Meta:
    case Role::Ui: return Face::SansRegular;
    case Role::UiBold: return Face::SansBold;
    case Role::Strong: return Face::SerifBold;
    case Role::Emphasis: return Face::SerifItalic;
    case Role::StrongEmphasis: return Face::SerifBoldItalic;
    case Role::Icon:
    case Role::Count: break;
    }
    return Face::Icons;
}

void Fonts::setFace(Face face, std::vector<unsigned char> ttf) {
    const auto ratio = heightPerEm(std::string_view(reinterpret_cast<const char*>(ttf.data()), ttf.size()));
    if (!ratio) return; // not a font: the face stays missing and nothing is drawn with it
    heightPerEm_[static_cast<int>(face)] = *ratio;
    faces_[static_cast<int>(face)] = std::move(ttf);
    ++charsVersion_; // every set is built again with it
}

bool Fonts::hasAllFaces() const {
    for (int f = 0; f < protocol::kRequiredFaces; ++f)
        if (faces_[static_cast<std::size_t>(f)].empty()) return false;
    return true;
}

void Fonts::addText(std::string_view text, Usage usage) {
    auto& chars = usage == Usage::Headline         ? headlineChars_
                : usage == Usage::Section        ? sectionChars_
                : usage == Usage::Strong         ? strongChars_
                : usage == Usage::Emphasis       ? emphasisChars_
                : usage == Usage::StrongEmphasis ? strongEmphasisChars_
                                                 : textChars_;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t cp = utf8::next(text, i);
        if (cp > 0xFFFF) continue; // ImGui is built with 16-bit ImWchar
        if (chars.insert(cp).second) ++charsVersion_;
    }
}

namespace {
// What readers may type into the form (Latin incl. Azerbaijani, Cyrillic), in the face of its fields.
constexpr ImWchar kTyping[] = {
    0x0020, 0x017F, // Basic Latin, Latin-1, Latin Extended-A
    0x018F, 0x018F, 0x0218, 0x021B, 0x0259, 0x0259, // Ə, Romanian ș ț, ə
    0x0400, 0x045F, // Cyrillic (a script face: asked for once the reader may type)
    0x2013, 0x2014, 0x2018, 0x201E, 0x2022, 0x2022, 0x2026, 0x2026, 0x20AC, 0x20AC,
    0,
};
} // namespace

void Fonts::enableTyping() {
    if (typing_) return;
    typing_ = true;
    for (const ImWchar* r = kTyping; r[0]; r += 2)
        for (char32_t cp = r[0]; cp <= r[1]; ++cp) typingChars_.insert(cp);
    ++charsVersion_;
}

namespace {

// The union of fixed ranges (0-terminated ImGui range lists) and registered
// characters, merged into ImGui ranges. Sorting a few hundred spans is much
// cheaper than ImFontGlyphRangesBuilder's walk over all 65,536 code points,
// which ran six times before the first picture.
void buildRanges(ImVector<ImWchar>& out, std::initializer_list<const ImWchar*> bases,
                 std::initializer_list<const std::set<char32_t>*> chars = {}) {
    std::vector<std::pair<unsigned, unsigned>> spans;
    for (const ImWchar* base : bases)
        for (const ImWchar* r = base; r[0]; r += 2) spans.emplace_back(r[0], r[1]);
    for (const auto* set : chars)
        for (char32_t cp : *set) spans.emplace_back(static_cast<unsigned>(cp), static_cast<unsigned>(cp));
    std::sort(spans.begin(), spans.end());
    out.clear();
    for (const auto& [first, last] : spans) {
        if (!out.empty() && first <= static_cast<unsigned>(out.back()) + 1) {
            out.back() = static_cast<ImWchar>(std::max(static_cast<unsigned>(out.back()), last));
        } else {
            out.push_back(static_cast<ImWchar>(first));
            out.push_back(static_cast<ImWchar>(last));
        }
    }
    out.push_back(0);
}

} // namespace

namespace {

// A CSS unicode-range ("U+10A0-10FF,U+1C90-1CBF") as [first, last] spans.
std::vector<std::pair<char32_t, char32_t>> parseRanges(std::string_view css) {
    std::vector<std::pair<char32_t, char32_t>> out;
    for (std::size_t i = 0; i < css.size();) {
        const auto end = std::min(css.find(',', i), css.size());
        const std::string part(css.substr(i, end - i));
        i = end + 1;
        unsigned first = 0, last = 0;
        const int read = std::sscanf(part.c_str(), " U+%x-%x", &first, &last);
        if (read >= 1) out.emplace_back(first, read == 2 ? last : first);
    }
    return out;
}

const std::vector<std::pair<char32_t, char32_t>>& rangesOf(ScriptFace face) {
    static const auto all = [] {
        std::array<std::vector<std::pair<char32_t, char32_t>>, static_cast<int>(ScriptFace::Count)> r;
        for (int i = 0; i < static_cast<int>(ScriptFace::Count); ++i) r[i] = parseRanges(protocol::scriptFaceInfo(ScriptFace(i)).ranges);
        return r;
    }();
    return all[static_cast<int>(face)];
}

// The characters of `chars` in a script face's ranges.
std::set<char32_t> inScript(ScriptFace face, std::initializer_list<const std::set<char32_t>*> chars) {
    std::set<char32_t> out;
    for (const auto* set : chars)
        for (const auto& [first, last] : rangesOf(face))
            for (auto it = set->lower_bound(first); it != set->end() && *it <= last; ++it) out.insert(*it);
    return out;
}

// Whether `chars` has any character of a script face's ranges (what update() asks every frame
// while a face is on its way: no set is built for it).
bool anyInScript(ScriptFace face, const std::set<char32_t>& chars) {
    for (const auto& [first, last] : rangesOf(face)) {
        const auto it = chars.lower_bound(first);
        if (it != chars.end() && *it <= last) return true;
    }
    return false;
}

} // namespace

std::vector<const std::set<char32_t>*> Fonts::charsOf(Face face) const {
    switch (face) { // as build() plans each role's glyphs
    case Face::SerifRegular: return {&textChars_};                    // Body
    case Face::SerifBold: return {&headlineChars_, &sectionChars_, &strongChars_}; // Headline, Section, Strong
    case Face::SansRegular: return {&textChars_, &headlineChars_};    // Meta, Ui
    case Face::SansBold: return {&textChars_};                        // UiBold
    case Face::SerifItalic: return {&emphasisChars_};                 // Emphasis
    case Face::SerifBoldItalic: return {&strongEmphasisChars_};       // StrongEmphasis
    case Face::Icons:
    case Face::Count: break;
    }
    return {};
}

bool Fonts::drawsLettersOf(ScriptFace face) const {
    for (const auto* chars : charsOf(protocol::scriptFaceInfo(face).extends))
        if (anyInScript(face, *chars)) return true;
    return false;
}

std::vector<ScriptFace> Fonts::neededScriptFaces() {
    std::vector<ScriptFace> out;
    for (int i = 0; i < static_cast<int>(ScriptFace::Count); ++i) {
        if (scriptState_[i] != ScriptState::Unneeded) continue;
        const auto face = static_cast<ScriptFace>(i);
        const bool typed = protocol::scriptFaceInfo(face).extends == faceOf(Role::Ui) && anyInScript(face, typingChars_);
        if (typed || drawsLettersOf(face)) {
            scriptState_[i] = ScriptState::Asked;
            out.push_back(face);
        }
    }
    return out;
}

void Fonts::setScriptFace(ScriptFace face, std::vector<unsigned char> ttf) {
    const int i = static_cast<int>(face);
    const auto ratio = heightPerEm(std::string_view(reinterpret_cast<const char*>(ttf.data()), ttf.size()));
    scriptState_[i] = ratio ? ScriptState::In : ScriptState::Failed;
    if (ratio) {
        scriptHeightPerEm_[i] = *ratio;
        scriptFaces_[i] = std::move(ttf);
    }
    ++charsVersion_;
}

void Fonts::scriptFaceFailed(ScriptFace face) {
    scriptState_[static_cast<int>(face)] = ScriptState::Failed;
    ++charsVersion_;
}

// The script faces that extend a role's face, merged into its font with the
// role's characters of their scripts, at the same em size.
void Fonts::mergeScriptFaces(FontSet& set, Role role, float em, const ImFontConfig& base) {
    const std::set<char32_t>* chars = &textChars_;
    if (role == Role::Headline) chars = &headlineChars_;
    if (role == Role::Section) chars = &sectionChars_;
    if (role == Role::Strong) chars = &strongChars_;
    for (int i = 0; i < static_cast<int>(ScriptFace::Count); ++i) {
        const auto face = static_cast<ScriptFace>(i);
        if (scriptState_[i] != ScriptState::In || protocol::scriptFaceInfo(face).extends != faceOf(role)) continue;
        const std::set<char32_t> letters =
            role == Role::Ui ? inScript(face, {chars, &headlineChars_, &typingChars_}) : inScript(face, {chars});
        if (letters.empty()) continue;
        ImVector<ImWchar>& ranges = set.scriptRanges_[static_cast<int>(role)][i];
        buildRanges(ranges, {}, {&letters});
        ImFontConfig cfg = base;
        cfg.MergeMode = true;
        auto& data = scriptFaces_[i];
        set.atlas_.AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()), em * scriptHeightPerEm_[i], &cfg, ranges.Data);
    }
}

const FontSet* Fonts::update(const Typography& type, float scale) {
    if (!hasAllFaces()) return nullptr;
    // A face on its way that the content draws letters of: no picture shows them missing meanwhile.
    // One asked only for what the reader may type draws nothing yet and holds nothing up.
    for (int i = 0; i < static_cast<int>(ScriptFace::Count); ++i)
        if (scriptState_[i] == ScriptState::Asked && drawsLettersOf(static_cast<ScriptFace>(i))) return nullptr;
    // Every em size of the atlas, in Role order: any change of one is another set.
    const std::array<float, static_cast<int>(Role::Count)> ems = {
        type.bodySize, type.headlineSize, type.metaSize, type.sectionSize, type.uiSize, type.uiSize, type.iconSize,
        type.bodySize, type.bodySize, type.bodySize};
    std::size_t i = 0;
    while (i < keys_.size() && !(keys_[i].scale == scale && keys_[i].ems == ems)) ++i;
    if (i == keys_.size()) {
        keys_.push_back(Key{scale, ems});
        sets_.push_back(std::make_unique<FontSet>());
        sets_.back()->metricsGeneration_ = static_cast<unsigned>(sets_.size());
    }
    FontSet& set = *sets_[i];
    if (set.charsVersion_ != charsVersion_) build(set, ems, scale);
    return &set;
}

void Fonts::keepBuiltAtlases(bool keep) {
    keepBuilt_ = keep;
    if (!keep) offered_.clear(); // what the first picture did not take stays unused
}

void Fonts::buildOrRestore(ImFontAtlas& atlas) {
    if (offered_.empty() && !keepBuilt_) {
        atlas.Build();
        return;
    }
    const std::string key = atlas_cache::keyOf(atlas);
    for (auto it = offered_.begin(); it != offered_.end(); ++it) {
        const std::string_view entry(reinterpret_cast<const char*>(it->data()), it->size());
        if (atlas_cache::restore(atlas, entry, key)) {
            offered_.erase(it);
            ++restores_;
            return;
        }
    }
    atlas.Build();
    if (keepBuilt_) built_.push_back(atlas_cache::save(atlas, key));
}

// An optional face not fetched (or not a font) is drawn with its upright sibling.
Face Fonts::availableFace(Face face) const {
    if (!faces_[static_cast<int>(face)].empty()) return face;
    if (face == Face::SerifItalic) return Face::SerifRegular;
    if (face == Face::SerifBoldItalic) return Face::SerifBold;
    return face;
}

void Fonts::build(FontSet& set, const std::array<float, static_cast<int>(Role::Count)>& ems, float scale) {
    // The face of the form's fields carries what readers may type (Latin incl.
    // Azerbaijani, Cyrillic) once they may type; every other face only what the
    // widget has to show: ASCII and the few other characters of its own labels.
    static const ImWchar kLabels[] = {0x0020, 0x007E, 0x00B7, 0x00B7, 0x2013, 0x2014, 0x2018, 0x201E, 0x2026, 0x2026, 0};
    static const ImWchar kLatin1[] = {0x00A0, 0x00FF, 0};
    static const ImWchar kSpace[] = {0x0020, 0x0020, 0};
    // U+FFFD in every text face: ImGui draws it for a character the fonts lack,
    // where it would otherwise fall back to '?' or, in the headline, a space.
    static const ImWchar kReplacement[] = {0xFFFD, 0xFFFD, 0};
    if (typing_) {
        buildRanges(set.uiRanges_, {kTyping, kReplacement}, {&textChars_, &headlineChars_});
        // Notices may quote what was typed, in the bold and small faces too.
        buildRanges(set.bodyRanges_, {kLabels, kLatin1, kReplacement}, {&textChars_});
    } else {
        buildRanges(set.uiRanges_, {kLabels, kReplacement}, {&textChars_, &headlineChars_});
        buildRanges(set.bodyRanges_, {kLabels, kReplacement}, {&textChars_}); // also the faces for labels, meta and headings
    }
    buildRanges(set.headlineRanges_, {kSpace, kReplacement}, {&headlineChars_});
    buildRanges(set.sectionRanges_, {kSpace, kReplacement}, {&sectionChars_});
    // The body's bold and italic faces: only what its runs hold (nothing, for a plain article).
    buildRanges(set.strongRanges_, {kSpace, kReplacement}, {&strongChars_});
    buildRanges(set.emphasisRanges_, {kSpace, kReplacement}, {&emphasisChars_});
    buildRanges(set.strongEmphasisRanges_, {kSpace, kReplacement}, {&strongEmphasisChars_});
    // The follow buttons' network icons (Fork Awesome code points).
    static const ImWchar kIcons[] = {0xF001, 0xF001, 0xF09A, 0xF09A, 0xF09E, 0xF09E, 0xF0C1, 0xF0C1, 0xF0E1, 0xF0E1, 0xF16A, 0xF16A,
                                     0xF16D, 0xF16D, 0xF189, 0xF189, 0xF232, 0xF232, 0xF2C6, 0xF2C6, 0xF2E1, 0xF2E1, 0};
    buildRanges(set.iconRanges_, {kIcons});

    ImFontAtlas* atlas = &set.atlas_;
    atlas->Clear();
    // `runs`: the characters of the body's bold or italic runs; without any, the role's face is not
    // rasterised at all (it would cost a plain article's first picture a parse of its font) and
    // the role draws with the body's.
    const struct { Role role; const ImVector<ImWchar>& ranges; const std::set<char32_t>* runs; } plan[] = {
        {Role::Body, set.bodyRanges_, nullptr},       {Role::Headline, set.headlineRanges_, nullptr},
        {Role::Meta, set.bodyRanges_, nullptr},       {Role::Section, set.sectionRanges_, nullptr},
        {Role::Ui, set.uiRanges_, nullptr},           {Role::UiBold, set.bodyRanges_, nullptr},
        {Role::Icon, set.iconRanges_, nullptr},       {Role::Strong, set.strongRanges_, &strongChars_},
        {Role::Emphasis, set.emphasisRanges_, &emphasisChars_}, {Role::StrongEmphasis, set.strongEmphasisRanges_, &strongEmphasisChars_},
    };
    for (const auto& p : plan) {
        if (p.runs && p.runs->empty()) {
            set.fonts_[static_cast<int>(p.role)] = set.fonts_[static_cast<int>(Role::Body)];
            set.sizes_[static_cast<int>(p.role)] = set.sizes_[static_cast<int>(Role::Body)];
            continue;
        }
        const Face face = availableFace(faceOf(p.role));
        auto& data = faces_[static_cast<int>(face)];
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false; // the bytes stay ours, for the next rebuild
        // Oversampling sharpens glyphs at fractional x positions; large glyphs
        // and high pixel ratios don't need it, and it doubles rasterising time.
        cfg.OversampleH = p.role == Role::Headline || p.role == Role::Section || scale >= 2 ? 1 : 2;
        cfg.OversampleV = 1;
        const float em = std::round(ems[static_cast<int>(p.role)] * scale);
        const float imguiSize = em * heightPerEm_[static_cast<int>(face)];
        set.fonts_[static_cast<int>(p.role)] =
            atlas->AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()), imguiSize, &cfg, p.ranges.Data);
        set.sizes_[static_cast<int>(p.role)] = em;
        mergeScriptFaces(set, p.role, em, cfg);
    }
    buildOrRestore(*atlas);
    set.missing_.clear();
    for (const auto& [role, chars] : {std::pair{Role::Body, &textChars_}, std::pair{Role::Headline, &headlineChars_}})
        for (char32_t c : *chars)
            if (c >= 0x20 && !set.get(role)->FindGlyphNoFallback(static_cast<ImWchar>(c))) set.missing_.insert(c);
    set.charsVersion_ = charsVersion_;
    set.generation_ = ++builds_;
}

} // namespace aw::ui
