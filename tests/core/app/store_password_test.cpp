// tests/core/app/store_password_test.cpp — the PostgreSQL password comes from a private file or the environment.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/app/hub_runtime.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

namespace fs = std::filesystem;

config::StoreConfig postgresWithPasswordFile(const std::string& file) {
    config::StoreConfig store;
    store.backend = "postgresql";
    store.connection = "host=db dbname=hub user=hub";
    store.passwordFile = file;
    return store;
}

TEST(StorePasswordTest, ReadsAPrivatePasswordFileTrimmed) {
    TempDir dir;
    sdk::testkit::writeSecretFile(dir.file("pw"), "  s3cret pass\n");
    EXPECT_EQ(app::storeLocationOf(postgresWithPasswordFile(dir.file("pw"))).password, "s3cret pass");
}

TEST(StorePasswordTest, RefusesAPasswordFileOthersCanReadNamingItButNotItsContent) {
    TempDir dir;
    std::ofstream(dir.file("pw")) << "s3cret pass\n";
    fs::permissions(dir.file("pw"), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read,
                    fs::perm_options::replace);
    try {
        app::storeLocationOf(postgresWithPasswordFile(dir.file("pw")));
        FAIL() << "a world-readable password file must be refused";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()),
                  "store password_file " + dir.file("pw") + ": is accessible by group or others (chmod 600 it)");
    }
}

TEST(StorePasswordTest, AMissingPasswordFileIsNamed) {
    TempDir dir;
    EXPECT_THROW(
        {
            try {
                app::storeLocationOf(postgresWithPasswordFile(dir.file("none")));
            } catch (const std::runtime_error& e) {
                EXPECT_EQ(std::string(e.what()), "store password_file " + dir.file("none") + ": no such file");
                throw;
            }
        },
        std::runtime_error);
}

TEST(StorePasswordTest, FromTheEnvironment) {
    config::StoreConfig store;
    store.backend = "postgresql";
    store.passwordEnv = "FINSAM_TEST_STORE_PASSWORD";
    ::setenv("FINSAM_TEST_STORE_PASSWORD", " from-env\n", 1);
    EXPECT_EQ(app::storeLocationOf(store).password, "from-env");
    ::unsetenv("FINSAM_TEST_STORE_PASSWORD");
}

}  // namespace
}  // namespace finsam::testing
