// tests/plugins/http_client/secrets_test.cpp — readSecret() and the secret-source schema connectors copy.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "finsam/http_client/secrets.h"
#include "temp_dir.h"

namespace finsam::http_client {
namespace {

using sdk::testkit::TempDir;

std::string messageOf(const SecretSource& source, const std::string& baseDir) {
    try {
        readSecret(source, baseDir);
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    ADD_FAILURE() << "readSecret did not throw";
    return {};
}

void writeFile(const std::filesystem::path& path, const std::string& content) {
    sdk::testkit::writeSecretFile(path, content);
}

TEST(ReadSecret, FromEnvironmentWithoutSurroundingWhitespace) {
    ::setenv("FINSAM_TEST_SECRET_A", "  tok en\t\n", 1);
    EXPECT_EQ(readSecret(SecretSource{"FINSAM_TEST_SECRET_A", ""}, "/nowhere"), "tok en");
}

TEST(ReadSecret, MissingOrEmptyVariableIsNamed) {
    ::unsetenv("FINSAM_TEST_SECRET_MISSING");
    EXPECT_EQ(messageOf(SecretSource{"FINSAM_TEST_SECRET_MISSING", ""}, ""),
              "secret: environment variable FINSAM_TEST_SECRET_MISSING is not set");
    ::setenv("FINSAM_TEST_SECRET_BLANK", " \n", 1);
    EXPECT_EQ(messageOf(SecretSource{"FINSAM_TEST_SECRET_BLANK", ""}, ""),
              "secret: environment variable FINSAM_TEST_SECRET_BLANK is empty");
}

TEST(ReadSecret, FromFileRelativeToBaseDirWithFinalNewlineStripped) {
    TempDir dir;
    std::filesystem::create_directory(dir.path() / "secrets");
    writeFile(dir.path() / "secrets" / "kommun.txt", "  s3cr3t value\r\n");
    EXPECT_EQ(readSecret(SecretSource{"", "secrets/kommun.txt"}, dir.path().string()), "s3cr3t value");
}

TEST(ReadSecret, AbsoluteFileIgnoresBaseDir) {
    TempDir dir;
    writeFile(dir.path() / "token", "abc\n");
    EXPECT_EQ(readSecret(SecretSource{"", (dir.path() / "token").string()}, "/elsewhere"), "abc");
}

TEST(ReadSecret, MissingOrEmptyFileIsNamed) {
    TempDir dir;
    const auto missing = dir.path() / "missing.txt";
    EXPECT_EQ(messageOf(SecretSource{"", "missing.txt"}, dir.path().string()),
              "secret: file " + missing.string() + " cannot be read: no such file");
    writeFile(dir.path() / "empty.txt", "\n\n");
    EXPECT_EQ(messageOf(SecretSource{"", "empty.txt"}, dir.path().string()),
              "secret: file " + (dir.path() / "empty.txt").string() + " is empty");
    EXPECT_EQ(messageOf(SecretSource{"", "."}, dir.path().string()),
              "secret: file " + (dir.path() / ".").string() + " is not a regular file");
}

TEST(ReadSecret, FileOthersCanReadIsRefusedWithoutQuotingIt) {
    TempDir dir;
    for (auto shared : {std::filesystem::perms::group_read, std::filesystem::perms::others_read,
                        std::filesystem::perms::others_write}) {
        writeFile(dir.path() / "token", "hunter2\n");
        std::filesystem::permissions(dir.path() / "token", shared, std::filesystem::perm_options::add);
        const std::string message = messageOf(SecretSource{"", "token"}, dir.path().string());
        EXPECT_EQ(message, "secret: file " + (dir.path() / "token").string() +
                               " is accessible by group or others (chmod 600 it)");
        EXPECT_EQ(message.find("hunter2"), std::string::npos);
    }
}

TEST(ReadSecret, SourceMustNameExactlyOneWithoutQuotingTheSecret) {
    ::setenv("FINSAM_TEST_SECRET_B", "hunter2", 1);
    const std::string both = messageOf(SecretSource{"FINSAM_TEST_SECRET_B", "x"}, "");
    EXPECT_EQ(both, "secret: name \"env\" or \"file\", not both");
    EXPECT_EQ(both.find("hunter2"), std::string::npos);
    EXPECT_EQ(messageOf(SecretSource{}, ""), "secret: name either \"env\" or \"file\"");
}

class SecretSourceSchema : public ::testing::Test {
protected:
    void SetUp() override {
        std::ifstream in(std::string(FINSAM_SOURCE_DIR) + "/plugins/http-client/secret_source.schema.json");
        std::stringstream text;
        text << in.rdbuf();
        schemaJson_.Parse(text.str().c_str());
        ASSERT_FALSE(schemaJson_.HasParseError());
    }

    bool valid(const char* instanceJson) {
        rapidjson::SchemaDocument schema(schemaJson_);
        rapidjson::SchemaValidator validator(schema);
        rapidjson::Document instance;
        instance.Parse(instanceJson);
        return !instance.HasParseError() && instance.Accept(validator);
    }

    rapidjson::Document schemaJson_;
};

TEST_F(SecretSourceSchema, AcceptsOneOfEnvOrFile) {
    EXPECT_TRUE(valid(R"({"env": "KOMMUN_CLIENT_SECRET"})"));
    EXPECT_TRUE(valid(R"({"file": "secrets/region-token.txt"})"));
}

TEST_F(SecretSourceSchema, RefusesValuesBothNeitherAndBadNames) {
    EXPECT_FALSE(valid(R"({})"));
    EXPECT_FALSE(valid(R"({"env": "A", "file": "b"})"));
    EXPECT_FALSE(valid(R"({"value": "s3cr3t"})"));
    EXPECT_FALSE(valid(R"({"env": "1BAD-NAME"})"));
    EXPECT_FALSE(valid(R"({"file": ""})"));
    EXPECT_FALSE(valid(R"("s3cr3t")"));
}

}  // namespace
}  // namespace finsam::http_client
