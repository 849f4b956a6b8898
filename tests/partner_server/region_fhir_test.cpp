// tests/partner_server/region_fhir_test.cpp — the region's FHIR searches as a connector follows them:
// the generator's pages reproduced, `since` with its boundary, any _count, links back to this server,
// the bearer token and Accept checks, and changes put between runs.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "tests/partner_server/partner_server.h"
#include "tests/partner_server/test_support/generated_data.h"
#include "tests/partner_server/test_support/partner_clients.h"
#include "tests/partner_server/test_support/raw_http.h"

namespace finsam::testing {
namespace {

const char* const kTypes[] = {"EpisodeOfCare", "Consent"};

const rapidjson::Value& truthOf(const std::string& type) {
    for (const auto& search : generatedData().regionTruth["searches"].GetArray()) {
        if (type == search["resource"].GetString()) {
            return search;
        }
    }
    throw std::logic_error("no truth for " + type);
}

// Every match of the generator's pages in order, with its meta.lastUpdated.
std::vector<std::pair<std::string, std::string>> generatorMatches(const std::string& type) {
    std::vector<std::pair<std::string, std::string>> matches;
    for (const auto& page : generatorPages(generatedData().dir / "region" / type)) {
        for (const auto& entry : page["entry"].GetArray()) {
            if (std::string(entry["search"]["mode"].GetString()) == "match") {
                matches.emplace_back(entry["resource"]["id"].GetString(),
                                     entry["resource"]["meta"]["lastUpdated"].GetString());
            }
        }
    }
    return matches;
}

std::vector<std::string> allMatchIds(const std::vector<rapidjson::Document>& pages) {
    std::vector<std::string> ids;
    for (const auto& page : pages) {
        const auto matches = entryIds(page, "match");
        ids.insert(ids.end(), matches.begin(), matches.end());
    }
    return ids;
}

class RegionFhirTest : public ::testing::Test {
protected:
    PartnerServer server_{PartnerServerOptions{.data = generatedData().dir}};
    std::unique_ptr<http::Client> client_ = regionClient(server_);
};

TEST_F(RegionFhirTest, AFullSearchReproducesTheGeneratorsPagesAndTruth) {
    for (const std::string type : kTypes) {
        SCOPED_TRACE(type);
        const auto pages =
            followSearch(*client_, searchUrl(server_, type, "1970-01-01", generatedData().regionPageSize));
        const auto expected = generatorPages(generatedData().dir / "region" / type);
        ASSERT_EQ(pages.size(), expected.size());
        std::int64_t matches = 0;
        std::int64_t includes = 0;
        for (std::size_t k = 0; k < pages.size(); ++k) {
            EXPECT_STREQ(pages[k]["type"].GetString(), "searchset");
            EXPECT_EQ(entryIds(pages[k], "match"), entryIds(expected[k], "match")) << "page " << k + 1;
            auto served = entryIds(pages[k], "include");
            auto written = entryIds(expected[k], "include");
            std::sort(served.begin(), served.end());
            std::sort(written.begin(), written.end());
            EXPECT_EQ(served, written) << "page " << k + 1;
            matches += static_cast<std::int64_t>(entryIds(pages[k], "match").size());
            includes += static_cast<std::int64_t>(served.size());
        }
        const auto& truth = truthOf(type);
        EXPECT_EQ(static_cast<std::int64_t>(pages.size()), truth["pages"].GetInt64());
        EXPECT_EQ(matches, truth["matches"].GetInt64());
        EXPECT_EQ(includes, truth["includes"].GetInt64());
        EXPECT_EQ(pages.front()["total"].GetInt64(), truth["matches"].GetInt64());
    }
}

TEST_F(RegionFhirTest, LinksAndFullUrlsLeadBackToThisServer) {
    const auto pages = followSearch(*client_, searchUrl(server_, "Consent", std::nullopt, 50));
    ASSERT_GT(pages.size(), 1u);
    const std::string base = server_.regionBaseUrl() + "/";
    for (const auto& page : pages) {
        EXPECT_EQ(linkUrl(page, "self").rfind(base, 0), 0u) << linkUrl(page, "self");
        for (const auto& entry : page["entry"].GetArray()) {
            EXPECT_EQ(std::string(entry["fullUrl"].GetString()).rfind(base, 0), 0u);
        }
    }
    EXPECT_EQ(linkUrl(pages.front(), "next").rfind(base + "Consent?", 0), 0u);
    EXPECT_EQ(linkUrl(pages.back(), "next"), "");
    EXPECT_EQ(linkUrl(pages[1], "self"), linkUrl(pages[0], "next"));
}

TEST_F(RegionFhirTest, AFirstRunWithoutLastUpdatedGetsEverything) {
    for (const std::string type : kTypes) {
        const auto pages = followSearch(*client_, searchUrl(server_, type, std::nullopt, 200));
        EXPECT_EQ(static_cast<std::int64_t>(allMatchIds(pages).size()), truthOf(type)["matches"].GetInt64()) << type;
    }
}

TEST_F(RegionFhirTest, SinceServesTheBoundaryAgainAndEverythingAfterIt) {
    for (const std::string type : kTypes) {
        SCOPED_TRACE(type);
        const auto matches = generatorMatches(type);
        const std::string highest = truthOf(type)["highest_last_updated"].GetString();
        std::vector<std::string> atHighest;
        for (const auto& [id, lastUpdated] : matches) {
            if (lastUpdated == highest) {
                atHighest.push_back(id);
            }
        }
        ASSERT_FALSE(atHighest.empty());
        EXPECT_EQ(allMatchIds(followSearch(*client_, searchUrl(server_, type, highest, 50))), atHighest);

        // From the middle: the first resource with a stamp and every one after it, in the same order.
        std::size_t first = matches.size() / 2;
        while (first > 0 && matches[first - 1].second == matches[first].second) {
            --first;
        }
        std::vector<std::string> tail;
        for (std::size_t i = first; i < matches.size(); ++i) {
            tail.push_back(matches[i].first);
        }
        const std::string since = matches[first].second;
        EXPECT_EQ(allMatchIds(followSearch(*client_, searchUrl(server_, type, since, 7))), tail);
        std::string encoded = since;  // a client that encodes the offset's '+' properly
        encoded.replace(encoded.rfind('+'), 1, "%2B");
        EXPECT_EQ(allMatchIds(followSearch(*client_, searchUrl(server_, type, encoded, 7))), tail);
        // gt leaves the boundary out.
        const auto after = client_->get(server_.regionBaseUrl() + "/" + type + "?_lastUpdated=gt" + highest,
                                        fhirHeaders());
        EXPECT_EQ(parsed(after.body)["total"].GetInt(), 0);
    }
}

TEST_F(RegionFhirTest, AnyCountPagesEveryMatchOnceWithItsPatients) {
    const auto pages = followSearch(*client_, searchUrl(server_, "EpisodeOfCare", std::nullopt, 7));
    const std::size_t total = static_cast<std::size_t>(truthOf("EpisodeOfCare")["matches"].GetInt64());
    EXPECT_EQ(pages.size(), (total + 6) / 7);
    const auto ids = allMatchIds(pages);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), total);
    for (const auto& page : pages) {
        std::set<std::string> referenced;
        for (const auto& entry : page["entry"].GetArray()) {
            if (std::string(entry["search"]["mode"].GetString()) == "match") {
                const std::string reference = entry["resource"]["patient"]["reference"].GetString();
                referenced.insert(reference.substr(reference.find('/') + 1));
            }
        }
        const auto included = entryIds(page, "include");
        EXPECT_EQ(std::set<std::string>(included.begin(), included.end()), referenced);
        EXPECT_EQ(included.size(), referenced.size()) << "each Patient once per page";
    }
}

