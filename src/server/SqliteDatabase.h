#pragma once
// The embedded engine: one SQLite file, written so that a review the server
// has acknowledged survives the process being killed (WAL, synchronous=FULL,
// and the reply only after the commit).
#include "server/SqlDatabase.h"

#include <mutex>
#include <string>

struct sqlite3;

namespace aw {

class SqliteDatabase : public SqlDatabase {
public:
    explicit SqliteDatabase(const std::string& file); // creates it on first use; throws std::runtime_error
    ~SqliteDatabase() override;

    SqlEngine engine() const override { return SqlEngine::Sqlite; }
    void transaction(const std::function<void(SqlSession&)>& work, bool exclusive) override;
    void read(const std::function<void(SqlSession&)>& work) override;
    void purge() override;
    void backup(const std::string& file) override;

private:
    class Session;
    std::string file_;
    sqlite3* db_ = nullptr;
    std::unique_ptr<Session> session_;
    std::mutex mutex_; // one connection, one unit of work at a time
};

} // namespace aw
