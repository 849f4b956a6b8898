// tests/connectors/kommun_api_kit_test.cpp — kommun-api through the connector test kit: the partner test
// server (OAuth2 client credentials) serving the generated kommun, plus one item per endpoint that
// misses a field (quarantined alone), and pages of the wrong shape (the run fails, the cursor stays).
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include "core/common/json.h"
#include "tests/support/connector_kit.h"

namespace finsam::testing {
namespace {

const std::string kData = FINSAM_KIT_PARTNER_DATA;  // finsam-gen kommun, made at build time (tests/CMakeLists.txt)
const std::string kPayments(kUtbetalningarEndpoint);
const std::string kParticipations(kDeltagandenEndpoint);

// At the end of each change log (the payments' last page is read with a cursor). The person is of the world.
void appendBrokenItems(PartnerServer& server) {
    server.appendKommunItem(kUtbetalningarEndpoint,  // no "period"
                            R"({"id":"EB-2021-900001","personnummer":"197703246608","medsokande_personnummer":null,)"
                            R"("hushall_id":"HH-0180-900001","belopp_kr":4300,"stadsdel":null,"status":"utbetald",)"
                            R"("skyddad":false,"andrad":"2021-01-05T06:00:00+01:00"})");
    server.appendKommunItem(kDeltagandenEndpoint,  // no "insats_id"
                            R"({"id":"KD-2021-90001","personnummer":null,"anonym":true,"kon":"kvinna",)"
                            R"("fodelsear":1977,"start":"2021-01-04","slut":null,"avslutsanledning":null,)"
                            R"("samtycke_ref":null,"skyddad":false,"andrad":"2021-01-05T06:00:00+01:00"})");
}

std::string settings(const PartnerAccess& access) {
    const auto& options = access.server.options();
    return "{\"base_url\":" + common::jsonQuote(access.server.kommunBaseUrl()) +
           ",\"client_id\":" + access.secretFile("kommun-client-id", options.clientId) +
           ",\"client_secret\":" + access.secretFile("kommun-client-secret", options.clientSecret) +
           ",\"join_key\":" + access.secretFile("kommun-join.key", "kit-join-key-0123456789abcdef0123456789") +
           ",\"tls\":" + access.tlsJson +
           // Pages of 100 items, two to a batch of 200: several batches per endpoint. Retries fast.
           ",\"limit\":100,\"timeouts\":{\"connect_seconds\":5,\"request_seconds\":10},"
           "\"retries\":{\"max_attempts\":2,\"base_delay_ms\":1,\"max_delay_seconds\":1}}";
}

std::int64_t truthCount(const char* a, const char* b) {
    rapidjson::Document truth = common::readJsonFile(kData + "/truth/kommun.json");
    return truth["final"][a][b].GetInt64();
}

SourceFault wrongShape(const std::string& name, FaultKind kind, const std::string& endpoint, int after) {
    return {name, Fault::malformed(kind, endpoint).afterRequests(after), "is not the documented JSON shape", ""};
}

ConnectorKitCase kommunApi() {
    ConnectorKitCase kit;
    kit.name = "kommun_api";
    kit.instance = {"kommun", "kommun-api", "kommun-0180",
                    std::string(FINSAM_SOURCE_DIR) + "/config/mappings/kommun-api.json", nullptr};
    kit.exampleSettings = std::string(FINSAM_SOURCE_DIR) + "/config/examples/kommun-api.settings.json";
    // check() reads every secret: the join key is a file that exists (the kit writes the client id into
    // <hub dir>/secrets) but is far shorter than 32 bytes.
    kit.brokenSettings = R"({"base_url":"https://api.kommun.example",)"
                         R"("client_id":{"file":"../secrets/kommun-client-id"},)"
                         R"("client_secret":{"file":"../secrets/kommun-client-secret"},)"
                         R"("join_key":{"file":"../secrets/kommun-client-id"}})";
    kit.brokenPointer = "/join_key";
    // Plain HTTP: its own tests (tests/http) cover TLS, and certificates cost each kit process ~0.3 s.
    kit.partner = PartnerCase{kData, false, appendBrokenItems, settings, {}};
    kit.sourceFaults = {wrongShape("payments_wrong_shape", FaultKind::kWrongShape, kPayments, 3),
                        wrongShape("participations_invalid_json", FaultKind::kInvalidJson, kParticipations, 0)};
    // truth/kommun.json `final`: its periods of consecutive paid months, and its anonymous (protected included)
    // participations. Every identified one cites a signed consent this hub has not read (there is no förbund
    // register here), so it is held, not placed (core/README.md, pending_citation). The two added items are
    // quarantined alone, each naming its page (endpoint, and cursor past the first page) and its id.
    kit.expected.active = {{"ersattningsperiod", truthCount("forsorjningsstod_periods", "periods")},
                           {"deltagande", truthCount("deltaganden", "anonymous")}};
    kit.expected.quarantined = 2;
    kit.expected.entries = {{"missing_value", "period", "%" + kPayments + "?limit=100&cursor=%",
                             "payment 'EB-2021-900001': period is missing"},
                            {"missing_value", "insats_id", "%" + kParticipations + "?limit=100",
                             "participation 'KD-2021-90001': insats_id is missing"}};
    kit.batchSize = 200;
    return kit;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(KommunApi, ConnectorKit,
                         ::testing::Combine(::testing::Values(kommunApi()), ::testing::ValuesIn(allBackends())),
                         connectorKitName);

}  // namespace finsam::testing
