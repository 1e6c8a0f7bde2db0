#include "core/Protocol.h"

#include <sstream>

namespace aw::protocol {

const char* faceKey(Face face) {
#define AW_PROTOCOL_KEY(name, key, file, family, weight) \
    case Face::name: return key;
    switch (face) {
        AW_FACES(AW_PROTOCOL_KEY)
#define AW_PROTOCOL_OPTIONAL_KEY(name, key, file, family, weight, style) AW_PROTOCOL_KEY(name, key, file, family, weight)
        AW_OPTIONAL_FACES(AW_PROTOCOL_OPTIONAL_KEY)
#undef AW_PROTOCOL_OPTIONAL_KEY
    case Face::Count: break;
    }
#undef AW_PROTOCOL_KEY
    return "sans";
}

ScriptFaceInfo scriptFaceInfo(ScriptFace face) {
#define AW_PROTOCOL_INFO(name, file, base, family, weight, ranges) \
    case ScriptFace::name: return {Face::base, ranges};
    switch (face) {
        AW_SCRIPT_FACES(AW_PROTOCOL_INFO)
    case ScriptFace::Count: break;
    }
#undef AW_PROTOCOL_INFO
    return {Face::SansRegular, ""};
}

namespace {

// The shapes of the payloads, for readers and editors of the shell.
constexpr const char* kTypedefs = R"(
/**
 * A box in CSS px of the widget's content (its top-left is the content's).
 * @typedef {{x: number, y: number, width: number, height: number}} Rect
 */
/**
 * One drawn line of a control (a heading, a headline, a review), for a
 * transparent copy laid glyph on glyph: its box, its text, the face key
 * (see Faces) and em size in CSS px it was drawn with.
 * @typedef {{x: number, y: number, width: number, height: number, text: string, face: string, size: number}} Line
 */
/**
 * One drawn line of the article's text layer. `spaced`: whether spaces
 * separate it from the next line of its block (not after "three-|day").
 * @typedef {{x: number, y: number, width: number, height: number, text: string, spaced: boolean}} TextLine
 */
/**
 * A block of the text layer: its role (see Role), face key and em size, and
 * its lines; an alert carries only its text.
 * @typedef {{role: string, face?: string, size?: number, lines?: TextLine[], text?: string}} Block
 */
/** @typedef {{blocks: Block[]}} SemanticsMessage */
/**
 * A run of an article's text: its text, bold (`b`) and italic (`i`) when
 * set, and the absolute URL it links to (`href`).
 * @typedef {{text: string, b?: boolean, i?: boolean, href?: string}} BodyRun
 */
/**
 * A block of an article's body (see BodyKind): text blocks carry runs; list
 * items whether their list is ordered, their number and depth (1 = top);
 * figures the image's absolute URL, size, alternative text, caption, credit.
 * @typedef {{kind: string, runs?: BodyRun[], ordered?: boolean, number?: number, depth?: number,
 *   src?: string, width?: number, height?: number, alt?: string, caption?: string, credit?: string}} BodyBlock
 */
/**
 * A control the shell mirrors as real DOM. `part`: which part's element holds
 * it (see Part); no `rect`: announced only. The other fields by kind: label,
 * text, value, message, required, counter, options (one per star or choice: its box,
 * name and value), bars (the summary's distribution in words), disabled, href,
 * external, openInWidget, lines.
 * @typedef {{id: string, kind: string, part?: string, rect?: Rect, label?: string, text?: string,
 *   value?: (string|number), message?: string, required?: boolean, counter?: string,
 *   options?: {rect: Rect, label: string, value?: string}[], bars?: string[],
 *   disabled?: boolean, href?: string, external?: boolean, openInWidget?: boolean, lines?: Line[]}} Control
 */
/**
 * The frame's controls. `item`: whose draft the values are; `valueVersion`
 * changes when the widget changed the values itself (a restored draft).
 * @typedef {{item: string, valueVersion: number, controls: Control[]}} ControlsMessage
 */
/**
 * One review of the list (name and date lines, the rating in words, the text
 * lines, and its Report button: an Action control), or the line saying there
 * are none (`empty`, `text`). `key`: the review's identifier. `reportAfter`:
 * the report step's part follows this review.
 * @typedef {{rect: Rect, key?: string, head?: Line[], rating?: string, lines?: Line[], report?: Control,
 *   reportAfter?: boolean, empty?: boolean, text?: string}} ListItem
 */
/** @typedef {{items: ListItem[]}} ListMessage */
)";

std::string quoted(const char* s) {
    std::string out = "'";
    for (const char* c = s; *c; ++c) {
        if (*c == '\'' || *c == '\\') out += '\\';
        out += *c;
    }
    return out + "'";
}

} // namespace

