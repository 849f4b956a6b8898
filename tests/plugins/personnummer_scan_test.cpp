// tests/plugins/personnummer_scan_test.cpp — holdsPersonnummer(): a real number in any spelling, and nothing else.
// SPDX-License-Identifier: Apache-2.0
#include "personnummer_scan.h"

#include <gtest/gtest.h>

namespace finsam::sdk::toolkit {
namespace {

// Generated numbers (valid date and check digit), never a real person's.
TEST(PersonnummerScan, FindsAValidNumberInEverySpellingAnywhereInTheText) {
    for (const char* yes : {"198507099805", "19850709-9805", "8507099805", "850709-9805", "850709+9805",
                            "19850709--9805", "850709.9805", "850709 9805", "19850709\xE2\x80\x93" "9805",
                            "198507699802", "8507699802", "EOC-198507099805", "x8507099805y", "a/19900101-1239/b",
                            "SN-9001611236"}) {
        EXPECT_TRUE(holdsPersonnummer(yes)) << yes;
    }
}

TEST(PersonnummerScan, PassesOverWhatOnlyLooksLikeOne) {
    for (const char* no : {"", "e1", "198507099806",  // check digit
                           "198513099805",            // month 13
                           "222000-1230", "2220001230",  // an organisation number: month 20
                           "1985070998051", "98507099805", "85070-99805", "19850709-----9805",
                           "2019-03-15", "20240101-20241231", "fk/2009-SJP-0000001/2009-03-10",
                           "3f2a9c10-1234-5678-9012-123456789012",
                           "19850709-9805-4a6b-8c9d-0123456789ab",   // a UUID whose groups read as a number
                           "3f2a9c10-1234-5678-9012-198507099805"}) {  // and one whose last group does
        EXPECT_FALSE(holdsPersonnummer(no)) << no;
    }
    // Only the UUID itself is passed over.
    EXPECT_TRUE(holdsPersonnummer("19850709-9805-4a6b-8c9d-0123456789ab 19850709-9805"));
}

}  // namespace
}  // namespace finsam::sdk::toolkit
