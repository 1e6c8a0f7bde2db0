#pragma once
// The article node of a JSON-LD document as publishers' SEO plugins really
// emit it: one object, an array of nodes, or an @graph (WordPress with Yoast)
// whose author, publisher, image and mainEntityOfPage are {"@id": ...}
// references to other nodes of the graph.
#include "core/JsonFields.h"

#include <string_view>

namespace aw::jsonld {

// Whether a node's @type (a string or an array) names a kind of article:
// NewsArticle, Article, ReportageNewsArticle, BlogPosting, ...
bool isArticleType(const jsonfields::Json& type);

// A copy of the document's article node with its {"@id"} references replaced
// by the nodes they name (anywhere in the document, nested ones too), and
// its fields in the shapes the article reader takes: articleSection as its
// first entry when it is an array, url from mainEntityOfPage when it has
// none, an ImageObject's contentUrl as its url.
//
// A lone object is the article whatever its @type (a JSON src may omit it).
// In an array or a graph the article is the first node of an article type,
// else the first untyped node with a headline; with neither it throws a
// FieldError naming the types it found ("no NewsArticle in the JSON-LD (it
// has: WebPage, Person)").
jsonfields::Json articleNode(const jsonfields::Json& doc);

} // namespace aw::jsonld
