// core/store/link_key_rekey.cpp — the store half of `finsam-hub rekey`: every link_key row, one
// transaction, bounded batches. The derivation (an HMAC) comes from the caller: store has no keys.
// SPDX-License-Identifier: Apache-2.0
#include "core/store/link_key_rekey.h"

#include <limits>
#include <map>
#include <stdexcept>
#include <vector>

namespace finsam::store {

namespace {

// Negative: KiB, SQLite's convention. 256 MiB holds the link_key table and its index for about a
// million persons; the cache only grows as pages are touched, so a small store pays nothing.
constexpr int kSqliteRekeyCacheKib = -262144;

// Raw BEGIN/COMMIT rather than soci::transaction: SQLite needs BEGIN IMMEDIATE, so the write lock
// is taken before the counts are read and no other writer can slip in between count and update.
class RekeyTransaction {
public:
    explicit RekeyTransaction(Database& database)
        : sql_(database.session()), sqlite_(database.backend() == Backend::kSqlite) {
        if (sqlite_) {
            // Rewritten keys land at random places in the primary-key index; with SQLite's default
            // 2 MB page cache a large store re-reads pages from the OS for every row (3x slower
            // at 100 000 persons). The connection's own setting comes back afterwards.
            sql_ << "PRAGMA cache_size", soci::into(previousCacheSize_);
            sql_ << "PRAGMA cache_size = " << kSqliteRekeyCacheKib;
            sql_ << "BEGIN IMMEDIATE";
        } else {
            sql_ << "BEGIN";
            sql_ << "SELECT pg_advisory_xact_lock(" << kKeyRotationLock << ")";
            // EXCLUSIVE blocks every writer of link_key (ingest inserts take ROW EXCLUSIVE) but not
            // readers, so the API keeps serving while the keys change.
            sql_ << "LOCK TABLE link_key IN EXCLUSIVE MODE";
        }
    }
    ~RekeyTransaction() {
        try {
            if (!done_) {
                sql_ << "ROLLBACK";
            }
            if (sqlite_) {
                sql_ << "PRAGMA cache_size = " << previousCacheSize_;
            }
        } catch (...) {
            // Nothing more to do: the connection closes with the failed command.
        }
    }
    RekeyTransaction(const RekeyTransaction&) = delete;
    RekeyTransaction& operator=(const RekeyTransaction&) = delete;

