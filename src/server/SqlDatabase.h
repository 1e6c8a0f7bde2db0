#pragma once
// The seam between the review store and a database engine. The store speaks
// one dialect of SQL that SQLite and PostgreSQL both understand (placeholders
// are written "?", ON CONFLICT, RETURNING); each engine only runs statements,
// so the review logic exists once whatever the engine.
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace aw {

// A value bound to a placeholder: NULL, text or a whole number.
using SqlValue = std::variant<std::nullptr_t, std::string, long long>;

// Result rows, every column as text (NULL reads as ""): the store's columns are
// all text or whole numbers, and both engines hand text out cheaply.
using SqlRow = std::vector<std::string>;
using SqlRows = std::vector<SqlRow>;

// The engine cannot answer right now (locked, restarting, unreachable): the
// request may be retried, so the API answers 503 with Retry-After.
class StoreUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class SqlEngine { Sqlite, Postgresql };

// One connection, lent for one unit of work.
class SqlSession {
public:
    virtual ~SqlSession() = default;
    // Runs one statement (prepared once per connection and kept) and returns its rows.
    virtual SqlRows query(const std::string& sql, const std::vector<SqlValue>& params = {}) = 0;
    // Runs several statements without parameters (migrations).
    virtual void script(const std::string& sql) = 0;
};

class SqlDatabase {
public:
    virtual ~SqlDatabase() = default;
    virtual SqlEngine engine() const = 0;
    // Runs `work` in one transaction: committed (durably) when it returns,
    // rolled back when it throws. `exclusive` also keeps every other writer
    // out from the start (schema migrations).
    virtual void transaction(const std::function<void(SqlSession&)>& work, bool exclusive = false) = 0;
    // Runs reads outside an explicit transaction.
    virtual void read(const std::function<void(SqlSession&)>& work) = 0;
    // Makes what was deleted unrecoverable from the database's own files (the
    // right to erasure). SQLite: secure_delete zeroes the pages, and this
    // checkpoints and truncates the WAL, which still holds older copies.
    virtual void purge() = 0;
    // Copies the whole database into a new file, consistently while others write (SQLite only).
    virtual void backup(const std::string& file) = 0;
};

// Connections each instance keeps to PostgreSQL: with several instances, mind the server's max_connections (100).
constexpr int kPostgresPoolSize = 8;

// "sqlite:PATH" or a PostgreSQL URI ("postgresql://user@host:port/db", "postgres://...").
// Throws std::runtime_error naming what is wrong with the URL.
std::unique_ptr<SqlDatabase> openDatabase(const std::string& url);

// The URL with its password (if any) replaced by ***, for logs and messages.
std::string withoutPassword(const std::string& url);

} // namespace aw
