// tests/integration/rekey_test.cpp — `finsam-hub rekey` on a generated register, both stores: every
// link key moves to the new key, and ingesting the same set again under the chain changes nothing.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "core/common/json.h"
#include "core/identity/key_file.h"
#include "core/identity/pseudonymizer.h"
#include "core/store/link_key_rekey.h"
#include "core/store/store_stats.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/leak_scan.h"
#include "tests/support/store_snapshot.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kParticipants = 300;

rapidjson::Document lastJsonLine(const std::string& text) {
    auto end = text.find_last_not_of('\n');
    auto start = end == std::string::npos ? std::string::npos : text.rfind('\n', end);
    std::string line = text.substr(start == std::string::npos ? 0 : start + 1);
    rapidjson::Document document;
    document.Parse(line.c_str());
    EXPECT_FALSE(document.HasParseError()) << text;
    return document;
}

// canonicalSnapshot() sorts its lines after mapping person keys to link key values, so new values
// reorder them: compare the lines, not their order.
std::multiset<std::string> lines(const std::string& text) {
    std::multiset<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        out.insert(line);
    }
    return out;
}

// One stored link key: where it lives and whose it is.
struct StoredKey {
    std::string keyId;
    std::string value;
};

class RekeyTest : public ::testing::TestWithParam<TestBackend> {
protected:
    RekeyTest() : store_(GetParam()), files_(writeHubConfig(dir_, store_)) {}

    rapidjson::Document ingest() {
        auto result = runHub({"ingest", "--config", files_.configFile, "--all"});
        EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
        return lastJsonLine(result.out);
    }

    CommandResult rekey(const std::string& keyFile, const std::string& keyId) {
        return runHub({"rekey", "--config", files_.configFile, "--new-key-file", keyFile,
                       "--new-key-id", keyId});
    }

    std::string newKey(const std::string& name) {
        fs::create_directories(dir_.file("keys"));
        identity::writeNewKeyFile(dir_.file("keys/" + name));
        return dir_.file("keys/" + name);
    }

    // The förbund saves again: KLAR is rewritten (newer) even when the sheets did not change.
    void touchMarker() { rewriteMarker(files_.dropDir); }

    // Each person has one link key per organisation and kind; person keys never change on rekey.
    std::map<std::string, StoredKey> linkKeys() {
        auto database = store_.open();
        std::map<std::string, StoredKey> keys;
        soci::rowset<soci::row> rows = (database->session().prepare
                                        << "SELECT person_key, organisation, kind, key_id, value "
                                           "FROM link_key");
        for (const auto& row : rows) {
            std::string where = row.get<std::string>(0) + "|" + row.get<std::string>(1) + "|" +
                                row.get<std::string>(2);
            EXPECT_EQ(keys.count(where), 0u) << where;
            keys[where] = {row.get<std::string>(3), row.get<std::string>(4)};
        }
        return keys;
    }

    // Who is joined to what, by the random person key: equal before and after iff no link was lost.
    std::string personJoins() {
        auto database = store_.open();
        std::multiset<std::string> lines;
        const std::pair<const char*, const char*> queries[] = {
            {"deltagande", "SELECT person_key, entity_key, state FROM deltagande"},
            {"samtycke", "SELECT person_key, entity_key, state FROM samtycke"},
            {"ersattning", "SELECT person_key, entity_key, state FROM ersattningsperiod"},
            {"link_key", "SELECT person_key, organisation, kind FROM link_key"},
        };
        for (const auto& [table, query] : queries) {
            const std::string identified = std::string(query) + " WHERE person_key IS NOT NULL";
            soci::rowset<soci::row> rows = (database->session().prepare << identified);
            for (const auto& row : rows) {
                lines.insert(std::string(table) + " " + row.get<std::string>(0) + " " +
                             row.get<std::string>(1) + " " + row.get<std::string>(2));
            }
        }
        std::string out;
        for (const auto& line : lines) {
            out += line + "\n";
        }
        return out;
    }

    std::string stats() { return store::readStats(*store_.open()).toJson(); }
    std::string snapshot() { return canonicalSnapshot(*store_.open()); }

