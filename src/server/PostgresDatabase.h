#pragma once
// The engine for several instances on one database: PostgreSQL through libpq.
// A fixed pool of connections, each keeping its prepared statements; a
// connection found broken (the server restarted) is reset when next lent, so
// the pool reconnects by itself while requests meanwhile get StoreUnavailable.
#include "server/SqlDatabase.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace aw {

class PostgresDatabase : public SqlDatabase {
public:
    // Opens `poolSize` connections to a libpq URI; throws StoreUnavailable when the server does not answer.
    PostgresDatabase(const std::string& uri, int poolSize);
    ~PostgresDatabase() override;

    SqlEngine engine() const override { return SqlEngine::Postgresql; }
    void transaction(const std::function<void(SqlSession&)>& work, bool exclusive) override;
    void read(const std::function<void(SqlSession&)>& work) override;
    void purge() override {} // VACUUM reclaims deleted rows; autovacuum runs it
    void backup(const std::string& file) override;

private:
    class Connection;
    // Lends a working connection for the length of `work`, waiting a bounded time when all are lent.
    void withConnection(const std::function<void(Connection&)>& work);

    std::string uri_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::mutex mutex_;
    std::condition_variable returned_;
};

} // namespace aw
