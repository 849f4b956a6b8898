// tests/support/connector_kit.h — the suite every connector passes, through the real plugin host and pipeline,
// on each backend. A connector's kit test describes its case; tests/connectors/connector_kit_test.cpp runs it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <tuple>

#include <gtest/gtest.h>

#include <filesystem>

#include "core/app/hub_runtime.h"
#include "core/pipeline/ingest_runner.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/test_store.h"

namespace finsam::testing {

/// The store after a full read of a case's fixtures.
struct ExpectedState {
    std::map<std::string, std::int64_t> active;  ///< canonical table -> active rows
    std::int64_t quarantined = 0;                ///< open quarantine entries (each with file and line)
    std::int64_t rejectedRows = 0;               ///< rows of files refused whole
};

struct ConnectorKitCase {
    std::string name;  ///< a gtest name: letters, digits, underscores
    ConnectorInstance instance;
    std::string exampleSettings;  ///< absolute path of config/examples/<plugin>.settings.json
    std::string brokenSettings;   ///< settings the connector must refuse (by its schema or its check())
    std::string brokenPointer;    ///< the JSON pointer that refusal names, e.g. "/drop_dir"
    /// Puts the case's fixtures (good and broken input, as its spec describes them) into the drop folder.
    std::function<void(const std::string& dropDir)> stage;
    ExpectedState expected;
    int batchSize = 2;  ///< small, so a read takes several batches and the kit crashes after each one
};

inline void PrintTo(const ConnectorKitCase& kitCase, std::ostream* out) { *out << kitCase.name; }

using ConnectorKitParam = std::tuple<ConnectorKitCase, TestBackend>;

/// gtest parameter names: "<case>_<backend>".
std::string connectorKitName(const ::testing::TestParamInfo<ConnectorKitParam>& info);

class ConnectorKit : public ::testing::TestWithParam<ConnectorKitParam> {
protected:
    const ConnectorKitCase& kitCase() const { return std::get<0>(GetParam()); }
    TestBackend backend() const { return std::get<1>(GetParam()); }

    /// A hub with this case's connector on a fresh store, its fixtures staged.
    /// `keyFrom`: another hub's key file, so two hubs pseudonymise alike and their snapshots compare.
    struct Hub {
        Hub(const ConnectorKitCase& kitCase, TestBackend backend, const std::string& keyFrom = "")
            : store(backend), files(configure(kitCase, keyFrom)), runtime(files.configFile) {
            kitCase.stage(files.dropDir);
        }
        HubFiles configure(const ConnectorKitCase& kitCase, const std::string& keyFrom) {
            if (!keyFrom.empty()) {
                std::filesystem::copy_file(keyFrom, dir.file("pseudonym.key"));
            }
            return writeHubConfigFor(dir, store, kitCase.instance, "hub.json", kitCase.batchSize);
        }
        pipeline::IngestSummary ingest(std::int64_t maxBatches = 0) {
            pipeline::IngestRunner runner(*runtime.database, runtime.plugins, runtime.config, *runtime.pseudonymizer);
            return runner.drain(runtime.config.connectors.front(), nullptr, maxBatches);
        }
        long long count(const std::string& sql) {
            long long value = 0;
            runtime.database->session() << sql, soci::into(value);
            return value;
        }
        TempDir dir;
        TestStore store;
        HubFiles files;
        app::HubRuntime runtime;
    };
};

}  // namespace finsam::testing
