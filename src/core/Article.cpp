#include "core/Article.h"

#include "core/Date.h"
#include "core/HtmlText.h"
#include "core/JsonFields.h"
#include "core/JsonLd.h"
#include "core/UrlPolicy.h"

#include <cstdlib>

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

// A name from a Person/Organization object or a plain string; empty otherwise.
std::string nameOf(const Json* v) {
    if (!v) return {};
    if (v->is_string()) return plainText(v->get<std::string>());
    if (v->is_object()) {
        const Json* n = member(*v, "name");
        if (n && n->is_string()) return plainText(n->get<std::string>());
    }
    if (v->is_array() && !v->empty()) return nameOf(&(*v)[0]);
    return {};
}

// A pixel size: a number, "1200", "1200px" or a QuantitativeValue {value}.
int pixels(const Json* v) {
    if (!v) return 0;
    if (v->is_object()) return pixels(member(*v, "value"));
    double d = 0;
    if (v->is_number()) d = v->get<double>();
    else if (v->is_string()) d = std::atof(v->get_ref<const std::string&>().c_str());
    return d >= 1 && d < 100000 ? static_cast<int>(d) : 0;
}

// image: a URL, an ImageObject (url or contentUrl, width, height, caption,
// creditText, copyrightHolder, author), or an array of them: sizes of one
// picture, whose words come from the first entry that has them.
Picture leadPicture(const Json& doc, std::string_view base, std::vector<std::string>& warnings) {
    Picture pic;
    const Json* v = member(doc, "image");
    if (!v) return pic;
    const std::vector<Json> entries = v->is_array() ? v->get<std::vector<Json>>() : std::vector<Json>{*v};
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Json& e = entries[i];
        std::string url;
        if (e.is_string()) url = e.get<std::string>();
        else if (e.is_object()) {
            for (const char* key : {"contentUrl", "url"})
                if (const Json* u = member(e, key); u && u->is_string() && url.empty()) url = u->get<std::string>();
        }
        if (url.empty()) continue;
        const CheckedUrl checked = base.empty() ? checkUrl(url) : resolveUrl(base, url);
        if (!checked.allowed) {
            warnings.push_back("image" + (v->is_array() ? "[" + std::to_string(i) + "]" : std::string()) + " not shown: " + checked.reason);
            continue;
        }
        ImageSource src{checked.url, 0, 0};
        if (e.is_object()) {
            src.width = pixels(member(e, "width"));
            src.height = pixels(member(e, "height"));
            if (pic.caption.empty()) pic.caption = nameOf(member(e, "caption"));
            if (pic.alt.empty()) pic.alt = nameOf(member(e, "description"));
            if (pic.alt.empty()) pic.alt = nameOf(member(e, "name"));
            if (pic.credit.empty()) pic.credit = nameOf(member(e, "creditText"));
            if (const std::string holder = nameOf(member(e, "copyrightHolder")); pic.credit.empty() && !holder.empty())
                pic.credit = "\u00A9 " + holder;
            if (const std::string author = nameOf(member(e, "author")); pic.credit.empty() && !author.empty())
                pic.credit = "Photo: " + author;
        }
        pic.sources.push_back(std::move(src));
    }
    return pic;
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

} // namespace

Expected<Article> parseArticle(std::string_view json, std::string_view baseUrl, std::string_view bodyBlocks) {
    auto parsed = parseDocument(json, kMaxArticleBytes);
    if (!parsed) return Expected<Article>::failure("article is " + parsed.error());
    const Json& doc = parsed.value().json;
    try {
        const Json node = jsonld::articleNode(doc); // @graph references resolved, shapes normalised
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
        a.image = leadPicture(node, baseUrl, a.warnings);
        a.body = plainBody(a.paragraphs);
        if (!bodyBlocks.empty()) {
            auto blocks = parseBodyBlocks(bodyBlocks, a.warnings);
            if (blocks) a.body = std::move(blocks.value());
            else a.warnings.push_back(blocks.error() + "; the body is shown as plain paragraphs");
        }
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
