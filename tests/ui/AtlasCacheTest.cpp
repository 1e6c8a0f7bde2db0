// A kept atlas (ui/AtlasCache.h) restored by a later session is the atlas a
// build would have made: same pixels, same glyphs, so the same draw lists;
// one built from other glyphs, at another ratio or damaged is refused.
#include "UiHarness.h"

#include <doctest/doctest.h>

#include <cstring>
#include <vector>

using namespace uitest;

namespace {

using Entry = std::vector<unsigned char>;

// The first picture's atlas, as WebMain keeps it.
Entry firstAtlas(float dpr = 1) {
    UiSession ui;
    ui.fonts().keepBuiltAtlases(true);
    ui.loadArticle();
    ui.frames(768, dpr, 1);
    auto built = ui.fonts().takeBuiltAtlases();
    REQUIRE(built.size() == 1);
    return built.front();
}

// Every vertex of the last frame's draw lists, as bytes.
std::vector<unsigned char> vertices() {
    std::vector<unsigned char> out;
    const ImDrawData* data = ImGui::GetDrawData();
    for (const ImDrawList* list : data->CmdLists) {
        const auto* p = reinterpret_cast<const unsigned char*>(list->VtxBuffer.Data);
        out.insert(out.end(), p, p + list->VtxBuffer.Size * sizeof(ImDrawVert));
    }
    return out;
}

struct Drawn {
    unsigned restores;
    std::vector<unsigned char> pixels, vertices;
};

// A session that is offered `entry`, then draws its first picture.
Drawn drawWith(const Entry& entry, float dpr = 1, const std::string& headlineExtra = "") {
    UiSession ui;
    ui.fonts().offerAtlas(entry);
    if (headlineExtra.empty()) {
        ui.loadArticle();
    } else {
        std::string json = readRepoFile(std::string("assets/") + kDefaultArticle);
        const auto at = json.find("\"headline\": \"");
        REQUIRE(at != std::string::npos);
        json.insert(at + std::strlen("\"headline\": \""), headlineExtra);
        REQUIRE(ui.loadArticleJson(json));
    }
    ui.frames(768, dpr, 1);
    const ImFontAtlas& atlas = ui.fonts().sets().front()->atlas();
    const auto* px = atlas.TexPixelsAlpha8;
    return Drawn{ui.fonts().atlasRestores(), std::vector<unsigned char>(px, px + atlas.TexWidth * atlas.TexHeight), vertices()};
}

} // namespace

TEST_CASE("a restored atlas draws what a rasterised one draws") {
    const Entry entry = firstAtlas();
    const Drawn cold = drawWith(Entry{}); // nothing to restore: rasterised
    const Drawn warm = drawWith(entry);
    CHECK(cold.restores == 0);
    CHECK(warm.restores == 1);
    CHECK(warm.pixels == cold.pixels);
    REQUIRE(!cold.vertices.empty());
    CHECK(warm.vertices == cold.vertices);
}

TEST_CASE("an atlas of other glyphs or another pixel ratio is not restored") {
    const Entry entry = firstAtlas();
    CHECK(drawWith(entry, 2).restores == 0);
    CHECK(drawWith(entry, 1, "Qjz Xvq ").restores == 0);
    CHECK(drawWith(firstAtlas(2), 2).restores == 1);
}

TEST_CASE("a damaged atlas entry is refused and the atlas rasterised") {
    const Entry entry = firstAtlas();
    const Drawn cold = drawWith(Entry{});
    Entry flipped = entry;
    flipped[flipped.size() - 100] ^= 0x40;
    Entry cut(entry.begin(), entry.begin() + static_cast<long>(entry.size() / 2));
    Entry header(entry.begin(), entry.begin() + 12);
    for (const Entry& bad : {flipped, cut, header, Entry{}, Entry(1000, 0xAB)}) {
        const Drawn d = drawWith(bad);
        CHECK(d.restores == 0);
        CHECK(d.pixels == cold.pixels);
    }
}