    TempDir dir_;
    TestStore store_;
    HubFiles files_;
};

TEST_P(RekeyTest, EveryLinkSurvivesAndTheSameSetAgainChangesNothing) {
    copyDropSet(generateForbund(dir_.file("generated"), 20240611, kParticipants), files_.dropDir);
    auto first = ingest();
    ASSERT_GT(first["events"].GetInt64(), 0);
    const std::string statsBefore = stats();
    const std::string snapshotBefore = snapshot();
    const std::string joinsBefore = personJoins();
    const auto keysBefore = linkKeys();
    ASSERT_GT(keysBefore.size(), 50u) << "the register must give the rekey something to do";
    const std::string configBefore = fileBytes(files_.configFile);

    const std::string keyFile = newKey("pseudonym-2.key");
    auto result = rekey(keyFile, "test2");
    ASSERT_EQ(result.exitCode, 0) << result.out << result.err;
    auto summary = lastJsonLine(result.out);
    EXPECT_EQ(summary["rekeyed"].GetInt64(), static_cast<std::int64_t>(keysBefore.size()));
    EXPECT_STREQ(summary["key_id"].GetString(), "test2");
    ASSERT_EQ(summary["previous"].Size(), 1u);
    EXPECT_STREQ(summary["previous"][0].GetString(), "test1");
    EXPECT_FALSE(summary["resumed"].GetBool());
    EXPECT_TRUE(summary["elapsed_seconds"].IsNumber());
    EXPECT_EQ(result.out.find(fileBytes(keyFile).substr(0, 16)), std::string::npos);
    EXPECT_EQ(result.err.find(fileBytes(keyFile).substr(0, 16)), std::string::npos);

    // Every row moved to the new id; each value is HMAC(new secret, old value); no old value left.
    const identity::Pseudonymizer step(identity::loadKeyFile(keyFile, "test2"));
    const auto keysAfter = linkKeys();
    ASSERT_EQ(keysAfter.size(), keysBefore.size());
    std::set<std::string> oldValues;
    std::map<std::string, std::string> rewritten;
    for (const auto& [where, key] : keysBefore) {
        oldValues.insert(key.value);
        rewritten[key.value] = step.mac(key.value);
    }
    for (const auto& [where, key] : keysAfter) {
        ASSERT_EQ(keysBefore.count(where), 1u) << "no person lost or gained a link key: " << where;
        EXPECT_EQ(key.keyId, "test2");
        EXPECT_EQ(key.value, step.mac(keysBefore.at(where).value));
        EXPECT_EQ(oldValues.count(key.value), 0u) << "an old value survived";
    }
    EXPECT_EQ(personJoins(), joinsBefore);
    EXPECT_EQ(stats(), statsBefore);
    std::string expected = snapshotBefore;
    for (const auto& [from, to] : rewritten) {
        for (auto at = expected.find(from); at != std::string::npos; at = expected.find(from, at)) {
            expected.replace(at, from.size(), to);
        }
    }
    EXPECT_EQ(lines(snapshot()), lines(expected)) << "the same facts and feed, new link keys";

    // hub.json: the new key is current, the old one moved to previous_keys, nothing else changed.
    EXPECT_FALSE(fs::exists(files_.configFile + ".tmp"));
    rapidjson::Document before, after;
    before.Parse(configBefore.c_str());
    after = common::readJsonFile(files_.configFile);
    EXPECT_STREQ(after["identity"]["key_file"].GetString(), "keys/pseudonym-2.key")
        << "inside the config directory, so written relative to it";
    EXPECT_STREQ(after["identity"]["key_id"].GetString(), "test2");
    ASSERT_EQ(after["identity"]["previous_keys"].Size(), 1u);
    EXPECT_STREQ(after["identity"]["previous_keys"][0]["key_file"].GetString(), "pseudonym.key");
    EXPECT_STREQ(after["identity"]["previous_keys"][0]["key_id"].GetString(), "test1");
    before.RemoveMember("identity");
    after.RemoveMember("identity");
    EXPECT_EQ(common::toJson(after), common::toJson(before));
    auto check = runHub({"check-config", "--config", files_.configFile});
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;

    // The same register again, read anew under the chain [test1, test2]: nothing at all changes.
    touchMarker();
    auto second = ingest();
    EXPECT_EQ(second["read"].GetInt64(), first["read"].GetInt64()) << "the set was read again";
    EXPECT_EQ(second["accepted"].GetInt64(), first["accepted"].GetInt64());
    EXPECT_EQ(second["events"].GetInt64(), 0) << "every person, link and consent was found again";
    EXPECT_EQ(stats(), statsBefore);
    EXPECT_EQ(personJoins(), joinsBefore);
    EXPECT_EQ(linkKeys().size(), keysBefore.size());
    EXPECT_EQ(lines(snapshot()), lines(expected));
}

