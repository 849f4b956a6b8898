// tests/core/store/database_test.cpp — migrations and sequences on both backends.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "core/common/embedded_file.h"
#include "core/store/database.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

class DatabaseTest : public ::testing::TestWithParam<TestBackend> {};

TEST_P(DatabaseTest, MigratesOnceAndIsIdempotent) {
    TestStore store(GetParam());
    auto database = std::make_unique<store::Database>(store.location());
    EXPECT_EQ(database->schemaVersion(), 0);
    database->migrate();
    const int latest = static_cast<int>(common::embeddedMigrations().size());
    EXPECT_EQ(database->schemaVersion(), latest);
    database->migrate();  // a second start must not fail or re-apply
    EXPECT_EQ(database->schemaVersion(), latest);
    long long applied = 0;
    database->session() << "SELECT COUNT(*) FROM schema_migration", soci::into(applied);
    EXPECT_EQ(applied, latest);
}

TEST_P(DatabaseTest, SequencesAllocateConsecutiveBlocksAndRollBack) {
    TestStore store(GetParam());
    auto database = store.open();
    {
        soci::transaction transaction(database->session());
        EXPECT_EQ(database->allocate("feed", 3), 1);
        EXPECT_EQ(database->allocate("feed", 2), 4);
        transaction.commit();
    }
    {
        soci::transaction transaction(database->session());
        EXPECT_EQ(database->allocate("feed", 1), 6);
        transaction.rollback();
    }
    soci::transaction transaction(database->session());
    EXPECT_EQ(database->allocate("feed", 1), 6) << "a rolled-back allocation must be reused, leaving no gap";
    transaction.commit();
}

// The prepared-statement cache must not keep a read open: another connection's later commit is seen, and that
// connection can write again (a SQLite statement left mid-step would pin the old snapshot and lock the WAL).
TEST_P(DatabaseTest, CachedStatementsReleaseTheirReadAfterEachUse) {
    TestStore store(GetParam());
    auto reader = store.open();
    auto writer = store.open();
    const std::string value = "SELECT value FROM hub_sequence WHERE name = :p0";
    ASSERT_EQ(reader->queryRow(value, {std::string("batch")}, 1)->at(0), "0");
    writer->execute("UPDATE hub_sequence SET value = value + 5 WHERE name = :p0", {std::string("batch")});
    // A read left open would pin the reader to the snapshot before that commit, and its write would fail
    // ("database is locked": a stale snapshot may not write).
    reader->execute("UPDATE hub_sequence SET value = value + 1 WHERE name = :p0", {std::string("batch")});
    EXPECT_EQ(writer->queryRow(value, {std::string("batch")}, 1)->at(0), "6");
    EXPECT_FALSE(reader->queryRow(value, {std::string("no-such-sequence")}, 1).has_value());
}

TEST(DatabaseOpenTest, ErrorNeverContainsThePassword) {
    // Quotes, backslashes and spaces must not break the connection string (libpq would echo a fragment).
    for (std::string password : {"s3cret-password", "it's a 'secret' \\ x=y", "trailing\\"}) {
        store::StoreLocation location{store::Backend::kPostgresql, "host=127.0.0.1 port=1 connect_timeout=2",
                                      password};
        try {
            store::Database database(location);
            FAIL() << "connecting to port 1 must fail";
        } catch (const std::exception& e) {
            std::string message = e.what();
            EXPECT_EQ(message.find(password), std::string::npos) << message;
            EXPECT_EQ(message.find("secret"), std::string::npos) << message;
            EXPECT_EQ(message.find("x=y"), std::string::npos) << message;
            EXPECT_EQ(message.find("missing \"=\""), std::string::npos) << "the string stayed well-formed";
            EXPECT_NE(message.find("cannot open store"), std::string::npos);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
