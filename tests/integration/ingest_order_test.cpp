// tests/integration/ingest_order_test.cpp — one generated world, read by the förbund, AF and FK connectors in two
// different orders into two stores: the same persons, deltaganden, periods, links and merged reports, and the
// counts the generator's ground truth says a correct hub ends with.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/app/hub_runtime.h"
#include "core/common/json.h"
#include "core/pipeline/ingest_runner.h"
#include "core/store/store_stats.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/store_snapshot.h"

namespace finsam::testing {
namespace {

namespace fs = std::filesystem;

class IngestOrderTest : public ::testing::TestWithParam<TestBackend> {
protected:
    // Ingests the world's sources in `order` into a fresh store keyed with `keyFrom` (when given).
    std::string ingestInOrder(const std::vector<std::string>& order, TempDir& dir, TestStore& store,
                              const std::string& keyFrom, long long& deltaganden) {
        if (!keyFrom.empty()) {
            fs::copy_file(keyFrom, dir.file("pseudonym.key"));
        }
        HubFiles files = writeHubConfigFor(dir, store, worldFileConnectors(world_.path().string()), "hub.json", 200);
        app::HubRuntime runtime(files.configFile);
        pipeline::IngestRunner runner(*runtime.database, runtime.plugins, runtime.config, *runtime.pseudonymizer);
        for (const auto& id : order) {
            auto summary = runner.drain(*runtime.config.connector(id));
            EXPECT_EQ(summary.error, "") << id;
            EXPECT_EQ(summary.counts.read,
                      summary.counts.accepted + summary.counts.quarantined + summary.counts.rejectedRows);
        }
        deltaganden = store::readStats(*runtime.database).deltaganden;
        return canonicalState(*runtime.database);
    }

    static void SetUpTestSuite() {}

    TempDir world_;
};

TEST_P(IngestOrderTest, TheSameWorldInAnotherOrderGivesTheSameState) {
    // 300 deltaganden: enough for insatser with AF as huvudman (INS rows) and for every kind of person.
    generateWorld(world_.path().string(), 11, 300);
    TempDir firstDir, secondDir;
    TestStore first(GetParam()), second(GetParam());
    long long firstCount = 0, secondCount = 0;
    const std::string a = ingestInOrder({"af", "fk", "forbund"}, firstDir, first, "", firstCount);
    const std::string b =
        ingestInOrder({"forbund", "fk", "af"}, secondDir, second, firstDir.file("pseudonym.key"), secondCount);
    EXPECT_EQ(a, b);
    if (std::getenv("FINSAM_DUMP_ORDER") != nullptr) {
        std::ofstream("/tmp/order-a.txt") << a;
        std::ofstream("/tmp/order-b.txt") << b;
    }
    // Every participation the förbund or AF reports, once: AF's reports are the förbund's own participations.
    rapidjson::Document truth = common::readJsonFile(world_.file("truth/world.json"));
    EXPECT_EQ(firstCount, truth["deltaganden"]["distinct"].GetInt64());
    EXPECT_EQ(secondCount, firstCount);
}

INSTANTIATE_TEST_SUITE_P(Backends, IngestOrderTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
