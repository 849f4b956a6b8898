// tests/core/identity/redactor_test.cpp — anything shaped like a personnummer becomes "[pnr]".
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/redactor.h"

#include <gtest/gtest.h>

#include <string>

namespace finsam::identity {
namespace {

struct Case {
    const char* input;
    const char* expected;
};

TEST(Redactor, ReplacesEveryIdentityShape) {
    const Case cases[] = {
        {"199001011239", "[pnr]"},
        {"9001011239", "[pnr]"},
        {"900101-1239", "[pnr]"},
        {"900101+1239", "[pnr]"},
        {"900101 1239", "[pnr]"},
        {"19900101-1239", "[pnr]"},
        {"19900101+1239", "[pnr]"},
        {"19900101 1239", "[pnr]"},
        {"900101 - 1239", "[pnr]"},
        {"19900101 -1239", "[pnr]"},
        {"19900101- 1239", "[pnr]"},
        {"900101--1239", "[pnr]"},
        {"900101\xE2\x80\x93" "1239", "[pnr]"},
        {"19900101\xC2\xA0" "1239", "[pnr]"},
        {"pnr=199001011239;", "pnr=[pnr];"},
        {"a 900101-1238 b", "a [pnr] b"},  // validity is ignored
        {"x9001011239y", "x[pnr]y"},
        {"900101-1239,19900101-1247", "[pnr],[pnr]"},
        {"{\"id\":\"0905271474\"}", "{\"id\":\"[pnr]\"}"},
        {"line1\n19090527 1474\nline3", "line1\n[pnr]\nline3"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(redactIdentities(c.input), c.expected) << c.input;
        EXPECT_TRUE(containsIdentityLike(c.input)) << c.input;
    }
}

TEST(Redactor, LeavesOtherTextAlone) {
    for (const char* text : {"", "no digits here", "2024-01-31", "12:30:00", "id 123456789",
                             "12345678901", "1234567890123", "900101-123", "900101-12390",
                             "9001011-1239", "90010-1239", "900101-----1239",
                             "amount 1 234 567", "ÅÄÖ åäö"}) {
        EXPECT_EQ(redactIdentities(text), text) << text;
        EXPECT_FALSE(containsIdentityLike(text)) << text;
    }
}

TEST(Redactor, PreservesTextAroundMatches) {
    const std::string text =
        "error: row 17 has personnummer 900101-1239 and 20000229-1235 (tel 08-123)";
    EXPECT_EQ(redactIdentities(text),
              "error: row 17 has personnummer [pnr] and [pnr] (tel 08-123)");
}

TEST(Redactor, LogTextLosesSecretsAsWellAsNumbers) {
    EXPECT_EQ(redactLogText("GET with Authorization: Bearer abc123def"), "GET with Authorization: [secret] [secret]");
    EXPECT_EQ(redactLogText("curl -H 'authorization: Basic dXNlcjpwdw=='"), "curl -H 'authorization: [secret] [secret]'");
    EXPECT_EQ(redactLogText("url https://x/api?token=s3cr3t&page=2"), "url https://x/api?token=[secret]&page=2");
    EXPECT_EQ(redactLogText(R"({"password": "hunter2", "user": "u"})"), R"({"password": "[secret]", "user": "u"})");
    EXPECT_EQ(redactLogText("client_secret=abc; api_key:xyz"), "client_secret=[secret]; api_key:[secret]");
    EXPECT_EQ(redactLogText("person 900101-1239 with PASSWD=pw"), "person [pnr] with PASSWD=[secret]");
    // Words that only look like keys stay: no separator after them.
    EXPECT_EQ(redactLogText("connector af: pause by token admin"), "connector af: pause by token admin");
    EXPECT_EQ(redactLogText("the token lacks scope admin"), "the token lacks scope admin");
}

}  // namespace
}  // namespace finsam::identity