TEST_P(RekeyTest, TwoRotationsChainThreeKeysAndKeepEveryLink) {
    copyDropSet(std::string(FINSAM_SOURCE_DIR) + "/connectors/forbund-csv/fixtures/good-set",
                files_.dropDir);
    ingest();
    const std::string statsBefore = stats();
    const std::string joinsBefore = personJoins();
    const auto keysBefore = linkKeys();
    ASSERT_FALSE(keysBefore.empty());

    ASSERT_EQ(rekey(newKey("k2.key"), "test2").exitCode, 0);
    auto result = rekey(newKey("k3.key"), "test3");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    auto summary = lastJsonLine(result.out);
    EXPECT_EQ(summary["rekeyed"].GetInt64(), static_cast<std::int64_t>(keysBefore.size()));
    ASSERT_EQ(summary["previous"].Size(), 2u);
    EXPECT_STREQ(summary["previous"][0].GetString(), "test1") << "oldest first";
    EXPECT_STREQ(summary["previous"][1].GetString(), "test2");

    // Ingest derives HMAC(k3, HMAC(k2, HMAC(k1, number))): exactly the twice re-keyed values.
    touchMarker();
    auto again = ingest();
    EXPECT_GT(again["read"].GetInt64(), 0);
    EXPECT_EQ(again["events"].GetInt64(), 0);
    EXPECT_EQ(stats(), statsBefore);
    EXPECT_EQ(personJoins(), joinsBefore);
    for (const auto& [where, key] : linkKeys()) {
        EXPECT_EQ(key.keyId, "test3") << where;
    }
}

