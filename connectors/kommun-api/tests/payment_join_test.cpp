// connectors/kommun-api/tests/payment_join_test.cpp — the monthly join on small hand-made item sequences
// (kommun-api.md "Items": consecutive months join, makulerad removes, aterkrav keeps, a later item replaces).
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "identity_scan.h"
#include "payment_join.h"
#include "support/join_harness.h"

namespace finsam::connectors::kommun_api::testing {
namespace {

using Strings = std::vector<std::string>;

std::size_t count(const std::vector<sdk::Record>& records, sdk::Operation operation) {
    std::size_t n = 0;
    for (const auto& record : records) {
        n += record.operation == operation ? 1 : 0;
    }
    return n;
}

TEST(PaymentJoin, ConsecutiveMonthsJoinIntoOnePeriodOfWholeMonths) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01"), payment("EB-2", kAnna, "2019-02"),
                payment("EB-3", kAnna, "2019-03")});
    EXPECT_EQ(join.held().periodsOf(kAnna), Strings{"2019-01-01..2019-03-31"});
    ASSERT_EQ(join.last().records.size(), 1u) << "one batch: only the final state of each period";
    const auto& record = join.last().records[0];
    EXPECT_EQ(record.entity, "ersattningsperiod");
    EXPECT_EQ(record.key, "EB-1/sokande") << "the payment of its first month, and whom it pays";
    EXPECT_EQ(fieldOf(record, "ersattningstyp"), kForsorjningsstod);
    EXPECT_EQ(fieldOf(record, "personnummer"), kAnna);
    EXPECT_EQ(fieldOf(record, "skyddad"), "");
    EXPECT_EQ(record.position.line, 3) << "the last item that shaped it";
    EXPECT_EQ(record.raw, R"({"from":"2019-01","to":"2019-03","payments":["EB-1","EB-2","EB-3"]})");
}

TEST(PaymentJoin, AGapSplitsAndAYearEndDoesNot) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2018-11"), payment("EB-2", kAnna, "2018-12"), payment("EB-3", kAnna, "2019-01"),
                payment("EB-4", kAnna, "2019-03")});
    EXPECT_EQ(join.held().periodsOf(kAnna), (Strings{"2018-11-01..2019-01-31", "2019-03-01..2019-03-31"}));
    EXPECT_EQ(join.held().keysOf(kAnna), (Strings{"EB-1/sokande", "EB-4/sokande"}));
}

TEST(PaymentJoin, AMonthThatFillsAGapMergesTwoPeriodsAndRetractsTheLatersKey) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01"), payment("EB-3", kAnna, "2019-03")});
    join.batch({payment("EB-2", kAnna, "2019-02")});
    EXPECT_EQ(join.held().periodsOf(kAnna), Strings{"2019-01-01..2019-03-31"});
    ASSERT_EQ(join.last().records.size(), 2u);
    EXPECT_EQ(join.last().records[0].operation, sdk::Operation::kRetract);
    EXPECT_EQ(join.last().records[0].key, "EB-3/sokande");
    EXPECT_EQ(join.last().records[1].key, "EB-1/sokande");
}

TEST(PaymentJoin, MakuleradInTheMiddleSplitsAndTheSecondHalfGetsItsOwnKey) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01"), payment("EB-2", kAnna, "2019-02"),
                payment("EB-3", kAnna, "2019-03")});
    join.batch({payment("EB-2", kAnna, "2019-02", "makulerad")});
    EXPECT_EQ(join.held().periodsOf(kAnna), (Strings{"2019-01-01..2019-01-31", "2019-03-01..2019-03-31"}));
    EXPECT_EQ(join.held().keysOf(kAnna), (Strings{"EB-1/sokande", "EB-3/sokande"}));
    EXPECT_EQ(count(join.last().records, sdk::Operation::kRetract), 0u) << "the first half keeps its key";
}

TEST(PaymentJoin, MakuleradAtTheEndShrinksThePeriodUnderItsKey) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01"), payment("EB-2", kAnna, "2019-02"),
                payment("EB-3", kAnna, "2019-03")});
    join.batch({payment("EB-3", kAnna, "2019-03", "makulerad")});
    EXPECT_EQ(join.held().periodsOf(kAnna), Strings{"2019-01-01..2019-02-28"});
    ASSERT_EQ(join.last().records.size(), 1u);
    EXPECT_EQ(join.last().records[0].key, "EB-1/sokande");
    EXPECT_EQ(join.last().records[0].operation, sdk::Operation::kUpsert);
}

