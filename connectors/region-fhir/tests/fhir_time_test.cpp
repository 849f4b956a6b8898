// connectors/region-fhir/tests/fhir_time_test.cpp — instants as points in time, dates in Swedish time.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "fhir_time.h"

namespace finsam::connectors::region_fhir {
namespace {

TEST(FhirTime, InstantsWithDifferentOffsetsCompareAsPointsInTime) {
    const auto winter = parseInstant("2018-03-24T02:00:00+01:00");
    const auto summer = parseInstant("2018-03-31T02:00:00+02:00");
    const auto utc = parseInstant("2018-03-24T01:00:00Z");
    ASSERT_TRUE(winter && summer && utc);
    EXPECT_LT(*winter, *summer);
    EXPECT_EQ(*winter, *utc);
    // As text "…T02:00:00+02:00" would sort after "…T01:30:00Z" though it is earlier.
    EXPECT_LT(*parseInstant("2019-06-01T02:00:00+02:00"), *parseInstant("2019-06-01T01:30:00Z"));
}

TEST(FhirTime, FractionsCount) {
    EXPECT_LT(*parseInstant("2019-01-01T00:00:00Z"), *parseInstant("2019-01-01T00:00:00.001Z"));
    EXPECT_EQ(*parseInstant("2019-01-01T00:00:00.5Z"), *parseInstant("2019-01-01T00:00:00.500000000Z"));
}

TEST(FhirTime, RefusesWhatIsNoInstant) {
    for (const char* text : {"", "2019-01-01", "2019-01-01T00:00:00", "2019-02-30T00:00:00Z",
                             "2019-01-01T24:00:00Z", "2019-01-01T00:00:00+0100", "2019-01-01T00:00:00.Z",
                             "2019-01-01 00:00:00Z", "2019-01-01T00:00:00Zx"}) {
        EXPECT_FALSE(parseInstant(text).has_value()) << text;
    }
}

TEST(FhirTime, DatesAreReadInSwedishLocalTime) {
    EXPECT_EQ(swedishDate("2019-03-17"), "2019-03-17");
    EXPECT_EQ(swedishDate("2019-03-31T23:30:00Z"), "2019-04-01");  // CEST: 01:30 next day
    EXPECT_EQ(swedishDate("2019-01-31T23:30:00Z"), "2019-02-01");  // CET: 00:30 next day
    EXPECT_EQ(swedishDate("2019-01-31T22:30:00Z"), "2019-01-31");
    EXPECT_EQ(swedishDate("2018-03-31T10:00:00+02:00"), "2018-03-31");
    // Summer time starts on the last Sunday of March at 01:00 UTC (2019-03-31) and ends on the last Sunday
    // of October at 01:00 UTC (2019-10-27).
    EXPECT_EQ(swedishDate("2019-03-30T22:59:59Z"), "2019-03-30");  // 23:59:59 CET
    EXPECT_EQ(swedishDate("2019-10-26T22:30:00Z"), "2019-10-27");  // 00:30 CEST
    EXPECT_EQ(swedishDate("2019-10-27T22:30:00Z"), "2019-10-27");  // 23:30 CET
    EXPECT_FALSE(swedishDate("2019-03").has_value());
    EXPECT_FALSE(swedishDate("2019-02-30").has_value());
}

TEST(FhirTime, YearOfABirthDate) {
    EXPECT_EQ(yearOfDate("1987-10-04"), "1987");
    EXPECT_EQ(yearOfDate("1987-10"), "1987");
    EXPECT_EQ(yearOfDate("1987"), "1987");
    EXPECT_FALSE(yearOfDate("1987-13").has_value());
    EXPECT_FALSE(yearOfDate("87-10-04").has_value());
    EXPECT_FALSE(yearOfDate("1987-10-04T00:00:00Z").has_value());
}

}  // namespace
}  // namespace finsam::connectors::region_fhir
