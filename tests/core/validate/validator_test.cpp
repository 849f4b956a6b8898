// tests/core/validate/validator_test.cpp — one case per rule of the canonical schema.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "core/validate/validator.h"

namespace finsam::validate {
namespace {

model::WorkRecord insats() {
    model::WorkRecord record;
    record.entity = "insats";
    record.values = {{"insats_id", {"FB-1"}},
                     {"namn", {"Steget"}},
                     {"inriktning", {"individinriktad"}},
                     {"uppfoljningsmetod", {"individ"}},
                     {"startdatum", {"2018-01-01"}},
                     {"slutdatum", {"2020-12-31"}},
                     {"malgrupp", {"unga_16_29", "forsorjningsstod"}}};
    record.columns = {{"startdatum", 5}, {"slutdatum", 6}, {"inriktning", 3}};
    return record;
}

std::string codeOf(model::WorkRecord record) {
    auto rejection = Validator().process(record);
    return rejection ? rejection->code + ":" + rejection->field : "ok";
}

TEST(ValidatorTest, AcceptsAWellFormedRecord) { EXPECT_EQ(codeOf(insats()), "ok"); }

// A consent must name its person: by number, or by the region's reservnummer instead.
TEST(ValidatorTest, AConsentNeedsANumberOrAReservnummer) {
    model::WorkRecord record;
    record.entity = "samtycke";
    record.values = {{"parter", {"af"}}, {"kategorier", {"deltagande"}}, {"andamal", {"uppfoljning"}},
                     {"giltigt_fran", {"2026-01-01"}}};
    auto rejection = Validator().process(record);
    ASSERT_TRUE(rejection);
    EXPECT_EQ(rejection->code + ":" + rejection->field, "missing_value:personnummer");
    EXPECT_EQ(rejection->message, "required field 'personnummer' is missing (or 'reservnummer')");
    record.values["reservnummer"] = {"SLL-R-1"};
    EXPECT_EQ(codeOf(record), "ok");
    record.values.erase("reservnummer");
    record.values["personnummer"] = {"19850312-1249"};
    EXPECT_EQ(codeOf(record), "ok");
}

// A key or free text holding a number would be stored and published unchanged; the message never quotes it.
TEST(ValidatorTest, RejectsAPersonnummerInAKeyOrAFreeTextValue) {
    auto record = insats();
    record.sourceKey = "EP-19900101-1239";
    auto rejection = Validator().process(record);
    ASSERT_TRUE(rejection);
    EXPECT_EQ(rejection->code + ":" + rejection->field, "identity_in_key:key");
    EXPECT_EQ(rejection->message.find("1239"), std::string::npos);

    record = insats();
    record.values["namn"] = {"Steget för 900101-1239"};
    record.columns["namn"] = 2;
    rejection = Validator().process(record);
    ASSERT_TRUE(rejection);
    EXPECT_EQ(rejection->code + ":" + rejection->field, "identity_in_value:namn");
    EXPECT_EQ(rejection->column, 2);
    EXPECT_EQ(rejection->message.find("1239"), std::string::npos);

    // An organisation number or an invalid number is no person's.
    record = insats();
    record.sourceKey = "222000-1230/FB-1";
    record.values["namn"] = {"Steget 900101-1238"};
    EXPECT_EQ(codeOf(record), "ok");
}

TEST(ValidatorTest, RejectsEachBrokenRule) {
    auto record = insats();
    record.values["startdatum"] = {"2018-02-30"};
    EXPECT_EQ(codeOf(record), "bad_value:startdatum");

    record = insats();
    record.values["inriktning"] = {"Individinriktad"};  // unmapped display value
    EXPECT_EQ(codeOf(record), "bad_value:inriktning");

    record = insats();
    record.values.erase("namn");
    EXPECT_EQ(codeOf(record), "missing_value:namn");

    record = insats();
    record.values["namn"] = {"a", "b"};
    EXPECT_EQ(codeOf(record), "not_a_list:namn");

    record = insats();
    record.values["slutdatum"] = {"2017-12-31"};
    EXPECT_EQ(codeOf(record), "end_before_start:slutdatum");

    record = insats();
    record.values["colour"] = {"blue"};
    EXPECT_EQ(codeOf(record), "unknown_field:colour");

    record = insats();
    record.entity = "vehicle";
    EXPECT_EQ(codeOf(record), "unknown_entity:");
}

TEST(ValidatorTest, ReportsTheSourceColumn) {
    auto record = insats();
    record.values["slutdatum"] = {"2017-12-31"};
    auto rejection = Validator().process(record);
    ASSERT_TRUE(rejection);
    EXPECT_EQ(rejection->column, 6);
}

TEST(ValidatorTest, RetractionsNeedNoFields) {
    model::WorkRecord record;
    record.entity = "insats";
    record.retract = true;
    EXPECT_EQ(codeOf(record), "ok");
}

}  // namespace
}  // namespace finsam::validate
