// tests/e2e/feed_replay_test.cpp — a consumer that replays the whole feed ends with exactly the current state:
// GET /v1/deltaganden, /v1/insatser, /v1/persons and `finsam-hub export` equal the replayed model, and no
// answer or file holds a personnummer of the input.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <Poco/Process.h>
#include <Poco/URI.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/common/hash.h"
#include "core/common/json.h"
#include "core/feed/current_state.h"
#include "core/feed/event_catalogue.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/leak_scan.h"
#include "tests/support/state_csv.h"
#include "tests/support/test_store.h"
#include "csv_reader.h"

namespace finsam::testing {
namespace {

namespace fs = std::filesystem;
using Items = std::map<std::string, std::string>;  // key -> item as compact JSON
using feed::ConsumerAction;

constexpr const char* kLimitedToken = "test-sthlm-reader-token-0123456789ab";

std::string compact(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return buffer.GetString();
}

// What a consumer keeps, built only from events and the catalogue's consumer action of each type.
class ReplayModel {
public:
    void apply(const rapidjson::Value& event) {
        const std::string type = event["type"].GetString(), key = event["key"].GetString();
        const auto* info = feed::findEventType(type);
        ASSERT_NE(info, nullptr) << type;
        const auto& payload = event["payload"];
        const std::string entity(info->entity);
        ++seen_[type];
        switch (info->action) {
            case ConsumerAction::kUpsert:
                entities_[entity][key] = compact(payload);
                break;
            case ConsumerAction::kDelete:
                entities_[entity].erase(key);
                duplicateOf_.erase(key);
                break;
            case ConsumerAction::kLink:
            case ConsumerAction::kUnlink: {
                const std::string a = payload["persons"][0].GetString(), b = payload["persons"][1].GetString();
                for (const auto& [self, otherKey] : {std::pair{a, b}, std::pair{b, a}}) {
                    const std::string& other = otherKey;  // a plain name: the lambda below captures it (clang 14)
                    auto& links = links_[self];
                    if (info->action == ConsumerAction::kLink) {
                        links[{other, payload["purpose"].GetString()}] = linkOf(other, payload);
                    } else {
                        // protected_identity's unlink names no purpose: every link of the pair goes.
                        const bool anyPurpose = !payload.HasMember("purpose");
                        std::erase_if(links, [&](const auto& link) {
                            return link.first.first == other &&
                                   (anyPurpose || link.first.second == payload["purpose"].GetString());
                        });
                    }
                }
                break;
            }
            case ConsumerAction::kMerge:
                duplicateOf_[key] = payload["duplicate_of"].GetString();
                break;
            case ConsumerAction::kUnmerge:
                duplicateOf_.erase(key);
                entities_[entity][key] = compact(payload);
                break;
        }
    }

    // The collection as the current-state API documents it.
    Items collection(const std::string& entity) {
        Items items;
        for (const auto& [key, payload] : entities_[entity]) {
            rapidjson::Document item = parseJsonBody(payload);
            auto& allocator = item.GetAllocator();
            if (entity == "deltagande" && duplicateOf_.count(key) != 0) {
                item.AddMember("duplicate_of", rapidjson::Value(duplicateOf_[key].c_str(), allocator), allocator);
            }
            if (entity == "person") {
                rapidjson::Value links(rapidjson::kArrayType);
                for (const auto& [ignored, link] : links_[key]) {  // ordered by (person_key, purpose)
                    rapidjson::Document one = parseJsonBody(link);
                    links.PushBack(rapidjson::Value(one, allocator), allocator);
                }
                item.AddMember("links", links, allocator);
            }
            items[key] = compact(item);
        }
        return items;
    }

    int seen(const std::string& type) const { return seen_.count(type) != 0 ? seen_.at(type) : 0; }

private:
    static std::string linkOf(const std::string& other, const rapidjson::Value& payload) {
        rapidjson::Document link(rapidjson::kObjectType);
        auto& allocator = link.GetAllocator();
        link.AddMember("person_key", rapidjson::Value(other.c_str(), allocator), allocator);
        for (const char* name : {"purpose", "consent", "valid_from", "valid_to"}) {
            link.AddMember(rapidjson::StringRef(name), rapidjson::Value(payload[name], allocator), allocator);
        }
        return compact(link);
    }

