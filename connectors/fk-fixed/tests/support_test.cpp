// connectors/fk-fixed/tests/support_test.cpp — the small pieces: file names and numbers in
// messages, the line reader, checkpoint text, which files are batch files.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "checkpoint.h"
#include "content_hash.h"
#include "drop_fixture.h"
#include "drop_scan.h"
#include "identity_scan.h"
#include "line_reader.h"
#include "message_text.h"
#include "temp_dir.h"

namespace finsam::connectors::fk_fixed {
namespace {

using sdk::testkit::TempDir;

TEST(MessageText, FileNamesLoseTheirOrganisationsnummer) {
    EXPECT_EQ(fileForMessage("redelivery/fk_ers_2220001230_00000007.txt"),
              "redelivery/fk_ers_<orgnr>_00000007.txt");
    EXPECT_EQ(fileForMessage("/srv/drop-197405049334/x_1.txt"), "/srv/drop-<orgnr>/x_1.txt");
    EXPECT_TRUE(
        sdk::testkit::findIdentityLike(fileForMessage("fk_ers_2220001230_0000000012.txt")).empty());
}

TEST(MessageText, NumbersAreGroupedFromTenThousand) {
    EXPECT_EQ(numberForMessage(0), "0");
    EXPECT_EQ(numberForMessage(9999), "9999");
    EXPECT_EQ(numberForMessage(10000), "10 000");
    EXPECT_EQ(numberForMessage(1000000000), "1 000 000 000");
    EXPECT_EQ(numberForMessage(-123456), "-123 456");
}

TEST(BatchFileName, OnlyCompleteBatchFiles) {
    EXPECT_TRUE(isBatchFileName("fk_ers_2220001230_00000001.txt"));
    EXPECT_TRUE(isBatchFileName("fk_ers_2220001230_42.txt"));
    EXPECT_FALSE(isBatchFileName("fk_ers_2220001230_00000001.txt.tmp"));
    EXPECT_FALSE(isBatchFileName("fk_ers_2220001230_00000001.tmp"));
    EXPECT_FALSE(isBatchFileName("fk_ers_222000123_00000001.txt"));
    EXPECT_FALSE(isBatchFileName("FK_ERS_2220001230_00000001.TXT"));
    EXPECT_FALSE(isBatchFileName("notes.txt"));
}

TEST(LineReader, LinesOffsetsAndTheDigestOfTheWholeFile) {
    TempDir dir;
    const std::string text = "abc\n\nlast";
    testing::writeFile(dir.path() / "f", text);
    Sha256Stream digest;
    LineReader reader;
    std::string error;
    ASSERT_TRUE(reader.open(dir.path() / "f", 0, 1, error, &digest));
    Line line;
    ASSERT_TRUE(reader.next(line));
    EXPECT_EQ(line.text, "abc");
    EXPECT_TRUE(line.endedWithLf);
    EXPECT_EQ(reader.offset(), 4u);
    ASSERT_TRUE(reader.next(line));
    EXPECT_EQ(line.length, 0u);
    EXPECT_EQ(line.number, 2);
    ASSERT_TRUE(reader.next(line));
    EXPECT_EQ(line.text, "last");
    EXPECT_FALSE(line.endedWithLf);
    EXPECT_EQ(reader.offset(), text.size());
    EXPECT_FALSE(reader.next(line));
    EXPECT_FALSE(reader.failed());
    EXPECT_EQ(digest.hexDigest(), sdk::toolkit::sha256Hex(text));

    ASSERT_TRUE(reader.rewind(4, 2));
    ASSERT_TRUE(reader.next(line));
    EXPECT_EQ(line.number, 2);
    ASSERT_TRUE(reader.next(line));
    EXPECT_EQ(line.text, "last");
}

TEST(LineReader, AHugeLineIsMeasuredNotKept) {
    TempDir dir;
    const std::string huge(3 << 20, 'x');  // longer than one read chunk
    testing::writeFile(dir.path() / "f", huge + "\nok\n");
    LineReader reader;
    std::string error;
    ASSERT_TRUE(reader.open(dir.path() / "f", 0, 1, error));
    Line line;
    ASSERT_TRUE(reader.next(line));
    EXPECT_EQ(line.length, huge.size());
    EXPECT_EQ(line.text.size(), LineReader::kKeptBytes);
    ASSERT_TRUE(reader.next(line));
    EXPECT_EQ(line.text, "ok");
    EXPECT_EQ(line.number, 2);
}

TEST(CheckpointText, RoundTripsAndRefusesForeignText) {
    Checkpoint checkpoint;
    checkpoint.lastBatch = 41;
    checkpoint.missingBatches = {{40, 40}};
    checkpoint.files = {{"redelivery/a.txt", 303, -5, 41, "applied"}};
    checkpoint.current = FileInProgress{"b.txt", 404, 7, "ab", 42, 3, 202};
    const auto text = checkpoint.toString();
    EXPECT_EQ(
        text,
        R"({"v":1,"last_batch":41,"missing_batches":[[40,40]],"files":[{"path":"redelivery/a.txt",)"
        R"("size":303,"mtime_ns":-5,"batch":41,"outcome":"applied"}],"current":{"path":"b.txt",)"
        R"("size":404,"mtime_ns":7,"sha256":"ab","batch":42,"next_line":3,"next_offset":202}})");
    const auto parsed = Checkpoint::parse(text);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->toString(), text);
    EXPECT_TRUE(Checkpoint::parse(""));
    EXPECT_FALSE(Checkpoint::parse("{}"));
    EXPECT_FALSE(Checkpoint::parse(R"({"v":2,"last_batch":1,"missing_batches":[],"files":[]})"));
    EXPECT_FALSE(
        Checkpoint::parse(R"({"v":1,"last_batch":1,"missing_batches":[[3,2]],"files":[]})"));
    EXPECT_FALSE(Checkpoint::parse(R"({"v":1,"klar_mtime_ns":1,"sha256":"x"})"));
}

}  // namespace
}  // namespace finsam::connectors::fk_fixed
