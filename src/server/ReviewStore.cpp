#include "ReviewStore.h"

#include <sqlite3.h>

#include <stdexcept>

namespace aw {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS reviews (
    seq            INTEGER PRIMARY KEY,  -- arrival order: lists are newest first
    identifier     TEXT NOT NULL UNIQUE, -- the client's UUID, the idempotency key
    item           TEXT NOT NULL,
    author_name    TEXT NOT NULL,
    author_email   TEXT NOT NULL,        -- private: never listed
    rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body           TEXT NOT NULL,
    date_created   TEXT NOT NULL,        -- the client's clock
    date_published TEXT NOT NULL,        -- the server's clock, when stored
    status         TEXT NOT NULL CHECK (status IN ('published', 'pending'))
);
CREATE INDEX IF NOT EXISTS reviews_by_item ON reviews (item, status, seq);
)sql";

constexpr const char* kColumns = "identifier, item, author_name, author_email, rating, body, date_created, date_published, status";

// A prepared statement that finalizes itself; every SQLite failure becomes an exception with SQLite's words.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail("prepare");
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, const std::string& text) {
        if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
            fail("bind");
        return *this;
    }
    Statement& bind(int index, int value) {
        if (sqlite3_bind_int(stmt_, index, value) != SQLITE_OK) fail("bind");
        return *this;
    }
    // True while there is a row to read.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) fail("step");
        return false;
    }
    std::string text(int column) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
    }
    int integer(int column) const { return sqlite3_column_int(stmt_, column); }

private:
    [[noreturn]] void fail(const char* what) const {
        throw std::runtime_error(std::string("reviews.db: ") + what + ": " + sqlite3_errmsg(db_));
    }
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// Reads the columns in kColumns order.
ReviewStore::Stored readRow(const Statement& s) {
    Review r;
    r.identifier = s.text(0);
    r.itemReviewed = s.text(1);
    r.authorName = s.text(2);
    r.authorEmail = s.text(3);
    r.rating = s.integer(4);
    r.body = s.text(5);
    r.dateCreated = s.text(6);
    r.datePublished = s.text(7);
    const ReviewStatus status = s.text(8) == "pending" ? ReviewStatus::Pending : ReviewStatus::Published;
    return {std::move(r), status, false};
}

} // namespace

const char* statusName(ReviewStatus status) { return status == ReviewStatus::Pending ? "pending" : "published"; }

ReviewStore::ReviewStore(const std::filesystem::path& dataDir) {
    std::filesystem::create_directories(dataDir);
    const std::string file = (dataDir / "reviews.db").string();
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw std::runtime_error("cannot open " + file + ": " + why);
    }
    // WAL: readers never wait for the writer. synchronous=FULL: every commit is
    // on disk before it returns, so an acknowledged review outlives a crash.
    for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=5000", kSchema}) {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string why = error ? error : "unknown error";
            sqlite3_free(error);
            sqlite3_close(db_);
            throw std::runtime_error("cannot prepare " + file + ": " + why);
        }
    }
}

ReviewStore::~ReviewStore() { sqlite3_close(db_); }

ReviewStore::Stored ReviewStore::insert(const Review& r, ReviewStatus status, const std::string& receivedAt) {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement add(db_, "INSERT INTO reviews (identifier, item, author_name, author_email, rating, body, date_created, "
                       "date_published, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (identifier) DO NOTHING");
    add.bind(1, r.identifier).bind(2, r.itemReviewed).bind(3, r.authorName).bind(4, r.authorEmail).bind(5, r.rating);
    add.bind(6, r.body).bind(7, r.dateCreated).bind(8, receivedAt).bind(9, std::string(statusName(status)));
    add.step();
    const bool created = sqlite3_changes(db_) == 1;

    Statement get(db_, (std::string("SELECT ") + kColumns + " FROM reviews WHERE identifier = ?").c_str());
    get.bind(1, r.identifier);
    if (!get.step()) throw std::runtime_error("reviews.db: review " + r.identifier + " vanished after insert");
    Stored stored = readRow(get);
    stored.created = created;
    return stored;
}

std::vector<Review> ReviewStore::published(const std::string& item, int limit) {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement list(db_, (std::string("SELECT ") + kColumns +
                         " FROM reviews WHERE item = ? AND status = 'published' ORDER BY seq DESC LIMIT ?").c_str());
    list.bind(1, item).bind(2, limit);
    std::vector<Review> out;
    while (list.step()) out.push_back(readRow(list).review);
    return out;
}

} // namespace aw
