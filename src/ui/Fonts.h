#pragma once
// The widgets' typefaces, rasterised by Dear ImGui at device pixel size so
// text is crisp at any devicePixelRatio. An atlas only holds the glyphs in use
// (ASCII and every character of the content; common Latin and Cyrillic for
// typing once the reader may type),
// which keeps it small even at a ratio of 3.
#include "core/Protocol.h"
#include "ui/Theme.h"

#include <imgui.h>

#include <array>
#include <cstdint>
#include <memory>
#include <set>
#include <string_view>
#include <vector>

namespace aw::ui {

using protocol::Face;
using protocol::ScriptFace;
// The face a role is drawn with.
Face faceOf(Role role);
// Its key as the shell's transparent text names it ("serif-bold"), so the
// browser's copy of a line uses the same font file.
inline const char* faceKey(Role role) { return protocol::faceKey(faceOf(role)); }

// The faces rasterised at one pixel ratio and one set of type sizes: an
// ImGui font atlas and the font of each role in it. Widgets of one width
// class at one pixel ratio share a set.
class FontSet {
public:
    ImFont* get(Role role) const { return fonts_[static_cast<int>(role)]; }
    // Em size of a role in device pixels: the CSS font-size times the scale.
    // (ImFont::FontSize is larger: ImGui measures ascender to descender.)
    float size(Role role) const { return sizes_[static_cast<int>(role)]; }
    // Unique to each build of any set, so layouts measured with other glyphs
    // are redone and the renderer knows which texture it has.
    unsigned generation() const { return generation_; }
    // Unique to each set and kept by rebuilds that only add glyphs: those
    // leave the advances of the glyphs already there alone, so text whose
    // characters were registered before its first layout keeps its lines.
    unsigned metricsGeneration() const { return metricsGeneration_; }
    // Characters of the content that the faces do not have (drawn as U+FFFD).
    const std::set<char32_t>& missing() const { return missing_; }
    // The atlas, with its pixels kept (one byte each) so a lost GPU context
    // can be given the texture again.
    ImFontAtlas& atlas() const { return atlas_; }

private:
    friend class Fonts;
    mutable ImFontAtlas atlas_;
    std::array<ImFont*, static_cast<int>(Role::Count)> fonts_{};
    std::array<float, static_cast<int>(Role::Count)> sizes_{};
    std::set<char32_t> missing_;
    unsigned generation_ = 0, metricsGeneration_ = 0;
    unsigned charsVersion_ = ~0u; // Fonts::charsVersion_ it was built with
    ImVector<ImWchar> uiRanges_, bodyRanges_, headlineRanges_, sectionRanges_, iconRanges_; // must outlive the atlas
    ImVector<ImWchar> strongRanges_, emphasisRanges_, strongEmphasisRanges_;
    // Each role's characters of each script face merged into it.
    ImVector<ImWchar> scriptRanges_[static_cast<int>(Role::Count)][static_cast<int>(ScriptFace::Count)];
};

// The page's typefaces and the characters its widgets draw, shared by every
// widget of the page, and the sets rasterised from them.
class Fonts {
public:
    // TTF bytes of one face, handed over by the platform layer as they arrive.
    void setFace(Face face, std::vector<unsigned char> ttf);
    // Every face a page needs; the optional ones (italic) may follow later.
    bool hasAllFaces() const;

    // Faces of other scripts (Cyrillic, Georgian, Armenian), only for content
    // that has their letters, or (Cyrillic) for the form's face once the
    // reader may type: neededScriptFaces() names those the characters
    // registered call for, once each (the platform fetches them). Until each
    // is set, or given up (it could not be had: U+FFFD then), update() draws
    // nothing if the content has its letters, so no picture shows them
    // missing for the moment they take to arrive.
    std::vector<ScriptFace> neededScriptFaces();
    void setScriptFace(ScriptFace face, std::vector<unsigned char> ttf);
    void scriptFaceFailed(ScriptFace face);

    // Registers text the views will draw so the atlas holds its characters.
    // Headlines and section headings are drawn large, so each large face only
    // holds its own characters.
    // The body's bold and italic runs have faces of their own, holding only their characters.
    enum class Usage { Text, Headline, Section, Strong, Emphasis, StrongEmphasis };
    void addText(std::string_view utf8, Usage usage = Usage::Text);
    // Adds what readers may type (Latin incl. Latin-1 and Azerbaijani, Cyrillic)
    // from the next rebuild on. Left out of the first atlas: those glyphs were
    // a large share of the rasterising before the first picture.
    void enableTyping();

    // The set for these sizes at this scale, built if it is new or rebuilt
    // if characters were registered since; nullptr until all faces are here.
    const FontSet* update(const Typography& type, float scale);
    // Every set built so far (each has its own texture).
    const std::vector<std::unique_ptr<FontSet>>& sets() const { return sets_; }

    // Atlases kept from an earlier visit (ui/AtlasCache.h): a build whose key
    // one of them holds restores it instead of rasterising. While keeping,
    // each atlas rasterised is also saved, for the platform to take and store.
    void offerAtlas(std::vector<unsigned char> entry) { offered_.push_back(std::move(entry)); }
    void keepBuiltAtlases(bool keep);
    std::vector<std::vector<unsigned char>> takeBuiltAtlases() { return std::move(built_); }
    unsigned atlasRestores() const { return restores_; }

private:
    Face availableFace(Face face) const;
    void build(FontSet& set, const std::array<float, static_cast<int>(Role::Count)>& ems, float scale);
    void buildOrRestore(ImFontAtlas& atlas);

    std::array<std::vector<unsigned char>, static_cast<int>(Face::Count)> faces_;
    std::array<float, static_cast<int>(Face::Count)> heightPerEm_{};
    enum class ScriptState { Unneeded, Asked, In, Failed };
    std::array<std::vector<unsigned char>, static_cast<int>(ScriptFace::Count)> scriptFaces_;
    std::array<float, static_cast<int>(ScriptFace::Count)> scriptHeightPerEm_{};
    std::array<ScriptState, static_cast<int>(ScriptFace::Count)> scriptState_{};
    // The characters drawn with a face (by the roles that use it).
    std::vector<const std::set<char32_t>*> charsOf(Face face) const;
    bool drawsLettersOf(ScriptFace face) const; // the content has characters of its script
    void mergeScriptFaces(FontSet& set, Role role, float em, const ImFontConfig& base);
    std::set<char32_t> textChars_, headlineChars_, sectionChars_;
    std::set<char32_t> strongChars_, emphasisChars_, strongEmphasisChars_;
    std::set<char32_t> typingChars_; // kTyping's, once the reader may type: for the script faces it reaches
    unsigned charsVersion_ = 0; // changes when characters or faces are added
    bool typing_ = false;
    struct Key {
        float scale;
        std::array<float, static_cast<int>(Role::Count)> ems; // CSS em sizes, in Role order
    };
    std::vector<Key> keys_;
    std::vector<std::unique_ptr<FontSet>> sets_;
    unsigned builds_ = 0;
    std::vector<std::vector<unsigned char>> offered_, built_;
    bool keepBuilt_ = false;
    unsigned restores_ = 0;
};

} // namespace aw::ui
