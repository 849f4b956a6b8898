// connectors/kommun-api/tests/http/partner_fixture.h — the connector as the host runs it, against the partner
// test server (tests/partner_server) serving finsam-gen's kommun, and what it ends up holding.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <filesystem>
#include <memory>
#include <string>

#include "kommun_api_connector.h"
#include "run_to_drain.h"
#include "support/held_state.h"
#include "temp_dir.h"
#include "tests/partner_server/partner_server.h"

namespace finsam::connectors::kommun_api::testing {

/// finsam-gen kommun --seed 7 --participants 300, made once per test process.
struct GeneratedKommun {
    std::filesystem::path dir;
    rapidjson::Document truth;  ///< DIR/truth/kommun.json
    std::string lastDay;        ///< the last day of the as_of month: where an ongoing period ends
};
const GeneratedKommun& generatedKommun();

/// What the tests compare with the truth's `final`.
struct Tally {
    std::int64_t paymentsInForce = 0;  ///< from the ledger in the checkpoint
    std::int64_t persons = 0;
    std::int64_t periods = 0;
    std::int64_t ongoing = 0;
    std::int64_t participations = 0;
    std::int64_t ended = 0;
    std::int64_t anonymous = 0;
    std::int64_t protectedItems = 0;
};

class PartnerFixture : public ::testing::Test {
protected:
    PartnerFixture();
    ~PartnerFixture() override;

    /// Settings for the server; `extra` is inserted as further members (e.g. R"("limit":50)").
    std::string settings(const std::string& extra = "") const;
    /// open() from `checkpoint`, readBatch() until drained (or `maxBatches`), as the host does.
    sdk::testkit::DrainOutcome drain(const std::string& checkpoint = "", std::size_t maxRecords = 1000,
                                     const std::string& extra = "", std::size_t maxBatches = 200);
    /// The same, one batch per open(): a crash after every batch.
    sdk::testkit::DrainOutcome drainReopeningEveryBatch(std::size_t maxRecords, const std::string& extra = "");

    Tally tally(const HeldState& held, const std::string& checkpoint) const;
    Tally truthTally() const;

    /// The `retries` member of settings(): back-off of a millisecond or two, the faults are the server's.
    std::string retries = R"({"max_attempts":3,"base_delay_ms":1,"max_delay_seconds":1})";
    sdk::testkit::TempDir config;
    std::unique_ptr<finsam::testing::PartnerServer> server;
    KommunApiConnector connector;
};

/// Everything `outcome` emitted, applied in order.
HeldState heldAfter(const sdk::testkit::Collected& collected, HeldState start = {});

}  // namespace finsam::connectors::kommun_api::testing
