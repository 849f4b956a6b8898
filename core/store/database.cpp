// core/store/database.cpp — opening, tuning and migrating the store on both backends.
// SPDX-License-Identifier: Apache-2.0
#include "core/store/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <optional>
#include <sstream>
#include <stdexcept>

#include "core/common/clock.h"
#include "core/common/embedded_file.h"

namespace finsam::store {

namespace {

std::string sqliteConnectString(const std::string& path) {
    // SOCI's sqlite3 backend takes "db=... timeout=seconds"; quote the path for spaces.
    return "db=\"" + path + "\" timeout=30 shared_cache=false";
}

std::vector<std::string> splitStatements(std::string_view sql) {
    std::vector<std::string> statements;
    std::string current;
    std::istringstream lines{std::string(sql)};
    std::string line;
    while (std::getline(lines, line)) {
        auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line.compare(first, 2, "--") == 0) {
            continue;
        }
        current += line + "\n";
        auto last = line.find_last_not_of(" \t\r");
        if (line[last] == ';') {
            statements.push_back(current);
            current.clear();
        }
    }
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) {
        statements.push_back(current);
    }
    return statements;
}

// A libpq conninfo value: single-quoted, with backslash and quote escaped, so no character of a password can
// break the string (and be echoed back in libpq's syntax error).
std::string conninfoQuoted(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'') {
            out += '\\';
        }
        out += c;
    }
    return out + "'";
}

int migrationNumber(std::string_view name) { return std::stoi(std::string(name.substr(0, 4))); }

}  // namespace

Database::Database(const StoreLocation& location) : location_(location) {
    try {
        if (location.backend == Backend::kSqlite) {
            session_.open(soci::sqlite3, sqliteConnectString(location.target));
            session_ << "PRAGMA journal_mode=WAL";
            session_ << "PRAGMA synchronous=NORMAL";
            session_ << "PRAGMA foreign_keys=ON";
            // A batch touches indexes all over the file: 64 MiB of page cache (SQLite's default is 2 MiB)
            // keeps them in memory instead of re-reading pages through the kernel for every record.
            session_ << "PRAGMA cache_size=-65536";
            // Copy the WAL back into the file every 64 MiB instead of every 4 MiB: an index page that several
            // batches in a row touch is then written to the file once, not once per batch.
            session_ << "PRAGMA wal_autocheckpoint=16384";
        } else {
            std::string connect = location.target;
            if (!location.password.empty()) {
                connect += " password=" + conninfoQuoted(location.password);
            }
            session_.open(soci::postgresql, connect);
            session_ << "SET client_min_messages TO WARNING";
        }
    } catch (const std::exception& e) {
        std::string reason = e.what();
        if (!location.password.empty()) {
            for (auto at = reason.find(location.password); at != std::string::npos;
                 at = reason.find(location.password)) {
                reason.replace(at, location.password.size(), "***");
            }
        }
        throw std::runtime_error("cannot open store: " + reason);
    }
}

int Database::schemaVersion() {
    session_ << "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                "applied_at TEXT NOT NULL)";
    int version = 0;
    soci::indicator indicator = soci::i_ok;
    session_ << "SELECT MAX(version) FROM schema_migration", soci::into(version, indicator);
    return indicator == soci::i_null ? 0 : version;
}

void Database::migrate() {
    for (const auto& migration : common::embeddedMigrations()) {
        int number = migrationNumber(migration.name);
        soci::transaction transaction(session_);
        if (location_.backend == Backend::kPostgresql) {
            // Several instances may start together: one migrates, the others wait and then see it done.
            session_ << "SELECT pg_advisory_xact_lock(7263001)";
        }
        if (schemaVersion() >= number) {
            transaction.rollback();
            continue;
        }
        for (const auto& statement : splitStatements(migration.content)) {
            session_ << statement;
        }
        std::string name(migration.name);
        std::string now = common::nowUtcIso();
        session_ << "INSERT INTO schema_migration (version, name, applied_at) VALUES (:v, :n, :t)",
            soci::use(number), soci::use(name), soci::use(now);
        transaction.commit();
    }
}

std::int64_t Database::allocate(const std::string& name, std::int64_t count) {
    long long value = 0;
    long long step = count;  // SOCI binds by reference: no temporaries in use()
    session_ << "UPDATE hub_sequence SET value = value + :count WHERE name = :name", soci::use(step),
        soci::use(name);
    session_ << "SELECT value FROM hub_sequence WHERE name = :name", soci::use(name), soci::into(value);
    return value - count + 1;
}

// A statement with its bound storage: SOCI binds by reference, so values live as long as the statement.
struct Database::Prepared {
    std::vector<std::string> values;
    std::vector<soci::indicator> valueIndicators;
    std::vector<std::string> cells;
    std::vector<soci::indicator> cellIndicators;
    std::unique_ptr<soci::statement> statement;
};

Database::~Database() = default;

Database::Prepared& Database::prepared(const std::string& sql, std::size_t params, std::size_t columns) {
    auto& slot = prepared_[sql];
    if (slot) {
        return *slot;
    }
    auto entry = std::make_unique<Prepared>();
    entry->values.resize(params);
    entry->valueIndicators.resize(params, soci::i_ok);
    entry->cells.resize(columns);
    entry->cellIndicators.resize(columns, soci::i_ok);
    entry->statement = std::make_unique<soci::statement>(session_);
    for (std::size_t i = 0; i < columns; ++i) {
        entry->statement->exchange(soci::into(entry->cells[i], entry->cellIndicators[i]));
    }
    for (std::size_t i = 0; i < params; ++i) {
        entry->statement->exchange(soci::use(entry->values[i], entry->valueIndicators[i]));
    }
    entry->statement->alloc();
    entry->statement->prepare(sql);
    entry->statement->define_and_bind();
    slot = std::move(entry);
    return *slot;
}

namespace {

void bindValues(std::vector<std::string>& values, std::vector<soci::indicator>& indicators,
                const Database::Cells& params) {
    for (std::size_t i = 0; i < params.size(); ++i) {
        indicators[i] = params[i] ? soci::i_ok : soci::i_null;
        values[i] = params[i] ? *params[i] : std::string();
    }
}

}  // namespace

void Database::execute(const std::string& sql, const Cells& params) {
    auto& entry = prepared(sql, params.size(), 0);
    bindValues(entry.values, entry.valueIndicators, params);
    entry.statement->execute(true);
    release(entry);
}

std::optional<Database::Cells> Database::queryRow(const std::string& sql, const Cells& params, std::size_t columns) {
    auto& entry = prepared(sql, params.size(), columns);
    bindValues(entry.values, entry.valueIndicators, params);
    if (!entry.statement->execute(true)) {
        release(entry);
        return std::nullopt;
    }
    Cells row(columns);
    for (std::size_t i = 0; i < columns; ++i) {
        if (entry.cellIndicators[i] == soci::i_ok) {
            row[i] = entry.cells[i];
        }
    }
    release(entry);
    return row;
}

// SOCI reads one row and leaves a SQLite statement mid-step, which holds the connection's read snapshot
// open past COMMIT: other connections' writes would stay invisible and the WAL could never be reset.
void Database::release(Prepared& entry) {
    if (location_.backend == Backend::kSqlite) {
        auto* backend = static_cast<soci::sqlite3_statement_backend*>(entry.statement->get_backend());
        sqlite_api::sqlite3_reset(backend->stmt_);
    }
}

}  // namespace finsam::store