TEST(PaymentJoin, MakuleradAtTheStartMovesTheKey) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01"), payment("EB-2", kAnna, "2019-02")});
    join.batch({payment("EB-1", kAnna, "2019-01", "makulerad")});
    EXPECT_EQ(join.held().periodsOf(kAnna), Strings{"2019-02-01..2019-02-28"});
    ASSERT_EQ(join.last().records.size(), 2u);
    EXPECT_EQ(join.last().records[0].operation, sdk::Operation::kRetract);
    EXPECT_EQ(join.last().records[0].key, "EB-1/sokande");
    EXPECT_EQ(join.last().records[1].key, "EB-2/sokande");
}

TEST(PaymentJoin, APeriodWhoseOnlyPaymentIsMakuleradIsRetracted) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01")});
    join.batch({payment("EB-1", kAnna, "2019-01", "makulerad")});
    EXPECT_TRUE(join.held().periodsOf(kAnna).empty());
    ASSERT_EQ(join.last().records.size(), 1u);
    EXPECT_EQ(join.last().records[0].operation, sdk::Operation::kRetract);
    EXPECT_TRUE(join.ledger().persons().empty()) << "nothing of the person is kept";
    EXPECT_EQ(join.ledger().paymentCount(), 0u);
}

TEST(PaymentJoin, APaymentPaidAndMakuleradInOneBatchLeavesNothing) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01"), payment("EB-1", kAnna, "2019-01", "makulerad")});
    EXPECT_TRUE(join.last().records.empty());
}

TEST(PaymentJoin, AterkravKeepsTheMonth) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01"), payment("EB-2", kAnna, "2019-02")});
    join.batch({payment("EB-2", kAnna, "2019-02", "aterkrav")});
    EXPECT_EQ(join.held().periodsOf(kAnna), Strings{"2019-01-01..2019-02-28"});
    EXPECT_TRUE(join.last().records.empty()) << "nothing the hub holds changed";
}

TEST(PaymentJoin, AnItemSentAgainChangesNothing) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01"), payment("EB-2", kAnna, "2019-02")});
    join.batch({payment("EB-2", kAnna, "2019-02"), payment("EB-2", kAnna, "2019-02")});
    EXPECT_TRUE(join.last().records.empty());
    join.batch({payment("EB-2", kAnna, "2019-02", "makulerad")});
    EXPECT_EQ(join.held().periodsOf(kAnna), Strings{"2019-01-01..2019-01-31"})
        << "a payment counted once however often it came";
}

TEST(PaymentJoin, ALaterItemWithTheSameIdReplacesTheEarlierWhereverItPointed) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01"), payment("EB-2", kAnna, "2019-02")});
    join.batch({payment("EB-2", kAnna, "2019-05")});
    EXPECT_EQ(join.held().periodsOf(kAnna), (Strings{"2019-01-01..2019-01-31", "2019-05-01..2019-05-31"}));
}

TEST(PaymentJoin, AMonthPaidTwiceStaysWhenOneOfItsPaymentsIsMakulerad) {
    JoinHarness join;
    // Anna is the applicant of one household and the co-applicant of another in February.
    join.batch({payment("EB-1", kAnna, "2019-01"), payment("EB-2", kAnna, "2019-02"),
                payment("EB-7", kBo, "2019-02", "utbetald", kAnna)});
    join.batch({payment("EB-2", kAnna, "2019-02", "makulerad")});
    EXPECT_EQ(join.held().periodsOf(kAnna), Strings{"2019-01-01..2019-02-28"});
}

TEST(PaymentJoin, TheCoApplicantGetsThePeriodsToo) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01", "utbetald", kBo),
                payment("EB-2", kAnna, "2019-02", "utbetald", kBo)});
    EXPECT_EQ(join.held().periodsOf(kAnna), Strings{"2019-01-01..2019-02-28"});
    EXPECT_EQ(join.held().periodsOf(kBo), Strings{"2019-01-01..2019-02-28"});
    EXPECT_EQ(join.held().keysOf(kBo), Strings{"EB-1/medsokande"});
    join.batch({payment("EB-2", kAnna, "2019-02", "makulerad", kBo)});
    EXPECT_EQ(join.held().periodsOf(kBo), Strings{"2019-01-01..2019-01-31"}) << "the co-applicant's shrinks as well";
}

