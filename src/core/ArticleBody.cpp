#include "core/ArticleBody.h"

#include "core/JsonFields.h"
#include "core/Protocol.h"
#include "core/UrlPolicy.h"

#include <algorithm>
#include <cmath>

namespace aw {
namespace {

using namespace jsonfields;

BodyKind kindOf(const std::string& name, bool& known) {
    namespace body = protocol::body;
    known = true;
    if (name == body::Paragraph) return BodyKind::Paragraph;
    if (name == body::Heading2) return BodyKind::Heading2;
    if (name == body::Heading3) return BodyKind::Heading3;
    if (name == body::Quote) return BodyKind::Quote;
    if (name == body::Item) return BodyKind::Item;
    if (name == body::Figure) return BodyKind::Figure;
    known = false;
    return BodyKind::Paragraph;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool flag(const Json& obj, const char* key) {
    const Json* v = member(obj, key);
    return v && v->is_boolean() && v->get<bool>();
}

int whole(const Json& obj, const char* key, int fallback) {
    const Json* v = member(obj, key);
    if (!v || !v->is_number()) return fallback;
    const double d = v->get<double>();
    return std::isfinite(d) && d >= 0 && d < 1e6 ? static_cast<int>(d) : fallback;
}

std::string text(const Json& obj, const char* key) {
    const Json* v = member(obj, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// The block's runs joined into one text: white space collapsed across runs
// (the parser's text nodes keep the source's line breaks), trimmed, empty
// runs dropped; links through the URL policy.
void readRuns(const Json& runs, BodyBlock& block, const std::string& path, std::vector<std::string>& warnings) {
    if (!runs.is_array()) return;
    bool pendingSpace = false;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Json& r = runs[i];
        if (!r.is_object()) continue;
        const std::string t = text(r, "text");
        BodyRun run;
        run.style = static_cast<unsigned char>((flag(r, "b") ? run::Bold : 0) | (flag(r, "i") ? run::Italic : 0));
        if (const std::string href = text(r, "href"); !href.empty()) {
            const CheckedUrl url = checkUrl(href, Mailto::Allow);
            if (url.allowed) {
                run.link = static_cast<int>(block.links.size());
                block.links.push_back(url.url);
            } else {
                warnings.push_back(path + ".runs[" + std::to_string(i) + "]: link dropped, its text kept: " + url.reason);
            }
        }
        // A space between runs goes with the one that is not a link: links are underlined letter to letter.
        if (pendingSpace && !block.runs.empty() && block.runs.back().link < 0 && t.find_first_not_of(" \t\n\r\f") != std::string::npos) {
            block.text += ' ';
            block.runs.back().end = static_cast<std::uint32_t>(block.text.size());
            pendingSpace = false;
        }
        const std::size_t before = block.text.size();
        for (char c : t) {
            if (isSpace(c)) { pendingSpace = !block.text.empty() && block.text.back() != ' '; continue; }
            if (pendingSpace) block.text += ' ';
            pendingSpace = false;
            block.text += c;
        }
        if (block.text.size() == before) {
            if (run.link >= 0) block.links.pop_back();
            continue;
        }
        run.end = static_cast<std::uint32_t>(block.text.size());
        // A run in the style and link of the one before it extends it.
        if (!block.runs.empty() && block.runs.back().style == run.style && run.link < 0 && block.runs.back().link < 0)
            block.runs.back().end = run.end;
        else
            block.runs.push_back(run);
    }
}

} // namespace

float Picture::aspect() const {
    for (const auto& s : sources)
        if (s.width > 0 && s.height > 0)
            return std::clamp(static_cast<float>(s.height) / static_cast<float>(s.width), 0.25f, 1.25f);
    return 2.0f / 3.0f;
}

std::vector<BodyBlock> plainBody(const std::vector<std::string>& paragraphs) {
    std::vector<BodyBlock> blocks;
    blocks.reserve(paragraphs.size());
    for (const auto& p : paragraphs) {
        BodyBlock b;
        b.text = p;
        b.runs.push_back(BodyRun{static_cast<std::uint32_t>(p.size()), 0, -1});
        blocks.push_back(std::move(b));
    }
    return blocks;
}

Expected<std::vector<BodyBlock>> parseBodyBlocks(std::string_view json, std::vector<std::string>& warnings) {
    using Result = Expected<std::vector<BodyBlock>>;
    auto parsed = parseDocument(json);
    if (!parsed) return Result::failure("the body's blocks are " + parsed.error());
    const Json& doc = parsed.value().json;
    if (!doc.is_array()) return Result::failure(std::string("the body's blocks: expected an array, got ") + doc.type_name());
    std::vector<BodyBlock> blocks;
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const Json& b = doc[i];
        const std::string path = "blocks[" + std::to_string(i) + "]";
        if (!b.is_object()) {
            warnings.push_back(path + ": expected an object, skipped");
            continue;
        }
        BodyBlock block;
        bool known = false;
        const std::string kind = text(b, "kind");
        block.kind = kindOf(kind, known);
        if (!known) warnings.push_back(path + ": unknown kind \"" + kind + "\", read as a paragraph");
        if (block.kind == BodyKind::Figure) {
            const CheckedUrl src = checkUrl(text(b, "src"));
            if (!src.allowed) {
                warnings.push_back(path + ": figure dropped: " + (src.reason.empty() ? "no image address" : src.reason));
                continue;
            }
            block.picture.sources.push_back(ImageSource{src.url, whole(b, "width", 0), whole(b, "height", 0)});
            block.picture.alt = text(b, "alt");
            block.picture.caption = text(b, "caption");
            block.picture.credit = text(b, "credit");
            blocks.push_back(std::move(block));
            continue;
        }
        if (const Json* runs = member(b, "runs")) readRuns(*runs, block, path, warnings);
        if (block.text.empty()) continue;
        if (block.kind == BodyKind::Item) {
            block.ordered = flag(b, "ordered");
            block.number = whole(b, "number", 0);
            block.depth = std::clamp(whole(b, "depth", 1), 1, 6);
        }
        blocks.push_back(std::move(block));
    }
    if (blocks.empty()) return Result::failure("the body's blocks have no text");
    return Result::success(std::move(blocks));
}

std::size_t chooseSource(const Picture& picture, float devicePixels) {
    std::size_t best = 0;
    bool found = false, fits = false;
    for (std::size_t i = 0; i < picture.sources.size(); ++i) {
        const int w = picture.sources[i].width;
        if (w <= 0) continue;
        const bool wideEnough = static_cast<float>(w) >= devicePixels;
        const int bestW = picture.sources[best].width;
        if (!found || (wideEnough && (!fits || w < bestW)) || (!wideEnough && !fits && w > bestW)) {
            best = i;
            found = true;
            fits = wideEnough;
        }
    }
    return best;
}

} // namespace aw
