// tests/connectors/region_fhir_kit_test.cpp — region-fhir through the connector test kit: the partner test
// server (HTTPS, bearer token) serving the generated region, plus two resources the spec quarantines alone,
// and broken pages (invalid JSON, not a Bundle, an unknown resource type) that are refused whole.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include "core/common/json.h"
#include "tests/support/connector_kit.h"

namespace finsam::testing {
namespace {

const std::string kData = FINSAM_KIT_PARTNER_DATA;  // finsam-gen region, made at build time (tests/CMakeLists.txt)
const std::string kEpisodes = "/R4/EpisodeOfCare";

// Later than every generated update, so they come on the search's last page.
void putBrokenResources(PartnerServer& server) {
    // A patient whose personnummer has a wrong check digit (…5986 is valid), and its episode.
    server.putRegionResource(R"({"resourceType":"Patient","id":"pat-kit-1","meta":{"versionId":"1",
        "lastUpdated":"2021-01-04T10:00:00+01:00"},"identifier":[{"system":"urn:oid:1.2.752.129.2.1.3.1",
        "value":"196510235987"}],"gender":"female","birthDate":"1965-10-23"})");
    server.putRegionResource(R"({"resourceType":"EpisodeOfCare","id":"eoc-kit-bad-identifier","meta":{
        "versionId":"1","lastUpdated":"2021-01-05T10:00:00+01:00"},"status":"active",
        "patient":{"reference":"Patient/pat-kit-1"},"period":{"start":"2021-01-04"},
        "identifier":[{"system":"urn:finsam:insats","value":"FB-STHLM-2018-02"}]})");
    // An episode that names no patient.
    server.putRegionResource(R"({"resourceType":"EpisodeOfCare","id":"eoc-kit-no-patient","meta":{
        "versionId":"1","lastUpdated":"2021-01-06T10:00:00+01:00"},"status":"active",
        "period":{"start":"2021-01-04"},"identifier":[{"system":"urn:finsam:insats","value":"FB-STHLM-2018-02"}]})");
}

std::string settings(const PartnerAccess& access) {
    return "{\"base_url\":" + common::jsonQuote(access.server.regionBaseUrl()) +
           ",\"token\":" + access.secretFile("region-fhir.token", access.server.options().regionToken) +
           ",\"tls\":" + access.tlsJson +
           // Pages of 13 make two batches per search (25 consents; 14 episodes and the 2 added): crash points
           // inside and between the searches, few enough to stay quick. Retries fast: faults are the server's.
           ",\"page_size\":13,\"timeouts\":{\"connect_seconds\":5,\"request_seconds\":10},"
           "\"retries\":{\"max_attempts\":2,\"base_delay_ms\":1,\"max_delay_seconds\":1}}";
}

std::int64_t truthCount(const char* a, const char* b) {
    rapidjson::Document truth = common::readJsonFile(kData + "/truth/region.json");
    return truth["final"][a][b].GetInt64();
}

SourceFault refusedPage(const std::string& name, FaultKind kind, const std::string& code) {
    // The second EpisodeOfCare page: reached by a next link, after a committed one.
    return {name, Fault::malformed(kind, kEpisodes).afterRequests(1), "", code};
}

ConnectorKitCase regionFhir() {
    ConnectorKitCase kit;
    kit.name = "region_fhir";
    kit.instance = {"region", "region-fhir", "region-01",
                    std::string(FINSAM_SOURCE_DIR) + "/config/mappings/region-fhir.json", nullptr};
    kit.exampleSettings = std::string(FINSAM_SOURCE_DIR) + "/config/examples/region-fhir.settings.json";
    // check() finds what the schema cannot: the CA file is not there.
    kit.brokenSettings = R"({"base_url":"https://fhir.region.test/R4","token":{"file":"../secrets/region-fhir.token"},)"
                         R"("tls":{"ca_file":"/no/such/region-ca.pem"}})";
    kit.brokenPointer = "/tls/ca_file";
    kit.partner = PartnerCase{kData, true, putBrokenResources, settings, {"_getpages"}};
    kit.sourceFaults = {refusedPage("invalid_json", FaultKind::kInvalidJson, "invalid_json"),
                        refusedPage("not_a_bundle", FaultKind::kWrongShape, "not_a_bundle"),
                        refusedPage("unknown_resource_type", FaultKind::kUnknownResourceType,
                                    "unknown_resource_type")};
    // truth/region.json `final`: every FINSAM episode is a participation, every consent a samtycke. The two
    // added episodes are quarantined alone, each with the JSON pointer at fault.
    kit.expected.active = {{"deltagande", truthCount("episodes", "finsam_participations")},
                           {"samtycke", truthCount("consents", "total")}};
    kit.expected.quarantined = 2;
    kit.expected.entries = {{"bad_identifier", "/entry/%/resource/identifier/0/value", "%" + kEpisodes + "?%",
                             "%eoc-kit-bad-identifier%"},
                            {"missing_patient", "/entry/%/resource/patient/reference", "%" + kEpisodes + "?%",
                             "%eoc-kit-no-patient%"}};
    return kit;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(RegionFhir, ConnectorKit,
                         ::testing::Combine(::testing::Values(regionFhir()), ::testing::ValuesIn(allBackends())),
                         connectorKitName);

}  // namespace finsam::testing
