// tests/support/test_store.h — a fresh store per test on each backend: a temp SQLite file or a new PG database.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/store/database.h"
#include "temp_dir.h"

namespace finsam::testing {

enum class TestBackend { kSqlite, kPostgresql };

/// Both backends: every test that touches the store runs against each.
std::vector<TestBackend> allBackends();
std::string backendName(TestBackend backend);

/// The connector test kit's scratch directory, with string paths for the hub's tests.
class TempDir : public sdk::testkit::TempDir {
public:
    std::string file(const std::string& name) const { return (path() / name).string(); }
};

/// An empty store. PostgreSQL needs FINSAM_TEST_PG (scripts/test.sh starts a throwaway cluster and sets it);
/// without it the constructor throws, so a PostgreSQL test can never pass by not running.
class TestStore {
public:
    explicit TestStore(TestBackend backend);
    /// A PostgreSQL store on the cluster at `adminConnection` (e.g. a PrivatePostgres) instead of FINSAM_TEST_PG.
    TestStore(TestBackend backend, std::string adminConnection);
    ~TestStore();
    TestStore(const TestStore&) = delete;
    TestStore& operator=(const TestStore&) = delete;

    store::StoreLocation location() const { return location_; }
    /// The "store" object of a hub.json that points at this store.
    std::string hubStoreJson() const;
    /// A new migrated connection.
    std::unique_ptr<store::Database> open() const;
    TestBackend backend() const { return backend_; }
    /// The SQLite file (backend sqlite) — for tests that scan the raw bytes.
    std::string sqliteFile() const { return location_.target; }
    /// Text dump of every table (for leak scans and state comparison).
    std::string dumpAllTables() const;

private:
    TestBackend backend_;
    TempDir dir_;
    std::string adminConnection_;
    std::string databaseName_;
    store::StoreLocation location_;
};

/// A PostgreSQL cluster of one test's own (scripts/pg-test-cluster.sh own), which the test may stop and start
/// under a running hub; removed at the end.
class PrivatePostgres {
public:
    PrivatePostgres();
    ~PrivatePostgres();
    PrivatePostgres(const PrivatePostgres&) = delete;
    PrivatePostgres& operator=(const PrivatePostgres&) = delete;

    const std::string& connection() const { return connection_; }
    /// Stops the server at once (-m immediate), as a crash or a pulled cable would.
    void halt();
    /// Starts it again on the same port and data.
    void resume();

private:
    std::string connection_;
    std::string dir_;
};

}  // namespace finsam::testing
