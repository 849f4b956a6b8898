// tests/support/hub_fixture.h — writes a complete hub configuration for a test: key, tokens, connector, store.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "tests/support/test_store.h"

namespace finsam::testing {

inline constexpr const char* kAdminToken = "test-admin-token-0123456789abcdef";
inline constexpr const char* kReaderToken = "test-reader-token-0123456789abcdef";
inline constexpr const char* kIngestOnlyToken = "test-no-feed-token-0123456789abcdef";

struct HubFiles {
    std::string configFile;  ///< hub.json
    std::string dropDir;     ///< the förbund connector's drop folder (created, empty)
};

/// Writes dir/hub.json for `store` with one forbund-csv connector reading dir/drop, the shipped mapping
/// config/mappings/forbund-csv.json, a fresh key file and three tokens (admin, reader, one without
/// feed:read).
/// Several configs in one dir (`configName`) share the key file and the drop folder.
HubFiles writeHubConfig(const TempDir& dir, const TestStore& store, const std::string& configName = "hub.json");

/// One connector instance of a test hub: its settings are made for the drop folder the fixture creates.
struct ConnectorInstance {
    std::string id;
    std::string plugin;
    std::string organisation;
    std::string mapping;  ///< absolute path of its mapping file, or ""
    std::function<std::string(const std::string& dropDir)> settingsFor;
};

/// Same, for any connector instance, with the ingest batch size given.
HubFiles writeHubConfigFor(const TempDir& dir, const TestStore& store, const ConnectorInstance& instance,
                           const std::string& configName = "hub.json", int batchSize = 500);

/// Same, with several connector instances (configured in this order).
HubFiles writeHubConfigFor(const TempDir& dir, const TestStore& store, const std::vector<ConnectorInstance>& instances,
                           const std::string& configName = "hub.json", int batchSize = 500);

/// Copies the folder `from` (a förbund drop set) into `to`, replacing what was there.
void copyDropSet(const std::string& from, const std::string& to);

/// Rewrites dropDir/KLAR as the förbund's export does on every save, and waits until its file time has really
/// moved on (file times follow the kernel's coarse clock, several milliseconds a tick).
void rewriteMarker(const std::string& dropDir);

/// Runs the generator: finsam-gen forbund --out DIR --seed S --participants N [extra...]; returns DIR/forbund.
/// DIR/truth holds its ground truth (world.json, indicators.json).
std::string generateForbund(const std::string& dir, int seed, int participants,
                            const std::vector<std::string>& extra = {});

/// Runs finsam-gen all --out DIR --seed S --participants N [extra...]: every partner's files of one world;
/// returns DIR.
std::string generateWorld(const std::string& dir, int seed, int participants,
                          const std::vector<std::string>& extra = {});

/// Runs finsam-gen fk with `records` detail records in batch files of `perBatch` (one committed batch each);
/// returns DIR/fk.
std::string generateFk(const std::string& dir, long long records, long long perBatch);

/// The FK connector ("fk") for a drop folder of generateFk() files (the receiver's number from their names).
ConnectorInstance fkConnector(const std::string& fkDir);

/// The förbund, AF and FK connectors, each reading its folder of a generateWorld() world in place.
std::vector<ConnectorInstance> worldFileConnectors(const std::string& world);

}  // namespace finsam::testing
