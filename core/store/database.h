// core/store/database.h — one SOCI session on SQLite (embedded default, WAL) or PostgreSQL, migrated on open.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <soci/soci.h>

#include <map>
#include <memory>
#include <optional>
#include <vector>
#include <string>

namespace finsam::store {

enum class Backend { kSqlite, kPostgresql };

/// Where the store lives. For SQLite `target` is a file path; for PostgreSQL a libpq connection string.
struct StoreLocation {
    Backend backend = Backend::kSqlite;
    std::string target;
    std::string password;  ///< PostgreSQL only; kept out of config files
};

/// A connection to the store. Not thread-safe: one per thread (see SessionPool).
class Database {
public:
    /// Opens the store. Throws std::runtime_error with a message that never contains the password.
    explicit Database(const StoreLocation& location);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Applies every embedded migration not yet applied, each in its own transaction. Idempotent, and safe
    /// when several hub instances start at once on PostgreSQL (advisory lock).
    void migrate();

    /// Highest migration applied (0 on an empty store).
    int schemaVersion();

    soci::session& session() { return session_; }
    Backend backend() const { return location_.backend; }
    const StoreLocation& location() const { return location_; }

    /// Allocates `count` consecutive numbers from sequence `name` inside the caller's transaction and returns
    /// the first. The row lock also serialises concurrent writers, so feed seqs commit in order.
    std::int64_t allocate(const std::string& name, std::int64_t count);

    /// Text cells; nullopt is SQL NULL.
    using Cells = std::vector<std::optional<std::string>>;

    /// Runs `sql` with positional parameters (:p0, :p1, … in order); nullopt binds NULL. The statement is
    /// prepared once per connection and reused: the per-row statements of a batch then cost an execution,
    /// not a parse.
    void execute(const std::string& sql, const Cells& params);

    /// The first row of `sql` (`columns` cells, as text), or nullopt when it returns none. Prepared once and
    /// reused like execute().
    std::optional<Cells> queryRow(const std::string& sql, const Cells& params, std::size_t columns);

private:
    struct Prepared;
    Prepared& prepared(const std::string& sql, std::size_t params, std::size_t columns);
    void release(Prepared& entry);

    StoreLocation location_;
    soci::session session_;
    std::map<std::string, std::unique_ptr<Prepared>> prepared_;  ///< by SQL text; dies with the session
};

}  // namespace finsam::store
