#include "core/Messages.h"

#include "core/Date.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace aw {
namespace {

// The text of a PO string literal line ("..." with C escapes), or false.
bool readQuoted(std::string_view line, std::string& out) {
    const auto open = line.find('"');
    const auto close = line.rfind('"');
    if (open == std::string_view::npos || close == open) return false;
    for (std::size_t i = open + 1; i < close; ++i) {
        char c = line[i];
        if (c == '\\' && i + 1 < close) {
            const char e = line[++i];
            c = e == 'n' ? '\n' : e == 't' ? '\t' : e;
        }
        out += c;
    }
    return true;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::string twoDigits(std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); }

} // namespace

Catalog Catalog::fromPo(std::string_view po, std::vector<std::string>* problems) {
    Catalog catalog;
    std::string id, str;
    std::string* into = nullptr; // what a continuation line adds to
    bool haveId = false;
    auto flush = [&] {
        if (haveId && !id.empty() && !str.empty()) catalog.entries_[id] = str;
        id.clear();
        str.clear();
        haveId = false;
        into = nullptr;
    };
    std::size_t lineNo = 0;
    for (std::size_t pos = 0; pos <= po.size();) {
        const auto end = std::min(po.find('\n', pos), po.size());
        const std::string_view line = trimmed(po.substr(pos, end - pos));
        pos = end + 1;
        ++lineNo;
        if (line.empty() || line.front() == '#') {
            if (line.empty()) flush();
            continue;
        }
        bool ok = true;
        if (line.rfind("msgid ", 0) == 0) {
            flush();
            haveId = true;
            ok = readQuoted(line, id);
            into = &id;
        } else if (line.rfind("msgstr ", 0) == 0) {
            ok = haveId && readQuoted(line, str);
            into = &str;
        } else if (line.front() == '"' && into) {
            ok = readQuoted(line, *into);
        } else if (line.rfind("msgctxt ", 0) == 0) {
            ok = false; // not used by these catalogs
        } else {
            ok = false;
        }
        if (!ok && problems) problems->push_back("line " + std::to_string(lineNo) + " not read: " + std::string(line));
    }
    flush();
    return catalog;
}

const std::string* Catalog::find(std::string_view id) const {
    const auto it = entries_.find(id);
    return it == entries_.end() ? nullptr : &it->second;
}

std::string LocaleRules::pluralCategory(double n) const { return n == 1 ? "one" : "other"; }

std::string LocaleRules::date(std::int64_t unixSeconds, DateStyle style, int utcOffsetMinutes) const {
    const std::int64_t local = unixSeconds + (style == DateStyle::Long ? 0 : std::int64_t{utcOffsetMinutes} * 60);
    const std::int64_t day = dayNumber(local);
    const CivilDate d = civilDate(day);
    switch (style) {
    case DateStyle::Long: return std::to_string(d.day) + " " + std::string(monthName(d.month)) + " " + std::to_string(d.year);
    case DateStyle::Time: {
        const std::int64_t second = local - day * 86400;
        return twoDigits(second / 3600) + ":" + twoDigits(second / 60 % 60);
    }
    case DateStyle::DayMonth:
    case DateStyle::DayMonthYear: {
        std::string label = std::to_string(d.day) + " " + std::string(monthName(d.month).substr(0, 3));
        return style == DateStyle::DayMonthYear ? label + " " + std::to_string(d.year) : label;
    }
    }
    return {};
}

std::string LocaleRules::decimal(double value, int fractionDigits) const {
    char out[32];
    std::snprintf(out, sizeof out, "%.*f", fractionDigits, value);
    return out;
}

