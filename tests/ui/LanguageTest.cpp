// The views in another language: every word they draw and hand the shell
// comes from the language's catalog, and a language change redraws them.
#include "UiHarness.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace uitest;

namespace {

// Russian's plural rule, as the browser's Intl.PluralRules("ru") answers.
class RussianRules final : public aw::LocaleRules {
public:
    std::string pluralCategory(double n) const override {
        const long i = static_cast<long>(n);
        if (i % 10 == 1 && i % 100 != 11) return "one";
        if (i % 10 >= 2 && i % 10 <= 4 && (i % 100 < 12 || i % 100 > 14)) return "few";
        return "many";
    }
};

std::string linesText(const json& control) {
    std::string out;
    for (const auto& l : control.at("lines")) out += l.at("text").get<std::string>() + " ";
    return out;
}

} // namespace

TEST_CASE("the views draw a Russian catalog's words, and switch back to English") {
    UiSession ui;
    ui.setLanguage("ru", std::make_shared<RussianRules>());
    ui.loadArticle();
    ui.loadFeed();
    ui.frames(1280, 1);
    json controls = ui.host.lastControls();
    CHECK(linesText(controlById(controls, aw::protocol::id::ReviewHeading)) == "Оставьте отзыв ");
    CHECK(linesText(controlById(controls, aw::protocol::id::NewsHeading)) == "Лента новостей ");
    CHECK(controlById(controls, aw::protocol::id::Submit).at("label") == "Отправить отзыв");
    CHECK(controlById(controls, aw::protocol::id::Name).at("label") == "Ваше имя");
    CHECK(controlById(controls, aw::protocol::id::Body).at("counter") == "осталось 2000 символов");
    CHECK(controlById(controls, aw::protocol::action::NewsMore).at("label") == "Показать ещё заголовки");
    // The counter counts in Russian.
    ui.type(aw::protocol::id::Body, std::string(1999, 'a'));
    ui.frames(1280, 1);
    CHECK(controlById(ui.host.lastControls(), aw::protocol::id::Body).at("counter") == "остался 1 символ");
    ui.type(aw::protocol::id::Body, std::string(1997, 'a'));
    ui.frames(1280, 1);
    CHECK(controlById(ui.host.lastControls(), aw::protocol::id::Body).at("counter") == "осталось 3 символа");
    // The Cyrillic glyphs are in the atlas: nothing drawn as U+FFFD.
    for (const auto& w : ui.host.warnings) CHECK_MESSAGE(w.find("no glyphs") == std::string::npos, w);
    // The meta line (in the text layer) speaks Russian too.
    const json semantics = ui.host.lastSemantics();
    std::string meta;
    for (const auto& b : semantics.at("blocks"))
        if (b.at("role") == aw::protocol::role::Meta)
            for (const auto& l : b.at("lines")) meta += l.at("text").get<std::string>();
    CHECK(meta.find("Автор: Difficult Question desk") != std::string::npos);

    ui.setLanguage("en");
    ui.frames(1280, 1);
    controls = ui.host.lastControls();
    CHECK(linesText(controlById(controls, aw::protocol::id::ReviewHeading)) == "Leave a review ");
    CHECK(controlById(controls, aw::protocol::id::Submit).at("label") == "Send review");
}

TEST_CASE("letters of Georgian and Armenian ask for their faces, and the picture waits for them") {
    UiSession ui;
    ui.serveScriptFaces = false;
    ui.loadArticle("articles/caucasus-scripts.json");
    ui.frames(800, 1);
    // Georgian and Armenian in the body (serif), the headline (serif bold) and so the UI faces (sans).
    CHECK(ui.host.facesNeeded.size() == 8);
    CHECK(ui.host.heights.empty()); // nothing laid out while they are on their way
    for (int f : ui.host.facesNeeded) ui.fonts().scriptFaceFailed(static_cast<aw::ui::ScriptFace>(f));
    ui.frames(800, 1);
    CHECK(!ui.host.heights.empty());
    bool told = false;
    for (const auto& w : ui.host.warnings) told = told || w.find("no glyphs") != std::string::npos;
    CHECK(told); // given up: U+FFFD, and the console says so

    UiSession latin;
    latin.loadArticle();
    latin.frames(800, 1);
    CHECK(latin.host.facesNeeded.empty());
}

