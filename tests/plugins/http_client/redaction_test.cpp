// tests/plugins/http_client/redaction_test.cpp — what redact() hides and what it must leave readable.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "finsam/http_client/http_error.h"
#include "finsam/http_client/redaction.h"

namespace finsam::http_client {
namespace {

TEST(Redaction, ReplacesEverySecretLongestFirst) {
    EXPECT_EQ(redact("token abc123XYZ used twice: abc123XYZ", {"abc123XYZ"}),
              "token [redacted] used twice: [redacted]");
    EXPECT_EQ(redact("key abcdef", {"abc", "abcdef"}), "key [redacted]");
    EXPECT_EQ(redact("nothing to hide", {""}), "nothing to hide");
}

TEST(Redaction, HidesBearerTokens) {
    EXPECT_EQ(redact("Authorization: Bearer eyJhbGciOi.J9-x_y~z+/=="), "Authorization: Bearer [redacted]");
    EXPECT_EQ(redact("authorization: bearer abc, next"), "authorization: bearer [redacted], next");
    EXPECT_EQ(redact("a bearer token"), "a bearer [redacted]");  // errs on the safe side
}

TEST(Redaction, HidesTokenAndSecretValuesInJsonFormsAndQueries) {
    EXPECT_EQ(redact(R"({"access_token":"t0k.en","token_type":"Bearer","expires_in":3600})"),
              R"({"access_token":"[redacted]","token_type":"Bearer","expires_in":3600})");
    EXPECT_EQ(redact(R"({"access_token" : "with space", "refresh_token": "r"})"),
              R"({"access_token" : "[redacted]", "refresh_token": "[redacted]"})");
    EXPECT_EQ(redact("grant_type=client_credentials&client_id=hub&client_secret=s%2F3x&scope=read"),
              "grant_type=client_credentials&client_id=hub&client_secret=[redacted]&scope=read");
    EXPECT_EQ(redact("GET https://h/api?access_token=abc&x=1"), "GET https://h/api?access_token=[redacted]&x=1");
    EXPECT_EQ(redact("answered without an access_token"), "answered without an access_token");
}

TEST(Redaction, HidesEveryPersonnummerForm) {
    EXPECT_EQ(redact("197405049334"), "[redacted]");
    EXPECT_EQ(redact("7405049334"), "[redacted]");
    EXPECT_EQ(redact("19740504-9334"), "[redacted]");
    EXPECT_EQ(redact("740504-9334"), "[redacted]");
    EXPECT_EQ(redact("740504+9334"), "[redacted]");
    EXPECT_EQ(redact("pnr=740504%2B9334&x=1"), "pnr=[redacted]&x=1");
    EXPECT_EQ(redact("pnr=19740504%2d9334"), "pnr=[redacted]");
    EXPECT_EQ(redact("GET https://r/fhir/Patient?identifier=urn:oid:1.2.752.129.2.1.3.1|197405049334&_count=2"),
              "GET https://r/fhir/Patient?identifier=urn:oid:1.2.752.129.2.1.3.1|[redacted]&_count=2");
    EXPECT_EQ(redact("person 740504-9334 and 19121212+1212."), "person [redacted] and [redacted].");
}

TEST(Redaction, LeavesShortNumbersDatesAndLongIdsAlone) {
    for (const char* text : {"HTTP 200", "2019-01-01", "2019-01-01T10:00:00Z", "https://127.0.0.1:8080/x",
                             "failed after 5 attempts", "20190101", "12345678901", "1234567890123",
                             "2019-0101-1234", "1974050-4933"}) {
        EXPECT_EQ(redact(text), text) << text;
    }
}

TEST(Redaction, HttpErrorMessagesAreRedactedWhenBuilt) {
    const HttpError error(FailureKind::kAuthRefused, 401, "GET /x?pnr=740504-9334 with Bearer s3cr3t and k3y",
                          {"k3y"});
    EXPECT_STREQ(error.what(), "GET /x?pnr=[redacted] with Bearer [redacted] and [redacted]");
    EXPECT_EQ(error.kind(), FailureKind::kAuthRefused);
    EXPECT_EQ(error.status(), 401);
    EXPECT_STREQ(failureKindName(FailureKind::kRetryAfterTooLong), "retry_after_too_long");
}

}  // namespace
}  // namespace finsam::http_client
