// connectors/region-fhir/tests/episode_mapping_test.cpp — EpisodeOfCare status semantics, the two kinds
// of episode, identities and the unit filter (README "EpisodeOfCare").
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "record_views.h"
#include "region_test_support.h"
#include "test_fetchers.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

// One run over a single EpisodeOfCare page holding `episodes` and the patients p1 (personnummer),
// p2 (protected), p3 (samordningsnummer), p4 (reservnummer only), p5 (personnummer and reservnummer).
std::vector<sdk::Record> readRecords(const std::vector<std::string>& episodes, const std::string& extra = "") {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    fetcher->answerQuery("EpisodeOfCare",
                         bundle(episodes, {patient({.id = "p1", .personnummer = kPnrA}),
                                           patient({.id = "p2", .personnummer = kPnrB, .restricted = true,
                                                    .gender = "male", .birthDate = "1990-01-01"}),
                                           patient({.id = "p3", .samordningsnummer = kSamordningsnummer}),
                                           patient({.id = "p4", .reservnummer = "SLL-R-00042", .gender = "other",
                                                    .birthDate = "1979"}),
                                           patient({.id = "p5", .personnummer = kPnrA, .reservnummer = "SLL-R-7"})}));
    const auto outcome = drain(fetcher, "", settingsJson(200, extra));
    EXPECT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    EXPECT_TRUE(outcome.collected.problems.empty());
    return outcome.collected.records;
}

std::vector<std::string> read(const std::vector<std::string>& episodes, const std::string& extra = "") {
    return describeAll(readRecords(episodes, extra), false);
}

TEST(EpisodeMapping, ActiveAndOnholdAreOngoingParticipations) {
    for (const char* status : {"active", "onhold"}) {
        EXPECT_EQ(read({episode({.id = "e1", .status = status, .patient = "p1", .insats = "FB-STHLM-2019-01",
                                 .end = "2019-12-31"})}),
                  (std::vector<std::string>{"deltagande e1 upsert stated insats_id=FB-STHLM-2019-01 "
                                            "personnummer=198507099805 kon=female fodelsear=1985 "
                                            "startdatum=2019-03-15"}))
            << status << ": a planned end of a running episode is not its end";
    }
}

TEST(EpisodeMapping, FinishedEndsWithPeriodEnd) {
    EXPECT_EQ(read({episode({.id = "e1", .status = "finished", .patient = "p1", .insats = "FB-1",
                             .end = "2019-09-19"})}),
              (std::vector<std::string>{"deltagande e1 upsert stated insats_id=FB-1 personnummer=198507099805 "
                                        "kon=female fodelsear=1985 startdatum=2019-03-15 slutdatum=2019-09-19"}));
}

TEST(EpisodeMapping, CancelledAfterStartEndsBrokenOffAndBeforeStartIsNoParticipation) {
    EXPECT_EQ(read({episode({.id = "e1", .status = "cancelled", .patient = "p1", .insats = "FB-1",
                             .end = "2019-04-02"})}),
              (std::vector<std::string>{"deltagande e1 upsert stated insats_id=FB-1 personnummer=198507099805 "
                                        "kon=female fodelsear=1985 startdatum=2019-03-15 slutdatum=2019-04-02 "
                                        "avslutsanledning=cancelled"}));
    EXPECT_EQ(read({episode({.id = "e1", .status = "cancelled", .patient = "p1", .insats = "FB-1"})}),
              (std::vector<std::string>{"deltagande e1 retract derived"}));
}

TEST(EpisodeMapping, PlannedAndWaitlistAreNotStarted) {
    for (const char* status : {"planned", "waitlist"}) {
        EXPECT_EQ(read({episode({.id = "e1", .status = status, .patient = "p1", .insats = "FB-1"})}),
                  (std::vector<std::string>{"deltagande e1 retract derived"}))
            << status;
    }
}

TEST(EpisodeMapping, EnteredInErrorRetractsEverythingDerivedFromTheEpisode) {
    EXPECT_EQ(read({episode({.id = "e1", .status = "entered-in-error", .patient = "p1", .insats = "FB-1"})}),
              (std::vector<std::string>{"deltagande e1 retract stated"}));
    EXPECT_EQ(read({episode({.id = "e1", .status = "entered-in-error", .patient = "p1", .insats = "FB-1"})},
                   "\"rehabkoordinering\":\"kontakt\""),
              (std::vector<std::string>{"deltagande e1 retract stated", "kontakt e1 retract derived"}));
    EXPECT_EQ(read({episode({.id = "e1", .status = "entered-in-error", .patient = "p1"})},
                   "\"rehabkoordinering\":\"kontakt\""),
              (std::vector<std::string>{"kontakt e1 retract stated", "deltagande e1 retract derived"}));
    // Needs no patient: the error may be exactly that.
    EXPECT_EQ(read({episode({.id = "e1", .status = "entered-in-error", .insats = "FB-1"})}),
              (std::vector<std::string>{"deltagande e1 retract stated"}));
}