TEST(PaymentJoin, MonthsAsApplicantAndAsCoApplicantJoinIntoOnePeriodOfThePerson) {
    JoinHarness join;
    join.batch({payment("EB-1", kBo, "2019-01", "utbetald", kAnna), payment("EB-2", kAnna, "2019-02")});
    EXPECT_EQ(join.held().periodsOf(kAnna), Strings{"2019-01-01..2019-02-28"});
    EXPECT_EQ(join.held().keysOf(kAnna), Strings{"EB-1/medsokande"});
}

TEST(PaymentJoin, ProtectedHouseholdsMarkEveryPeriodOfBothPersonsSkyddad) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01", "utbetald", kBo), payment("EB-9", kBo, "2019-06")});
    join.batch({payment("EB-2", kAnna, "2019-02", "utbetald", kBo, true)});
    ASSERT_EQ(join.held().of("ersattningsperiod").size(), 3u);
    for (const auto& [key, record] : join.held().of("ersattningsperiod")) {
        EXPECT_EQ(fieldOf(record, "skyddad"), "true") << key << ": the hub drops the number and anonymises";
    }
}

TEST(PaymentJoin, APaymentMovedToSomeoneElseWithholdsTheFormerPersonsPeriodsUntilTheyAreNamedAgain) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01"), payment("EB-2", kAnna, "2019-02")});
    join.batch({payment("EB-2", kCilla, "2019-02")});  // registered to the wrong person before: corrected
    EXPECT_TRUE(join.held().periodsOf(kAnna).empty()) << "no number to send a shrunk period with";
    EXPECT_EQ(join.held().periodsOf(kCilla), Strings{"2019-02-01..2019-02-28"});
    ASSERT_EQ(join.last().warnings.size(), 1u);
    join.batch({payment("EB-3", kAnna, "2019-03")});
    EXPECT_EQ(join.held().periodsOf(kAnna), (Strings{"2019-01-01..2019-01-31", "2019-03-01..2019-03-31"}));
}

TEST(PaymentJoin, OneBatchOrItemByItemThroughTheCheckpointEndsAlike) {
    const std::vector<Payment> items = {
        payment("EB-1", kAnna, "2019-01", "utbetald", kBo), payment("EB-2", kAnna, "2019-02", "utbetald", kBo),
        payment("EB-3", kAnna, "2019-03", "utbetald", kBo), payment("EB-4", kCilla, "2019-02"),
        payment("EB-2", kAnna, "2019-02", "makulerad", kBo), payment("EB-5", kCilla, "2019-03"),
        payment("EB-3", kAnna, "2019-03", "aterkrav", kBo), payment("EB-6", kAnna, "2019-04"),
        payment("EB-2", kAnna, "2019-02", "utbetald", kBo), payment("EB-4", kCilla, "2019-02", "makulerad")};
    JoinHarness whole;
    whole.batch(items);
    JoinHarness single;
    single.itemByItem(items);
    for (const char* person : {kAnna, kBo, kCilla}) {
        EXPECT_EQ(whole.held().periodsOf(person), single.held().periodsOf(person)) << person;
        EXPECT_EQ(whole.held().keysOf(person), single.held().keysOf(person)) << person;
    }
    EXPECT_EQ(whole.held().periodsOf(kAnna), Strings{"2019-01-01..2019-04-30"});
    EXPECT_EQ(whole.held().periodsOf(kBo), Strings{"2019-01-01..2019-03-31"});
    EXPECT_EQ(whole.held().periodsOf(kCilla), Strings{"2019-03-01..2019-03-31"});
}

TEST(PaymentJoin, NoNumberInAnyRawTextKeyOrMessage) {
    JoinHarness join;
    join.itemByItem({payment("EB-1", kAnna, "2019-01", "utbetald", kBo, true), payment("EB-2", kAnna, "2019-02"),
                     payment("EB-1", kAnna, "2019-01", "makulerad", kBo), payment("EB-2", kCilla, "2019-02")});
    ASSERT_FALSE(join.all().records.empty());
    for (const auto& record : join.all().records) {
        EXPECT_TRUE(sdk::testkit::findIdentityLike(record.raw).empty()) << record.key;
        EXPECT_TRUE(sdk::testkit::findIdentityLike(record.key).empty()) << record.key;
        EXPECT_TRUE(sdk::testkit::findIdentityLike(record.position.source).empty());
    }
    EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(join.all()));
}

}  // namespace
}  // namespace finsam::connectors::kommun_api::testing
