// tests/core/identity/key_file_test.cpp — unsafe key files are refused; new keys are private.
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/key_file.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <sys/stat.h>

namespace finsam::identity {
namespace {

namespace fs = std::filesystem;

// 32 bytes exactly, and one byte short of that.
const std::string kSecret32 = "0123456789abcdef0123456789abcdef";
const std::string kSecret31 = kSecret32.substr(1);

class KeyFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "finsam-keyfile-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }

    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    std::string write(const std::string& name, const std::string& content, mode_t mode = 0600) {
        const std::string path = (dir_ / name).string();
        {
            std::ofstream out(path, std::ios::binary);
            out << content;
        }
        EXPECT_EQ(::chmod(path.c_str(), mode), 0);
        return path;
    }

    // The message of the runtime_error loadKeyFile throws, or "" if it does not throw.
    static std::string loadError(const std::string& path) {
        try {
            loadKeyFile(path, "k1");
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return {};
    }

    fs::path dir_;
};

TEST_F(KeyFileTest, LoadsAPrivateFileWithTrailingNewline) {
    const PseudonymKey key = loadKeyFile(write("key", kSecret32 + "\n"), "k1");
    EXPECT_EQ(key.id, "k1");
    EXPECT_EQ(key.secret, kSecret32);
    EXPECT_EQ(loadKeyFile(write("crlf", kSecret32 + "\r\n"), "k2").secret, kSecret32);
    EXPECT_EQ(loadKeyFile(write("spaces", "  \t" + kSecret32 + " \n\n"), "k3").secret, kSecret32);
    EXPECT_EQ(loadKeyFile(write("owner-only-read", kSecret32, 0400), "k4").secret, kSecret32);
}

TEST_F(KeyFileTest, RefusesAMissingFile) {
    const std::string path = (dir_ / "absent").string();
    const std::string error = loadError(path);
    EXPECT_NE(error.find(path), std::string::npos) << error;
    EXPECT_NE(error.find("does not exist"), std::string::npos) << error;
}

TEST_F(KeyFileTest, RefusesAnyGroupOrOtherPermission) {
    for (const mode_t mode : {0640, 0604, 0620, 0602, 0610, 0601, 0660, 0644, 0666}) {
        const std::string path = write("key", kSecret32, mode);
        const std::string error = loadError(path);
        EXPECT_NE(error.find(path), std::string::npos) << std::oct << mode << ": " << error;
        EXPECT_NE(error.find("group or others"), std::string::npos) << error;
        EXPECT_EQ(error.find(kSecret32), std::string::npos);
        fs::remove(path);
    }
}

TEST_F(KeyFileTest, RefusesAShortSecretAfterTrimming) {
    for (const std::string& content :
         {kSecret31, kSecret31 + "\n", kSecret31 + "\r\n", " " + kSecret31 + " ", std::string()}) {
        const std::string path = write("short", content);
        const std::string error = loadError(path);
        EXPECT_NE(error.find(path), std::string::npos) << error;
        EXPECT_NE(error.find("shorter than"), std::string::npos) << error;
        EXPECT_EQ(error.find(kSecret31.substr(0, 8)), std::string::npos) << "leaks key material";
        fs::remove(path);
    }
}

TEST_F(KeyFileTest, RefusesADirectory) {
    const fs::path sub = dir_ / "sub";
    fs::create_directory(sub);
    ::chmod(sub.c_str(), 0700);
    EXPECT_NE(loadError(sub.string()).find("not a regular file"), std::string::npos);
}

TEST_F(KeyFileTest, TrimSecret) {
    EXPECT_EQ(trimSecret(" abc \r\n"), "abc");
    EXPECT_EQ(trimSecret("\n\t"), "");
    EXPECT_EQ(trimSecret("a b"), "a b");
}

TEST_F(KeyFileTest, WritesANewPrivateHexKeyThatLoads) {
    const std::string path = (dir_ / "new.key").string();
    writeNewKeyFile(path);
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    const PseudonymKey key = loadKeyFile(path, "k1");
    EXPECT_EQ(key.secret.size(), 64u);
    EXPECT_EQ(key.secret.find_first_not_of("0123456789abcdef"), std::string::npos);

    const std::string other = (dir_ / "other.key").string();
    writeNewKeyFile(other, 48);
    const PseudonymKey otherKey = loadKeyFile(other, "k2");
    EXPECT_EQ(otherKey.secret.size(), 96u);
    EXPECT_NE(otherKey.secret.substr(0, 64), key.secret);
}

TEST_F(KeyFileTest, NewKeyRefusesToOverwriteOrToBeWeak) {
    const std::string path = write("existing", kSecret32);
    EXPECT_THROW(writeNewKeyFile(path), std::runtime_error);
    EXPECT_EQ(loadKeyFile(path, "k1").secret, kSecret32);  // untouched
    EXPECT_THROW(writeNewKeyFile((dir_ / "weak").string(), 8), std::runtime_error);
    EXPECT_FALSE(fs::exists(dir_ / "weak"));
}

}  // namespace
}  // namespace finsam::identity
