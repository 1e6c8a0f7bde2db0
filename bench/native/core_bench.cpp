// Micro-benchmarks of what the widget does with an article on the CPU:
// parse the JSON-LD, break lines, lay out the column, and find the visible
// lines of one scroll position. Each runs on the seed article (1x) and on the
// same article with its body repeated 100 times (100x), generated here as
// bench/make-site.mjs does for the browser bench.
//
// Glyph advances come from the subset body and headline fonts the build ships
// (build/fonts/*.ttf, read with ImGui's stb_truetype), so line breaks fall where
// the widget's do at a 648 px column (the desktop measure at DPR 1).
#include "core/Article.h"
#include "core/TextLayout.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include "imstb_truetype.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr float kColumnWidth = 648;   // Typography::measure at 18 px body, DPR 1
constexpr float kViewportHeight = 900;

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The seed article with its articleBody paragraphs repeated `times` times.
std::string articleJson(int times) {
    static std::map<int, std::string> cache;
    auto it = cache.find(times);
    if (it != cache.end()) return it->second;
    const std::string seed = readFile(AW_SOURCE_DIR "/assets/articles/stoltenberg-baku.json");
    if (seed.empty()) throw std::runtime_error("cannot read assets/articles/stoltenberg-baku.json");
    nlohmann::json doc = nlohmann::json::parse(seed);
    const std::string body = doc.at("articleBody").get<std::string>();
    std::string repeated;
    for (int i = 0; i < times; ++i) repeated += (i ? "\n\n" : "") + body;
    doc["articleBody"] = repeated;
    return cache[times] = doc.dump(2);
}

// Per-code-point advances of one face at one pixel size, as a lookup table
// (ImGui's GetCharAdvance is a table lookup too).
class Advances {
public:
    Advances(const std::string& fontPath, float emPx) {
        const std::string file = readFile(fontPath);
        stbtt_fontinfo info;
        const bool ok = !file.empty() &&
                        stbtt_InitFont(&info, reinterpret_cast<const unsigned char*>(file.data()),
                                       stbtt_GetFontOffsetForIndex(reinterpret_cast<const unsigned char*>(file.data()), 0));
        table_.assign(0x2100, 0.5f * emPx);
        real_ = ok;
        if (!ok) return; // no build/fonts yet: a rough proportional stand-in
        const float scale = stbtt_ScaleForMappingEmToPixels(&info, emPx);
        for (char32_t c = 0; c < table_.size(); ++c) {
            int advance = 0, bearing = 0;
            if (stbtt_FindGlyphIndex(&info, static_cast<int>(c)) == 0) continue;
            stbtt_GetCodepointHMetrics(&info, static_cast<int>(c), &advance, &bearing);
            table_[c] = advance * scale;
        }
    }
    aw::AdvanceFn fn() const {
        const std::vector<float>* t = &table_;
        return [t](char32_t c) { return c < t->size() ? (*t)[c] : 10.0f; };
    }
    bool real() const { return real_; }

private:
    std::vector<float> table_;
    bool real_ = false;
};

struct Styles {
    Advances serifBold{AW_SOURCE_DIR "/build/fonts/serif-bold.ttf", 36};
    Advances sans{AW_SOURCE_DIR "/build/fonts/sans-regular.ttf", 14};
    Advances sansBold{AW_SOURCE_DIR "/build/fonts/sans-bold.ttf", 14};
    Advances serif{AW_SOURCE_DIR "/build/fonts/serif-regular.ttf", 18};
    // Same order as ArticleView: kicker, headline, meta, body.
    std::vector<aw::TextStyleMetrics> metrics() const {
        return {{sansBold.fn(), 20}, {serifBold.fn(), 43}, {sans.fn(), 20}, {serif.fn(), 28}};
    }
};

const Styles& styles() {
    static const Styles s;
    return s;
}

