// connectors/kommun-api/src/item_raw.cpp
// SPDX-License-Identifier: Apache-2.0
#include "item_raw.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "finsam/http_client/redaction.h"

namespace finsam::connectors::kommun_api {

namespace {

constexpr const char* kIdentityMembers[] = {"personnummer", "medsokande_personnummer"};

}  // namespace

std::string withheldRaw(const rapidjson::Value& item) {
    rapidjson::Document copy;
    copy.CopyFrom(item, copy.GetAllocator());
    if (copy.IsObject()) {
        for (const char* name : kIdentityMembers) {
            auto member = copy.FindMember(name);
            if (member != copy.MemberEnd() && !member->value.IsNull()) {
                member->value.SetString("[withheld]", copy.GetAllocator());
            }
        }
    }
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    copy.Accept(writer);
    return http_client::redact(std::string_view(buffer.GetString(), buffer.GetSize()));
}

}  // namespace finsam::connectors::kommun_api
