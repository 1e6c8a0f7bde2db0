#include "server/SqliteDatabase.h"

#include <sqlite3.h>

#include <filesystem>
#include <unordered_map>

namespace aw {
namespace {

// SQLITE_BUSY and SQLITE_LOCKED: another process holds the file past busy_timeout; worth a retry.
[[noreturn]] void fail(sqlite3* db, const std::string& file, const char* what) {
    const int code = sqlite3_errcode(db);
    const std::string message = file + ": " + what + ": " + sqlite3_errmsg(db);
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) throw StoreUnavailable(message);
    throw std::runtime_error(message);
}

} // namespace

class SqliteDatabase::Session : public SqlSession {
public:
    Session(sqlite3* db, const std::string& file) : db_(db), file_(file) {}
    ~Session() override {
        for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    }

    SqlRows query(const std::string& sql, const std::vector<SqlValue>& params) override {
        sqlite3_stmt* stmt = prepared(sql);
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        for (std::size_t i = 0; i < params.size(); ++i) {
            const int index = static_cast<int>(i + 1);
            int rc = SQLITE_OK;
            if (const auto* text = std::get_if<std::string>(&params[i]))
                rc = sqlite3_bind_text(stmt, index, text->data(), static_cast<int>(text->size()), SQLITE_TRANSIENT);
            else if (const auto* number = std::get_if<long long>(&params[i]))
                rc = sqlite3_bind_int64(stmt, index, *number);
            else
                rc = sqlite3_bind_null(stmt, index);
            if (rc != SQLITE_OK) fail(db_, file_, "bind");
        }
        SqlRows rows;
        const int columns = sqlite3_column_count(stmt);
        for (;;) {
            const int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) break;
            if (rc != SQLITE_ROW) {
                sqlite3_reset(stmt);
                fail(db_, file_, "step");
            }
            SqlRow& row = rows.emplace_back();
            row.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                row.emplace_back(p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))) : std::string());
            }
        }
        sqlite3_reset(stmt); // ends the statement's read, so a checkpoint is never held up by us
        return rows;
    }

    void script(const std::string& sql) override {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string why = error ? error : sqlite3_errmsg(db_);
            sqlite3_free(error);
            if (sqlite3_errcode(db_) == SQLITE_BUSY) throw StoreUnavailable(file_ + ": " + why);
            throw std::runtime_error(file_ + ": " + why);
        }
    }

private:
    sqlite3_stmt* prepared(const std::string& sql) {
        auto it = statements_.find(sql);
        if (it != statements_.end()) return it->second;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
            fail(db_, file_, "prepare");
        statements_.emplace(sql, stmt);
        return stmt;
    }

    sqlite3* db_;
    const std::string& file_;
    std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

SqliteDatabase::SqliteDatabase(const std::string& file) : file_(file) {
    const auto dir = std::filesystem::path(file).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir);
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw std::runtime_error("cannot open " + file + ": " + why);
    }
    session_ = std::make_unique<Session>(db_, file_);
    // WAL: readers never wait for the writer. synchronous=FULL: every commit is
    // on disk before it returns, so an acknowledged review outlives a crash.
    // secure_delete: an erased review's text is overwritten, not left in free pages.
    try {
        session_->script("PRAGMA busy_timeout=5000; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                         "PRAGMA secure_delete=ON");
    } catch (const std::exception& e) {
        session_.reset();
        sqlite3_close(db_);
        throw std::runtime_error(std::string("cannot prepare ") + e.what());
    }
}

SqliteDatabase::~SqliteDatabase() {
    session_.reset(); // statements first, then the connection
    sqlite3_close(db_);
}

void SqliteDatabase::transaction(const std::function<void(SqlSession&)>& work, bool exclusive) {
    std::lock_guard<std::mutex> lock(mutex_);
    // IMMEDIATE: take the write lock now, so two writers never deadlock upgrading from a read.
    session_->script(exclusive ? "BEGIN EXCLUSIVE" : "BEGIN IMMEDIATE");
    try {
        work(*session_);
        session_->script("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void SqliteDatabase::read(const std::function<void(SqlSession&)>& work) {
    std::lock_guard<std::mutex> lock(mutex_);
    work(*session_);
}

void SqliteDatabase::purge() {
    std::lock_guard<std::mutex> lock(mutex_);
    session_->query("PRAGMA wal_checkpoint(TRUNCATE)", {});
}

void SqliteDatabase::backup(const std::string& file) {
    // Into a temporary name first: a backup cut short never looks like a whole one.
    const std::string partial = file + ".partial";
    std::filesystem::remove(partial);
    sqlite3* target = nullptr;
    if (sqlite3_open(partial.c_str(), &target) != SQLITE_OK) {
        const std::string why = sqlite3_errmsg(target);
        sqlite3_close(target);
        throw std::runtime_error("cannot create " + partial + ": " + why);
    }
    std::string error;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        // One step over all pages: the copy is one snapshot of the source, whatever
        // other processes write meanwhile (WAL readers see a fixed version).
        sqlite3_backup* copy = sqlite3_backup_init(target, "main", db_, "main");
        if (!copy) error = sqlite3_errmsg(target);
        else {
            int rc;
            while ((rc = sqlite3_backup_step(copy, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
            if (rc != SQLITE_DONE) error = sqlite3_errstr(rc);
            sqlite3_backup_finish(copy);
        }
    }
    // The copy keeps the rollback journal mode of a fresh file: one file, ready to be moved.
    if (error.empty() && sqlite3_exec(target, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) != SQLITE_OK)
        error = sqlite3_errmsg(target);
    sqlite3_close(target);
    if (!error.empty()) {
        std::filesystem::remove(partial);
        throw std::runtime_error("backup to " + file + " failed: " + error);
    }
    std::filesystem::rename(partial, file);
}

} // namespace aw
