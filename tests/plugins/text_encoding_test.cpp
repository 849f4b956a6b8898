// tests/plugins/text_encoding_test.cpp — plugins/sdk/toolkit/text_encoding: BOM, UTF-8 validity,
// 8-bit charsets.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "text_encoding.h"

namespace finsam::sdk::toolkit {
namespace {

TEST(TextEncoding, StripsOnlyALeadingBom) {
    EXPECT_EQ(stripUtf8Bom("\xEF\xBB\xBF"
                           "abc"),
              "abc");
    EXPECT_EQ(stripUtf8Bom("abc"), "abc");
    EXPECT_EQ(stripUtf8Bom("a\xEF\xBB\xBF"), "a\xEF\xBB\xBF");
    EXPECT_TRUE(hasUtf8Bom("\xEF\xBB\xBF"));
    EXPECT_FALSE(hasUtf8Bom("\xEF\xBB"));
}

TEST(TextEncoding, AcceptsWellFormedUtf8) {
    EXPECT_TRUE(isValidUtf8(""));
    EXPECT_TRUE(isValidUtf8("Försörjningsstöd \xC2\xA0 \xE2\x88\x92 \xF0\x9F\x98\x80"));
}

TEST(TextEncoding, RejectsIllFormedSequences) {
    EXPECT_FALSE(isValidUtf8("F\xF6rbundet"));      // Windows-1252 ö
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xE0\x80\xAF"));      // overlong
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(isValidUtf8("\xC3"));              // truncated
    EXPECT_FALSE(isValidUtf8("\x80"));              // lone continuation
}

TEST(TextEncoding, ReportsOffsetAndLineOfTheFirstBadByte) {
    auto error = findInvalidUtf8("ok\r\nok\nbad \xE5 here");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->offset, 11u);
    EXPECT_EQ(error->line, 3);
}

TEST(TextEncoding, LineOfOffsetCountsCrlfOnce) {
    EXPECT_EQ(lineOfOffset("a\r\nb\rc\nd", 0), 1);
    EXPECT_EQ(lineOfOffset("a\r\nb\rc\nd", 3), 2);
    EXPECT_EQ(lineOfOffset("a\r\nb\rc\nd", 5), 3);
    EXPECT_EQ(lineOfOffset("a\r\nb\rc\nd", 7), 4);
}

TEST(TextEncoding, ConvertsWindows1252ToUtf8) {
    // å ä ö, the euro sign, a closing quote and an em dash: the last three differ from ISO-8859-1.
    EXPECT_EQ(toUtf8("\xE5\xE4\xF6 \x80 \x94 \x97", Charset::kWindows1252), "åäö € ” —");
    EXPECT_EQ(toUtf8("\xA0", Charset::kWindows1252), "\xC2\xA0");
}

TEST(TextEncoding, ConvertsLatin1ToUtf8) {
    EXPECT_EQ(toUtf8("F\xD6RS\xC4KRINGSKASSAN", Charset::kLatin1), "FÖRSÄKRINGSKASSAN");
    EXPECT_EQ(toUtf8("\x80", Charset::kLatin1), "\xC2\x80");  // a C1 control, not the euro sign
}

TEST(TextEncoding, UndefinedWindows1252BytesBecomeC1Controls) {
    EXPECT_EQ(toUtf8("a\x81z", Charset::kWindows1252), "a\xC2\x81z");
}

TEST(TextEncoding, Utf8PassesThrough) {
    EXPECT_EQ(toUtf8("Gäller", Charset::kUtf8), "Gäller");
}

}  // namespace
}  // namespace finsam::sdk::toolkit