// A crash between the store's commit and the rename of hub.json leaves the store under the new id
// and the configuration under the old one. The hub refuses to ingest that way (it would make a
// second person for everyone); running the same rekey again finishes it.
TEST_P(RekeyTest, AnInterruptedRekeyIsRefusedByIngestAndFinishedByRunningItAgain) {
    copyDropSet(std::string(FINSAM_SOURCE_DIR) + "/connectors/forbund-csv/fixtures/good-set",
                files_.dropDir);
    ingest();
    const std::string statsBefore = stats();
    const std::string joinsBefore = personJoins();
    const std::string configBefore = fileBytes(files_.configFile);
    const std::string keyFile = newKey("k2.key");
    ASSERT_EQ(rekey(keyFile, "test2").exitCode, 0);
    std::ofstream(files_.configFile, std::ios::binary | std::ios::trunc) << configBefore;

    touchMarker();
    auto refused = runHub({"ingest", "--config", files_.configFile, "--all"});
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_NE(refused.err.find("key id test2"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("rekey"), std::string::npos) << refused.err;
    EXPECT_EQ(stats(), statsBefore) << "nothing was ingested under the wrong key";

    auto finished = rekey(keyFile, "test2");
    ASSERT_EQ(finished.exitCode, 0) << finished.err;
    auto summary = lastJsonLine(finished.out);
    EXPECT_TRUE(summary["resumed"].GetBool());
    EXPECT_EQ(summary["rekeyed"].GetInt64(), 0);
    EXPECT_STREQ(common::readJsonFile(files_.configFile)["identity"]["key_id"].GetString(), "test2");

    auto again = ingest();
    EXPECT_GT(again["read"].GetInt64(), 0);
    EXPECT_EQ(again["events"].GetInt64(), 0);
    EXPECT_EQ(personJoins(), joinsBefore);
}

// The store pass on its own: pages smaller than the table, several organisations and kinds, rows
// that move ahead of the cursor, and refusals that leave every row as it was.
TEST_P(RekeyTest, TheStorePassWalksEveryPageAndRefusesForeignKeyIds) {
    auto database = store_.open();
    auto& sql = database->session();
    const identity::Pseudonymizer old({"a", std::string(32, 'a')});
    const identity::Pseudonymizer step({"b", std::string(32, 'b')});
    std::map<std::string, std::string> expected;  // person_key -> value after the pass
    int n = 0;
    // The odd id reaches PostgreSQL inside an array literal: quotes, backslash, comma, braces.
    for (std::string organisation : {"af", "forbund-x", "kommun-0180", "we\"ird\\ {org},x"}) {
        for (auto kind : {identity::IdentityKind::kPersonnummer,
                          identity::IdentityKind::kSamordningsnummer}) {
            for (int i = 0; i < 7; ++i, ++n) {
                // Named variables only: SOCI binds by reference and runs after temporaries die.
                std::string person = "p" + std::to_string(n);
                std::string value = old.linkKey(kind, "1990010112" + std::to_string(10 + n)).value;
                std::string kindText = identity::toString(kind);
                sql << "INSERT INTO person (person_key, protected, content_hash, created_at, "
                       "updated_at) VALUES (:p, 0, 'h', 't', 't')",
                    soci::use(person);
                sql << "INSERT INTO link_key (organisation, kind, key_id, value, person_key, "
                       "created_at) VALUES (:o, :k, 'a', :v, :p, 't')",
                    soci::use(organisation), soci::use(kindText), soci::use(value),
                    soci::use(person);
                expected[person] = step.mac(value);
            }
        }
    }
    auto derive = [&step](const std::string& value) { return step.mac(value); };
    const std::string untouched = store_.dumpAllTables();

    EXPECT_THROW(store::rekeyLinkKeys(*database, "a", "a", derive), std::invalid_argument);
    sql << "INSERT INTO link_key (organisation, kind, key_id, value, person_key, created_at) "
           "VALUES ('af', 'personnummer', 'rogue', 'ff', 'p0', 't')";
    try {
        store::rekeyLinkKeys(*database, "a", "b", derive, 4);
        ADD_FAILURE() << "a row under another key id must refuse the rekey";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("rogue (1 rows)"), std::string::npos) << e.what();
    }
    sql << "DELETE FROM link_key WHERE key_id = 'rogue'";
    EXPECT_EQ(store_.dumpAllTables(), untouched);

    auto result = store::rekeyLinkKeys(*database, "a", "b", derive, 4);
    EXPECT_EQ(result.rekeyed, n);
    EXPECT_FALSE(result.resumed);
    std::map<std::string, std::string> actual;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT person_key, key_id, value FROM link_key");
    for (const auto& row : rows) {
        EXPECT_EQ(row.get<std::string>(1), "b");
        actual[row.get<std::string>(0)] = row.get<std::string>(2);
    }
    EXPECT_EQ(actual, expected);

    auto again = store::rekeyLinkKeys(*database, "a", "b", derive, 4);
    EXPECT_TRUE(again.resumed) << "the store half done: a second run changes nothing";
    EXPECT_EQ(again.rekeyed, 0);
    const std::string rekeyed = store_.dumpAllTables();
    sql << "INSERT INTO link_key (organisation, kind, key_id, value, person_key, created_at) "
           "VALUES ('af', 'personnummer', 'a', 'ee', 'p0', 't')";
    EXPECT_THROW(store::rekeyLinkKeys(*database, "a", "b", derive, 4), std::runtime_error)
        << "rows under both ids: an ingest ran with the old configuration";
    sql << "DELETE FROM link_key WHERE value = 'ee'";
    EXPECT_EQ(store_.dumpAllTables(), rekeyed);
}

INSTANTIATE_TEST_SUITE_P(Backends, RekeyTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
