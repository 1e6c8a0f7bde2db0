#include "server/PostgresDatabase.h"

#include <libpq-fe.h>

#include <unordered_map>

namespace aw {
namespace {

constexpr auto kWaitForConnection = std::chrono::seconds(5);
// How long one statement may run before the server cancels it: a stuck lock must not hold a worker forever.
constexpr const char* kStatementTimeout = "SET statement_timeout = '10s'";

// Connection trouble, a server shutting down or starting, too many clients, lost serialisation:
// all worth a retry. Anything else (bad SQL, a violated constraint) is a bug to report as such.
bool retryable(const char* sqlstate) {
    if (!sqlstate) return true; // no SQLSTATE: the connection itself failed
    const std::string s = sqlstate;
    return s.rfind("08", 0) == 0 || s.rfind("53", 0) == 0 || s.rfind("57P", 0) == 0 || s == "40001" || s == "40P01";
}

// "?" placeholders as PostgreSQL's $1, $2, ... (the store's SQL has no "?" inside literals).
std::string numbered(const std::string& sql) {
    std::string out;
    int n = 0;
    for (char c : sql) {
        if (c == '?') out += "$" + std::to_string(++n);
        else out += c;
    }
    return out;
}

} // namespace

class PostgresDatabase::Connection : public SqlSession {
public:
    explicit Connection(const std::string& uri) : conn_(PQconnectdb(uri.c_str())) {}
    ~Connection() override { PQfinish(conn_); }

    bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
    std::string error() const { return PQerrorMessage(conn_); }

    // After a failure: a fresh session (the server may have restarted); prepared statements start over.
    bool reset() {
        PQreset(conn_);
        prepared_.clear();
        return ok() && configure();
    }
    bool configure() {
        PGresult* r = PQexec(conn_, kStatementTimeout);
        const bool done = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        return done;
    }

    SqlRows query(const std::string& sql, const std::vector<SqlValue>& params) override {
        const std::string& name = prepare(sql);
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (const auto* text = std::get_if<std::string>(&params[i])) values[i] = text->c_str();
            else if (const auto* number = std::get_if<long long>(&params[i])) values[i] = (texts[i] = std::to_string(*number)).c_str();
        }
        PGresult* r = PQexecPrepared(conn_, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0);
        check(r, "query");
        SqlRows rows;
        const int n = PQntuples(r), columns = PQnfields(r);
        rows.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            SqlRow& row = rows.emplace_back();
            row.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c)
                row.emplace_back(PQgetvalue(r, i, c), static_cast<std::size_t>(PQgetlength(r, i, c)));
        }
        PQclear(r);
        return rows;
    }

    void script(const std::string& sql) override {
        PGresult* r = PQexec(conn_, sql.c_str());
        check(r, "script");
        PQclear(r);
    }

private:
    const std::string& prepare(const std::string& sql) {
        auto it = prepared_.find(sql);
        if (it != prepared_.end()) return it->second;
        const std::string name = "s" + std::to_string(prepared_.size());
        PGresult* r = PQprepare(conn_, name.c_str(), numbered(sql).c_str(), 0, nullptr);
        check(r, "prepare");
        PQclear(r);
        return prepared_.emplace(sql, name).first->second;
    }

    // Throws (and frees r) unless the statement succeeded.
    void check(PGresult* r, const char* what) {
        const auto status = PQresultStatus(r);
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
        const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
        const bool again = retryable(state) || !ok();
        const std::string message = std::string("postgresql: ") + what + ": " + (r ? PQresultErrorMessage(r) : error());
        PQclear(r);
        if (again) throw StoreUnavailable(message);
        throw std::runtime_error(message);
    }

    PGconn* conn_;
    std::unordered_map<std::string, std::string> prepared_; // SQL -> statement name
};

PostgresDatabase::PostgresDatabase(const std::string& uri, int poolSize) : uri_(uri) {
    for (int i = 0; i < poolSize; ++i) {
        auto c = std::make_unique<Connection>(uri);
        if (!c->ok() || !c->configure()) throw StoreUnavailable("cannot connect to " + withoutPassword(uri) + ": " + c->error());
        idle_.push_back(std::move(c));
    }
}

PostgresDatabase::~PostgresDatabase() = default;

void PostgresDatabase::withConnection(const std::function<void(Connection&)>& work) {
    std::unique_ptr<Connection> c;
    {
        std::unique_lock<std::mutex> lock(mutex_);
        if (!returned_.wait_for(lock, kWaitForConnection, [this] { return !idle_.empty(); }))
            throw StoreUnavailable("postgresql: every connection of the pool is busy");
        c = std::move(idle_.back());
        idle_.pop_back();
    }
    // Whatever happens, the connection goes back, broken or not: it is reset when next lent.
    struct Return {
        PostgresDatabase& db;
        std::unique_ptr<Connection>& c;
        ~Return() {
            {
                std::lock_guard<std::mutex> lock(db.mutex_);
                db.idle_.push_back(std::move(c));
            }
            db.returned_.notify_one();
        }
    } giveBack{*this, c};
    if (!c->ok() && !c->reset()) throw StoreUnavailable("postgresql: reconnecting failed: " + c->error());
    work(*c);
}

void PostgresDatabase::transaction(const std::function<void(SqlSession&)>& work, bool exclusive) {
    withConnection([&](Connection& c) {
        c.script("BEGIN");
        try {
            // Exclusive: one migrating instance at a time, whatever tables exist yet.
            if (exclusive) c.script("SELECT pg_advisory_xact_lock(7250001)");
            work(c);
            c.script("COMMIT");
        } catch (...) {
            if (c.ok()) {
                try { c.script("ROLLBACK"); } catch (...) {}
            }
            throw;
        }
    });
}

void PostgresDatabase::read(const std::function<void(SqlSession&)>& work) {
    withConnection([&](Connection& c) { work(c); });
}

void PostgresDatabase::backup(const std::string&) {
    throw std::runtime_error("backup is for SQLite; for PostgreSQL use pg_dump (or export, which works on both)");
}

} // namespace aw
