// tests/plugins/http_client/tls_test.cpp — certificate verification against a throw-away CA.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "finsam/http_client/http_client.h"
#include "recorded_waits.h"
#include "tests/support/loopback_server.h"
#include "tests/support/test_certificates.h"

namespace finsam::http_client {
namespace {

using finsam::testing::LoopbackServer;
using finsam::testing::testCertificates;

LoopbackServer::Handler answerOk() {
    return [](auto&, auto& response) { LoopbackServer::reply(response, 200, "secure"); };
}

TEST(HttpClientTls, ServerSignedByTheConfiguredCaIsAcceptedAndItsConnectionReused) {
    LoopbackServer server(answerOk(), testCertificates().serverFiles());
    ClientOptions options;
    options.tls.caFile = testCertificates().caFile;
    Client client(options);

    EXPECT_EQ(client.get(server.url("/fhir/metadata")).body, "secure");
    EXPECT_EQ(client.get(server.url("/fhir/Patient")).body, "secure");
    EXPECT_EQ(server.connectionCount(), 1);
}

TEST(HttpClientTls, ServerSignedByAnotherCaFailsAtOnceWithAClearMessage) {
    LoopbackServer server(answerOk(), testCertificates().serverFiles());
    ClientOptions options;
    options.tls.caFile = testCertificates().otherCaFile;
    Client client(options);
    testing::RecordedWaits recorded;
    recorded.attachTo(client);

    try {
        client.get(server.url("/fhir/metadata"));
        FAIL() << "the certificate was accepted";
    } catch (const HttpError& error) {
        EXPECT_EQ(error.kind(), FailureKind::kTls);
        EXPECT_EQ(error.status(), 0);
        const std::string message = error.what();
        const std::string start = "TLS verification of https://127.0.0.1:" + std::to_string(server.port()) + " failed: ";
        EXPECT_EQ(message.rfind(start, 0), 0u) << message;
        EXPECT_NE(message.find("certificate"), std::string::npos) << message;
        EXPECT_TRUE(message.ends_with("(check tls.ca_file)")) << message;
    }
    EXPECT_TRUE(recorded.waits.empty());  // a wrong CA does not get better by retrying
    EXPECT_EQ(client.timing().requests, 1);
    EXPECT_EQ(server.requestCount(), 0u);
}

TEST(HttpClientTls, VerificationOffAcceptsAnyCertificate) {
    LoopbackServer server(answerOk(), testCertificates().serverFiles());
    ClientOptions options;
    options.tls.verify = false;
    Client client(options);

    EXPECT_EQ(client.get(server.url("/fhir/metadata")).body, "secure");
}

}  // namespace
}  // namespace finsam::http_client