TEST_F(RegionFhirTest, RefusesAMissingOrWrongTokenAndAMissingAccept) {
    const std::string url = searchUrl(server_, "Consent", std::nullopt, 10);
    const auto none = rawRequest("GET", url, {{"Accept", "application/fhir+json"}});
    EXPECT_EQ(none.status, 401);
    EXPECT_NE(none.header("WWW-Authenticate").find("Bearer"), std::string::npos);
    EXPECT_EQ(rawRequest("GET", url, {{"Accept", "application/fhir+json"}, {"Authorization", "Bearer nope"}}).status,
              401);
    const auto noAccept = rawRequest("GET", url, {{"Authorization", "Bearer region-test-token"}});
    EXPECT_EQ(noAccept.status, 406);
    EXPECT_STREQ(parsed(noAccept.body)["resourceType"].GetString(), "OperationOutcome");

    auto wrong = std::make_unique<http::Client>(fastClientOptions(server_), http::bearerToken("nope"));
    try {
        wrong->get(url, fhirHeaders());
        ADD_FAILURE() << "a wrong token must be refused";
    } catch (const http::HttpError& error) {
        EXPECT_EQ(error.kind(), http::FailureKind::kAuthRefused);
        EXPECT_EQ(error.status(), 401);
    }
}

TEST_F(RegionFhirTest, AnswersBadSearchesWithAnOperationOutcome) {
    const std::string base = server_.regionBaseUrl();
    const std::vector<std::pair<std::string, int>> cases = {
        {base + "/Consent?_lastUpdated=ge2020-02-30", 400},          // no such day
        {base + "/Consent?_lastUpdated=2020-01-01", 400},            // only ge and gt
        {base + "/Consent?_include=Consent:actor", 400},
        {base + "/Consent?_sort=-_lastUpdated", 400},
        {base + "/Consent?identifier=x", 400},                        // no such parameter here
        {base + "/Consent?_count=0", 400},
        {base + "/Consent?_getpages=0000000000000000&_getpagesoffset=50", 410},  // unknown or expired search
        {base + "/Observation?_count=1", 404},
    };
    for (const auto& [url, status] : cases) {
        const auto response = client_->get(url, fhirHeaders());
        EXPECT_EQ(response.status, status) << url;
        EXPECT_STREQ(parsed(response.body)["resourceType"].GetString(), "OperationOutcome") << url;
    }
}