    std::map<std::string, Items> entities_;
    std::map<std::string, std::string> duplicateOf_;
    std::map<std::string, std::map<std::pair<std::string, std::string>, std::string>> links_;
    std::map<std::string, int> seen_;
};

// The world: the förbund's register, AF's snapshots and FK's batches of one generated world.
// The register is read from the fixture's drop folder, where the test delivers it twice.
std::vector<ConnectorInstance> connectorsFor(const std::string& world) {
    const std::string mappings = std::string(FINSAM_SOURCE_DIR) + "/config/mappings/";
    auto settings = [world](const std::string& format, const std::string& extra) {
        return [=](const std::string&) {
            return "{\"drop_dir\":" + common::jsonQuote(world + "/" + format) + extra + "}";
        };
    };
    auto drop = [](const std::string& dropDir) { return "{\"drop_dir\":" + common::jsonQuote(dropDir) + "}"; };
    return {{"forbund", "forbund-csv", "forbund-sthlm", mappings + "forbund-csv.json", drop},
            {"af", "af-csv", "af", mappings + "af-csv.json", settings("af", ",\"forbund_orgnr\":\"2220001230\"")},
            {"fk", "fk-fixed", "fk", mappings + "fk-fixed.json", settings("fk", ",\"receiver_orgnr\":\"2220001230\"")}};
}

// The register a day later: every second consent still in force is withdrawn on `date` (Återkallat).
void copyWithWithdrawals(const std::string& from, const std::string& to, const std::string& date) {
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    const std::string text = fileBytes(from + "/samtycken.csv");
    auto document = sdk::toolkit::readCsv(text);
    ASSERT_FALSE(document.records.empty());
    const auto& header = document.records[0].fields;
    std::size_t column = 0;
    while (column < header.size() && header[column].value.find("terkallat") == std::string::npos) {
        ++column;
    }
    ASSERT_LT(column, header.size()) << "samtycken.csv has an Återkallat column";
    std::string out;
    for (std::size_t i = 0; i < document.records.size(); ++i) {
        const auto& record = document.records[i];
        std::string raw = record.raw;
        if (i > 0 && i % 2 == 0 && column < record.fields.size() && record.fields[column].value.empty()) {
            raw.replace(record.fields[column].offset, record.fields[column].length, date);
        }
        out += raw + "\r\n";
    }
    std::ofstream(to + "/samtycken.csv", std::ios::binary | std::ios::trunc) << out;
}

// hub.json gains a reader limited to the förbund (the fixture's tokens see every förbund).
void addLimitedToken(const std::string& configFile) {
    rapidjson::Document config = common::readJsonFile(configFile);
    auto& allocator = config.GetAllocator();
    rapidjson::Document token = parseJsonBody("{\"name\":\"sthlm-reader\",\"sha256\":\"" + common::sha256Hex(kLimitedToken) +
                                      "\",\"scopes\":[\"feed:read\"],\"forbund\":\"forbund-sthlm\"}");
    config["tokens"].PushBack(rapidjson::Value(token, allocator), allocator);
    std::ofstream(configFile, std::ios::trunc) << compact(config);
}

class FeedReplayTest : public ::testing::TestWithParam<TestBackend> {
protected:
    // Every page of a current-state collection, following next_after_key; `bodies` collects what was answered.
    Items readState(const std::string& path, const std::string& token, const std::string& filter = "") {
        Items items;
        std::string after;
        for (int pages = 0; pages < 1000; ++pages) {
            std::string target = path + "?limit=97" + filter;
            if (!after.empty()) {
                std::string encoded;
                Poco::URI::encode(after, "/?#&=+ ", encoded);
                target += "&after_key=" + encoded;
            }
            auto response = httpGet(serve_->port(), target, token);
            EXPECT_EQ(response.status, 200) << target << " " << response.body;
            bodies_ += response.body;
            auto page = parseJsonBody(response.body);
            std::string previous = after;
            for (const auto& item : page["items"].GetArray()) {
                std::string key = item.HasMember("entity_key") ? item["entity_key"].GetString()
                                                               : item["person_key"].GetString();
                EXPECT_GT(key, previous) << "ascending keys";
                previous = key;
                items[key] = compact(item);
            }
            if (page["next_after_key"].IsNull()) {
                return items;
            }
            after = page["next_after_key"].GetString();
        }
        ADD_FAILURE() << path << ": the cursor never ended";
        return items;
    }

