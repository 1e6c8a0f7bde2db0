#include "server/ReviewStore.h"

#include "server/Migrations.h"

#include <climits>
#include <future>

namespace aw {
namespace {

constexpr const char* kColumns = "seq, identifier, item, author_name, author_email, rating, body, date_created, "
                                 "date_published, status, open_reports, visible";

long long number(const std::string& text) { return text.empty() ? 0 : std::stoll(text); }

// Reads the columns in kColumns order.
StoredReview readRow(const SqlRow& row) {
    StoredReview s;
    s.seq = number(row.at(0));
    Review& r = s.review;
    r.identifier = row[1];
    r.itemReviewed = row[2];
    r.authorName = row[3];
    r.authorEmail = row[4];
    r.rating = static_cast<int>(number(row[5]));
    r.body = row[6];
    r.dateCreated = row[7];
    r.datePublished = row[8];
    s.status = statusFromName(row[9]).value_or(ReviewStatus::Pending);
    s.reports = static_cast<int>(number(row[10]));
    s.hidden = s.status == ReviewStatus::Published && number(row[11]) == 0;
    return s;
}

std::string select(const std::string& rest) { return std::string("SELECT ") + kColumns + " FROM reviews " + rest; }

// Fetches one more row than a page holds, to know whether there is a next page.
ReviewPage page(const SqlRows& rows, int limit) {
    ReviewPage out;
    for (const auto& row : rows) {
        if (static_cast<int>(out.reviews.size()) == limit) {
            out.next = out.reviews.back().seq;
            break;
        }
        out.reviews.push_back(readRow(row));
    }
    return out;
}

long long cursor(std::optional<long long> before) { return before.value_or(LLONG_MAX); }

const char* const kInsert =
    "INSERT INTO reviews (identifier, item, author_name, author_email, rating, body, date_created, date_published, "
    "status, visible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (identifier) DO NOTHING RETURNING seq";

std::vector<SqlValue> insertValues(const Review& r, ReviewStatus status, const std::string& receivedAt) {
    return {r.identifier, r.itemReviewed, r.authorName,   r.authorEmail,
            static_cast<long long>(r.rating), r.body, r.dateCreated, receivedAt,
            std::string(statusName(status)), static_cast<long long>(status == ReviewStatus::Published)};
}

} // namespace

const char* statusName(ReviewStatus status) {
    switch (status) {
    case ReviewStatus::Pending: return "pending";
    case ReviewStatus::Published: return "published";
    case ReviewStatus::Rejected: return "rejected";
    }
    return "pending";
}

std::optional<ReviewStatus> statusFromName(const std::string& name) {
    for (auto s : {ReviewStatus::Pending, ReviewStatus::Published, ReviewStatus::Rejected})
        if (name == statusName(s)) return s;
    return std::nullopt;
}

const char* queueName(Queue queue) {
    switch (queue) {
    case Queue::Pending: return "pending";
    case Queue::Published: return "published";
    case Queue::Rejected: return "rejected";
    case Queue::Reported: return "reported";
    }
    return "pending";
}

std::optional<Queue> queueFromName(const std::string& name) {
    for (Queue q : kQueues)
        if (name == queueName(q)) return q;
    return std::nullopt;
}

long long RatingSummary::total() const {
    long long n = 0;
    for (long long c : counts) n += c;
    return n;
}

double RatingSummary::mean() const {
    long long sum = 0;
    for (int stars = 1; stars <= 5; ++stars) sum += stars * counts[static_cast<std::size_t>(stars - 1)];
    const long long n = total();
    return n == 0 ? 0.0 : static_cast<double>(sum) / static_cast<double>(n);
}

ReviewStore::ReviewStore(std::unique_ptr<SqlDatabase> db, int hideAfterReports)
    : db_(std::move(db)), hideAfter_(hideAfterReports) {
    migrate(*db_);
}

std::optional<StoredReview> ReviewStore::find(SqlSession& s, const std::string& identifier) {
    const SqlRows rows = s.query(select("WHERE identifier = ?"), {identifier});
    if (rows.empty()) return std::nullopt;
    return readRow(rows.front());
}

void ReviewStore::changed(SqlSession& s, const std::string& item) {
    s.query("INSERT INTO item_changes (item, version) VALUES (?, 1) "
            "ON CONFLICT (item) DO UPDATE SET version = item_changes.version + 1",
            {item});
}

void ReviewStore::forgetState(const std::string& item) {
    std::lock_guard<std::mutex> lock(memoMutex_);
    ++writes_;
    if (item.empty()) memo_.clear();
    else memo_.erase(item);
}

std::string ReviewStore::visibleState(const std::string& item) {
    const auto now = std::chrono::steady_clock::now();
    unsigned long long writes = 0;
    std::promise<std::string> answer;
    std::unique_lock<std::mutex> lock(memoMutex_);
    const auto it = memo_.find(item);
    if (it != memo_.end() && now - it->second.at < kStateMemo) return it->second.state;
    writes = writes_;
    // Readers that arrive together ask the database once: after a write every
    // reader of a hot article misses at the same moment. Only a question asked
    // since our last write will do.
    const auto asked = asking_.find(item);
    if (asked != asking_.end() && asked->second.writes == writes) {
        const auto pending = asked->second.answer;
        lock.unlock();
        return pending.get();
    }
    asking_[item] = {answer.get_future().share(), writes};
    lock.unlock();
    std::string state;
    try {
        db_->read([&](SqlSession& s) {
            const SqlRows rows = s.query("SELECT (SELECT COUNT(*) FROM reviews WHERE item = ? AND visible = 1), "
                                         "COALESCE((SELECT version FROM item_changes WHERE item = ?), 0)",
                                         {item, item});
            state = rows.at(0).at(0) + "." + rows[0].at(1);
        });
        answer.set_value(state);
    } catch (...) {
        answer.set_exception(std::current_exception());
        lock.lock();
        if (const auto q = asking_.find(item); q != asking_.end() && q->second.writes == writes) asking_.erase(q);
        throw;
    }
    lock.lock();
    if (const auto q = asking_.find(item); q != asking_.end() && q->second.writes == writes) asking_.erase(q);
    if (writes != writes_) return state; // a write of ours may have come after the read
    if (memo_.size() > 10000) memo_.clear(); // bounded: many quiet articles just get asked again
    memo_[item] = {state, now};
    return state;
}

ReviewStore::Inserted ReviewStore::insert(const Review& review, ReviewStatus status, const std::string& receivedAt) {
    Inserted out{};
    db_->transaction([&](SqlSession& s) {
        out.created = !s.query(kInsert, insertValues(review, status, receivedAt)).empty();
        auto stored = find(s, review.identifier);
        if (!stored) throw std::runtime_error("review " + review.identifier + " vanished after insert");
        out.stored = std::move(*stored);
    });
    if (out.created) forgetState(review.itemReviewed);
    return out;
}

ReviewPage ReviewStore::visible(const std::string& item, int limit, std::optional<long long> before) {
    ReviewPage out;
    db_->read([&](SqlSession& s) {
        out = page(s.query(select("WHERE item = ? AND visible = 1 AND seq < ? ORDER BY seq DESC LIMIT ?"),
                           {item, cursor(before), static_cast<long long>(limit + 1)}),
                   limit);
    });
    return out;
}

RatingSummary ReviewStore::summary(const std::string& item) {
    RatingSummary out;
    db_->read([&](SqlSession& s) {
        // Answered from the partial index on (item, rating) alone.
        for (const auto& row : s.query("SELECT rating, COUNT(*) FROM reviews WHERE item = ? AND visible = 1 GROUP BY rating",
                                       {item})) {
            const long long stars = number(row.at(0));
            if (stars >= 1 && stars <= 5) out.counts[static_cast<std::size_t>(stars - 1)] = number(row.at(1));
        }
    });
    return out;
}

ReviewStore::ReportResult ReviewStore::report(const std::string& identifier, const Report& report) {
    ReportResult out;
    std::string hiddenItem;
    db_->transaction([&](SqlSession& s) {
        const SqlRows found =
            s.query("SELECT seq, item FROM reviews WHERE identifier = ? AND status = 'published'", {identifier});
        if (found.empty()) return;
        const long long seq = number(found[0][0]);
        const std::string& item = found[0][1];
        const bool counted = !s.query("INSERT INTO reports (review_seq, reporter, reason, message, created_at) "
                                      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (review_seq, reporter) DO NOTHING RETURNING id",
                                      {seq, report.reporter, report.reason, report.message, report.at})
                                 .empty();
        out.outcome = counted ? ReportOutcome::Counted : ReportOutcome::Repeated;
        const long long threshold = hideAfter_ > 0 ? hideAfter_ : INT_MAX; // fits PostgreSQL's integer
        const SqlRows now =
            counted ? s.query("UPDATE reviews SET open_reports = open_reports + 1, visible = CASE WHEN open_reports + 1 >= ? "
                              "THEN 0 ELSE visible END WHERE seq = ? RETURNING open_reports, visible",
                              {threshold, seq})
                    : s.query("SELECT open_reports, visible FROM reviews WHERE seq = ?", {seq});
        out.reports = static_cast<int>(number(now.at(0).at(0)));
        out.hidden = number(now[0][1]) == 0;
        if (counted && out.hidden && out.reports == hideAfter_) {
            changed(s, item);
            hiddenItem = item;
        }
    });
    if (!hiddenItem.empty()) forgetState(hiddenItem);
    return out;
}

ReviewPage ReviewStore::queue(Queue queue, const std::string& item, int limit, std::optional<long long> before) {
    std::string where = queue == Queue::Reported ? "WHERE open_reports > 0" : "WHERE status = ?";
    std::vector<SqlValue> params;
    if (queue != Queue::Reported) params.emplace_back(std::string(queueName(queue)));
    if (!item.empty()) {
        where += " AND item = ?";
        params.emplace_back(item);
    }
    params.emplace_back(cursor(before));
    params.emplace_back(static_cast<long long>(limit + 1));
    ReviewPage out;
    db_->read([&](SqlSession& s) { out = page(s.query(select(where + " AND seq < ? ORDER BY seq DESC LIMIT ?"), params), limit); });
    return out;
}

std::map<Queue, long long> ReviewStore::counts(const std::string& item) {
    std::map<Queue, long long> out;
    for (Queue q : kQueues) out[q] = 0;
    const std::string sql = std::string("SELECT status, COUNT(*), SUM(CASE WHEN open_reports > 0 THEN 1 ELSE 0 END) "
                                        "FROM reviews ") + (item.empty() ? "" : "WHERE item = ? ") + "GROUP BY status";
    std::vector<SqlValue> params;
    if (!item.empty()) params.emplace_back(item);
    db_->read([&](SqlSession& s) {
        for (const auto& row : s.query(sql, params)) {
            // The status names are queue names too.
            if (const auto q = queueFromName(row.at(0))) out[*q] += number(row[1]);
            out[Queue::Reported] += number(row[2]);
        }
    });
    return out;
}

long long ReviewStore::openReports() {
    long long n = 0;
    db_->read([&](SqlSession& s) {
        n = number(s.query("SELECT COALESCE(SUM(open_reports), 0) FROM reviews WHERE open_reports > 0").at(0).at(0));
    });
    return n;
}

std::optional<StoredReview> ReviewStore::decide(const std::string& identifier, ReviewStatus status, const std::string& at) {
    std::optional<StoredReview> out;
    db_->transaction([&](SqlSession& s) {
        const auto current = find(s, identifier);
        if (!current) return;
        s.query("UPDATE reviews SET prev_status = status, status = ?, open_reports = 0, visible = ?, decided_at = ? "
                "WHERE seq = ?",
                {std::string(statusName(status)), static_cast<long long>(status == ReviewStatus::Published), at,
                 current->seq});
        s.query("UPDATE reports SET resolved_at = ? WHERE review_seq = ? AND resolved_at IS NULL", {at, current->seq});
        changed(s, current->review.itemReviewed);
        out = find(s, identifier);
    });
    if (out) forgetState(out->review.itemReviewed);
    return out;
}

std::pair<ReviewStore::UndoOutcome, std::optional<StoredReview>> ReviewStore::undo(const std::string& identifier) {
    std::pair<UndoOutcome, std::optional<StoredReview>> out{UndoOutcome::Unknown, std::nullopt};
    db_->transaction([&](SqlSession& s) {
        const SqlRows rows =
            s.query("SELECT seq, COALESCE(prev_status, ''), COALESCE(decided_at, ''), item FROM reviews WHERE identifier = ?",
                    {identifier});
        if (rows.empty()) return;
        const long long seq = number(rows[0][0]);
        const auto previous = statusFromName(rows[0][1]);
        if (!previous) {
            out.first = UndoOutcome::NothingToUndo;
            return;
        }
        s.query("UPDATE reports SET resolved_at = NULL WHERE review_seq = ? AND resolved_at = ?", {seq, rows[0][2]});
        const long long reopened =
            number(s.query("SELECT COUNT(*) FROM reports WHERE review_seq = ? AND resolved_at IS NULL", {seq}).at(0).at(0));
        const bool visible = *previous == ReviewStatus::Published && (hideAfter_ <= 0 || reopened < hideAfter_);
        s.query("UPDATE reviews SET status = prev_status, prev_status = NULL, decided_at = NULL, open_reports = ?, "
                "visible = ? WHERE seq = ?",
                {reopened, static_cast<long long>(visible), seq});
        changed(s, rows[0][3]);
        out = {UndoOutcome::Undone, find(s, identifier)};
    });
    if (out.second) forgetState(out.second->review.itemReviewed);
    return out;
}

bool ReviewStore::erase(const std::string& identifier) {
    bool erased = false;
    std::string item;
    db_->transaction([&](SqlSession& s) {
        const SqlRows rows = s.query("SELECT seq, item FROM reviews WHERE identifier = ?", {identifier});
        if (rows.empty()) return;
        const long long seq = number(rows[0][0]);
        s.query("DELETE FROM reports WHERE review_seq = ?", {seq});
        s.query("DELETE FROM reviews WHERE seq = ?", {seq});
        changed(s, rows[0][1]);
        item = rows[0][1];
        erased = true;
    });
    if (!erased) return false;
    forgetState(item);
    db_->purge();
    return erased;
}

void ReviewStore::forEach(const std::function<void(const StoredReview&)>& each) {
    constexpr long long kBatch = 500;
    long long after = 0;
    for (;;) {
        SqlRows rows;
        db_->read([&](SqlSession& s) { rows = s.query(select("WHERE seq > ? ORDER BY seq LIMIT ?"), {after, kBatch}); });
        for (const auto& row : rows) {
            const StoredReview r = readRow(row);
            after = r.seq;
            each(r);
        }
        if (static_cast<long long>(rows.size()) < kBatch) return;
    }
}

long long ReviewStore::import(const std::vector<StoredReview>& reviews) {
    long long added = 0;
    db_->transaction([&](SqlSession& s) {
        for (const auto& r : reviews)
            if (!s.query(kInsert, insertValues(r.review, r.status, r.review.datePublished)).empty()) ++added;
    });
    forgetState("");
    return added;
}

bool ReviewStore::healthy() {
    try {
        db_->read([](SqlSession& s) { s.query("SELECT COUNT(*) FROM schema_version"); });
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace aw
