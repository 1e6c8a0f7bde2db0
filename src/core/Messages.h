#pragma once
// The words the widget shows, in the reader's language. The messages live in
// gettext PO files, one per language (web/widget/locales/*.po): msgid is the
// message's stable id, msgstr its text with {name} placeholders. A count's
// forms are messages of their own, "id[one]", "id[few]", ..., one per CLDR
// plural category of the language; the category comes from the browser's
// Intl.PluralRules through LocaleRules, as do dates and decimal numbers, so
// no locale data is shipped. Both the C++ views and the JS shell read the
// same files; the shell hands them in.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aw {

// A message to show: its id in the catalogs and the values of its placeholders.
// A placeholder named "n" also picks the plural form. Without an id, or with
// one no catalog has, it is words from elsewhere (the server's): its "text".
struct Message {
    std::string id;
    std::vector<std::pair<std::string, std::string>> args;
    bool empty() const { return id.empty() && args.empty(); }
    bool operator==(const Message& o) const { return id == o.id && args == o.args; }
    bool operator!=(const Message& o) const { return !(*this == o); }
};

// One language's messages, read from a PO file.
class Catalog {
public:
    // Entries with an empty msgstr (untranslated) are left out; problems
    // (a line it cannot read) go to `problems` and cost only that entry.
    static Catalog fromPo(std::string_view po, std::vector<std::string>* problems = nullptr);
    const std::string* find(std::string_view id) const;
    const std::map<std::string, std::string, std::less<>>& entries() const { return entries_; }

private:
    std::map<std::string, std::string, std::less<>> entries_;
};

// How the reader's language counts and writes dates and numbers: the
// browser's Intl in the widget; English rules (the defaults) in native code.
class LocaleRules {
public:
    enum class DateStyle {
        Long,         // "17 March 2024": a calendar date as written (no time zone)
        Time,         // "14:05": the reader's time of day
        DayMonth,     // "16 Mar", in the reader's time zone
        DayMonthYear, // "16 Mar 2023"
    };
    virtual ~LocaleRules() = default;
    // The CLDR plural category of n: "zero", "one", "two", "few", "many" or "other".
    virtual std::string pluralCategory(double n) const;
    // Long: the calendar date whose midnight UTC is `unixSeconds`. The others:
    // that moment in the reader's time zone, `utcOffsetMinutes` ahead of UTC.
    // Empty where the rules have no data for the language (Messages then
    // writes the date with its catalog's month names).
    virtual std::string date(std::int64_t unixSeconds, DateStyle style, int utcOffsetMinutes) const;
    // A decimal with exactly `fractionDigits` digits after the point ("4.2"; "4,2" in Russian).
    virtual std::string decimal(double value, int fractionDigits) const;
};

// The messages of one language with English under them: a message the
// language's catalog lacks is shown in English, and the console is told once
// per language (naming the first such message).
class Messages {
public:
    using Warn = std::function<void(const std::string&)>;
    Messages() = default;
    Messages(std::string language, std::shared_ptr<const Catalog> own, std::shared_ptr<const Catalog> english,
             std::shared_ptr<const LocaleRules> rules, Warn warn);

    const std::string& language() const { return language_; }
    // The language's rules, its dates written with the catalog's month names
    // where the rules have none for it.
    const LocaleRules& rules() const { return *withCatalog_; }
    std::string text(std::string_view id, const std::vector<std::pair<std::string, std::string>>& args = {}) const;
    std::string text(const Message& m) const { return text(m.id, m.args); }
    // Every text the catalogs may show (for the font atlas).
    std::vector<std::string> allTexts() const;

private:
    const std::string* lookup(const Catalog* catalog, std::string_view id, const std::string& category) const;
    std::string language_ = "en";
    std::shared_ptr<const Catalog> own_, english_;
    std::shared_ptr<const LocaleRules> rules_ = std::make_shared<LocaleRules>();
    std::shared_ptr<const LocaleRules> withCatalog_ = rules_;
    Warn warn_;
    mutable bool warned_ = false;
};

} // namespace aw
