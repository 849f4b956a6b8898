// connectors/region-fhir/tests/privacy_test.cpp — no personnummer in any Record.raw, Problem.raw or
// message, warning, rejection, result or log line; names and narrative never leave the connector.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <fstream>

#include "collecting_logger.h"
#include "identity_scan.h"
#include "redacted_raw.h"
#include "region_test_support.h"
#include "test_fetchers.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

TEST(Privacy, NoNumberOrNameOfTheGeneratedWorldLeavesTheConnectorOutsideTheIdentityField) {
    GeneratedRegion region(300, 1, 10);
    // A broken page too, so rejections and warnings are said as well.
    auto fetcher = std::make_shared<GeneratedPagesFetcher>(region.regionDir());
    const auto links = fetcher->nextLinks("Consent");
    ASSERT_FALSE(links.empty());
    std::ofstream(fetcher->fileFor(links.back()), std::ios::trunc) << "{\"resourceType\":\"Bundle\",\"entry\":[";
    sdk::testkit::CollectingLogger logger;
    const auto outcome = drain(fetcher, "", settingsJson(10, "\"rehabkoordinering\":\"kontakt\""), &logger);
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    ASSERT_EQ(outcome.collected.rejections.size(), 1u);
    ASSERT_FALSE(logger.lines().empty());
    const auto numbers = worldNumbers(region.worldFile());
    ASSERT_GT(numbers.size(), 100u);
    const auto texts = emittedTexts(outcome, logger);
    for (const auto& text : texts) {
        for (const auto& number : numbers) {
            ASSERT_EQ(text.find(number), std::string::npos) << sdk::testkit::maskIdentityLike(text);
        }
        EXPECT_EQ(text.find("\"family\""), std::string::npos) << "a name in: " << text.substr(0, 200);
    }
    EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(outcome.collected));
    for (const auto& [level, line] : logger.lines()) {
        EXPECT_TRUE(sdk::testkit::findIdentityLike(line).empty()) << sdk::testkit::maskIdentityLike(line);
    }
    // The number does reach the identity stage, in its field.
    std::size_t identified = 0;
    for (const auto& record : outcome.collected.records) {
        for (const auto& field : record.fields) {
            identified += field.name == "personnummer" ? 1 : 0;
        }
    }
    EXPECT_GT(identified, 100u);
}

TEST(Privacy, FaultsAboutIdentitiesNeverQuoteThem) {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent",
                         bundle({consent({.id = "c1", .patient = "p1"})},
                                {patient({.id = "p1", .personnummer = "19850709-9806"})}));  // check digit
    fetcher->answerQuery("EpisodeOfCare",
                         bundle({episode({.id = "e1", .patient = "198507099805", .insats = "FB-1"})},
                                {patient({.id = "198507099805", .personnummer = kSamordningsnummer})}));
    sdk::testkit::CollectingLogger logger;
    const auto outcome = drain(fetcher, "", settingsJson(), &logger);
    ASSERT_EQ(outcome.collected.problems.size(), 2u);
    for (const auto& text : emittedTexts(outcome, logger)) {
        for (const char* number : {"198507099806", "8507099806", "198507099805", "8507099805", kSamordningsnummer}) {
            EXPECT_EQ(text.find(number), std::string::npos) << sdk::testkit::maskIdentityLike(text);
        }
    }
    // A server that keys Patients by number: the message withholds the reference, raw the id.
    EXPECT_NE(outcome.collected.problems[1].raw.find("(withheld)"), std::string::npos);
}

TEST(Privacy, RawDropsNamesNarrativeContainedResourcesAndIdentityValues) {
    rapidjson::Document resource;
    resource.Parse(R"({"resourceType":"Consent","id":"c1",
        "text":{"status":"generated","div":"<div>Märta Sjöberg 198507099805</div>"},
        "contained":[{"resourceType":"Patient","id":"x","name":[{"family":"Sjöberg"}]}],
        "patient":{"reference":"Patient/198507099805","display":"Märta Sjöberg"},
        "performer":[{"identifier":{"system":"urn:oid:1.2.752.129.2.1.3.1","value":"198507099805"}},
                     {"display":"Nils Ekdahl"}],
        "category":[{"coding":[{"system":"http://loinc.org","code":"59284-0","display":"Patient Consent"}]}],
        "sourceReference":{"identifier":{"system":"urn:oid:1.2.752.97.3.1.3","value":"SLL-R-00042"}},
        "identifier":[{"system":"urn:finsam:blankett","value":"FK9443-2019-000006"}]})");
    ASSERT_FALSE(resource.HasParseError());
    const std::string raw = redactedRaw(resource);
    for (const char* gone : {"198507099805", "Sjöberg", "Märta", "SLL-R-00042", "contained", "<div>", "Ekdahl"}) {
        EXPECT_EQ(raw.find(gone), std::string::npos) << gone << " in " << raw;
    }
    EXPECT_NE(raw.find("FK9443-2019-000006"), std::string::npos) << raw;
    EXPECT_NE(raw.find("Patient Consent"), std::string::npos) << "a code's label is no name: " << raw;
    EXPECT_NE(raw.find("\"id\":\"c1\""), std::string::npos) << raw;
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