namespace {

// Rules whose dates fall back to the catalog: "date.long" and the others with
// "month.3" (long) or "month.3.short" where the rules have no data.
class CatalogDates final : public LocaleRules {
public:
    CatalogDates(std::shared_ptr<const LocaleRules> rules, std::shared_ptr<const Catalog> own, std::shared_ptr<const Catalog> english)
        : rules_(std::move(rules)), own_(std::move(own)), english_(std::move(english)) {}
    std::string pluralCategory(double n) const override { return rules_->pluralCategory(n); }
    std::string decimal(double value, int digits) const override { return rules_->decimal(value, digits); }
    std::string date(std::int64_t unixSeconds, DateStyle style, int utcOffsetMinutes) const override {
        std::string s = rules_->date(unixSeconds, style, utcOffsetMinutes);
        if (!s.empty()) return s;
        const std::int64_t local = unixSeconds + (style == DateStyle::Long ? 0 : std::int64_t{utcOffsetMinutes} * 60);
        const std::int64_t day = dayNumber(local);
        if (style == DateStyle::Time) {
            const std::int64_t second = local - day * 86400;
            return twoDigits(second / 3600) + ":" + twoDigits(second / 60 % 60);
        }
        const CivilDate d = civilDate(day);
        const std::string month = word("month." + std::to_string(d.month) + (style == DateStyle::Long ? "" : ".short"));
        const char* pattern = style == DateStyle::Long ? "date.long" : style == DateStyle::DayMonth ? "date.day-month" : "date.day-month-year";
        std::string out = word(pattern);
        for (const auto& [name, value] : {std::pair<std::string, std::string>{"{day}", std::to_string(d.day)},
                                          {"{month}", month}, {"{year}", std::to_string(d.year)}})
            if (const auto at = out.find(name); at != std::string::npos) out.replace(at, name.size(), value);
        return out;
    }

private:
    std::string word(const std::string& id) const {
        for (const Catalog* c : {own_.get(), english_.get()})
            if (const std::string* s = c ? c->find(id) : nullptr) return *s;
        return id;
    }
    std::shared_ptr<const LocaleRules> rules_;
    std::shared_ptr<const Catalog> own_, english_;
};

} // namespace

Messages::Messages(std::string language, std::shared_ptr<const Catalog> own, std::shared_ptr<const Catalog> english,
                   std::shared_ptr<const LocaleRules> rules, Warn warn)
    : language_(std::move(language)), own_(std::move(own)), english_(std::move(english)), rules_(std::move(rules)),
      warn_(std::move(warn)) {
    if (!rules_) rules_ = std::make_shared<LocaleRules>();
    withCatalog_ = std::make_shared<CatalogDates>(rules_, own_, english_);
}

// A plural message's form for the category, else its "other" form, else the plain id.
const std::string* Messages::lookup(const Catalog* catalog, std::string_view id, const std::string& category) const {
    if (!catalog) return nullptr;
    if (!category.empty()) {
        const std::string base(id);
        if (const auto* s = catalog->find(base + "[" + category + "]")) return s;
        if (const auto* s = catalog->find(base + "[other]")) return s;
    }
    return catalog->find(id);
}

std::string Messages::text(std::string_view id, const std::vector<std::pair<std::string, std::string>>& args) const {
    if (id.empty()) { // words from elsewhere (the server's), shown as they are
        for (const auto& [name, value] : args)
            if (name == "text") return value;
        return {};
    }
    const std::string* count = nullptr;
    for (const auto& [name, value] : args)
        if (name == "n") count = &value;
    const auto category = [&](const LocaleRules& r) { return count ? r.pluralCategory(std::atof(count->c_str())) : std::string(); };
    const std::string* pattern = lookup(own_.get(), id, category(*rules_));
    if (!pattern) {
        static const LocaleRules english;
        pattern = lookup(english_.get(), id, category(english));
        if (own_ && own_ != english_ && !warned_ && warn_) {
            warned_ = true;
            warn_("the " + language_ + " catalog has no message \"" + std::string(id) +
                  "\" (and maybe others): shown in English");
        }
    }
    if (!pattern) { // no catalog has it: the words that came with it (the server's), else its id, visible as a mistake
        for (const auto& [name, value] : args)
            if (name == "text" && !value.empty()) return value;
        return std::string(id);
    }
    std::string out;
    for (std::size_t i = 0; i < pattern->size();) {
        const char c = (*pattern)[i];
        const auto close = c == '{' ? pattern->find('}', i) : std::string::npos;
        if (close != std::string::npos) {
            const std::string_view name = std::string_view(*pattern).substr(i + 1, close - i - 1);
            bool found = false;
            for (const auto& [n, value] : args)
                if (n == name) { out += value; found = true; break; }
            if (found) { i = close + 1; continue; }
        }
        out += c;
        ++i;
    }
    return out;
}

std::vector<std::string> Messages::allTexts() const {
    std::vector<std::string> out;
    for (const Catalog* c : {own_.get(), english_.get()})
        if (c)
            for (const auto& [id, text] : c->entries()) out.push_back(text);
    return out;
}

} // namespace aw
