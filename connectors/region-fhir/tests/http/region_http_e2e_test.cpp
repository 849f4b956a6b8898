// connectors/region-fhir/tests/http/region_http_e2e_test.cpp — the whole connector over real HTTP against the
// partner test server: a full read against the recorded pages and truth/region.json, incremental runs,
// changes between runs, equal timestamps across page boundaries, and crashes after any page.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <functional>
#include <map>
#include <set>
#include <stdexcept>

#include "http/region_partner_fixture.h"
#include "record_views.h"
#include "search_checkpoint.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

using sdk::Operation;

rapidjson::Document truth() {
    rapidjson::Document document;
    const std::string text = readFile(generatedRegion().truthFile());
    document.Parse(text.c_str());
    return document;
}

const rapidjson::Value& truthOfSearch(const rapidjson::Document& document, const std::string& type) {
    for (const auto& search : document["searches"].GetArray()) {
        if (type == search["resource"].GetString()) {
            return search;
        }
    }
    throw std::logic_error("no truth for " + type);
}

std::set<std::string> keysOf(const std::vector<sdk::Record>& records) {
    std::set<std::string> keys;
    for (const auto& record : records) {
        keys.insert(record.key);
    }
    return keys;
}

rapidjson::Document parsed(const std::string& json) {
    rapidjson::Document document;
    document.Parse(json.c_str());
    return document;
}

std::string text(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return buffer.GetString();
}

bool hasSystem(const rapidjson::Value& resource, const char* system) {
    if (!resource.HasMember("identifier")) {
        return false;
    }
    for (const auto& identifier : resource["identifier"].GetArray()) {
        if (std::string(identifier["system"].GetString()) == system) {
            return true;
        }
    }
    return false;
}

// The first generated match of `type` that `wanted` accepts, parsed.
rapidjson::Document firstMatch(const std::string& type, const std::function<bool(const rapidjson::Value&)>& wanted) {
    for (const auto& json : generatedMatchesJson(type)) {
        auto resource = parsed(json);
        if (wanted(resource)) {
            return resource;
        }
    }
    throw std::logic_error("no such " + type + " in the generated region");
}

void setString(rapidjson::Document& document, rapidjson::Value& object, const char* name, const std::string& value) {
    rapidjson::Value text(value.c_str(), document.GetAllocator());
    if (object.HasMember(name)) {
        object[name] = text;
    } else {
        object.AddMember(rapidjson::Value(name, document.GetAllocator()), text, document.GetAllocator());
    }
}

// Page boundaries of `pageSize` that fall between two matches with one meta.lastUpdated.
int boundariesInsideEqualTimestamps(const std::string& type, std::size_t pageSize) {
    std::vector<std::string> stamps;
    for (const auto& json : generatedMatchesJson(type)) {
        stamps.push_back(parsed(json)["meta"]["lastUpdated"].GetString());
    }
    int ties = 0;
    for (std::size_t k = pageSize; k < stamps.size(); k += pageSize) {
        ties += stamps[k - 1] == stamps[k] ? 1 : 0;
    }
    return ties;
}

class RegionHttpE2E : public RegionPartnerFixture {};