TEST_F(RegionFhirTest, APutResourceReachesTheNextRunOnlyAndReplacesItsOldVersion) {
    const std::string highest = truthOf("EpisodeOfCare")["highest_last_updated"].GetString();
    const auto boundary = allMatchIds(followSearch(*client_, searchUrl(server_, "EpisodeOfCare", highest, 50)));
    const std::string changed = generatorMatches("EpisodeOfCare").front().first;

    // A search under way keeps what it found; the change shows in the next one.
    const auto firstPage = client_->get(searchUrl(server_, "EpisodeOfCare", std::nullopt, 50), fhirHeaders());
    server_.putRegionResource(R"({"resourceType":"EpisodeOfCare","id":")" + changed +
                              R"(","meta":{"versionId":"2","lastUpdated":"2021-01-05T02:00:00+01:00"},)"
                              R"("status":"finished","patient":{"reference":"Patient/pat-100001"},)"
                              R"("period":{"start":"2018-01-01","end":"2021-01-04"}})");
    const auto rest = followSearch(*client_, linkUrl(parsed(firstPage.body), "next"));
    const auto restIds = allMatchIds(rest);
    EXPECT_EQ(std::count(restIds.begin(), restIds.end(), changed), 0);

    auto expected = boundary;
    expected.push_back(changed);
    EXPECT_EQ(allMatchIds(followSearch(*client_, searchUrl(server_, "EpisodeOfCare", highest, 50))), expected);
    const auto everything = allMatchIds(followSearch(*client_, searchUrl(server_, "EpisodeOfCare", std::nullopt, 50)));
    EXPECT_EQ(static_cast<std::int64_t>(everything.size()), truthOf("EpisodeOfCare")["matches"].GetInt64());
    EXPECT_EQ(everything.back(), changed);
    EXPECT_EQ(server_.regionResourceCount("EpisodeOfCare"), everything.size());

    EXPECT_THROW(server_.putRegionResource(R"({"resourceType":"Observation","id":"x","meta":{"lastUpdated":"2021"}})"),
                 std::invalid_argument);
    EXPECT_THROW(server_.putRegionResource(R"({"resourceType":"Consent","id":"x"})"), std::invalid_argument);
}

TEST_F(RegionFhirTest, CountsRequestsPerPath) {
    followSearch(*client_, searchUrl(server_, "Consent", std::nullopt, 50));
    const std::size_t pages = static_cast<std::size_t>(truthOf("Consent")["pages"].GetInt64());
    EXPECT_EQ(server_.requestCount("/R4/Consent"), pages);
    EXPECT_EQ(server_.requestsByPath().at("/R4/Consent"), pages);
    EXPECT_EQ(server_.requestCount("/R4/EpisodeOfCare"), 0u);
    server_.clearLog();
    EXPECT_EQ(server_.requestCount(), 0u);
}

}  // namespace
}  // namespace finsam::testing