std::string protocolModule() {
    std::ostringstream js;
    js << "// Generated from src/core/Protocol.h by protocolModule(): do not edit.\n"
          "// After a change there, run build/native/tests/unit_tests --write-protocol.\n"
       << kTypedefs;
    const auto table = [&](const char* name, const char* what) {
        js << "\n/** " << what << " */\nexport const " << name << " = Object.freeze({\n";
    };
#define AW_PROTOCOL_ENTRY(name, value) js << "  " #name ": " << quoted(value) << ",\n";
    table("Message", "Types of the messages the widget sends: Module.onMessage(type, payload).");
    AW_MESSAGES(AW_PROTOCOL_ENTRY)
    js << "});\n";
    table("Kind", "Control kinds.");
    AW_CONTROL_KINDS(AW_PROTOCOL_ENTRY)
    js << "});\n";
    table("Id", "Control ids the shell refers to; follow buttons and headlines are FollowPrefix/NewsPrefix + index.");
    AW_CONTROL_IDS(AW_PROTOCOL_ENTRY)
    js << "});\n";
    table("Action", "Ids of Action controls, and what the shell does for each.");
    AW_ACTIONS(AW_PROTOCOL_ENTRY)
    js << "});\n";
    table("Part", "Parts of the widget, each its own element.");
    AW_PARTS(AW_PROTOCOL_ENTRY)
    js << "});\n";
    table("Role", "Roles of the text layer's blocks.");
    AW_BLOCK_ROLES(AW_PROTOCOL_ENTRY)
    js << "});\n";
    table("BodyKind", "Kinds of an article body's blocks (BodyBlock), as rich-text.js hands them to aw_set_article.");
    AW_BODY_KINDS(AW_PROTOCOL_ENTRY)
    js << "});\n";
#undef AW_PROTOCOL_ENTRY
    table("Frame", "aw_frame's answer: Drew | More, NoWebGl | More, or 0 (nothing to draw yet).");
    js << "  More: " << frame::More << ",\n  Drew: " << frame::Drew << ",\n  NoWebGl: " << frame::NoWebGl << ",\n});\n";
    js << "\n/** The font faces in aw_set_face order: key, file under widget/, CSS family and weight. */\n"
          "export const Faces = Object.freeze([\n";
#define AW_PROTOCOL_FACE(name, key, file, family, weight)                                                            \
    js << "  { key: " << quoted(key) << ", file: " << quoted(file) << ", family: " << quoted(family)                \
       << ", weight: " << quoted(weight) << " },\n";
    AW_FACES(AW_PROTOCOL_FACE)
#undef AW_PROTOCOL_FACE
    js << "].map(Object.freeze));\n";
    js << "\n/** Faces fetched only for an article that uses them; their aw_set_face numbers follow Faces'. */\n"
          "export const OptionalFaces = Object.freeze([\n";
#define AW_PROTOCOL_OPTIONAL_FACE(name, key, file, family, weight, style)                                            \
    js << "  { key: " << quoted(key) << ", file: " << quoted(file) << ", family: " << quoted(family)                \
       << ", weight: " << quoted(weight) << ", style: " << quoted(style) << " },\n";
    AW_OPTIONAL_FACES(AW_PROTOCOL_OPTIONAL_FACE)
#undef AW_PROTOCOL_OPTIONAL_FACE
    js << "].map(Object.freeze));\n";
    js << "\n/** Faces of other scripts in aw_set_script_face order, fetched only when needed (NeedFaces):\n"
          " * file under widget/, CSS family and weight, unicodeRange. */\n"
          "export const ScriptFaces = Object.freeze([\n";
#define AW_PROTOCOL_SCRIPT_FACE(name, file, face, family, weight, ranges)                                            \
    js << "  { file: " << quoted(file) << ", family: " << quoted(family) << ", weight: " << quoted(weight)          \
       << ", unicodeRange: " << quoted(ranges) << " },\n";
    AW_SCRIPT_FACES(AW_PROTOCOL_SCRIPT_FACE)
#undef AW_PROTOCOL_SCRIPT_FACE
    js << "].map(Object.freeze));\n";
    return js.str();
}

} // namespace aw::protocol