TEST(EpisodeMapping, RehabkoordineringIsAKontaktOnlyWhenAskedFor) {
    const auto rehab = episode({.id = "e1", .status = "finished", .patient = "p1", .end = "2019-06-12"});
    EXPECT_EQ(read({rehab}), (std::vector<std::string>{"deltagande e1 retract derived"}));
    EXPECT_EQ(read({rehab}, "\"rehabkoordinering\":\"kontakt\""),
              (std::vector<std::string>{"kontakt e1 upsert stated kontakttyp=rehabkoordinering "
                                        "personnummer=198507099805 kon=female fodelsear=1985 "
                                        "startdatum=2019-03-15 slutdatum=2019-06-12",
                                        "deltagande e1 retract derived"}));
}

TEST(EpisodeMapping, ProtectedPatientsAreMarkedAndTheirNumberGoesOnlyToTheIdentityStage) {
    EXPECT_EQ(read({episode({.id = "e1", .patient = "p2", .insats = "FB-1"})}),
              (std::vector<std::string>{"deltagande e1 upsert stated insats_id=FB-1 personnummer=199001011239 "
                                        "skyddad=true kon=male fodelsear=1990 startdatum=2019-03-15"}));
}

TEST(EpisodeMapping, NameAndBirthDateGoOutForLinkageWithANumberOrReservnummerAndNeverWhenProtected) {
    const auto records = readRecords({episode({.id = "e1", .patient = "p1", .insats = "FB-1"}),
                                      episode({.id = "e2", .patient = "p2", .insats = "FB-1"}),
                                      episode({.id = "e3", .patient = "p4", .insats = "FB-1"})});
    ASSERT_EQ(records.size(), 3U);
    for (const auto& record : {records[0], records[2]}) {  // personnummer; reservnummer only
        EXPECT_EQ(valueOf(record, "fornamn") + " " + valueOf(record, "efternamn"), "Märta Sjöberg") << record.key;
    }
    EXPECT_EQ(valueOf(records[0], "fodelsedatum"), "1985-07-09");
    EXPECT_EQ(valueOf(records[2], "fodelsedatum"), "1979");
    for (const char* field : {"fornamn", "efternamn", "fodelsedatum"}) {  // protected
        EXPECT_EQ(valueOf(records[1], field), "") << field;
    }
}

TEST(EpisodeMapping, SamordningsnummerIsTheNationalNumberAndAReservnummerGoesOnlyWithoutOne) {
    EXPECT_EQ(read({episode({.id = "e1", .patient = "p3", .insats = "FB-1"}),
                    episode({.id = "e2", .patient = "p4", .insats = "FB-1"}),
                    episode({.id = "e3", .patient = "p5", .insats = "FB-1"})}),
              (std::vector<std::string>{"deltagande e1 upsert stated insats_id=FB-1 personnummer=198507699802 "
                                        "kon=female fodelsear=1985 startdatum=2019-03-15",
                                        "deltagande e2 upsert stated insats_id=FB-1 reservnummer=SLL-R-00042 "
                                        "kon=other fodelsear=1979 startdatum=2019-03-15",
                                        "deltagande e3 upsert stated insats_id=FB-1 personnummer=198507099805 "
                                        "kon=female fodelsear=1985 startdatum=2019-03-15"}));
}

TEST(EpisodeMapping, DatesFromTimestampsAreSwedishDates) {
    EXPECT_EQ(read({episode({.id = "e1", .status = "finished", .patient = "p1", .insats = "FB-1",
                             .start = "2019-03-14T23:30:00Z", .end = "2019-06-30T22:30:00Z"})}),
              (std::vector<std::string>{"deltagande e1 upsert stated insats_id=FB-1 personnummer=198507099805 "
                                        "kon=female fodelsear=1985 startdatum=2019-03-15 slutdatum=2019-07-01"}));
}

TEST(EpisodeMapping, OnlyTheListedUnitsAreRead) {
    EXPECT_EQ(read({episode({.id = "e1", .patient = "p1", .insats = "FB-1", .hsaId = "SE2321000016-F1NS"}),
                    episode({.id = "e2", .patient = "p1", .insats = "FB-1", .hsaId = "SE2321000016-OTHR"})},
                   "\"organisation_hsa_ids\":[\"SE2321000016-F1NS\"]"),
              (std::vector<std::string>{"deltagande e1 upsert stated insats_id=FB-1 personnummer=198507099805 "
                                        "kon=female fodelsear=1985 startdatum=2019-03-15"}));
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
