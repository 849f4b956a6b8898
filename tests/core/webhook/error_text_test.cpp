// tests/core/webhook/error_text_test.cpp — what is logged and stored about a subscriber holds no credential.
// SPDX-License-Identifier: Apache-2.0
#include "core/webhook/error_text.h"

#include <gtest/gtest.h>

namespace finsam::webhook {
namespace {

TEST(WebhookErrorText, UrlsLoseUserinfoQueryAndFragment) {
    EXPECT_EQ(redactedUrl("https://user:pw@hooks.example.org:8443/in/finsam?token=abc#x"),
              "https://hooks.example.org:8443/in/finsam");
    EXPECT_EQ(redactedUrl("http://127.0.0.1:9000/hook"), "http://127.0.0.1:9000/hook");
    EXPECT_EQ(redactedUrl("https://hooks.example.org/"), "https://hooks.example.org/");
}

TEST(WebhookErrorText, ErrorsLoseUrlCredentialsTheSecretAndNumbers) {
    const std::string text = redactedError(
        "POST https://user:pw@hooks.example.org/in?key=k1 failed: secret s3cr3t-value leaked for 19740504-9334",
        "s3cr3t-value");
    EXPECT_EQ(text.find("pw"), std::string::npos) << text;
    EXPECT_EQ(text.find("key=k1"), std::string::npos) << text;
    EXPECT_EQ(text.find("s3cr3t-value"), std::string::npos) << text;
    EXPECT_EQ(text.find("19740504-9334"), std::string::npos) << text;
    EXPECT_NE(text.find("POST https://hooks.example.org/in failed"), std::string::npos) << text;
}

}  // namespace
}  // namespace finsam::webhook
