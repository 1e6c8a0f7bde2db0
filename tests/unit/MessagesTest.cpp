// The catalogs (gettext PO, one per language) and the messages read from them.
#include "core/Article.h"
#include "core/Feed.h"
#include "core/Messages.h"
#include "core/Review.h"

#include "TestHelpers.h"

#include <doctest/doctest.h>

#include <cmath>

namespace {

// Russian's CLDR plural rule, as Intl.PluralRules("ru") answers it in the browser.
class RussianRules final : public aw::LocaleRules {
public:
    std::string pluralCategory(double n) const override {
        if (n != std::floor(n)) return "other";
        const long i = static_cast<long>(n);
        if (i % 10 == 1 && i % 100 != 11) return "one";
        if (i % 10 >= 2 && i % 10 <= 4 && (i % 100 < 12 || i % 100 > 14)) return "few";
        return "many";
    }
    std::string date(std::int64_t, DateStyle, int) const override { return "17 марта 2024 г."; }
};

std::shared_ptr<const aw::Catalog> catalog(const std::string& language) {
    return std::make_shared<aw::Catalog>(aw::Catalog::fromPo(readRepoFile("web/widget/locales/" + language + ".po")));
}

} // namespace

TEST_CASE("a PO file is read entry by entry: continued lines, escapes, comments; untranslated entries are left out") {
    std::vector<std::string> problems;
    const auto c = aw::Catalog::fromPo(R"(# a comment
msgid ""
msgstr ""
"Language: xx\n"

#. for translators
msgid "one"
msgstr "Line \"one\"\n"
"and more"

msgid "untranslated"
msgstr ""

garbage here
msgid "two"
msgstr "Two"
)",
                                       &problems);
    REQUIRE(c.find("one"));
    CHECK(*c.find("one") == "Line \"one\"\nand more");
    CHECK(c.find("untranslated") == nullptr);
    CHECK(c.find("") == nullptr); // the header
    REQUIRE(c.find("two"));
    CHECK(*c.find("two") == "Two");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "line 14 not read: garbage here");
}

TEST_CASE("placeholders are filled, and a count picks its plural form by the language's rules") {
    const aw::Messages ru("ru", catalog("ru"), catalog("en"), std::make_shared<RussianRules>(), nullptr);
    const auto left = [&](int n) { return ru.text(aw::charactersLeftMessage(std::string(2000 - n, 'a'), 2000)); };
    CHECK(left(1) == "остался 1 символ");
    CHECK(left(3) == "осталось 3 символа");
    CHECK(left(5) == "осталось 5 символов");
    CHECK(left(11) == "осталось 11 символов");
    CHECK(left(21) == "остался 21 символ");
    CHECK(left(22) == "осталось 22 символа");
    const aw::Messages en = englishMessages();
    CHECK(en.text(aw::charactersLeftMessage("a", 2000)) == "1999 characters left");
    CHECK(en.text(aw::charactersLeftMessage(std::string(2001, 'a'), 2000)) == "1 character too many");
    CHECK(en.text("back.label", {{"headline", "Caspian"}}) == "Back to: Caspian");
    CHECK(en.text("back.label") == "Back to: {headline}"); // a placeholder without a value stays visible
}

TEST_CASE("a message the language lacks is shown in English, and the console is told once") {
    std::vector<std::string> warnings;
    auto partial = std::make_shared<aw::Catalog>(aw::Catalog::fromPo("msgid \"review.send\"\nmsgstr \"Rəyi göndər\"\n"));
    const aw::Messages az("az", partial, catalog("en"), nullptr, [&](const std::string& w) { warnings.push_back(w); });
    CHECK(az.text("review.send") == "Rəyi göndər");
    CHECK(az.text("reviews.more") == "Show more reviews");
    CHECK(az.text("news.more") == "Show more headlines");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("reviews.more") != std::string::npos);
    CHECK(az.text("") == "");
    CHECK(az.text(aw::Message{"", {{"text", "The server's words."}}}) == "The server's words.");
}

TEST_CASE("the English catalog says what the core's rules say, in the same words (the server answers in them)") {
    const aw::Messages en = englishMessages();
    aw::Review r;
    r.authorName = std::string(81, 'n');
    r.authorEmail = "not an address";
    r.body = std::string(2104, 'b');
    r.dateCreated = "yesterday";
    r.identifier = "42";
    std::vector<aw::FieldMessage> all = aw::validateReview(r);
    r.authorName.clear();
    r.authorEmail = std::string(300, 'e');
    r.body = "b";
    r.itemReviewed = std::string(3000, 'i');
    r.identifier.clear();
    for (auto& m : aw::validateReview(r)) all.push_back(m);
    r.body.clear();
    for (auto& m : aw::validateDraft(r)) all.push_back(m);
    CHECK(all.size() >= 13);
    for (const auto& m : all) {
        CAPTURE(m.text.id);
        CHECK(!m.code().empty());
        CHECK(en.text(m.text) == m.message);
    }
}

TEST_CASE("the meta line and the News Line's times are written by the language's rules") {
    aw::Article a;
    a.section = "Çətin sual";
    a.datePublished = "2024-03-17T18:30:00+04:00";
    a.authors = {"Anna Əliyeva", "Rauf Məmmədov", "Leyla Qasımova"};
    const aw::Messages ru("ru", catalog("ru"), catalog("en"), std::make_shared<RussianRules>(), nullptr);
    CHECK(aw::metaLine(a, ru) == "Çətin sual \u00B7 17 марта 2024 г. \u00B7 Автор: Anna Əliyeva, Rauf Məmmədov и Leyla Qasımova");
    CHECK(aw::metaLine(a, englishMessages()) ==
          "Çətin sual \u00B7 17 March 2024 \u00B7 By Anna Əliyeva, Rauf Məmmədov and Leyla Qasımova");
    // The News Line: today's items by their time, others by day (English rules without a browser).
    const std::int64_t now = 1710700000; // 2024-03-17T18:26:40Z
    CHECK(aw::formatItemTime("2024-03-17T14:30:00Z", now, 240, aw::LocaleRules()) == "18:30");
    CHECK(aw::formatItemTime("2024-03-16T14:30:00Z", now, 240, aw::LocaleRules()) == "16 Mar");
    CHECK(aw::formatItemTime("2023-03-16", now, 240, aw::LocaleRules()) == "16 Mar 2023");
}
