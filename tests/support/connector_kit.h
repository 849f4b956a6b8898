// tests/support/connector_kit.h — the suite every connector passes, through the real plugin host and pipeline,
// on each backend. A connector's kit test describes its case; tests/connectors/connector_kit_test.cpp runs it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "core/app/hub_runtime.h"
#include "core/pipeline/ingest_runner.h"
#include "tests/partner_server/partner_server.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/test_store.h"

namespace finsam::testing {

/// One quarantine entry a case names: SQL LIKE patterns ("%" any text) its columns must match.
struct ExpectedQuarantine {
    std::string code;
    std::string field = "%";   ///< e.g. a JSON pointer "/entry/%/resource/patient"
    std::string source = "%";  ///< file, or page URL
    std::string message = "%";
};

/// The store after a full read of a case's fixtures.
struct ExpectedState {
    std::map<std::string, std::int64_t> active;  ///< canonical table -> active rows
    std::int64_t quarantined = 0;                ///< open quarantine entries (each with file and line)
    std::int64_t rejectedRows = 0;               ///< rows of files refused whole
    std::vector<ExpectedQuarantine> entries;     ///< of those quarantined, each must be there exactly once
};

/// What an HTTP case's settings hook gets: the running server and where its credentials go.
struct PartnerAccess {
    const PartnerServer& server;
    std::string secretsDir;  ///< <hub dir>/secrets, created; "../secrets/…" from the instance config
    std::string tlsJson;     ///< the settings' "tls" value for this server: its test CA, verified
    /// Writes `value` to secretsDir/name (with a final newline, as `echo` would) and returns the settings'
    /// source object for it: {"file":"<absolute path>"}.
    std::string secretFile(const std::string& name, const std::string& value) const;
};

/// An HTTP connector's partner: the partner test server (tests/partner_server) serving generated data on a
/// free port, one server per kit hub, up until the hub goes.
struct PartnerCase {
    std::filesystem::path data;  ///< finsam-gen --out DIR; the numbers of DIR/truth are leak-scanned
    bool https = true;           ///< HTTPS with testCertificates(), else plain HTTP
    /// Broken items or resources as data, put before the first read (putRegionResource, appendKommunItem):
    /// unlike a fault they are met alike by every read, re-read and resumed read.
    std::function<void(PartnerServer&)> prepare;
    /// The connector's settings JSON: base URL, credentials as files, TLS, page size.
    std::function<std::string(const PartnerAccess&)> settings;
    /// Query parameters whose values a server makes up per search (e.g. FHIR's `_getpages`): two servers of
    /// the same data differ in them (and in their port), so snapshots of two hubs are compared without them.
    std::vector<std::string> opaqueParameters;
};

/// A fault the server shows once, mid-read (tests/partner_server/fault.h), and what the connector makes of it.
struct SourceFault {
    std::string name;
    Fault fault;               ///< e.g. Fault::malformed(FaultKind::kInvalidJson, "/R4/EpisodeOfCare").afterRequests(1)
    std::string runError;      ///< the run fails with a message containing this; "" = it ends without error
    std::string rejectedCode;  ///< the page is refused whole (rejected_source at its URL) with this code; "" = not
};

struct ConnectorKitCase {
    std::string name;  ///< a gtest name: letters, digits, underscores
    ConnectorInstance instance;   ///< for an HTTP case `settingsFor` is unused: `partner->settings` makes them
    std::string exampleSettings;  ///< absolute path of config/examples/<plugin>.settings.json
    std::string brokenSettings;   ///< settings the connector must refuse (by its schema or its check())
    std::string brokenPointer;    ///< the JSON pointer that refusal names, e.g. "/drop_dir"
    /// File connectors: puts the case's fixtures (good and broken input, as its spec describes them) into the
    /// drop folder.
    std::function<void(const std::string& dropDir)> stage;
    /// HTTP connectors, instead of `stage`: the server the connector reads.
    std::optional<PartnerCase> partner;
    /// HTTP connectors: faults armed one at a time on a fresh hub (broken pages; see connector_kit_test.cpp).
    std::vector<SourceFault> sourceFaults;
    ExpectedState expected;
    int batchSize = 2;  ///< small, so a read takes several batches and the kit crashes after each one
};

inline void PrintTo(const ConnectorKitCase& kitCase, std::ostream* out) { *out << kitCase.name; }

using ConnectorKitParam = std::tuple<ConnectorKitCase, TestBackend>;

/// gtest parameter names: "<case>_<backend>".
std::string connectorKitName(const ::testing::TestParamInfo<ConnectorKitParam>& info);

/// Starts `partner`'s server with its data changes made.
std::unique_ptr<PartnerServer> startPartner(const PartnerCase& partner);

/// The connector instance a hub gets: the case's own, or for an HTTP case one whose settings point at `server`
/// (credentials written into `secretsDir`).
ConnectorInstance kitInstance(const ConnectorKitCase& kitCase, const PartnerServer* server,
                              const std::string& secretsDir);

class ConnectorKit : public ::testing::TestWithParam<ConnectorKitParam> {
protected:
    const ConnectorKitCase& kitCase() const { return std::get<0>(GetParam()); }
    TestBackend backend() const { return std::get<1>(GetParam()); }

    /// A hub with this case's connector on a fresh store, its fixtures staged or its server started.
    /// `keyFrom`: another hub's key file, so two hubs pseudonymise alike and their snapshots compare.
    struct Hub {
        Hub(const ConnectorKitCase& kitCase, TestBackend backend, const std::string& keyFrom = "")
            : kit(kitCase),
              store(backend),
              partner(kitCase.partner ? startPartner(*kitCase.partner) : nullptr),
              files(configure(kitCase, keyFrom)),
              runtime(files.configFile) {
            if (kitCase.stage) {
                kitCase.stage(files.dropDir);
            }
        }
        HubFiles configure(const ConnectorKitCase& kitCase, const std::string& keyFrom) {
            if (!keyFrom.empty()) {
                std::filesystem::copy_file(keyFrom, dir.file("pseudonym.key"));
            }
            return writeHubConfigFor(dir, store, kitInstance(kitCase, partner.get(), dir.file("secrets")),
                                     "hub.json", kitCase.batchSize);
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
        /// Quarantine entries matching `entry`'s patterns.
        long long countQuarantined(const ExpectedQuarantine& entry);
        /// Every number the connector read (the drop folder's, the served world's): none may reach the store.
        std::set<std::string> inputNumbers() const;
        /// canonicalSnapshot(), with the server's origin and opaque parameters masked (PartnerCase).
        std::string snapshot();

        const ConnectorKitCase& kit;
        TempDir dir;
        TestStore store;
        std::unique_ptr<PartnerServer> partner;  ///< HTTP cases; outlives the runtime that reads it
        HubFiles files;
        app::HubRuntime runtime;
    };
};

}  // namespace finsam::testing
