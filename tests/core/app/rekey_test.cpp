// tests/core/app/rekey_test.cpp — `finsam-hub rekey` refusals and the key chain in hub.json. Each
// refusal exits non-zero, names what is wrong, and leaves the store and hub.json as they were.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/identity/key_file.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/leak_scan.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

namespace fs = std::filesystem;

class RekeyCliTest : public ::testing::TestWithParam<TestBackend> {
protected:
    RekeyCliTest() : store_(GetParam()), files_(writeHubConfig(dir_, store_)) {
        copyDropSet(std::string(FINSAM_SOURCE_DIR) + "/connectors/forbund-csv/fixtures/good-set",
                    files_.dropDir);
        auto ingest = runHub({"ingest", "--config", files_.configFile, "--all"});
        EXPECT_EQ(ingest.exitCode, 0) << ingest.err;
        fs::create_directories(dir_.file("keys"));
    }

    CommandResult rekey(const std::string& keyFile, const std::string& keyId) {
        return runHub({"rekey", "--config", files_.configFile, "--new-key-file", keyFile,
                       "--new-key-id", keyId});
    }

    std::string newKey(const std::string& name) {
        identity::writeNewKeyFile(dir_.file("keys/" + name));
        return dir_.file("keys/" + name);
    }

    // Runs a rekey that must be refused and checks that nothing at all changed.
    CommandResult expectRefused(const std::string& keyFile, const std::string& keyId) {
        const std::string tables = store_.dumpAllTables();
        const std::string config = fileBytes(files_.configFile);
        EXPECT_NE(tables.find("|test1|"), std::string::npos) << "there are link keys to protect";
        auto result = rekey(keyFile, keyId);
        EXPECT_NE(result.exitCode, 0) << result.out;
        EXPECT_EQ(result.out, "") << "no summary for a refused rekey";
        EXPECT_EQ(store_.dumpAllTables(), tables) << "the store is untouched";
        EXPECT_EQ(fileBytes(files_.configFile), config) << "hub.json is untouched";
        EXPECT_FALSE(fs::exists(files_.configFile + ".tmp"));
        return result;
    }

    TempDir dir_;
    TestStore store_;
    HubFiles files_;
};

TEST_P(RekeyCliTest, RefusesAKeyIdAlreadyInTheChain) {
    auto result = expectRefused(newKey("k2.key"), "test1");
    EXPECT_NE(result.err.find("key id test1 is already in the key chain"), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find(files_.configFile), std::string::npos) << result.err;
}

TEST_P(RekeyCliTest, RefusesAWorldReadableNewKey) {
    const std::string keyFile = newKey("k2.key");
    fs::permissions(keyFile, fs::perms::others_read, fs::perm_options::add);
    auto result = expectRefused(keyFile, "test2");
    EXPECT_NE(result.err.find(keyFile), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("group or others"), std::string::npos) << result.err;
}

TEST_P(RekeyCliTest, RefusesAMissingNewKeyFile) {
    const std::string keyFile = dir_.file("keys/missing.key");
    auto result = expectRefused(keyFile, "test2");
    EXPECT_NE(result.err.find(keyFile), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("does not exist"), std::string::npos) << result.err;
}

TEST_P(RekeyCliTest, RefusesANewIdOverTheCurrentSecret) {
    const std::string keyFile = dir_.file("keys/copy.key");
    fs::copy_file(dir_.file("pseudonym.key"), keyFile);
    fs::permissions(keyFile, fs::perms::owner_read | fs::perms::owner_write);
    auto result = expectRefused(keyFile, "test2");
    EXPECT_NE(result.err.find("same secret as key id test1"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find(identity::trimSecret(fileBytes(keyFile))), std::string::npos)
        << "never the key material";
}

TEST_P(RekeyCliTest, RefusesAKeyIdTheConfigurationCouldNotHold) {
    auto result = expectRefused(newKey("k2.key"), "no spaces/allowed");
    EXPECT_EQ(result.exitCode, 2) << "a usage error";
    EXPECT_NE(result.err.find("--new-key-id"), std::string::npos) << result.err;
}

TEST_P(RekeyCliTest, RefusesAStoreWithLinkKeysUnderAnotherKeyId) {
    {
        auto database = store_.open();
        database->session()
            << "INSERT INTO link_key (organisation, kind, key_id, value, person_key, created_at) "
               "SELECT organisation, kind, 'stray', value, person_key, created_at FROM link_key "
               "WHERE key_id = 'test1'";
    }
    auto result = expectRefused(newKey("k2.key"), "test2");
    EXPECT_NE(result.err.find("stray"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("nothing was changed"), std::string::npos) << result.err;
}

TEST_P(RekeyCliTest, EveryKeyOfTheChainIsCheckedLikeTheCurrentOne) {
    ASSERT_EQ(rekey(newKey("k2.key"), "test2").exitCode, 0);
    fs::permissions(dir_.file("pseudonym.key"), fs::perms::group_read, fs::perm_options::add);
    auto ingest = runHub({"ingest", "--config", files_.configFile, "--all"});
    EXPECT_NE(ingest.exitCode, 0) << "the old key is still part of every link key";
    EXPECT_NE(ingest.err.find(dir_.file("pseudonym.key")), std::string::npos) << ingest.err;
}

TEST_P(RekeyCliTest, ARepeatedKeyIdInTheChainIsAConfigErrorWithItsPointer) {
    ASSERT_EQ(rekey(newKey("k2.key"), "test2").exitCode, 0);
    std::string config = fileBytes(files_.configFile);
    const std::string from = "\"key_id\": \"test2\"";
    auto at = config.find(from);
    ASSERT_NE(at, std::string::npos) << config;
    config.replace(at, from.size(), "\"key_id\": \"test1\"");
    std::ofstream(files_.configFile, std::ios::binary | std::ios::trunc) << config;
    auto check = runHub({"check-config", "--config", files_.configFile});
    EXPECT_NE(check.exitCode, 0);
    EXPECT_NE(check.out.find(files_.configFile + ": /identity/key_id: key id test1"),
              std::string::npos)
        << check.out;
}

INSTANTIATE_TEST_SUITE_P(Backends, RekeyCliTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
