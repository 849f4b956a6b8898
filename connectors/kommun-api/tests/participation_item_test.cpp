// connectors/kommun-api/tests/participation_item_test.cpp — participation items to deltagande records:
// identity as the spec's last rule asks, codes left to config/mappings/kommun-api.json, faults per member.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <fstream>
#include <sstream>

#include "identity_scan.h"
#include "participation_item.h"
#include "support/held_state.h"
#include "support/item_json.h"

namespace finsam::connectors::kommun_api::testing {
namespace {

const sdk::Position kAt{"https://kommun.test/api/v1/finsam/deltaganden?limit=500&cursor=abc", 4};

sdk::Record read(const rapidjson::Document& item) {
    ParticipationRead out = readParticipation(item, kAt);
    if (!out.record) {
        ADD_FAILURE() << out.fault->reason;
        return {};
    }
    return *out.record;
}

bool has(const sdk::Record& record, const std::string& name) {
    for (const auto& field : record.fields) {
        if (field.name == name) {
            return true;
        }
    }
    return false;
}

TEST(ParticipationItem, AnIdentifiedItemBecomesADeltagandeKeyedByItsId) {
    const sdk::Record record = read(itemWith(kParticipationItem));
    EXPECT_EQ(record.entity, "deltagande");
    EXPECT_EQ(record.key, "KD-2018-00001");
    EXPECT_EQ(record.operation, sdk::Operation::kUpsert);
    EXPECT_EQ(record.position.source, kAt.source);
    EXPECT_EQ(record.position.line, 4);
    EXPECT_EQ(fieldOf(record, "insats_id"), "FB-STHLM-2018-03");
    EXPECT_EQ(fieldOf(record, "personnummer"), "197405049334");
    EXPECT_EQ(fieldOf(record, "kon"), "kvinna");
    EXPECT_EQ(fieldOf(record, "fodelsear"), "1974");
    EXPECT_EQ(fieldOf(record, "startdatum"), "2018-01-16");
    EXPECT_EQ(fieldOf(record, "slutdatum"), "2018-06-30");
    EXPECT_EQ(fieldOf(record, "avslutsanledning"), "arbete") << "mapped by config, not by the connector";
    EXPECT_EQ(fieldOf(record, "samtycke_ref"), "FK9443-2018-000004") << "the consent it cites, as AF's Samtycke_ref";
    EXPECT_FALSE(has(record, "anonym"));
    EXPECT_FALSE(has(record, "skyddad"));
    EXPECT_TRUE(sdk::testkit::findIdentityLike(record.raw).empty()) << record.raw;
}

TEST(ParticipationItem, AnOngoingOneHasNoEndNorReason) {
    auto item = itemWith(kParticipationItem, "slut", "null");
    item["avslutsanledning"].SetNull();
    const sdk::Record record = read(item);
    EXPECT_FALSE(has(record, "slutdatum"));
    EXPECT_FALSE(has(record, "avslutsanledning"));
}

TEST(ParticipationItem, AnAnonymousItemGoesWithoutANumberEvenIfItCarriesOne) {
    auto item = itemWith(kParticipationItem, "anonym", "true");
    const sdk::Record record = read(item);
    EXPECT_EQ(fieldOf(record, "anonym"), "true");
    EXPECT_FALSE(has(record, "personnummer"));
    item["personnummer"].SetNull();
    EXPECT_FALSE(has(read(item), "personnummer"));
}

TEST(ParticipationItem, AProtectedItemGoesWithItsNumberMarkedSkyddadForTheHubToDrop) {
    auto item = itemWith(kParticipationItem, "skyddad", "true");
    item["anonym"].SetBool(true);  // the kommun marks protected items anonym too
    const sdk::Record record = read(item);
    EXPECT_EQ(fieldOf(record, "skyddad"), "true");
    EXPECT_EQ(fieldOf(record, "personnummer"), "197405049334")
        << "the identity stage marks the person protected everywhere, then drops the number unread";
    EXPECT_FALSE(has(record, "anonym")) << "anonym would make the hub drop the number before it protects";
    EXPECT_TRUE(sdk::testkit::findIdentityLike(record.raw).empty());
}

TEST(ParticipationItem, FelregistreradGoesAsSentAndTheMappingMakesItFelregistrering) {
    const sdk::Record record = read(itemWith(kParticipationItem, "avslutsanledning", R"("felregistrerad")"));
    EXPECT_EQ(record.operation, sdk::Operation::kUpsert);
    EXPECT_EQ(fieldOf(record, "avslutsanledning"), "felregistrerad");
    std::ifstream file(std::string(FINSAM_SOURCE_DIR) + "/config/mappings/kommun-api.json");
    std::stringstream text;
    text << file.rdbuf();
    rapidjson::Document mapping;
    ASSERT_FALSE(mapping.Parse(text.str().c_str()).HasParseError());
    EXPECT_STREQ(mapping["tables"]["avslutsanledning"]["felregistrerad"].GetString(), "felregistrering");
    EXPECT_STREQ(mapping["fields"]["deltagande"]["avslutsanledning"].GetString(), "avslutsanledning");
    // Every code kommun-api.md lists has a canonical code.
    for (const char* code : {"arbete", "studier", "arbetssokande", "annan_insats", "sjukdom", "flyttat", "avbrott",
                             "samtycke_aterkallat", "ovrigt", "felregistrerad"}) {
        EXPECT_TRUE(mapping["tables"]["avslutsanledning"].HasMember(code)) << code;
    }
}

struct Broken {
    const char* member;
    const char* value;
    const char* code;
    const char* reason;
};

class ParticipationItemFault : public ::testing::TestWithParam<Broken> {};

TEST_P(ParticipationItemFault, IsNamedByMemberAndCodeAndKeepsTheId) {
    const Broken& broken = GetParam();
    ParticipationRead out = readParticipation(itemWith(kParticipationItem, broken.member, broken.value), kAt);
    ASSERT_FALSE(out.record);
    ASSERT_TRUE(out.fault);
    EXPECT_EQ(out.fault->field, broken.member);
    EXPECT_EQ(out.fault->code, broken.code);
    EXPECT_EQ(out.fault->reason, std::string(broken.member) + " " + broken.reason);
    EXPECT_EQ(out.id, std::string(broken.member) == "id" ? "" : "KD-2018-00001");
}

INSTANTIATE_TEST_SUITE_P(
    EachMember, ParticipationItemFault,
    ::testing::Values(Broken{"id", "", "missing_value", "is missing"},
                      Broken{"insats_id", R"("")", "missing_value", "is missing"},
                      Broken{"personnummer", "null", "missing_value",
                             "is null, but the item is neither anonym nor skyddad"},
                      Broken{"personnummer", R"("197405049335")", "invalid_personnummer", "has a wrong check digit"},
                      Broken{"anonym", "", "missing_value", "is missing"},
                      Broken{"kon", "1", "wrong_shape", "is not a string"},
                      Broken{"fodelsear", R"("1974")", "wrong_shape", "is not an integer"},
                      Broken{"start", "null", "missing_value", "is missing"},
                      Broken{"start", R"("2018-02-30")", "bad_value", "is not a date YYYY-MM-DD"},
                      Broken{"slut", R"("2017-12-31")", "end_before_start", "is before start"},
                      Broken{"samtycke_ref", "[]", "wrong_shape", "is neither a string nor null"},
                      Broken{"skyddad", "0", "wrong_shape", "is not true or false"},
                      Broken{"andrad", R"("igår")", "bad_value", "is not an RFC 3339 time"}));

}  // namespace
}  // namespace finsam::connectors::kommun_api::testing
