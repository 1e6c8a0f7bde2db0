#include "core/JsonLd.h"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace aw::jsonld {
namespace {

using jsonfields::Json;
using jsonfields::member;

// How far references are followed from the article: its author and publisher
// (1), the publisher's logo (2). Yoast's graph links every node to every other
// (WebPage isPartOf WebSite, whose publisher is the Organization ...): followed
// without a bound, a small graph would be copied many times over.
constexpr int kMaxDepth = 3;
// And how many references are resolved in all: a graph whose nodes all name
// each other would otherwise be copied (nodes ^ depth) times.
constexpr int kMaxResolved = 256;
// And how deep inside the JSON anything is read or copied: the article's
// fields lie a few levels down; a value nested deeper is left out, so a
// document of a million nested arrays costs no deeper call stack than this
// (the wasm build's stack is small).
constexpr int kMaxNesting = 64;

// The nodes of a document: the members of its arrays and @graphs, flattened.
void collectNodes(const Json& v, std::vector<const Json*>& out, int nesting = 0) {
    if (nesting > kMaxNesting) return;
    if (v.is_array()) {
        for (const auto& n : v) collectNodes(n, out, nesting + 1);
    } else if (v.is_object()) {
        const Json* graph = member(v, "@graph");
        if (graph) collectNodes(*graph, out, nesting + 1);
        else out.push_back(&v);
    }
}

// {"@id": ...}, or with a member repeated beside it (Yoast writes the author as {"name", "@id"}):
// an untyped object that names a node described elsewhere.
bool isReference(const Json& v) {
    if (!v.is_object() || v.contains("@type")) return false;
    const auto id = v.find("@id");
    return id != v.end() && id->is_string();
}

// Every object with an @id and something more, wherever it sits (Yoast
// describes the primary image inside the WebPage and refers to it from the
// Article). The fullest description of an @id wins.
using Index = std::unordered_map<std::string, const Json*>;
void indexIds(const Json& v, Index& index, int nesting = 0) {
    if (nesting > kMaxNesting) return;
    if (v.is_array()) {
        for (const auto& n : v) indexIds(n, index, nesting + 1);
        return;
    }
    if (!v.is_object()) return;
    const Json* id = member(v, "@id");
    if (id && id->is_string() && v.size() > 1) {
        const Json*& slot = index[id->get<std::string>()];
        if (!slot || slot->size() < v.size()) slot = &v;
    }
    for (const auto& [key, value] : v.items()) indexIds(value, index, nesting + 1);
}

struct Resolution {
    const Index& index;
    std::unordered_set<std::string> open; // the @ids being resolved, outermost first
    int budget = kMaxResolved;
};

// A copy of v, its members copied down to kMaxNesting only.
Json resolved(const Json& v, int depth, Resolution& r, int nesting = 0);

Json copied(const Json& v, int depth, Resolution& r, int nesting) {
    if (v.is_array()) {
        Json out = Json::array();
        for (const auto& n : v) out.push_back(resolved(n, depth, r, nesting + 1));
        return out;
    }
    if (v.is_object()) {
        Json out = Json::object();
        for (const auto& [key, value] : v.items()) out[key] = resolved(value, depth, r, nesting + 1);
        return out;
    }
    return v;
}

Json resolved(const Json& v, int depth, Resolution& r, int nesting) {
    if (nesting > kMaxNesting) return nullptr;
    if (!isReference(v)) return copied(v, depth, r, nesting);
    const std::string id = v["@id"].get<std::string>();
    const auto it = r.index.find(id);
    // An unknown @id, a reference back to a node being resolved, or one too far away stays a reference.
    if (it == r.index.end() || depth >= kMaxDepth || r.open.count(id) || r.budget <= 0) return copied(v, depth, r, nesting);
    --r.budget;
    r.open.insert(id);
    Json node = resolved(*it->second, depth + 1, r, nesting + 1);
    r.open.erase(id);
    // What the reference itself says beside its @id (Yoast repeats the author's name) fills what the node lacks.
    const Json own = copied(v, depth, r, nesting);
    for (const auto& [key, value] : own.items())
        if (!node.contains(key)) node[key] = value;
    return node;
}

// The shapes the article reader takes.
void normalise(Json& a) {
    if (const Json* s = member(a, "articleSection"); s && s->is_array()) {
        Json first;
        for (const auto& e : *s)
            if (e.is_string() && !e.get_ref<const std::string&>().empty()) { first = e; break; }
        a["articleSection"] = first;
    }
    if (!member(a, "url")) {
        if (const Json* page = member(a, "mainEntityOfPage")) {
            const Json* url = page->is_object() ? member(*page, "url") : page;
            if (page->is_object() && !url) url = member(*page, "@id");
            if (url && url->is_string()) a["url"] = *url;
        }
    }
    if (Json* image = a.contains("image") ? &a["image"] : nullptr) {
        Json& first = image->is_array() && !image->empty() ? (*image)[0] : *image;
        if (first.is_object() && !member(first, "url") && member(first, "contentUrl")) first["url"] = first["contentUrl"];
    }
}

std::string typeNames(const std::vector<const Json*>& nodes) {
    std::string names;
    std::unordered_set<std::string> seen;
    auto add = [&](const Json& t) {
        if (!t.is_string() || !seen.insert(t.get<std::string>()).second) return;
        names += (names.empty() ? "" : ", ") + t.get<std::string>();
    };
    for (const Json* n : nodes) {
        const Json* t = member(*n, "@type");
        if (!t) continue;
        if (t->is_array()) for (const auto& e : *t) add(e);
        else add(*t);
    }
    return names;
}

} // namespace

bool isArticleType(const Json& type) {
    static const std::unordered_set<std::string> kTypes = {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "Report"};
    if (type.is_array()) {
        for (const auto& t : type) if (isArticleType(t)) return true;
        return false;
    }
    return type.is_string() && kTypes.count(type.get<std::string>()) > 0;
}

Json articleNode(const Json& doc) {
    const Json* article = nullptr;
    std::vector<const Json*> nodes;
    if (doc.is_object() && !member(doc, "@graph")) {
        article = &doc;
        nodes.push_back(&doc);
    } else {
        collectNodes(doc, nodes);
        for (const Json* n : nodes) {
            const Json* t = member(*n, "@type");
            if (t && isArticleType(*t)) { article = n; break; }
        }
        if (!article)
            for (const Json* n : nodes)
                if (!member(*n, "@type") && member(*n, "headline")) { article = n; break; }
    }
    if (!article) {
        if (nodes.empty()) jsonfields::fail("article", std::string("expected a JSON object, got ") + doc.type_name());
        const std::string found = typeNames(nodes);
        jsonfields::fail("", "no NewsArticle in the JSON-LD" + (found.empty() ? std::string() : " (it has: " + found + ")"));
    }
    Index index;
    indexIds(doc, index);
    Resolution r{index, {}};
    if (const Json* id = member(*article, "@id"); id && id->is_string()) r.open.insert(id->get<std::string>());
    Json node = resolved(*article, 0, r);
    normalise(node);
    return node;
}

} // namespace aw::jsonld