    // Replays /v1/feed from 0 as `token` sees it.
    ReplayModel replay(const std::string& token) {
        ReplayModel model;
        for (std::int64_t after = 0;;) {
            auto response = httpGet(serve_->port(), "/v1/feed?after=" + std::to_string(after) + "&limit=1000", token);
            EXPECT_EQ(response.status, 200) << response.body;
            bodies_ += response.body;
            auto page = parseJsonBody(response.body);
            if (page["events"].Empty()) {
                return model;
            }
            for (const auto& event : page["events"].GetArray()) {
                model.apply(event);
            }
            after = page["next_after"].GetInt64();
        }
    }

    // `finsam-hub export` in each format writes `expected`, the API's items in key order.
    void expectExportsEqual(const std::string& configFile, const std::string& base, const char* entity,
                            feed::StateCollection collection, const std::vector<std::string>& expected) {
        for (const char* format : {"ndjson", "json", "csv"}) {
            auto result = runHub({"export", "--config", configFile, "--entity", entity, "--format", format, "--out",
                                  base + "." + format});
            ASSERT_EQ(result.exitCode, 0) << result.err;
            bodies_ += fileBytes(base + "." + format);
        }
        EXPECT_EQ(linesOf(fileBytes(base + ".ndjson")), expected);
        std::vector<std::string> fromJson;
        const auto array = parseJsonBody(fileBytes(base + ".json"));
        for (const auto& item : array.GetArray()) {
            fromJson.push_back(compact(item));
        }
        EXPECT_EQ(fromJson, expected);
        const auto rows = csvCells(fileBytes(base + ".csv"));
        const auto columns = feed::stateColumns(collection);
        ASSERT_EQ(rows.size(), expected.size() + 1);
        EXPECT_EQ(rows[0], columns);
        for (std::size_t i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(rows[i + 1], expectedCsvCells(columns, expected[i]));
        }
    }

    static std::vector<std::string> linesOf(const std::string& text) {
        std::vector<std::string> lines;
        std::istringstream stream(text);
        for (std::string line; std::getline(stream, line);) {
            lines.push_back(line);
        }
        return lines;
    }