// Two widgets share the page's fonts: one whose first picture is out while the other's Cyrillic
// sends the fonts for their faces is described a frame later, with nothing to draw with (embed.html
// lost its first widget's text layer, and its ready event, this way).
TEST_CASE("a widget is described once its fonts are in, not with the empty text of a frame without them") {
    UiSession ui;
    ui.loadArticle();
    ui.frames(1280, 1, 2, 0, 12000, false); // the first pictures: the text layer waits for describe()
    CHECK(ui.host.semantics.empty());
    ui.serveScriptFaces = false;
    ui.fonts().addText("\xD0\x9F\xD0\xB0\xD1\x80\xD0\xBE\xD0\xBC"); // "Паром", another widget's headline
    ui.frames(1280, 1, 1, 0, 12000, false);
    CHECK(!ui.host.facesNeeded.empty());
    ui.widget().describe();
    CHECK(ui.host.semantics.empty()); // nothing to describe yet; an empty text layer would stay
    ui.serveScriptFaces = true;
    ui.frames(1280, 1, 1, 0, 12000, false);
    ui.widget().describe();
    REQUIRE(ui.host.semantics.size() == 1);
    CHECK(ui.host.lastSemantics().at("blocks").size() > 5);
}

namespace {
// The files of NeedFaces indexes, as the shell fetches them.
std::vector<std::string> faceFiles(const std::vector<int>& faces) {
    std::vector<std::string> out;
    for (int f : faces) out.push_back(scriptFaceFile(f));
    return out;
}
} // namespace

TEST_CASE("Cyrillic is a script face: asked for by Cyrillic content, a Russian catalog or a reader who may type") {
    // An English article in English: the Latin faces only.
    UiSession latin;
    latin.loadArticle();
    latin.loadFeed();
    latin.frames(1280, 1);
    CHECK(latin.host.facesNeeded.empty());
    // Once the reader may type (the shell says so when the page is first idle), they may type
    // Russian: the fields' face (sans) gets its Cyrillic, and nothing waits for it meanwhile.
    latin.serveScriptFaces = false;
    latin.moveFocus(aw::protocol::id::Name, "");
    latin.frames(1280, 1);
    CHECK(faceFiles(latin.host.facesNeeded) == std::vector<std::string>{"fonts/scripts/cyrillic-sans-regular.ttf"});
    CHECK(latin.widget().prepareFonts() != nullptr);
    latin.serveScriptFaces = true;
    latin.frames(1280, 1);
    latin.type(aw::protocol::id::Name, "Анна");
    latin.frames(1280, 1);
    for (const auto& w : latin.host.warnings) CHECK_MESSAGE(w.find("no glyphs") == std::string::npos, w);

    // The Russian article in Russian: all four (body, headline, the controls and their bold labels).
    UiSession ru;
    ru.serveScriptFaces = false;
    ru.setLanguage("ru", std::make_shared<RussianRules>());
    ru.loadArticle("articles/stoltenberg-baku.ru.json");
    ru.frames(1280, 1);
    auto asked = faceFiles(ru.host.facesNeeded);
    std::sort(asked.begin(), asked.end());
    CHECK(asked == std::vector<std::string>{"fonts/scripts/cyrillic-sans-bold.ttf", "fonts/scripts/cyrillic-sans-regular.ttf",
                                            "fonts/scripts/cyrillic-serif-bold.ttf", "fonts/scripts/cyrillic-serif-regular.ttf"});
    CHECK(ru.host.heights.empty()); // the picture waits for them
}
