// connectors/region-fhir/tests/patient_identity_test.cpp — identifier systems, the protection label, and the
// checks of the 12-digit numbers.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "patient_identity.h"
#include "region_test_support.h"
#include "swedish_identity.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

PatientReading readText(const std::string& json) {
    static rapidjson::Document document;  // readPatient keeps no reference; static keeps the test short
    document.Parse(json.c_str());
    return readPatient(document, Pointer() / "entry" / 4 / "resource");
}

TEST(NationalNumber, AcceptsValidNumbersOfTheRightKind) {
    EXPECT_FALSE(nationalNumberProblem(kPnrA, NationalKind::kPersonnummer));
    EXPECT_FALSE(nationalNumberProblem("19850709-9805", NationalKind::kPersonnummer));
    EXPECT_FALSE(nationalNumberProblem(kSamordningsnummer, NationalKind::kSamordningsnummer));
    EXPECT_EQ(twelveDigits("19850709-9805"), kPnrA);
}

TEST(NationalNumber, RefusesWithoutQuoting) {
    const std::pair<const char*, const char*> cases[] = {
        {"8507099805", "12 digits"},          {"19850709+9805", "12 digits"},
        {"1985070998O5", "12 digits"},        {"198502309801", "birth date"},
        {"198507099806", "check digit"},      {"198513099809", "birth date"},
    };
    for (const auto& [value, reason] : cases) {
        auto problem = nationalNumberProblem(value, NationalKind::kPersonnummer);
        ASSERT_TRUE(problem.has_value()) << value;
        EXPECT_NE(problem->find(reason), std::string::npos) << value << ": " << *problem;
        EXPECT_EQ(problem->find(value), std::string::npos);
    }
    EXPECT_NE(nationalNumberProblem(kSamordningsnummer, NationalKind::kPersonnummer)->find("samordningsnummer"),
              std::string::npos);
    EXPECT_TRUE(nationalNumberProblem(kPnrA, NationalKind::kSamordningsnummer).has_value());
}

TEST(PatientIdentity, PersonnummerWinsOverSamordningsnummerAndAReservnummerIsKeptAsSent) {
    std::string both = patient({.id = "p", .personnummer = kPnrA, .samordningsnummer = kSamordningsnummer,
                                .reservnummer = "SLL-R-1"});
    auto reading = readText(both);
    ASSERT_TRUE(reading.facts.has_value());
    EXPECT_EQ(reading.facts->nationalNumber, kPnrA);
    EXPECT_EQ(reading.facts->reservnummer, "SLL-R-1");
    EXPECT_FALSE(reading.facts->protectedIdentity);
    EXPECT_EQ(reading.facts->gender, "female");
    EXPECT_EQ(reading.facts->birthYear, "1985");

    reading = readText(patient({.id = "p", .reservnummer = "SLL-R-1"}));
    ASSERT_TRUE(reading.facts.has_value());
    EXPECT_FALSE(reading.facts->nationalNumber.has_value());
    EXPECT_EQ(reading.facts->reservnummer, "SLL-R-1");
}

TEST(PatientIdentity, TwoDifferentReservnummerAreAmbiguous) {
    std::string text = patient({.id = "p", .reservnummer = "SLL-R-1"});
    const std::string second = R"({"system":"urn:oid:1.2.752.97.3.1.3","value":"SLL-R-2"})";
    text.insert(text.find("\"identifier\":[") + 14, second + ",");
    auto reading = readText(text);
    ASSERT_TRUE(reading.fault.has_value()) << text;
    EXPECT_EQ(reading.fault->code, "ambiguous_identity");
    const std::string tail = "/identifier/1/value";
    ASSERT_GE(reading.fault->pointer.size(), tail.size());
    EXPECT_EQ(reading.fault->pointer.substr(reading.fault->pointer.size() - tail.size()), tail);
}

TEST(PatientIdentity, RestrictedAndVeryRestrictedAreProtected) {
    EXPECT_TRUE(readText(patient({.id = "p", .personnummer = kPnrA, .restricted = true})).facts->protectedIdentity);
    std::string veryRestricted = patient({.id = "p", .personnummer = kPnrA, .restricted = true});
    veryRestricted.replace(veryRestricted.find("\"code\":\"R\""), 10, "\"code\":\"V\"");
    EXPECT_TRUE(readText(veryRestricted).facts->protectedIdentity);
    std::string normal = patient({.id = "p", .personnummer = kPnrA, .restricted = true});
    normal.replace(normal.find("\"code\":\"R\""), 10, "\"code\":\"N\"");
    EXPECT_FALSE(readText(normal).facts->protectedIdentity);
}

TEST(PatientIdentity, FaultsNameThePointer) {
    auto reading = readText(patient({.id = "p", .personnummer = "198507099806"}));
    ASSERT_TRUE(reading.fault.has_value());
    EXPECT_EQ(reading.fault->pointer, "/entry/4/resource/identifier/0/value");
    EXPECT_EQ(reading.fault->code, "bad_identifier");

    reading = readText(R"({"resourceType":"Patient","id":"p","identifier":[{"system":"urn:oid:1.2.752.129.2.1.3.1"}]})");
    ASSERT_TRUE(reading.fault.has_value());
    EXPECT_EQ(reading.fault->pointer, "/entry/4/resource/identifier/0/value");

    reading = readText(R"({"resourceType":"Patient","id":"p","identifier":{"system":"x"}})");
    ASSERT_TRUE(reading.fault.has_value());
    EXPECT_EQ(reading.fault->pointer, "/entry/4/resource/identifier");

    reading = readText(patient({.id = "p", .personnummer = kPnrA, .birthDate = "09/07/1985"}));
    ASSERT_TRUE(reading.fault.has_value());
    EXPECT_EQ(reading.fault->pointer, "/entry/4/resource/birthDate");
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
