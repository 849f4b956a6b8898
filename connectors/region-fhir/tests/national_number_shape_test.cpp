// connectors/region-fhir/tests/national_number_shape_test.cpp — holdsNationalNumber(): what keeps a number
// out of resource ids that would become keys.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "swedish_identity.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

TEST(NationalNumberShape, TheShapeIsTenOrTwelveDigitsWithARealDateAndTheCheckDigit) {
    for (const char* yes : {"198507099805", "19850709-9805", "8507099805", "850709-9805", "850709+9805",
                            "198507699802", "8507699802", "EOC-198507099805", "x8507099805y"}) {
        EXPECT_TRUE(holdsNationalNumber(yes)) << yes;
    }
    for (const char* no : {"", "e1", "198507099806", "198513099805", "19850709--9805", "1985070998051",
                           "98507099805", "85070-99805", "2019-03-15", "3f2a9c10-1234-5678-9012-123456789012"}) {
        EXPECT_FALSE(holdsNationalNumber(no)) << no;
    }
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