TEST_F(RegionHttpE2E, AFullReadEqualsTheRecordedReadAndTheTruth) {
    const HostRun http = run();
    ASSERT_EQ(http.result.status, sdk::Status::kOk) << http.result.message;
    ASSERT_TRUE(http.drained);
    EXPECT_TRUE(http.saved.problems.empty());
    EXPECT_TRUE(http.saved.rejections.empty());
    EXPECT_TRUE(http.saved.warnings.empty());

    const auto recorded = recordedRead();
    ASSERT_EQ(recorded.result.status, sdk::Status::kOk) << recorded.result.message;
    EXPECT_EQ(contentOf(http.saved), contentOf(recorded.collected));
    EXPECT_EQ(http.checkpoint, recorded.checkpoint);

    const auto document = truth();
    const auto& final = document["final"];
    const auto& episodes = final["episodes"];
    EXPECT_EQ(select(http.saved, "deltagande", Operation::kUpsert).size(),
              static_cast<std::size_t>(episodes["finsam_participations"].GetInt64()));
    EXPECT_EQ(select(http.saved, "kontakt", Operation::kUpsert).size(),
              static_cast<std::size_t>(episodes["rehabkoordinering"].GetInt64()));
    std::set<std::string> retracted = keysOf(select(http.saved, "deltagande", Operation::kRetract));
    for (const auto& key : keysOf(select(http.saved, "kontakt", Operation::kRetract))) {
        retracted.insert(key);
    }
    std::set<std::string> truthRetracted;
    for (const auto& id : episodes["retracted_entered_in_error"].GetArray()) {
        truthRetracted.insert(id.GetString());
    }
    EXPECT_EQ(retracted, truthRetracted);
    const auto consents = select(http.saved, "samtycke", Operation::kUpsert);
    EXPECT_EQ(consents.size(), static_cast<std::size_t>(final["consents"]["total"].GetInt64()));
    std::map<std::string, std::int64_t> byStatus;
    for (const auto& record : consents) {
        ++byStatus[valueOf(record, "status")];
    }
    for (const auto& status : final["consents"]["by_status"].GetObject()) {
        EXPECT_EQ(byStatus[status.name.GetString()], status.value.GetInt64()) << status.name.GetString();
    }

    // With the generator's page size the server's pages are the generator's: one batch and one request each.
    const auto pages = static_cast<std::size_t>(truthOfSearch(document, "Consent")["pages"].GetInt64() +
                                                truthOfSearch(document, "EpisodeOfCare")["pages"].GetInt64());
    EXPECT_EQ(http.batchesSaved, pages);
    EXPECT_EQ(server->requestCount("/R4/"), pages);
    EXPECT_LE(server->loopback().connectionCount(), 2) << "the connection is reused";
    expectNothingSecretIn({&http});
}

TEST_F(RegionHttpE2E, ASecondRunFromTheFinalCheckpointReadsNothingNew) {
    const HostRun first = run();
    ASSERT_TRUE(first.drained) << first.result.message;
    server->clearLog();
    const HostRun second = run({.checkpoint = first.checkpoint});
    ASSERT_TRUE(second.drained) << second.result.message;
    EXPECT_TRUE(second.saved.records.empty());
    EXPECT_TRUE(second.saved.problems.empty());
    EXPECT_TRUE(second.saved.rejections.empty());
    EXPECT_EQ(second.checkpoint, first.checkpoint);
    // Each search asks again from its highest meta.lastUpdated ('+' percent-encoded); the boundary it gets
    // back is the part already read.
    const auto document = truth();
    for (const char* type : {"Consent", "EpisodeOfCare"}) {
        std::string since = truthOfSearch(document, type)["highest_last_updated"].GetString();
        since.replace(since.find('+'), 1, "%2B");
        std::size_t asked = 0;
        for (const auto& request : server->requests()) {
            if (request.uri.rfind(std::string("/R4/") + type + "?", 0) == 0) {
                ++asked;
                EXPECT_NE(request.uri.find("_lastUpdated=ge" + since), std::string::npos) << request.uri;
            }
        }
        EXPECT_EQ(asked, 1u) << type;
    }
}

TEST_F(RegionHttpE2E, AChangeOnTheServerArrivesInTheNextRunExactlyOnce) {
    const HostRun first = run();
    ASSERT_TRUE(first.drained) << first.result.message;
    const auto document = truth();

    // A participation that ends, stamped after everything read so far...
    auto episode = firstMatch("EpisodeOfCare", [](const rapidjson::Value& resource) {
        return std::string(resource["status"].GetString()) == "active" && hasSystem(resource, "urn:finsam:insats");
    });
    const std::string episodeId = episode["id"].GetString();
    setString(episode, episode["meta"], "versionId", "2");
    setString(episode, episode["meta"], "lastUpdated", "2021-01-05T02:00:00+01:00");
    setString(episode, episode, "status", "finished");
    setString(episode, episode["period"], "end", "2020-12-20");
    // ...and the consent read at the Consent search's boundary, entered in error in a new version stamped at
    // the same instant: the next run is served the boundary again and must tell the versions apart.
    const std::string boundary = truthOfSearch(document, "Consent")["highest_last_updated"].GetString();
    auto consent = firstMatch(
        "Consent", [&](const rapidjson::Value& resource) { return boundary == resource["meta"]["lastUpdated"].GetString(); });
    const std::string consentId = consent["id"].GetString();
    const std::string readVersion = consent["meta"]["versionId"].GetString();
    ASSERT_EQ(Checkpoint::parse(first.checkpoint)->searches.at("Consent").seen.count(
                  seenKey("Consent", consentId, readVersion)),
              1u);
    setString(consent, consent["meta"], "versionId", "7");
    setString(consent, consent, "status", "entered-in-error");
    server->putRegionResource(text(episode));
    server->putRegionResource(text(consent));

    const HostRun second = run({.checkpoint = first.checkpoint});
    ASSERT_TRUE(second.drained) << second.result.message;
    EXPECT_TRUE(second.saved.problems.empty());
    std::vector<sdk::Record> stated;
    for (const auto& record : second.saved.records) {
        EXPECT_TRUE(record.key == episodeId || record.key == consentId) << describe(record);
        if (record.position.line > 0) {
            stated.push_back(record);
        }
    }
    ASSERT_EQ(stated.size(), 2u) << ::testing::PrintToString(contentOf(second.saved));
    EXPECT_EQ(stated[0].entity, "samtycke");
    EXPECT_EQ(stated[0].key, consentId);
    EXPECT_EQ(stated[0].operation, Operation::kRetract);
    EXPECT_EQ(stated[1].entity, "deltagande");
    EXPECT_EQ(stated[1].key, episodeId);
    EXPECT_EQ(valueOf(stated[1], "slutdatum"), "2020-12-20");
    const auto cursors = Checkpoint::parse(second.checkpoint);
    ASSERT_TRUE(cursors);
    EXPECT_EQ(cursors->searches.at("EpisodeOfCare").since, "2021-01-05T02:00:00+01:00");
    EXPECT_EQ(cursors->searches.at("Consent").seen.count(seenKey("Consent", consentId, "7")), 1u);

    const HostRun third = run({.checkpoint = second.checkpoint});
    ASSERT_TRUE(third.drained) << third.result.message;
    EXPECT_TRUE(third.saved.records.empty()) << ::testing::PrintToString(contentOf(third.saved));
    EXPECT_EQ(third.checkpoint, second.checkpoint);
}