    std::unique_ptr<ServeProcess> serve_;
    std::string bodies_;
};

TEST_P(FeedReplayTest, ReplayingTheFeedGivesTheCurrentStateAndTheExports) {
    TempDir dir;
    TestStore store(GetParam());
    const std::string world = dir.file("world");
    const std::string generator = (fs::path(FINSAM_HUB_BINARY).parent_path() / "finsam-gen").string();
    // 160 deltaganden from 2019: AF runs insatser (its INS rows merge with the register's), 3 AF snapshots
    // withdraw rows, two years of FK batches; small enough to stay fast on PostgreSQL.
    ASSERT_EQ(Poco::Process::launch(generator, {"all", "--out", world, "--seed", "11", "--participants", "160",
                                                "--year-from", "2019", "--af-snapshots", "3"})
                  .wait(),
              0);
    const auto numbers = numbersInFolder(world + "/truth");  // everyone of the world, whoever reports them
    ASSERT_GT(numbers.size(), 100u);
    HubFiles files = writeHubConfigFor(dir, store, connectorsFor(world), "hub.json", 200);
    addLimitedToken(files.configFile);
    // The register, AF's snapshots (a later one withdraws rows) and FK's batches (makuleringar): links form,
    // reports merge, benefit periods are cancelled. Then the register again, with consents withdrawn: persons
    // unlink, merged reports of two persons part, participations end.
    copyWithWithdrawals(world + "/forbund", dir.file("register-later"), "2020-12-31");
    for (const std::string& delivery : {world + "/forbund", dir.file("register-later")}) {
        copyDropSet(delivery, files.dropDir);
        auto ingest = runHub({"ingest", "--config", files.configFile, "--all"});
        ASSERT_EQ(ingest.exitCode, 0) << ingest.err;
    }
    serve_ = std::make_unique<ServeProcess>(files.configFile);

    ReplayModel model = replay(kReaderToken);
    for (const char* type : {"deltagande.merged", "deltagande.unmerged", "deltagande.ended", "person.linked",
                             "person.unlinked", "ersattning.cancelled", "samtycke.changed", "insats.upserted"}) {
        EXPECT_GT(model.seen(type), 0) << type;
    }
    const std::vector<std::tuple<std::string, std::string, const char*, feed::StateCollection>> collections = {
        {"deltagande", "/v1/deltaganden", "deltaganden", feed::StateCollection::kDeltagande},
        {"insats", "/v1/insatser", "insatser", feed::StateCollection::kInsats},
        {"person", "/v1/persons", "persons", feed::StateCollection::kPerson}};
    for (const auto& [entity, path, exportName, collection] : collections) {
        SCOPED_TRACE(path);
        const Items state = readState(path, kReaderToken);
        EXPECT_FALSE(state.empty());
        EXPECT_EQ(model.collection(entity), state);

        std::vector<std::string> expected;  // in key order, as pages and exports give them
        for (const auto& [key, item] : state) {
            expected.push_back(item);
        }
        expectExportsEqual(files.configFile, dir.file(std::string("export-") + exportName), exportName,
                           collection, expected);
        // NDJSON: the first page, one item per line.
        auto ndjson = httpGet(serve_->port(), path + "?limit=97", kReaderToken, "application/x-ndjson");
        EXPECT_EQ(ndjson.contentType, "application/x-ndjson");
        expected.resize(std::min<std::size_t>(expected.size(), 97));
        EXPECT_EQ(linesOf(ndjson.body), expected);
    }

    // A token limited to the förbund replays its own feed into its own current state.
    ReplayModel limited = replay(kLimitedToken);
    for (const auto& [entity, path] :
         {std::pair{"deltagande", "/v1/deltaganden"}, std::pair{"insats", "/v1/insatser"}}) {
        const Items own = readState(path, kLimitedToken);
        EXPECT_EQ(limited.collection(entity), own) << path;
        EXPECT_EQ(own, readState(path, kReaderToken, "&forbund=forbund-sthlm")) << path;
    }
    auto other = httpGet(serve_->port(), "/v1/deltaganden?forbund=forbund-malmo", kLimitedToken);
    EXPECT_EQ(other.status, 403) << other.body;
    EXPECT_EQ(limited.collection("person"), Items{}) << "persons and links are förbund-neutral";
    EXPECT_EQ(httpGet(serve_->port(), "/v1/persons", kLimitedToken).status, 403);
    EXPECT_EQ(httpGet(serve_->port(), "/v1/deltaganden?after=1", kReaderToken).status, 400);
    EXPECT_EQ(httpGet(serve_->port(), "/v1/persons", kIngestOnlyToken).status, 403);
    EXPECT_EQ(httpGet(serve_->port(), "/v1/insatser").status, 401);

    // Every read was audited: who, which endpoint, how many rows.
    auto audit = httpGet(serve_->port(), "/v1/admin/access?limit=1000", kAdminToken);
    ASSERT_EQ(audit.status, 200) << audit.body;
    EXPECT_NE(audit.body.find("\"endpoint\":\"/v1/persons\""), std::string::npos);
    EXPECT_NE(audit.body.find("\"token\":\"sthlm-reader\""), std::string::npos);

    EXPECT_EQ(leakedNumbers(numbers, bodies_), std::vector<std::string>{});
    const auto names = afNamesInFolder(world + "/af");
    ASSERT_GT(names.size(), 20u);  // the scan has something to find
    EXPECT_EQ(leakedNames(names, bodies_), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedReplayTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
