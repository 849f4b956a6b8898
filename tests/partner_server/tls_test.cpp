// tests/partner_server/tls_test.cpp — the partner server over HTTPS with the generated test certificate:
// trusted through the right CA, refused through another.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "tests/partner_server/partner_server.h"
#include "tests/partner_server/test_support/generated_data.h"
#include "tests/partner_server/test_support/partner_clients.h"
#include "tests/support/test_certificates.h"

namespace finsam::testing {
namespace {

class PartnerTlsTest : public ::testing::Test {
protected:
    PartnerServer server_{PartnerServerOptions{.data = generatedData().dir, .tls = testCertificates().serverFiles()}};
};

TEST_F(PartnerTlsTest, BothApisWorkThroughTheRightCa) {
    EXPECT_EQ(server_.regionBaseUrl().rfind("https://127.0.0.1:", 0), 0u);
    auto region = regionClient(server_);
    const auto pages = followSearch(*region, searchUrl(server_, "Consent", std::nullopt, 100));
    ASSERT_GT(pages.size(), 1u);
    EXPECT_EQ(linkUrl(pages.front(), "next").rfind(server_.regionBaseUrl(), 0), 0u);

    auto kommun = kommunClient(server_);
    const KommunRun run = drainKommun(*kommun, server_, kDeltagandenEndpoint, 1000);
    EXPECT_EQ(static_cast<std::int64_t>(run.ids.size()),
              generatedData().kommunTruth["endpoints"][1]["items"].GetInt64());
    EXPECT_EQ(server_.tokensIssued(), 1);
}

TEST_F(PartnerTlsTest, AClientTrustingAnotherCaIsRefused) {
    auto options = fastClientOptions(server_);
    options.tls.caFile = testCertificates().otherCaFile;
    try {
        regionClient(server_, options)->get(searchUrl(server_, "Consent", std::nullopt, 10), fhirHeaders());
        ADD_FAILURE() << "the server's certificate must not be trusted";
    } catch (const http::HttpError& error) {
        EXPECT_EQ(error.kind(), http::FailureKind::kTls);
    }
}

}  // namespace
}  // namespace finsam::testing
