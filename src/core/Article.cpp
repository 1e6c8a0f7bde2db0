#include "core/Article.h"

#include "core/Date.h"
#include "core/HtmlText.h"
#include "core/JsonFields.h"

namespace aw {
namespace {

using namespace jsonfields;

std::string requiredText(const Json& obj, const char* key) {
    std::string text = plainText(stringField(obj, key, key, true));
    if (text.empty()) fail(key, "is empty");
    return text;
}

// author: a Person/Organization object, a plain name, or an array of either.
std::vector<std::string> authorNames(const Json& doc) {
    const Json* v = member(doc, "author");
    if (!v) return {};
    auto one = [](const Json& a, const std::string& path) -> std::string {
        if (a.is_string()) return plainText(a.get<std::string>());
        if (a.is_object()) return plainText(stringField(a, "name", path + ".name", true));
        fail(path, std::string("expected an object with a name, got ") + a.type_name());
    };
    std::vector<std::string> names;
    if (v->is_array()) {
        for (std::size_t i = 0; i < v->size(); ++i) {
            std::string n = one((*v)[i], "author[" + std::to_string(i) + "]");
            if (!n.empty()) names.push_back(std::move(n));
        }
    } else {
        std::string n = one(*v, "author");
        if (!n.empty()) names.push_back(std::move(n));
    }
    return names;
}

// image: a URL string, an ImageObject with url, or an array whose first entry counts.
std::string imageUrl(const Json& doc) {
    const Json* v = member(doc, "image");
    if (!v) return {};
    const Json& first = v->is_array() && !v->empty() ? (*v)[0] : *v;
    if (first.is_string()) return first.get<std::string>();
    if (first.is_object()) return stringField(first, "url", "image.url", false);
    return {};
}

void readPublisher(const Json& doc, Article& a) {
    const Json* p = member(doc, "publisher");
    if (!p) return;
    if (!p->is_object()) fail("publisher", std::string("expected an object, got ") + p->type_name());
    const Json* same = member(*p, "sameAs");
    if (!same) return;
    if (same->is_string()) { a.publisherProfiles.push_back(same->get<std::string>()); return; }
    if (!same->is_array()) fail("publisher.sameAs", std::string("expected an array of URLs, got ") + same->type_name());
    for (std::size_t i = 0; i < same->size(); ++i) {
        const Json& u = (*same)[i];
        if (!u.is_string()) fail("publisher.sameAs[" + std::to_string(i) + "]", std::string("expected a string, got ") + u.type_name());
        a.publisherProfiles.push_back(u.get<std::string>());
    }
}

// JSON-LD pages often wrap the article in an @graph or an array with other nodes.
const Json& findArticleNode(const Json& doc) {
    auto isArticle = [](const Json& n) {
        if (!n.is_object()) return false;
        const Json* t = member(n, "@type");
        auto matches = [](const Json& s) {
            return s.is_string() && (s == "NewsArticle" || s == "Article" || s == "ReportageNewsArticle" ||
                                     s == "AnalysisNewsArticle" || s == "BlogPosting");
        };
        if (!t) return member(n, "headline") != nullptr;
        if (t->is_array()) { for (const auto& s : *t) if (matches(s)) return true; return false; }
        return matches(*t);
    };
    const Json* list = doc.is_array() ? &doc : (doc.is_object() ? member(doc, "@graph") : nullptr);
    if (list && list->is_array())
        for (const auto& n : *list)
            if (isArticle(n)) return n;
    return doc;
}

} // namespace

Expected<Article> parseArticle(std::string_view json) {
    auto parsed = parseDocument(json, kMaxArticleBytes);
    if (!parsed) return Expected<Article>::failure("article is " + parsed.error());
    const Json& doc = parsed.value().json;
    try {
        const Json& node = findArticleNode(doc);
        if (!node.is_object()) fail("article", std::string("expected a JSON object, got ") + node.type_name());
        Article a;
        a.headline = requiredText(node, "headline");
        const Json* body = member(node, "articleBody");
        if (!body) fail("articleBody", "missing (required)");
        if (!body->is_string()) fail("articleBody", std::string("expected a string, got ") + body->type_name());
        a.paragraphs = paragraphsFromBody(body->get_ref<const std::string&>());
        if (a.paragraphs.empty()) fail("articleBody", "has no text");
        a.lead = plainText(stringField(node, "alternativeHeadline", "alternativeHeadline", false));
        if (a.lead.empty()) a.lead = plainText(stringField(node, "description", "description", false));
        a.section = plainText(stringField(node, "articleSection", "articleSection", false));
        a.datePublished = stringField(node, "datePublished", "datePublished", false);
        a.authors = authorNames(node);
        a.language = stringField(node, "inLanguage", "inLanguage", false);
        a.url = stringField(node, "url", "url", false);
        a.imageUrl = imageUrl(node);
        const Json* ident = member(node, "identifier");
        if (ident && ident->is_string()) a.id = ident->get<std::string>();
        else if (ident && ident->is_number_integer()) a.id = std::to_string(ident->get<long long>());
        if (a.id.empty()) a.id = a.url;
        readPublisher(node, a);
        if (parsed.value().repaired()) a.warnings.push_back(parsed.value().warning());
        return Expected<Article>::success(std::move(a));
    } catch (const FieldError& e) {
        return Expected<Article>::failure(e.message());
    }
}

std::string formatDate(std::string_view iso) { return formatDate(iso, LocaleRules()); }

std::string formatDate(std::string_view iso, const LocaleRules& rules) {
    if (!readCalendarDate(iso)) return {};
    const auto midnight = readDateTime(iso.substr(0, 10), DateForm::Lenient); // a bare date: its midnight UTC
    return midnight ? rules.date(midnight->unixSeconds, LocaleRules::DateStyle::Long, 0) : std::string();
}

std::string metaLine(const Article& a, const Messages& messages) {
    std::string line = a.section;
    auto add = [&line](const std::string& part) {
        if (part.empty()) return;
        if (!line.empty()) line += " \u00B7 ";
        line += part;
    };
    add(formatDate(a.datePublished, messages.rules()));
    if (!a.authors.empty()) {
        std::string names = a.authors.back();
        if (a.authors.size() > 1) {
            std::string front = a.authors[0];
            for (std::size_t i = 1; i + 1 < a.authors.size(); ++i) front += ", " + a.authors[i];
            names = messages.text("meta.and", {{"first", front}, {"last", names}});
        }
        add(messages.text("meta.by", {{"authors", names}}));
    }
    return line;
}

} // namespace aw
