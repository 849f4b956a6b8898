// tests/support/test_store.cpp — per-test databases on both backends.
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/test_store.h"

#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <cstdlib>
#include <sstream>
#include <filesystem>
#include <stdexcept>

#include "core/common/hash.h"
#include "core/common/json.h"
#include "core/store/row_text.h"

namespace finsam::testing {

std::vector<TestBackend> allBackends() { return {TestBackend::kSqlite, TestBackend::kPostgresql}; }

std::string backendName(TestBackend backend) {
    return backend == TestBackend::kSqlite ? "sqlite" : "postgresql";
}

namespace {

std::string adminConnection() {
    const char* value = std::getenv("FINSAM_TEST_PG");
    if (value == nullptr || *value == '\0') {
        throw std::runtime_error("FINSAM_TEST_PG is not set: run the tests through scripts/test.sh, which starts "
                                 "a throwaway PostgreSQL cluster");
    }
    return value;
}

}  // namespace

TestStore::TestStore(TestBackend backend) : TestStore(backend, backend == TestBackend::kSqlite ? "" : adminConnection()) {}

TestStore::TestStore(TestBackend backend, std::string admin) : backend_(backend), adminConnection_(std::move(admin)) {
    if (backend == TestBackend::kSqlite) {
        location_ = {store::Backend::kSqlite, dir_.file("hub.db"), ""};
        return;
    }
    databaseName_ = "finsam_test_" + common::randomHex(8);
    store::Database server({store::Backend::kPostgresql, adminConnection_, ""});
    server.session() << "CREATE DATABASE " + databaseName_;
    location_ = {store::Backend::kPostgresql, adminConnection_ + " dbname=" + databaseName_, ""};
}

TestStore::~TestStore() {
    if (databaseName_.empty()) {
        return;
    }
    try {
        store::Database server({store::Backend::kPostgresql, adminConnection_, ""});
        server.session() << "DROP DATABASE IF EXISTS " + databaseName_ + " WITH (FORCE)";
    } catch (...) {
        // The cluster is thrown away at the end of the run anyway.
    }
}

std::string TestStore::hubStoreJson() const {
    if (backend_ == TestBackend::kSqlite) {
        return "{\"backend\":\"sqlite\",\"path\":" + common::jsonQuote(location_.target) + "}";
    }
    return "{\"backend\":\"postgresql\",\"connection\":" + common::jsonQuote(location_.target) + "}";
}

std::unique_ptr<store::Database> TestStore::open() const {
    auto database = std::make_unique<store::Database>(location_);
    database->migrate();
    return database;
}

std::string TestStore::dumpAllTables() const {
    auto database = open();
    std::string out;
    for (const char* table : {"organisation", "forbund", "batch", "connector_checkpoint", "source_record",
                              "quarantine", "rejected_source", "person", "link_key", "insats", "insats_budget",
                              "deltagande", "samtycke", "ersattningsperiod", "feed_event"}) {
        soci::rowset<soci::row> rows = (database->session().prepare << "SELECT * FROM " << table);
        for (const auto& row : rows) {
            out += table;
            for (std::size_t i = 0; i < row.size(); ++i) {
                out += "|";
                if (row.get_indicator(i) == soci::i_null) {
                    continue;
                }
                out += store::cellText(row, i);
            }
            out += "\n";
        }
    }
    return out;
}


namespace {

const std::string kClusterScript = std::string(FINSAM_SOURCE_DIR) + "/scripts/pg-test-cluster.sh";

std::string runClusterScript(const std::vector<std::string>& args) {
    Poco::Pipe out;
    std::vector<std::string> all = {kClusterScript};
    all.insert(all.end(), args.begin(), args.end());
    auto handle = Poco::Process::launch("/bin/bash", all, nullptr, &out, nullptr);
    Poco::PipeInputStream stream(out);
    std::string text;
    Poco::StreamCopier::copyToString(stream, text);
    if (handle.wait() != 0) {
        throw std::runtime_error("pg-test-cluster.sh " + args.front() + " failed");
    }
    return text;
}

}  // namespace

PrivatePostgres::PrivatePostgres() {
    std::istringstream lines(runClusterScript({"own"}));
    std::getline(lines, connection_);
    std::getline(lines, dir_);
    if (connection_.empty() || dir_.empty()) {
        throw std::runtime_error("pg-test-cluster.sh own printed no cluster");
    }
}

PrivatePostgres::~PrivatePostgres() {
    try {
        runClusterScript({"remove", dir_});
    } catch (...) {
    }
}

void PrivatePostgres::halt() { runClusterScript({"halt", dir_}); }

void PrivatePostgres::resume() { runClusterScript({"resume", dir_}); }

}  // namespace finsam::testing
