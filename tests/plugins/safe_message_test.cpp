// tests/plugins/safe_message_test.cpp — plugins/sdk/toolkit/safe_message and content_hash.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "content_hash.h"
#include "file_read.h"
#include "safe_message.h"

namespace finsam::sdk::toolkit {
namespace {

TEST(SafeMessage, QuotesOrdinaryValues) {
    EXPECT_EQ(quoteForMessage("2019-02-29"), "'2019-02-29'");
    EXPECT_EQ(quoteForMessage("1 25 000"), "'1 25 000'");
}

TEST(SafeMessage, WithholdsAnythingThatMayBeAnIdentity) {
    for (const char* value :
         {"19740504-9334", "197405049334", "740504-9334", "7405049334", "x19740504+9334y"}) {
        EXPECT_TRUE(mayHoldIdentity(value)) << "case " << std::string(value).size();
        EXPECT_EQ(quoteForMessage(value), "(value withheld)");
    }
    EXPECT_FALSE(mayHoldIdentity("FB-STHLM-2018-01"));
}

TEST(SafeMessage, ShortensLongValuesOnACharacterBoundary) {
    const std::string longValue(59, 'a');
    const auto quoted = quoteForMessage(longValue + "ööö");
    EXPECT_EQ(quoted, "'" + longValue + "...'");
}

TEST(ContentHash, IsSha256AndFramesParts) {
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    ContentHash a;
    a.add("ab");
    a.add("c");
    ContentHash b;
    b.add("a");
    b.add("bc");
    EXPECT_NE(a.hexDigest(), b.hexDigest());
    ContentHash c;
    c.add("ab");
    c.add("c");
    ContentHash d;
    d.add("ab");
    d.add("c");
    EXPECT_EQ(c.hexDigest(), d.hexDigest());
}

TEST(FileRead, ReportsAMissingFileWithoutThePath) {
    std::string error;
    EXPECT_FALSE(readWholeFile("/nonexistent/finsam/file.csv", error));
    EXPECT_EQ(error, "no such file");
}

}  // namespace
}  // namespace finsam::sdk::toolkit
