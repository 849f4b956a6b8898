// tests/core/http/request_limits_test.cpp — what a hostile client can send: oversized bodies, targets and query
// values are refused without being buffered, and no path reaches a file outside the embedded admin page.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>

#include <string>

#include "tests/core/http/api_client.h"
#include "tests/core/http/api_fixture.h"

namespace finsam::testing {
namespace {

constexpr const char* kValidate = "/v1/admin/connectors/validate";
constexpr std::size_t kConfigLimit = 256 * 1024;

// Sends raw bytes and returns everything the server answers until it closes or keeps quiet. Writes that fail
// because the server has already answered and closed are expected: a refused body is not read to its end.
std::string rawExchange(std::uint16_t port, const std::string& head, const std::string& body,
                        std::size_t chunk = 16 * 1024) {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    try {
        socket.sendBytes(head.data(), static_cast<int>(head.size()));
        for (std::size_t at = 0; at < body.size(); at += chunk) {
            const std::string piece = body.substr(at, chunk);
            std::ostringstream framed;
            framed << std::hex << piece.size() << "\r\n" << piece << "\r\n";
            const std::string bytes = framed.str();
            socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
        }
        if (!body.empty()) {
            socket.sendBytes("0\r\n\r\n", 5);
        }
    } catch (const Poco::Exception&) {
    }
    std::string answer;
    char buffer[4096];
    try {
        for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;) {
            answer.append(buffer, static_cast<std::size_t>(n));
            if (answer.find("\r\n\r\n") != std::string::npos && answer.find("}") != std::string::npos) {
                break;
            }
        }
    } catch (const Poco::Exception&) {
    }
    return answer;
}

std::string postHead(const std::string& framing) {
    return std::string("POST ") + kValidate + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + kAdminToken +
           "\r\nContent-Type: application/json\r\n" + framing + "\r\n";
}

class RequestLimitsTest : public ::testing::Test {
protected:
    RequestLimitsTest() : api_(TestBackend::kSqlite) {}
    ApiFixture api_;
};

TEST_F(RequestLimitsTest, ABodyDeclaredOverTheLimitIsRefused413BeforeItIsSent) {
    const std::string answer =
        rawExchange(api_.port(), postHead("Content-Length: " + std::to_string(64 * 1024 * 1024) + "\r\n"), "");
    EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
    EXPECT_NE(answer.find("\"payload_too_large\""), std::string::npos) << answer;
    EXPECT_NE(Poco::toLower(answer).find("connection: close"), std::string::npos)
        << "the unread body ends the connection: " << answer;
}

TEST_F(RequestLimitsTest, AChunkedBodyIsRefused413OnceItPassesTheLimit) {
    const std::string body(kConfigLimit + 64 * 1024, ' ');
    const std::string answer = rawExchange(api_.port(), postHead("Transfer-Encoding: chunked\r\n"), body);
    EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer.substr(0, 200);
    EXPECT_NE(answer.find("larger than 256 KiB"), std::string::npos) << answer.substr(0, 400);
}

TEST_F(RequestLimitsTest, ABodyAtTheLimitIsRead) {
    const std::string config = R"({"id":"x","plugin":"forbund-csv","organisation":"forbund-a","settings":{}})";
    const std::string body = config + std::string(kConfigLimit - config.size(), ' ');
    auto response = apiPost(api_.port(), kValidate, kAdminToken, body);
    EXPECT_EQ(response.status, 200) << response.body;
    EXPECT_NE(response.body.find("\"valid\""), std::string::npos) << response.body;
}

TEST_F(RequestLimitsTest, OversizedTargetsAndQueryValuesAreRefusedWithoutTouchingTheStore) {
    auto longTarget = api_.get("/v1/feed?after=0&types=" + std::string(9000, 'a'), kReaderToken);
    EXPECT_EQ(longTarget.status, 414) << longTarget.body;
    EXPECT_NE(longTarget.body.find("\"uri_too_long\""), std::string::npos) << longTarget.body;

    auto longValue = api_.get("/v1/feed?types=" + std::string(3000, 'x'), kReaderToken);
    EXPECT_EQ(longValue.status, 400) << longValue.body;
    EXPECT_NE(longValue.body.find("types: longer than 2048 bytes"), std::string::npos) << longValue.body;
    EXPECT_EQ(longValue.body.find(std::string(100, 'x')), std::string::npos) << "the value is not echoed";

    auto longName = api_.get("/v1/feed?" + std::string(3000, 'n') + "=1", kReaderToken);
    EXPECT_EQ(longName.status, 400) << longName.body;
    EXPECT_LT(longName.body.size(), 300u) << "a long name is cut in the message";

    // Beyond what Poco reads at all, the connection gets a plain 400.
    auto huge = rawExchange(api_.port(),
                            "GET /v1/feed?x=" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "");
    EXPECT_EQ(huge.rfind("HTTP/1.1 400", 0), 0u) << huge.substr(0, 200);
}

TEST_F(RequestLimitsTest, NoPathReachesAFileOutsideTheEmbeddedAdminPage) {
    for (const char* target :
         {"/admin/../openapi.json", "/admin/..%2f..%2f..%2fetc%2fpasswd", "/admin/%2e%2e/%2e%2e/etc/passwd",
          "/admin/....//....//etc/passwd", "/admin/index.html%00.js", "/admin//etc/passwd", "/admin/%252e%252e%252fhub.json",
          "/admin/.%2e/.%2e/proc/self/environ", "/admin/%2fetc%2fpasswd", "/admin/index.html/..", "/admin/~root",
          "/admin/..\\..\\etc\\passwd", "/admin/CMakeLists.txt", "/admin/admin.js.map"}) {
        SCOPED_TRACE(target);
        auto response = api_.get(target, kAdminToken);
        EXPECT_TRUE(response.status == 404 || response.status == 400) << response.status;
        for (const char* fileContent : {"root:", "PATH=", "cmake_minimum_required", "\"openapi\""}) {
            EXPECT_EQ(response.body.find(fileContent), std::string::npos) << response.body.substr(0, 200);
        }
    }
    EXPECT_EQ(api_.get("/admin/index.html").status, 200) << "the page itself is served";
}

}  // namespace
}  // namespace finsam::testing
