// core/store/database.h — one SOCI session on SQLite (embedded default, WAL) or PostgreSQL, migrated on open.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <soci/soci.h>

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

    /// Runs `sql` with positional parameters; nullopt binds NULL. For statements whose shape is built at run
    /// time (the generic entity writer); fixed statements use soci::use directly.
    void execute(const std::string& sql, const std::vector<std::optional<std::string>>& params);

private:
    StoreLocation location_;
    soci::session session_;
};

}  // namespace finsam::store
