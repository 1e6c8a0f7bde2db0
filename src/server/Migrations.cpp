#include "Migrations.h"

#include <string>

namespace aw {
namespace {

struct Migration {
    int version;
    const char* sqlite;
};

// Never edit a released step: add one. Version 1 is the schema the first
// release created without a schema_version table (hence IF NOT EXISTS).
constexpr Migration kMigrations[] = {
    // 1: reviews, published at once or pending.
    {1, R"sql(
CREATE TABLE IF NOT EXISTS reviews (
    seq            INTEGER PRIMARY KEY,
    identifier     TEXT NOT NULL UNIQUE,
    item           TEXT NOT NULL,
    author_name    TEXT NOT NULL,
    author_email   TEXT NOT NULL,
    rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body           TEXT NOT NULL,
    date_created   TEXT NOT NULL,
    date_published TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('published', 'pending'))
);
CREATE INDEX IF NOT EXISTS reviews_by_item ON reviews (item, status, seq);
)sql"},
    // 2: moderation: rejected reviews, reports, undo. SQLite cannot change a
    // CHECK constraint in place, so the table is rebuilt.
    {2, R"sql(
CREATE TABLE reviews_v2 (
    seq            INTEGER PRIMARY KEY,  -- arrival order: lists are newest first, cursors are seqs
    identifier     TEXT NOT NULL UNIQUE, -- the client's UUID, the idempotency key
    item           TEXT NOT NULL,
    author_name    TEXT NOT NULL,
    author_email   TEXT NOT NULL,        -- private: only moderators see it
    rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body           TEXT NOT NULL,
    date_created   TEXT NOT NULL,        -- the client's clock
    date_published TEXT NOT NULL,        -- the server's clock, when stored
    status         TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
    open_reports   INTEGER NOT NULL DEFAULT 0, -- reports no moderator has decided on yet
    visible        INTEGER NOT NULL DEFAULT 0, -- 1: published and not hidden by reports; what the public sees
    prev_status    TEXT,                 -- the status before the last decision: what undo restores
    decided_at     TEXT                  -- when that decision was taken; it resolved the reports stamped with it
);
INSERT INTO reviews_v2 (seq, identifier, item, author_name, author_email, rating, body, date_created, date_published,
                        status, visible)
    SELECT seq, identifier, item, author_name, author_email, rating, body, date_created, date_published, status,
           status = 'published' FROM reviews;
DROP TABLE reviews;
ALTER TABLE reviews_v2 RENAME TO reviews;
CREATE INDEX reviews_public ON reviews (item, seq) WHERE visible = 1;
CREATE INDEX reviews_ratings ON reviews (item, rating) WHERE visible = 1;
CREATE INDEX reviews_queue ON reviews (status, seq);
CREATE INDEX reviews_item_queue ON reviews (item, status, seq);
CREATE INDEX reviews_reported ON reviews (seq) WHERE open_reports > 0;
CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    review_seq  INTEGER NOT NULL,
    reporter    TEXT NOT NULL,          -- a hash of the reader's address: one report per reader and review
    reason      TEXT NOT NULL,
    message     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    resolved_at TEXT,                   -- the decided_at of the decision that settled it
    UNIQUE (review_seq, reporter)
);
)sql"},
};

} // namespace

int latestSchemaVersion() { return std::end(kMigrations)[-1].version; }

int migrate(SqlDatabase& db) {
    int found = 0;
    // Exclusive: two processes starting on one database migrate one after the other.
    db.transaction([&](SqlSession& s) {
        s.script("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        const SqlRows rows = s.query("SELECT COALESCE(MAX(version), 0) FROM schema_version");
        found = std::stoi(rows.at(0).at(0));
        if (found > latestSchemaVersion())
            throw std::runtime_error("the database has schema version " + std::to_string(found) +
                                     ", newer than this review_server (" + std::to_string(latestSchemaVersion()) +
                                     "): run the newer release");
        for (const Migration& m : kMigrations) {
            if (m.version <= found) continue;
            s.script(m.sqlite);
            s.query("INSERT INTO schema_version (version, applied_at) VALUES (?, CURRENT_TIMESTAMP)",
                    {static_cast<long long>(m.version)});
        }
    }, true);
    return found;
}

} // namespace aw
