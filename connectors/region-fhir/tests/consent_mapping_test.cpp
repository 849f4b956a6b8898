// connectors/region-fhir/tests/consent_mapping_test.cpp — FHIR Consent to samtycke (README "Consent").
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "record_views.h"
#include "region_test_support.h"
#include "test_fetchers.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

std::vector<std::string> read(const std::string& consentJson) {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({consentJson}, {patient({.id = "p1", .personnummer = kPnrA}),
                                                           patient({.id = "p2", .personnummer = kPnrB,
                                                                    .restricted = true})}));
    fetcher->answerQuery("EpisodeOfCare", bundle({}, {}));
    const auto outcome = drain(fetcher);
    EXPECT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    EXPECT_TRUE(outcome.collected.problems.empty());
    return describeAll(outcome.collected.records, false);
}

const std::string kFields = "personnummer=198507099805 parter=af parter=fk parter=region-01 parter=kommun-0180 "
                            "kategorier=identitet kategorier=deltagande kategorier=halsa andamal=samordning "
                            "andamal=uppfoljning giltigt_fran=2019-05-26";

TEST(ConsentMapping, AnActivePermit) {
    EXPECT_EQ(read(consent({.id = "c1", .patient = "p1"})),
              (std::vector<std::string>{"samtycke c1 upsert stated " + kFields +
                                        " status=active beslut=permit blankett=FK9443-2019-000006"}));
    EXPECT_EQ(read(consent({.id = "c1", .patient = "p1", .end = "2020-12-31"})),
              (std::vector<std::string>{"samtycke c1 upsert stated " + kFields +
                                        " giltigt_till=2020-12-31 status=active beslut=permit "
                                        "blankett=FK9443-2019-000006"}));
}

TEST(ConsentMapping, InactiveIsWithdrawnOnPeriodEndOrTheDayItWasRecorded) {
    EXPECT_EQ(read(consent({.id = "c1", .version = "2", .status = "inactive", .patient = "p1", .end = "2019-08-01"})),
              (std::vector<std::string>{"samtycke c1 upsert stated " + kFields +
                                        " aterkallat=2019-08-01 status=inactive beslut=permit "
                                        "blankett=FK9443-2019-000006"}));
    // meta.lastUpdated 2019-09-30T23:30:00Z is 1 October in Sweden.
    EXPECT_EQ(read(consent({.id = "c1", .version = "2", .lastUpdated = "2019-09-30T23:30:00Z", .status = "inactive",
                            .patient = "p1"})),
              (std::vector<std::string>{"samtycke c1 upsert stated " + kFields +
                                        " aterkallat=2019-10-01 status=inactive beslut=permit "
                                        "blankett=FK9443-2019-000006"}));
}

TEST(ConsentMapping, StatusesNotInForceAndDenialsAreRecordedAsSent) {
    for (const char* status : {"draft", "proposed", "rejected"}) {
        EXPECT_EQ(read(consent({.id = "c1", .status = status, .patient = "p1"})),
                  (std::vector<std::string>{"samtycke c1 upsert stated " + kFields + " status=" + status +
                                            " beslut=permit blankett=FK9443-2019-000006"}))
            << status;
    }
    EXPECT_EQ(read(consent({.id = "c1", .patient = "p1", .type = "deny"})),
              (std::vector<std::string>{"samtycke c1 upsert stated " + kFields +
                                        " status=active beslut=deny blankett=FK9443-2019-000006"}));
}

TEST(ConsentMapping, EnteredInErrorAndProtectedPatientsRetract) {
    EXPECT_EQ(read(consent({.id = "c1", .status = "entered-in-error", .patient = "p1"})),
              (std::vector<std::string>{"samtycke c1 retract stated"}));
    EXPECT_EQ(read(consent({.id = "c1", .patient = "p2"})), (std::vector<std::string>{"samtycke c1 retract stated"}));
}

TEST(ConsentMapping, WithoutPeriodStartTheSigningDateHolds) {
    // consent() signs on 2019-05-26T10:00:00+02:00.
    EXPECT_EQ(read(consent({.id = "c1", .patient = "p1", .start = ""})),
              (std::vector<std::string>{"samtycke c1 upsert stated " + kFields +
                                        " status=active beslut=permit blankett=FK9443-2019-000006"}));
}

TEST(ConsentMapping, OnlyInformationRecipientsOfTheOrganisationSystemAreParties) {
    std::string text = consent({.id = "c1", .patient = "p1", .parties = {"af"}});
    // A second actor without the IRCP role, and one naming a practitioner: neither is a party.
    const std::string others =
        R"({"role":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"CST"}]},)"
        R"("reference":{"identifier":{"system":"urn:finsam:organisation","value":"fk"}}},)"
        R"({"role":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"IRCP"}]},)"
        R"("reference":{"reference":"Practitioner/x"}},)";
    text.insert(text.find("\"actor\":[") + 9, others);
    const auto records = read(text);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_NE(records[0].find("parter=af kategorier"), std::string::npos) << records[0];
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
