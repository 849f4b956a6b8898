// tests/partner_server/parsing_test.cpp — the small readers the APIs rely on: FHIR times as instants,
// query strings, kommun cursors.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "tests/partner_server/fhir_instant.h"
#include "tests/partner_server/kommun_cursor.h"
#include "tests/partner_server/query_string.h"

namespace finsam::testing::partner {
namespace {

TEST(FhirTime, ReadsEveryPrecisionAsAnInstant) {
    EXPECT_EQ(parseFhirTimeMillis("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parseFhirTimeMillis("1970-01-01"), 0);
    EXPECT_EQ(parseFhirTimeMillis("1970"), 0);
    EXPECT_EQ(parseFhirTimeMillis("1970-02"), 31LL * 86400 * 1000);
    EXPECT_EQ(parseFhirTimeMillis("1970-01-01T01:00:00+01:00"), 0);
    EXPECT_EQ(parseFhirTimeMillis("1969-12-31T23:00:00-01:00"), 0);
    EXPECT_EQ(parseFhirTimeMillis("1970-01-01T00:00:01.25Z"), 1250);
    EXPECT_EQ(parseFhirTimeMillis("1970-01-01T00:01Z"), 60000);
    // Winter and summer time: the same instant written two ways.
    EXPECT_EQ(parseFhirTimeMillis("2020-03-29T03:00:00+02:00"), parseFhirTimeMillis("2020-03-29T01:00:00Z"));
    EXPECT_LT(*parseFhirTimeMillis("2020-10-25T02:30:00+02:00"), *parseFhirTimeMillis("2020-10-25T02:00:00+01:00"));
    for (const char* bad : {"", "2020-02-30", "2020-13-01", "2020-01-01T25:00:00Z", "2020-01-01T10:00:00+1",
                            "2020-01-01 10:00:00", "20200101", "2020-01-01T10:00:00Zjunk", "2020-01-01T10"}) {
        EXPECT_EQ(parseFhirTimeMillis(bad), std::nullopt) << bad;
    }
}

TEST(QueryString, DecodesPercentEscapesAndKeepsPlusInUrls) {
    const auto query = parseQuery("_lastUpdated=ge2020-01-01T02:00:00+01:00&_include=Consent%3Apatient&flag&&x=%zz",
                                  false);
    EXPECT_EQ(firstValue(query, "_lastUpdated"), "ge2020-01-01T02:00:00+01:00");
    EXPECT_EQ(firstValue(query, "_include"), "Consent:patient");
    EXPECT_EQ(firstValue(query, "flag"), "");
    EXPECT_EQ(firstValue(query, "x"), "%zz");
    EXPECT_EQ(firstValue(query, "missing"), std::nullopt);
    EXPECT_EQ(firstValue(parseQuery("secret=a+b%2Bc", true), "secret"), "a b+c");
    EXPECT_EQ(parseBoundedInteger("1000", 1, 1000), 1000);
    EXPECT_EQ(parseBoundedInteger("1001", 1, 1000), std::nullopt);
    EXPECT_EQ(parseBoundedInteger("5x", 1, 1000), std::nullopt);
}

TEST(KommunCursor, NamesAPositionOfOneEndpointOnly) {
    const std::string cursor = encodeCursor("/api/v1/finsam/deltaganden", 1500);
    EXPECT_EQ(cursor.size(), 16u);
    EXPECT_EQ(cursor, encodeCursor("/api/v1/finsam/deltaganden", 1500)) << "stable across servers";
    EXPECT_EQ(decodeCursor("/api/v1/finsam/deltaganden", cursor), 1500u);
    EXPECT_EQ(decodeCursor("/api/v1/forsorjningsstod/utbetalningar", cursor), std::nullopt);
    EXPECT_NE(encodeCursor("/api/v1/finsam/deltaganden", 1501), cursor);
    std::string typo = cursor;
    typo[3] = typo[3] == 'a' ? 'b' : 'a';
    EXPECT_EQ(decodeCursor("/api/v1/finsam/deltaganden", typo), std::nullopt);
    EXPECT_EQ(decodeCursor("/api/v1/finsam/deltaganden", "xyz"), std::nullopt);
}

}  // namespace
}  // namespace finsam::testing::partner
