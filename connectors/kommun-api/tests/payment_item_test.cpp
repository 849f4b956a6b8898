// connectors/kommun-api/tests/payment_item_test.cpp — which payment items validate (kommun-api.md "Items").
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "identity_scan.h"
#include "item_raw.h"
#include "payment_item.h"
#include "support/item_json.h"

namespace finsam::connectors::kommun_api::testing {
namespace {

TEST(PaymentItem, ADocumentedItemReadsWhole) {
    const auto item = itemWith(kPaymentItem);
    PaymentRead read = readPayment(item);
    ASSERT_TRUE(read.payment) << read.fault->reason;
    EXPECT_EQ(read.payment->id, "EB-2019-000123");
    EXPECT_EQ(read.payment->applicant, "197405049334");
    EXPECT_EQ(read.payment->coApplicant, "200102181732");
    EXPECT_EQ(monthText(read.payment->month), "2019-03");
    EXPECT_TRUE(read.payment->inForce);
    EXPECT_FALSE(read.payment->skyddad);
}

TEST(PaymentItem, StatusDecidesWhetherThePaymentIsInForce) {
    EXPECT_TRUE(readPayment(itemWith(kPaymentItem, "status", R"("aterkrav")")).payment->inForce);
    EXPECT_FALSE(readPayment(itemWith(kPaymentItem, "status", R"("makulerad")")).payment->inForce);
}

TEST(PaymentItem, NullableMembersMayBeNullOrAbsent) {
    EXPECT_FALSE(readPayment(itemWith(kPaymentItem, "medsokande_personnummer", "null")).payment->coApplicant);
    EXPECT_FALSE(readPayment(itemWith(kPaymentItem, "medsokande_personnummer")).payment->coApplicant);
    EXPECT_TRUE(readPayment(itemWith(kPaymentItem, "stadsdel", "null")).payment);
    EXPECT_TRUE(readPayment(itemWith(kPaymentItem, "belopp_kr", "12500")).payment);
}

struct Broken {
    const char* member;
    const char* value;  // "" = removed
    const char* code;
    const char* reason;
};

class PaymentItemFault : public ::testing::TestWithParam<Broken> {};

TEST_P(PaymentItemFault, IsNamedByMemberAndCodeWithoutTheNumber) {
    const Broken& broken = GetParam();
    PaymentRead read = readPayment(itemWith(kPaymentItem, broken.member, broken.value));
    ASSERT_FALSE(read.payment);
    ASSERT_TRUE(read.fault);
    EXPECT_EQ(read.fault->field, broken.member);
    EXPECT_EQ(read.fault->code, broken.code);
    EXPECT_EQ(read.fault->reason, std::string(broken.member) + " " + broken.reason);
    EXPECT_TRUE(sdk::testkit::findIdentityLike(read.fault->reason).empty());
}

INSTANTIATE_TEST_SUITE_P(
    EachMember, PaymentItemFault,
    ::testing::Values(Broken{"id", "", "missing_value", "is missing"},
                      Broken{"id", "17", "wrong_shape", "is not a string"},
                      Broken{"personnummer", "null", "missing_value", "is missing"},
                      Broken{"personnummer", R"("197405049335")", "invalid_personnummer", "has a wrong check digit"},
                      Broken{"personnummer", R"("7405049334")", "invalid_personnummer",
                             "is not 12 digits (YYYYMMDDNNNN)"},
                      Broken{"medsokande_personnummer", R"("200102181733")", "invalid_personnummer",
                             "has a wrong check digit"},
                      Broken{"medsokande_personnummer", R"("197405049334")", "bad_value", "names the applicant again"},
                      Broken{"hushall_id", "", "missing_value", "is missing"},
                      Broken{"period", R"("2019-13")", "bad_value", "is not a month YYYY-MM"},
                      Broken{"period", R"("2019-03-01")", "bad_value", "is not a month YYYY-MM"},
                      Broken{"belopp_kr", R"("4900")", "wrong_shape", "is not a number"},
                      Broken{"stadsdel", "7", "wrong_shape", "is neither a string nor null"},
                      Broken{"status", R"("betald")", "unknown_code", "is none of utbetald, aterkrav, makulerad"},
                      Broken{"skyddad", R"("false")", "wrong_shape", "is not true or false"},
                      Broken{"andrad", R"("2019-03-05")", "bad_value", "is not an RFC 3339 time"}));

TEST(PaymentItem, AnItemThatIsNoObjectIsAFaultOfItsOwn) {
    rapidjson::Document item;
    item.Parse(R"(["EB-1"])");
    EXPECT_EQ(readPayment(item).fault->code, "wrong_shape");
}

TEST(ItemRaw, NumbersAreWithheldAndEverythingElseKept) {
    const std::string raw = withheldRaw(itemWith(kPaymentItem));
    EXPECT_TRUE(sdk::testkit::findIdentityLike(raw).empty()) << raw;
    EXPECT_NE(raw.find(R"("personnummer":"[withheld]")"), std::string::npos) << raw;
    EXPECT_NE(raw.find(R"("medsokande_personnummer":"[withheld]")"), std::string::npos);
    EXPECT_NE(raw.find(R"("period":"2019-03")"), std::string::npos);
    EXPECT_NE(withheldRaw(itemWith(kPaymentItem, "medsokande_personnummer", "null"))
                  .find(R"("medsokande_personnummer":null)"),
              std::string::npos);
    // A number where none belongs is redacted too.
    const std::string stray = withheldRaw(itemWith(kPaymentItem, "hushall_id", R"("HH 197405049334")"));
    EXPECT_TRUE(sdk::testkit::findIdentityLike(stray).empty()) << stray;
}

}  // namespace
}  // namespace finsam::connectors::kommun_api::testing
