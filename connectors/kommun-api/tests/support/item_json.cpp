// connectors/kommun-api/tests/support/item_json.cpp
// SPDX-License-Identifier: Apache-2.0
#include "support/item_json.h"

#include <stdexcept>

namespace finsam::connectors::kommun_api::testing {

const char* const kPaymentItem =
    R"({"id":"EB-2019-000123","personnummer":"197405049334","medsokande_personnummer":"200102181732",)"
    R"("hushall_id":"HH-0180-000001","period":"2019-03","belopp_kr":4900.5,"stadsdel":"Södermalm",)"
    R"("status":"utbetald","skyddad":false,"andrad":"2019-03-05T06:00:00+01:00"})";

const char* const kParticipationItem =
    R"({"id":"KD-2018-00001","insats_id":"FB-STHLM-2018-03","personnummer":"197405049334","anonym":false,)"
    R"("kon":"kvinna","fodelsear":1974,"start":"2018-01-16","slut":"2018-06-30","avslutsanledning":"arbete",)"
    R"("samtycke_ref":"FK9443-2018-000004","skyddad":false,"andrad":"2018-06-30T14:50:00+02:00"})";

rapidjson::Document itemWith(const char* json, const std::string& member, const std::string& valueJson) {
    rapidjson::Document item;
    if (item.Parse(json).HasParseError()) {
        throw std::invalid_argument("test item is not JSON");
    }
    if (member.empty()) {
        return item;
    }
    item.RemoveMember(member.c_str());
    if (!valueJson.empty()) {
        rapidjson::Document value;
        if (value.Parse(valueJson.c_str()).HasParseError()) {
            throw std::invalid_argument("test value is not JSON");
        }
        item.AddMember(rapidjson::Value(member.c_str(), item.GetAllocator()),
                       rapidjson::Value(value, item.GetAllocator()), item.GetAllocator());
    }
    return item;
}

}  // namespace finsam::connectors::kommun_api::testing