TEST_F(RegionHttpE2E, EqualTimestampsAcrossPageBoundariesAreNeitherLostNorDoubled) {
    constexpr int kSmallPage = 3;
    for (const char* type : {"Consent", "EpisodeOfCare"}) {
        ASSERT_GT(boundariesInsideEqualTimestamps(type, kSmallPage), 0) << type << ": the data should tie there";
    }
    const auto expected = contentOf(recordedRead().collected);

    // Straight through, the server's paging links carrying each tie across.
    const HostRun straight = run({.pageSize = kSmallPage});
    ASSERT_TRUE(straight.drained) << straight.result.message;
    EXPECT_EQ(contentOf(straight.saved), expected);

    // Interrupted after every page, and the server has forgotten the search by the time the run resumes
    // (410): each run asks again with _lastUpdated=ge<since>, so the boundary's tie comes back, part of it
    // already read.
    int expiredLinks = 0;
    const HostRun resumed = runCrashingAfterEveryPage(kSmallPage, [&](const std::string& saved) {
        auto checkpoint = Checkpoint::parse(saved);
        for (auto& [type, cursor] : checkpoint->searches) {
            if (!cursor.next.empty()) {
                cursor.next = server->regionBaseUrl() + "/" + type +
                              "?_getpages=0000000000000000&_getpagesoffset=3&_count=3";
                ++expiredLinks;
            }
        }
        return checkpoint->toString();
    });
    ASSERT_TRUE(resumed.drained) << resumed.result.message;
    EXPECT_GT(expiredLinks, 30);
    EXPECT_EQ(contentOf(resumed.saved), expected);
    EXPECT_EQ(resumed.checkpoint, straight.checkpoint);
    EXPECT_TRUE(resumed.saved.problems.empty());
    std::size_t expiredWarnings = 0;
    for (const auto& warning : resumed.saved.warnings) {
        expiredWarnings += warning.find("has expired") != std::string::npos ? 1 : 0;
    }
    EXPECT_GT(expiredWarnings, 0u);
}

TEST_F(RegionHttpE2E, ACrashAfterAnyPageResumesFromTheLastSavedCheckpointWithoutLossOrDuplicates) {
    const HostRun straight = run();
    ASSERT_TRUE(straight.drained) << straight.result.message;
    const HostRun resumed = runCrashingAfterEveryPage(kGeneratorPageSize);
    ASSERT_TRUE(resumed.drained) << resumed.result.message;
    EXPECT_EQ(resumed.runs, straight.batchesSaved) << "one run per page";
    EXPECT_EQ(contentOf(resumed.saved), contentOf(straight.saved));
    EXPECT_EQ(resumed.checkpoint, straight.checkpoint);
    EXPECT_TRUE(resumed.saved.warnings.empty()) << "every saved paging link still answered";
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
