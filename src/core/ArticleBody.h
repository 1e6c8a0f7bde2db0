#pragma once
// An article's body as structured blocks (paragraphs, subheadings, quotes,
// list items, figures) with inline runs (bold, italic, links), and its
// pictures. The browser's HTML parser reads an HTML articleBody in the shell
// (web/widget/rich-text.js) and hands the blocks over as JSON (BodyBlock in
// protocol.js, kinds from Protocol.h's AW_BODY_KINDS); a plain-text body is
// one plain paragraph block per paragraph.
#include "core/Expected.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aw {

enum class BodyKind { Paragraph, Heading2, Heading3, Quote, Item, Figure };

// Inline style bits of a run.
namespace run {
inline constexpr unsigned char Bold = 1;
inline constexpr unsigned char Italic = 2;
} // namespace run

// One stretch of a block's text in one style, up to byte offset `end`.
struct BodyRun {
    std::uint32_t end = 0;
    unsigned char style = 0; // run::Bold | run::Italic
    int link = -1;           // index into BodyBlock::links, -1: not a link
};

// One version of a picture: where it is and, when known, its pixel size.
struct ImageSource {
    std::string url;
    int width = 0, height = 0;
};

// A picture with the words around it. Several sources are sizes of the same
// picture (schema.org image arrays, srcset): the view picks one for its width.
struct Picture {
    std::vector<ImageSource> sources;
    std::string alt;     // for screen readers; empty: the caption stands in
    std::string caption;
    std::string credit;  // "Photo: …", "© …"
    bool empty() const { return sources.empty(); }
    // Height over width for the box kept for it before it arrives: the
    // first source with a size, else 2:3 (a landscape photograph), held
    // between a panorama's 1:4 and a tall portrait's 5:4.
    float aspect() const;
};

struct BodyBlock {
    BodyKind kind = BodyKind::Paragraph;
    std::string text;               // every run's text, one after another
    std::vector<BodyRun> runs;      // in order, the last ending at text.size()
    std::vector<std::string> links; // checked absolute URLs
    bool ordered = false;           // items: of a numbered list
    int number = 0;                 // items of a numbered list: their number
    int depth = 1;                  // items: 1 for a top-level list, 2 inside it, …
    Picture picture;                // figures
};

// Blocks of a plain-text body: one plain paragraph each.
std::vector<BodyBlock> plainBody(const std::vector<std::string>& paragraphs);

// Reads the shell's block list (a JSON array of BodyBlock). Links and image
// URLs pass the URL policy (absolute http, https or mailto for links, http or
// https for images); a refused link keeps its text, a refused image drops its
// figure, an unknown kind is read as a paragraph; each says why in
// `warnings`. Fails only when the JSON is not an array of objects or no
// block has any text or picture.
Expected<std::vector<BodyBlock>> parseBodyBlocks(std::string_view json, std::vector<std::string>& warnings);

// The source of `picture` to fetch for a box `devicePixels` wide: the
// narrowest at least that wide, else the widest; sources of unknown width
// count only when none is known. Index into picture.sources.
std::size_t chooseSource(const Picture& picture, float devicePixels);

} // namespace aw
