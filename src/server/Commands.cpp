#include "server/Commands.h"

#include "server/ReviewStore.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <vector>

namespace aw {
namespace {

using Json = nlohmann::json;

const char* usage() {
    return "usage: review_server export [--data-dir DIR | --database URL]\n"
           "       review_server import [--data-dir DIR | --database URL] FILE\n"
           "       review_server backup [--data-dir DIR | --database URL] FILE\n";
}

struct CommandLine {
    std::string command;
    std::string database;
    std::optional<std::string> file;
};

std::optional<CommandLine> parse(int argc, char** argv) {
    CommandLine c{argv[1], sqliteUrlFor("data"), std::nullopt};
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--data-dir" || arg == "--database") && i + 1 < argc) {
            const std::string value = argv[++i];
            c.database = arg == "--data-dir" ? sqliteUrlFor(value) : value;
        } else if (!arg.empty() && arg[0] != '-' && !c.file) c.file = arg;
        else return std::nullopt;
    }
    if ((c.command == "export") == c.file.has_value()) return std::nullopt;
    return c;
}

int exportAll(ReviewStore& store) {
    long long n = 0;
    store.forEach([&](const StoredReview& r) {
        Json line = toJsonValue(r.review, ReviewVisibility::Full);
        line["status"] = statusName(r.status);
        std::cout << line.dump() << "\n";
        ++n;
    });
    std::cout.flush();
    std::cerr << "review_server: exported " << n << (n == 1 ? " review\n" : " reviews\n");
    return std::cout ? 0 : 1;
}

// All or nothing: a file with one bad line imports nothing, and says which line.
int importFile(ReviewStore& store, const std::string& file) {
    std::ifstream in(file);
    if (!in) {
        std::cerr << "review_server: cannot read " << file << "\n";
        return 1;
    }
    std::vector<StoredReview> reviews;
    std::string text;
    for (int lineNo = 1; std::getline(in, text); ++lineNo) {
        if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto fail = [&](const std::string& why) {
            std::cerr << file << ":" << lineNo << ": " << why << "\n";
            return 1;
        };
        const Json doc = Json::parse(text, nullptr, false);
        if (doc.is_discarded()) return fail("not JSON");
        auto review = reviewFromJson(doc);
        if (!review) return fail(review.error());
        if (const auto problems = validateReview(review.value()); !problems.empty())
            return fail(problems.front().field + ": " + problems.front().message);
        const auto status = statusFromName(doc.value("status", "published"));
        if (!status) return fail("status: expected pending, published or rejected");
        if (review.value().datePublished.empty()) return fail("datePublished: missing");
        StoredReview stored;
        stored.review = std::move(review.value());
        stored.status = *status;
        reviews.push_back(std::move(stored));
    }
    const long long added = store.import(reviews);
    std::cerr << "review_server: imported " << added << " new of " << reviews.size() << " (the others were there already)\n";
    return 0;
}

} // namespace

bool isCommand(const std::string& word) { return word == "export" || word == "import" || word == "backup"; }

std::string sqliteUrlFor(const std::string& dataDir) { return "sqlite:" + (std::filesystem::path(dataDir) / "reviews.db").string(); }

int runCommand(int argc, char** argv) {
    const auto line = parse(argc, argv);
    if (!line) {
        std::cerr << usage();
        return 2;
    }
    try {
        ReviewStore store(openDatabase(line->database), 0);
        if (line->command == "export") return exportAll(store);
        if (line->command == "import") return importFile(store, *line->file);
        store.database().backup(*line->file);
        std::cerr << "review_server: backed up to " << *line->file << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "review_server " << line->command << ": " << e.what() << "\n";
        return 1;
    }
}

} // namespace aw