const aw::Article& article(int times) {
    static std::map<int, std::unique_ptr<aw::Article>> cache;
    auto& slot = cache[times];
    if (!slot) {
        auto parsed = aw::parseArticle(articleJson(times));
        if (!parsed) throw std::runtime_error("parseArticle: " + parsed.error());
        slot = std::make_unique<aw::Article>(parsed.value());
    }
    return *slot;
}

// The blocks ArticleView::setArticle builds: headline, meta line, paragraphs.
std::vector<aw::TextBlock> blocksOf(const aw::Article& a) {
    std::vector<aw::TextBlock> blocks;
    blocks.push_back({a.headline, 1, 0});
    if (!a.lead.empty()) blocks.push_back({a.lead, 2, 14});
    blocks.push_back({aw::metaLine(a, aw::Messages()), 2, 16});
    for (std::size_t i = 0; i < a.paragraphs.size(); ++i) blocks.push_back({a.paragraphs[i], 3, i ? 15.0f : 40.0f});
    return blocks;
}

void label(benchmark::State& state) {
    state.SetLabel(std::to_string(state.range(0)) + "x article" + (styles().serif.real() ? "" : ", synthetic advances"));
}

void BM_ParseArticle(benchmark::State& state) {
    const std::string json = articleJson(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto parsed = aw::parseArticle(json);
        benchmark::DoNotOptimize(parsed);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(json.size()));
    label(state);
}

// Line breaking of every body paragraph at the column width: the work a width change costs.
void BM_BreakLines(benchmark::State& state) {
    const aw::Article& a = article(static_cast<int>(state.range(0)));
    const aw::AdvanceFn advance = styles().serif.fn();
    std::size_t lines = 0, bytes = 0;
    for (const auto& p : a.paragraphs) bytes += p.size();
    for (auto _ : state) {
        lines = 0;
        for (const auto& p : a.paragraphs) {
            auto spans = aw::breakLines(p, kColumnWidth, advance);
            lines += spans.size();
            benchmark::DoNotOptimize(spans.data());
        }
    }
    state.counters["lines"] = static_cast<double>(lines);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
    label(state);
}

// The whole column: breaking plus vertical placement (ColumnLayout::layout).
void BM_ColumnLayout(benchmark::State& state) {
    const aw::Article& a = article(static_cast<int>(state.range(0)));
    const auto blocks = blocksOf(a);
    const auto metrics = styles().metrics();
    aw::ColumnLayout column;
    for (auto _ : state) {
        column.layout(blocks, metrics, kColumnWidth);
        benchmark::DoNotOptimize(column.height());
    }
    state.counters["lines"] = static_cast<double>(column.lines().size());
    state.counters["height_px"] = column.height();
    label(state);
}

// What a scroll frame costs in the core: the lines meeting one viewport-tall
// slice, at many positions spread over the whole article. Flat in length.
void BM_VisibleLines(benchmark::State& state) {
    const aw::Article& a = article(static_cast<int>(state.range(0)));
    aw::ColumnLayout column;
    column.layout(blocksOf(a), styles().metrics(), kColumnWidth);
    const float range = std::max(1.0f, column.height() - kViewportHeight);
    std::size_t step = 0, visible = 0;
    for (auto _ : state) {
        const float top = range * static_cast<float>(step++ % 64) / 63.0f;
        const auto [first, last] = column.visibleLines(top, top + kViewportHeight);
        visible = last - first;
        benchmark::DoNotOptimize(first);
        benchmark::DoNotOptimize(last);
    }
    state.counters["visible_lines"] = static_cast<double>(visible);
    label(state);
}

BENCHMARK(BM_ParseArticle)->Arg(1)->Arg(100)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BreakLines)->Arg(1)->Arg(100)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ColumnLayout)->Arg(1)->Arg(100)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_VisibleLines)->Arg(1)->Arg(100)->Unit(benchmark::kNanosecond);

} // namespace

BENCHMARK_MAIN();
