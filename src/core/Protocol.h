#pragma once
// The one definition of everything the C++ side and the JS shell share: the
// messages the widget sends to the shell, the kinds and ids of the controls
// it asks the shell to mirror, the parts and actions, the frame result, the
// font faces and the text layer's block roles. web/widget/protocol.js is
// generated from these tables (protocolModule(), checked by a unit test), so
// neither side spells a name the other does not know.
//
// Each table is an X-macro list of (C++ name, wire value): C++ code uses the
// constants below, the generator walks the same list.
#include <string>

namespace aw::protocol {

// Messages from the widget to the shell: Module.onMessage(type, payload), the
// payload a JSON object whose shape protocol.js describes (JSDoc typedefs).
#define AW_MESSAGES(X)                                                                                                 \
    X(ContentHeight, "content-height") /* {height}: the content's full height, CSS px */                               \
    X(Semantics, "semantics")          /* {blocks}: the text layer, on every layout change */                          \
    X(ArticleError, "article-error")   /* {message}: the article could not be read */                                  \
    X(Controls, "controls")            /* {item, valueVersion, controls}: what the shell mirrors as real DOM */        \
    X(List, "list")                    /* {items}: the review list's mirror, only when it changes */                   \
    X(FocusControl, "focus-control")   /* {id}: move keyboard focus to this control */                                 \
    X(PostReview, "post-review")       /* {identifier, body}: send one review (body: its JSON text) */                 \
    X(FetchReviews, "fetch-reviews")   /* {item, page, fresh}: load a page of the published reviews (page: "" first) */ \
    X(FetchSummary, "fetch-summary")   /* {item, fresh}: load the rating summary of an article */                     \
    X(PostReport, "post-report")       /* {identifier, body}: report a review to the moderators */                    \
    X(WakeAt, "wake-at")               /* {at}: call aw_reviews_pump at this time (ms since the epoch) */              \
    X(NeedFaces, "need-faces")         /* {faces}: indexes of ScriptFaces the content needs: aw_set_script_face */

// What a control is, which decides the element the shell gives it.
#define AW_CONTROL_KINDS(X)                                                                                            \
    X(Heading, "heading")   /* an <h2> with the drawn lines */                                                         \
    X(Text, "text")         /* text: placed copies of drawn lines, or announced only */                                \
    X(Input, "input")       /* a one-line text field */                                                                \
    X(TextArea, "textarea") /* a text field of several lines */                                                        \
    X(Stars, "stars")       /* a radio group, one option per star */                                                   \
    X(Choice, "choice")     /* a radio group of labelled options, each with its value */                               \
    X(Summary, "summary")   /* the rating summary: its drawn line and the distribution in words */                     \
    X(Honeypot, "honeypot") /* a field for bots only: hidden from people */                                            \
    X(Button, "button")     /* the form's submit button */                                                             \
    X(Status, "status")     /* a live region: what happened to the review sent */                                      \
    X(Link, "link")         /* an <a>: outside addresses, or articles that open inside */                              \
    X(Action, "action")     /* a <button> whose id the shell acts on (see AW_ACTIONS) */                               \
    X(List, "list")         /* the reviews: its items come in the List message */

// Ids of the controls the shell refers to by name (form fields, actions).
// Follow buttons and headlines are numbered: FollowPrefix + index.
#define AW_CONTROL_IDS(X)                                                                                              \
    X(Name, "name")                                                                                                    \
    X(Email, "email")                                                                                                  \
    X(Rating, "rating")                                                                                                \
    X(Body, "body")                                                                                                    \
    X(Website, "website") /* the honeypot */                                                                           \
    X(Submit, "submit")                                                                                                \
    X(Notice, "notice")                                                                                                \
    X(Intro, "intro")                                                                                                  \
    X(ReviewHeading, "heading")                                                                                        \
    X(FollowHeading, "follow-heading")                                                                                 \
    X(NewsHeading, "news-heading")                                                                                     \
    X(Reviews, "reviews")                                                                                              \
    X(Summary, "summary")                                                                                              \
    X(ReportTitle, "report-title")                                                                                     \
    X(ReportReason, "report-reason")                                                                                   \
    X(ReportNote, "report-note")                                                                                       \
    X(ReportStatus, "report-status")                                                                                   \
    X(ReportPrefix, "report:") /* + a review's identifier: its Report button (an action) */                            \
    X(FollowPrefix, "follow:")                                                                                         \
    X(NewsPrefix, "news:")

// What an Action control asks the shell to do, by its id.
#define AW_ACTIONS(X)                                                                                                  \
    X(Back, "back")          /* go back to the article opened before */                                                \
    X(Retry, "retry")        /* load the article again */                                                              \
    X(NewsMore, "news-more") /* show more headlines */                                                                \
    X(ReviewsMore, "reviews-more")   /* show the next page of reviews */                                               \
    X(ReportSend, "report-send")     /* send the report being written */                                               \
    X(ReportClose, "report-close")   /* Cancel or Close the report step (Escape too) */

// The parts of the widget the shell gives an element each, so assistive
// technology announces them apart.
#define AW_PARTS(X)                                                                                                    \
    X(Review, "review") /* the review <form> */                                                                        \
    X(Follow, "follow") /* "Follow us on social networks" */                                                           \
    X(News, "news")     /* "News Line" */                                                                          \
    X(Report, "report") /* the step reporting a review, after that review */

// Roles of the text layer's blocks; the shell maps each to an element.
#define AW_BLOCK_ROLES(X)                                                                                              \
    X(Heading, "heading")                                                                                              \
    X(Lead, "lead")                                                                                                    \
    X(Meta, "meta")                                                                                                    \
    X(Paragraph, "paragraph")                                                                                          \
    X(Alert, "alert")                                                                                                  \
    X(Subheading, "subheading")     /* an article's h2 */                                                              \
    X(Minorheading, "minorheading") /* its h3 */                                                                       \
    X(Quote, "quote")               /* a paragraph of a blockquote */                                                  \
    X(Item, "item")                 /* a list item: ordered, number and depth say which list */                       \
    X(Figure, "figure")             /* a picture: its box, alternative text, and its caption's lines */

// The font faces, in the order the shell hands them to aw_set_face: key (as
// lines name their face), file under widget/, CSS family and weight (the text
// layer uses the same files, so selection matches the drawn glyphs).
#define AW_FACES(X)                                                                                                    \
    X(SerifRegular, "serif", "fonts/serif-regular.ttf", "AW Serif", "400")                                             \
    X(SerifBold, "serif-bold", "fonts/serif-bold.ttf", "AW Serif", "700")                                              \
    X(SansRegular, "sans", "fonts/sans-regular.ttf", "AW Sans", "400")                                                 \
    X(SansBold, "sans-bold", "fonts/sans-bold.ttf", "AW Sans", "700")                                                  \
    X(Icons, "icons", "fonts/icons.ttf", "AW Icons", "400")

// The article body's blocks, as web/widget/rich-text.js reads them from an
// HTML articleBody with the browser's parser and aw_set_article hands them to
// the core (core/ArticleBody.h reads them; the shape is BodyBlock in protocol.js).
#define AW_BODY_KINDS(X)                                                                                               \
    X(Paragraph, "p")                                                                                                  \
    X(Heading2, "h2")                                                                                                  \
    X(Heading3, "h3")                                                                                                  \
    X(Quote, "quote")                                                                                                  \
    X(Item, "li")                                                                                                      \
    X(Figure, "figure")

// Faces fetched only for an article that uses them (italic runs, see
// BodyBlock). The columns of AW_FACES plus the CSS style; their aw_set_face
// numbers follow the required faces'.
#define AW_OPTIONAL_FACES(X)                                                                                           \
    X(SerifItalic, "serif-italic", "fonts/serif-italic.ttf", "AW Serif", "400", "italic")                              \
    X(SerifBoldItalic, "serif-bold-italic", "fonts/serif-bold-italic.ttf", "AW Serif", "700", "italic")

// Faces of scripts beyond Latin, in the order the shell hands them to
// aw_set_script_face: fetched only when the content (or, for Cyrillic, what a
// reader may type) has characters of their ranges (a NeedFaces message asks)
// and merged into the glyphs of the face they extend. Name, file under widget/
// (scripts/subset-fonts.sh cuts it to these ranges, from the Noto face of the
// script or, for Cyrillic, from the face it extends), the face, the CSS family
// and weight, and the ranges as CSS unicode-range (the text layer's
// @font-face uses them as they are). Cyrillic is one of them so that the
// default, English article does not download 16 KB of glyphs it never draws.
#define AW_SCRIPT_FACES(X)                                                                                             \
    X(GeorgianSerif, "fonts/scripts/georgian-serif-regular.ttf", SerifRegular, "AW Serif", "400", kGeorgian)          \
    X(GeorgianSerifBold, "fonts/scripts/georgian-serif-bold.ttf", SerifBold, "AW Serif", "700", kGeorgian)            \
    X(GeorgianSans, "fonts/scripts/georgian-sans-regular.ttf", SansRegular, "AW Sans", "400", kGeorgian)              \
    X(GeorgianSansBold, "fonts/scripts/georgian-sans-bold.ttf", SansBold, "AW Sans", "700", kGeorgian)                \
    X(ArmenianSerif, "fonts/scripts/armenian-serif-regular.ttf", SerifRegular, "AW Serif", "400", kArmenian)          \
    X(ArmenianSerifBold, "fonts/scripts/armenian-serif-bold.ttf", SerifBold, "AW Serif", "700", kArmenian)            \
    X(ArmenianSans, "fonts/scripts/armenian-sans-regular.ttf", SansRegular, "AW Sans", "400", kArmenian)              \
    X(ArmenianSansBold, "fonts/scripts/armenian-sans-bold.ttf", SansBold, "AW Sans", "700", kArmenian)                \
    X(CyrillicSerif, "fonts/scripts/cyrillic-serif-regular.ttf", SerifRegular, "AW Serif", "400", kCyrillic)          \
    X(CyrillicSerifBold, "fonts/scripts/cyrillic-serif-bold.ttf", SerifBold, "AW Serif", "700", kCyrillic)            \
    X(CyrillicSans, "fonts/scripts/cyrillic-sans-regular.ttf", SansRegular, "AW Sans", "400", kCyrillic)              \
    X(CyrillicSansBold, "fonts/scripts/cyrillic-sans-bold.ttf", SansBold, "AW Sans", "700", kCyrillic)
// Georgian: Mkhedruli and Asomtavruli, Mtavruli capitals, Nuskhuri. Armenian: the alphabet and its ligatures.
inline constexpr const char kGeorgian[] = "U+10A0-10FF,U+1C90-1CBF,U+2D00-2D2F";
inline constexpr const char kArmenian[] = "U+0530-058F,U+FB13-FB17";
// Cyrillic: Russian and the other languages of the basic block, Ukrainian Ґ ґ, and the numero sign.
inline constexpr const char kCyrillic[] = "U+0400-045F,U+0490-0491,U+2116";

#define AW_PROTOCOL_STRING(name, value) inline constexpr const char name[] = value;
namespace message { AW_MESSAGES(AW_PROTOCOL_STRING) }
namespace kind { AW_CONTROL_KINDS(AW_PROTOCOL_STRING) }
namespace id { AW_CONTROL_IDS(AW_PROTOCOL_STRING) }
namespace action { AW_ACTIONS(AW_PROTOCOL_STRING) }
namespace part { AW_PARTS(AW_PROTOCOL_STRING) }
namespace role { AW_BLOCK_ROLES(AW_PROTOCOL_STRING) }
namespace body { AW_BODY_KINDS(AW_PROTOCOL_STRING) }
#undef AW_PROTOCOL_STRING

#define AW_PROTOCOL_FACE(name, key, file, family, weight) name,
#define AW_PROTOCOL_OPTIONAL_FACE(name, key, file, family, weight, style) name,
enum class Face { AW_FACES(AW_PROTOCOL_FACE) AW_OPTIONAL_FACES(AW_PROTOCOL_OPTIONAL_FACE) Count };
#undef AW_PROTOCOL_OPTIONAL_FACE
#define AW_PROTOCOL_OPTIONAL_FACE(name, key, file, family, weight, style) +1
// How many faces every page fetches; the optional ones come after them.
inline constexpr int kRequiredFaces = static_cast<int>(Face::Count) - (0 AW_OPTIONAL_FACES(AW_PROTOCOL_OPTIONAL_FACE));
#undef AW_PROTOCOL_OPTIONAL_FACE
#undef AW_PROTOCOL_FACE
// The key lines carry to name the face they were drawn with ("serif-bold").
const char* faceKey(Face face);

#define AW_PROTOCOL_SCRIPT_FACE(name, file, face, family, weight, ranges) name,
enum class ScriptFace { AW_SCRIPT_FACES(AW_PROTOCOL_SCRIPT_FACE) Count };
#undef AW_PROTOCOL_SCRIPT_FACE
struct ScriptFaceInfo {
    Face extends;
    const char* ranges; // CSS unicode-range
};
ScriptFaceInfo scriptFaceInfo(ScriptFace face);

// aw_frame's answer: Drew | More, NoWebGl | More, or 0 (nothing to draw yet).
namespace frame {
inline constexpr int More = 1;    // ImGui needs another frame to settle
inline constexpr int Drew = 2;    // a picture was drawn
inline constexpr int NoWebGl = 4; // laid out and described, but no picture: the browser gives no WebGL 2
} // namespace frame

// web/widget/protocol.js, as generated from the tables above.
std::string protocolModule();

} // namespace aw::protocol
