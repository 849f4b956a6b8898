// connectors/region-fhir/tests/http/region_https_test.cpp — the same server over TLS with a certificate made
// for the test (tests/support/test_certificates.h): the region's CA in tls.ca_file reads everything; another
// CA fails the run naming the host and the setting to check.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "http/region_partner_fixture.h"
#include "tests/support/test_certificates.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

class RegionHttps : public RegionPartnerFixture {
protected:
    RegionHttps() : RegionPartnerFixture(finsam::testing::testCertificates().serverFiles()) {}

    void trust(const std::string& caFile) { extraSettings = R"("tls":{"ca_file":")" + caFile + R"(","verify":true})"; }
};

TEST_F(RegionHttps, WithTheRegionsCaTheReadEqualsTheRecordedRead) {
    ASSERT_EQ(server->regionBaseUrl().rfind("https://127.0.0.1:", 0), 0u);
    trust(finsam::testing::testCertificates().caFile);
    const HostRun read = run();
    ASSERT_TRUE(read.drained) << read.result.message;
    EXPECT_EQ(contentOf(read.saved), contentOf(recordedRead().collected));
    EXPECT_LE(server->loopback().connectionCount(), 2) << "one TLS handshake, the connection reused";
}

TEST_F(RegionHttps, WithAnotherCaTheRunFailsNamingTheHostAndTheCaSetting) {
    trust(finsam::testing::testCertificates().otherCaFile);
    const HostRun failed = run();
    EXPECT_EQ(failed.result.status, sdk::Status::kSourceUnavailable) << failed.result.message;
    const std::string& message = failed.result.message;
    EXPECT_NE(message.find("TLS verification of https://127.0.0.1:" + std::to_string(server->port())),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("check tls.ca_file"), std::string::npos) << message;
    EXPECT_EQ(failed.checkpoint, "");
    EXPECT_TRUE(failed.saved.records.empty());
    EXPECT_EQ(server->requestCount(), 0u) << "no request, so no token, went out";
    expectNothingSecretIn({&failed});
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
