// connectors/region-fhir/tests/http/region_partner_fixture.cpp — see the header.
// SPDX-License-Identifier: Apache-2.0
#include "http/region_partner_fixture.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <utility>

#include "http_page_fetcher.h"
#include "identity_scan.h"
#include "record_views.h"
#include "search_checkpoint.h"
#include "test_fetchers.h"

namespace finsam::connectors::region_fhir::testing {

namespace {

constexpr const char* kTokenFile = "region.token";
constexpr std::size_t kMaxRecords = 500;  // a page is one batch whatever the host asks for

rapidjson::Document parsedFile(const std::filesystem::path& file) {
    rapidjson::Document document;
    const std::string text = readFile(file);
    document.Parse(text.c_str());
    return document;
}

std::string compact(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return buffer.GetString();
}

// Digit runs with the '-' or '+' a personnummer may carry before its last four taken out, so a number
// written either way is found by its digits.
std::vector<std::string> digitRuns(const std::string& text) {
    std::vector<std::string> runs;
    std::string run;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : '\0';
        if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
            run += c;
        } else if ((c == '-' || c == '+') && !run.empty() && i + 1 < text.size() &&
                   std::isdigit(static_cast<unsigned char>(text[i + 1])) != 0) {
            continue;
        } else if (!run.empty()) {
            runs.push_back(std::move(run));
            run.clear();
        }
    }
    return runs;
}

// `since` or `seen` of a search moved: the batch read matches not read before.
bool readSomethingNew(const std::string& before, const std::string& after) {
    const auto old = Checkpoint::parse(before);
    const auto now = Checkpoint::parse(after);
    for (const auto& [type, cursor] : now->searches) {
        const auto was = old->searches.find(type);
        if (was == old->searches.end() ? !cursor.seen.empty()
                                       : cursor.since != was->second.since || cursor.seen != was->second.seen) {
            return true;
        }
    }
    return false;
}

}  // namespace

const GeneratedRegion& generatedRegion() {
    static const GeneratedRegion region(300, 1, kGeneratorPageSize);
    return region;
}

RegionPartnerFixture::RegionPartnerFixture(std::optional<finsam::testing::TlsServerFiles> tls) {
    finsam::testing::PartnerServerOptions options;
    options.data = generatedRegion().regionDir().parent_path();
    options.tls = std::move(tls);
    options.regionToken = kRegionToken;
    server = std::make_unique<finsam::testing::PartnerServer>(options);
    sdk::testkit::writeSecretFile(config.path() / kTokenFile, std::string(kRegionToken) + "\n");
}

RegionPartnerFixture::~RegionPartnerFixture() = default;

std::string RegionPartnerFixture::settings(int pageSize) const {
    return R"({"base_url":")" + server->regionBaseUrl() + R"(","token":{"file":")" + kTokenFile +
           R"("},"page_size":)" + std::to_string(pageSize) +
           R"(,"timeouts":{"connect_seconds":5,"request_seconds":10},)"
           R"("retries":{"max_attempts":4,"base_delay_ms":1,"max_delay_seconds":1},)"
           R"("rehabkoordinering":"kontakt")" +
           (extraSettings.empty() ? "" : "," + extraSettings) + "}";
}

HostRun RegionPartnerFixture::run(const RunPlan& plan) {
    HostRun out;
    out.checkpoint = plan.checkpoint;
    sdk::Connector& target = plan.connector != nullptr ? *plan.connector : connector;
    const sdk::Context context{"region", "region-01", config.path().string(), &logger};
    sdk::Result error;
    auto connectorRun = target.open(settings(plan.pageSize), plan.checkpoint, context, error);
    if (!connectorRun) {
        out.result = error;
        return out;
    }
    std::size_t pages = 0;
    while (pages < plan.pagesAtMost) {
        sdk::testkit::CollectingSink sink;
        sdk::BatchOutcome batch = connectorRun->readBatch(kMaxRecords, sink);
        if (batch.result.status != sdk::Status::kOk) {
            out.result = batch.result;  // the host marks the instance failing and saves nothing of the batch
            out.failedBatchCheckpoint = batch.checkpoint;
            return out;
        }
        out.saved.append(sink.take());
        pages += readSomethingNew(out.checkpoint, batch.checkpoint) ? 1 : 0;
        out.checkpoint = batch.checkpoint;
        ++out.batchesSaved;
        if (batch.drained) {
            out.drained = true;
            return out;
        }
    }
    if (plan.crashAfter) {
        sdk::testkit::CollectingSink lost;  // read, never committed: the process died before the save
        connectorRun->readBatch(kMaxRecords, lost);
    }
    return out;
}