    void commit() {
        sql_ << "COMMIT";
        done_ = true;
    }

private:
    soci::session& sql_;
    const bool sqlite_;
    int previousCacheSize_ = 0;
    bool done_ = false;
};

std::map<std::string, long long> rowsPerKeyId(soci::session& sql) {
    std::map<std::string, long long> counts;
    std::string keyId;
    long long count = 0;
    soci::statement statement =
        (sql.prepare << "SELECT key_id, COUNT(*) FROM link_key GROUP BY key_id", soci::into(keyId),
         soci::into(count));
    statement.execute();
    while (statement.fetch()) {
        counts[keyId] = count;
    }
    return counts;
}

long long countOf(const std::map<std::string, long long>& counts, const std::string& keyId) {
    auto it = counts.find(keyId);
    return it == counts.end() ? 0 : it->second;
}

std::string describe(const std::map<std::string, long long>& counts) {
    std::string out;
    for (const auto& [keyId, count] : counts) {
        out += (out.empty() ? "" : ", ") + keyId + " (" + std::to_string(count) + " rows)";
    }
    return out;
}

using Column = std::vector<std::string>;

void requireEveryRowUpdated(std::size_t rows, long long updated) {
    if (updated != static_cast<long long>(rows)) {
        throw std::runtime_error("rekey: a page of " + std::to_string(rows) + " rows updated " +
                                 std::to_string(updated) + "; rolled back, nothing was changed");
    }
}

// SQLite: walk the rowid, which an UPDATE never changes, so every row is visited once wherever
// its new key sorts. (Paging along the primary key instead made SQLite 3.40 sort the rest of each
// (organisation, kind) group for every page: quadratic.) SQLite runs in-process, so an UPDATE
// executed once per row (SOCI's bulk bind) costs no round trip.
std::int64_t rewriteSqlite(soci::session& sql, const std::string& fromKeyId,
                           const std::string& toKeyId, const LinkKeyDerivation& derive,
                           std::size_t batchRows) {
    const std::string page =
        "SELECT rowid, value FROM link_key WHERE rowid > :r AND key_id = :f ORDER BY rowid "
        "LIMIT " + std::to_string(batchRows);
    std::vector<long long> rowids;
    Column values, newValues, toIds, fromIds;
    long long last = std::numeric_limits<long long>::min();
    std::int64_t total = 0;
    for (;;) {
        rowids.resize(batchRows);
        values.resize(batchRows);
        sql << page, soci::use(last), soci::use(fromKeyId), soci::into(rowids), soci::into(values);
        const std::size_t rows = values.size();  // SOCI shrinks the vectors to the rows fetched
        if (rows == 0) {
            break;
        }
        newValues.resize(rows);
        for (std::size_t i = 0; i < rows; ++i) {
            newValues[i] = derive(values[i]);
        }
        // SOCI wants every use() of a bulk statement to be a vector of the same length.
        toIds.assign(rows, toKeyId);
        fromIds.assign(rows, fromKeyId);
        soci::statement update =
            (sql.prepare << "UPDATE link_key SET key_id = :t, value = :nv "
                            "WHERE rowid = :r AND key_id = :f",
             soci::use(toIds), soci::use(newValues), soci::use(rowids), soci::use(fromIds));
        update.execute(true);
        requireEveryRowUpdated(rows, update.get_affected_rows());
        total += static_cast<std::int64_t>(rows);
        last = rowids[rows - 1];
        if (rows < batchRows) {
            break;
        }
    }
    return total;
}

// A PostgreSQL array literal of text: every element quoted, `"` and `\` escaped, so any text
// survives the round trip.
std::string textArray(const Column& items) {
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i == 0 ? "\"" : ",\"";
        for (char c : items[i]) {
            if (c == '"' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

// PostgreSQL: a cursor is insensitive (it reads the table as it was when declared), so rows this
// transaction rewrites never come back, and it is one scan whatever the planner's statistics say
// (paging with ORDER BY .. LIMIT chose a full sort per page on a freshly loaded table). Each page
// is one UPDATE over unnest()ed arrays: row by row, every UPDATE would cost a round trip.
std::int64_t rewritePostgresql(soci::session& sql, const std::string& fromKeyId,
                               const std::string& toKeyId, const LinkKeyDerivation& derive,
                               std::size_t batchRows) {
    sql << "DECLARE link_key_rekey NO SCROLL CURSOR FOR "
           "SELECT organisation, kind, value FROM link_key WHERE key_id = :f",
        soci::use(fromKeyId);
    const std::string fetch = "FETCH FORWARD " + std::to_string(batchRows) + " FROM link_key_rekey";
    Column organisations, kinds, values, newValues;
    std::int64_t total = 0;
    for (;;) {
        organisations.resize(batchRows);
        kinds.resize(batchRows);
        values.resize(batchRows);
        sql << fetch, soci::into(organisations), soci::into(kinds), soci::into(values);
        const std::size_t rows = values.size();
        if (rows == 0) {
            break;
        }
        newValues.resize(rows);
        for (std::size_t i = 0; i < rows; ++i) {
            newValues[i] = derive(values[i]);
        }
        const std::string o = textArray(organisations);
        const std::string k = textArray(kinds);
        const std::string v = textArray(values);
        const std::string n = textArray(newValues);
        soci::statement update =
            (sql.prepare << "UPDATE link_key AS l SET key_id = :t, value = u.nv "
                            "FROM unnest(CAST(:o AS text[]), CAST(:k AS text[]), "
                            "CAST(:v AS text[]), CAST(:n AS text[])) AS u (o, k, v, nv) "
                            "WHERE l.organisation = u.o AND l.kind = u.k AND l.key_id = :f "
                            "AND l.value = u.v",
             soci::use(toKeyId), soci::use(o), soci::use(k), soci::use(v), soci::use(n),
             soci::use(fromKeyId));
        update.execute(true);
        requireEveryRowUpdated(rows, update.get_affected_rows());
        total += static_cast<std::int64_t>(rows);
        if (rows < batchRows) {
            break;
        }
    }
    sql << "CLOSE link_key_rekey";
    return total;
}

}  // namespace

LinkKeyRekeyResult rekeyLinkKeys(Database& database, const std::string& fromKeyId,
                                 const std::string& toKeyId, const LinkKeyDerivation& derive,
                                 std::size_t batchRows) {
    if (fromKeyId == toKeyId) {
        throw std::invalid_argument("rekey: the new key id equals the current one (" + toKeyId +
                                    ")");
    }
    if (batchRows == 0) {
        throw std::invalid_argument("rekey: batchRows must be positive");
    }
    auto& sql = database.session();
    RekeyTransaction transaction(database);

    const auto before = rowsPerKeyId(sql);
    const long long fromRows = countOf(before, fromKeyId);
    const long long toRows = countOf(before, toKeyId);
    std::map<std::string, long long> others = before;
    others.erase(fromKeyId);
    others.erase(toKeyId);
    if (!others.empty()) {
        throw std::runtime_error("link_key holds rows under key ids that are neither the current "
                                 "key " + fromKeyId + " nor the new key " + toKeyId + ": " +
                                 describe(others) + "; nothing was changed");
    }
    if (fromRows > 0 && toRows > 0) {
        throw std::runtime_error(
            "link_key holds rows under both " + describe(before) +
            ": something ingested with the old configuration after an interrupted rekey; restore "
            "the store from the backup taken before the rekey. Nothing was changed");
    }
    LinkKeyRekeyResult result;
    if (fromRows == 0 && toRows > 0) {
        transaction.commit();
        result.resumed = true;
        return result;
    }

    result.rekeyed = database.backend() == Backend::kSqlite
                         ? rewriteSqlite(sql, fromKeyId, toKeyId, derive, batchRows)
                         : rewritePostgresql(sql, fromKeyId, toKeyId, derive, batchRows);

    const auto after = rowsPerKeyId(sql);
    if (result.rekeyed != fromRows || countOf(after, fromKeyId) != 0 ||
        countOf(after, toKeyId) != fromRows || after.size() != (fromRows > 0 ? 1u : 0u)) {
        throw std::runtime_error("rekey verification failed: counted " + std::to_string(fromRows) +
                                 " rows under " + fromKeyId + ", rewrote " +
                                 std::to_string(result.rekeyed) + ", now " + describe(after) +
                                 "; rolled back, nothing was changed");
    }
    transaction.commit();
    return result;
}

}  // namespace finsam::store