HostRun RegionPartnerFixture::runCrashingAfterEveryPage(
    int pageSize, const std::function<std::string(const std::string&)>& beforeResume) {
    HostRun all;
    all.runs = 0;
    std::string checkpoint;
    while (all.runs < 1000) {
        HostRun one = run({.checkpoint = checkpoint, .pageSize = pageSize, .pagesAtMost = 1, .crashAfter = true});
        ++all.runs;
        all.saved.append(std::move(one.saved));
        all.batchesSaved += one.batchesSaved;
        all.checkpoint = one.checkpoint;
        if (one.result.status != sdk::Status::kOk || one.drained) {
            all.result = one.result;
            all.drained = one.drained;
            return all;
        }
        checkpoint = beforeResume ? beforeResume(one.checkpoint) : one.checkpoint;
    }
    all.result = {sdk::Status::kInternalError, "never drained"};
    return all;
}

sdk::testkit::DrainOutcome RegionPartnerFixture::recordedRead() const {
    auto fetcher = std::make_shared<GeneratedPagesFetcher>(generatedRegion().regionDir());
    return drain(fetcher, "", settingsJson(kGeneratorPageSize, R"("rehabkoordinering":"kontakt")"), nullptr, 500);
}

std::unique_ptr<RegionFhirConnector> RegionPartnerFixture::connectorRecordingWaits(
    std::shared_ptr<std::vector<std::chrono::milliseconds>> waits) {
    return std::make_unique<RegionFhirConnector>(
        [waits](const Settings& settings, const sdk::Context& context) -> std::unique_ptr<PageFetcher> {
            auto fetcher = std::make_unique<HttpPageFetcher>(settings, context.configDir);
            fetcher->setSleeper([waits](std::chrono::milliseconds wait) { waits->push_back(wait); });
            return fetcher;
        });
}

std::vector<std::string> RegionPartnerFixture::textsSaid(const std::vector<const HostRun*>& runs) const {
    std::vector<std::string> texts;
    for (const HostRun* one : runs) {
        texts.push_back(one->result.message);
        texts.push_back(one->checkpoint);
        texts.push_back(one->failedBatchCheckpoint.value_or(""));
        for (const auto& record : one->saved.records) {
            texts.push_back(record.raw);
            texts.push_back(record.key);
        }
        for (const auto& problem : one->saved.problems) {
            texts.insert(texts.end(), {problem.raw, problem.message, problem.field, problem.key});
        }
        for (const auto& rejection : one->saved.rejections) {
            texts.insert(texts.end(), {rejection.message, rejection.position.source});
        }
        texts.insert(texts.end(), one->saved.warnings.begin(), one->saved.warnings.end());
    }
    for (const auto& [level, line] : logger.lines()) {
        texts.push_back(line);
    }
    return texts;
}

void RegionPartnerFixture::expectNothingSecretIn(const std::vector<const HostRun*>& runs) const {
    std::set<std::string> numbers;
    for (const auto& number : worldNumbers(generatedRegion().worldFile())) {
        numbers.insert(number);
    }
    ASSERT_GT(numbers.size(), 300u);
    for (const auto& text : textsSaid(runs)) {
        EXPECT_EQ(text.find(kRegionToken), std::string::npos) << "the token in: " << text.substr(0, 300);
        for (const auto& run : digitRuns(text)) {
            for (std::size_t length : {std::size_t{10}, std::size_t{12}}) {
                for (std::size_t at = 0; at + length <= run.size(); ++at) {
                    ASSERT_EQ(numbers.count(run.substr(at, length)), 0u)
                        << "a number of the world in: " << sdk::testkit::maskIdentityLike(text).substr(0, 300);
                }
            }
        }
    }
    for (const HostRun* one : runs) {
        EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(one->saved));
    }
}

std::vector<std::string> contentOf(const sdk::testkit::Collected& collected) {
    return describeAll(collected.records, false);
}

std::vector<std::string> sortedContentOf(const sdk::testkit::Collected& collected) {
    auto lines = contentOf(collected);
    std::sort(lines.begin(), lines.end());
    return lines;
}

std::vector<std::string> contentWithout(const sdk::testkit::Collected& collected,
                                        const std::vector<std::string>& keys) {
    std::vector<std::string> lines;
    for (const auto& record : collected.records) {
        if (std::find(keys.begin(), keys.end(), record.key) == keys.end()) {
            lines.push_back(describe(record, false));
        }
    }
    return lines;
}

std::vector<std::string> generatedMatchesJson(const std::string& type) {
    const auto folder = generatedRegion().regionDir() / type;
    const auto index = parsedFile(folder / "index.json");
    std::vector<std::string> matches;
    for (const auto& page : index["pages"].GetArray()) {
        const auto bundle = parsedFile(folder / page["file"].GetString());
        for (const auto& entry : bundle["entry"].GetArray()) {
            if (std::string(entry["search"]["mode"].GetString()) == "match") {
                matches.push_back(compact(entry["resource"]));
            }
        }
    }
    return matches;
}

}  // namespace finsam::connectors::region_fhir::testing
