// connectors/kommun-api/src/item_fields.cpp
// SPDX-License-Identifier: Apache-2.0
#include "item_fields.h"

#include <cstdio>

namespace finsam::connectors::kommun_api {

const rapidjson::Value* ItemFields::find(const char* name) const {
    const auto it = item_.FindMember(name);
    return it == item_.MemberEnd() ? nullptr : &it->value;
}

void ItemFields::fail(const char* name, std::string code, std::string reason) {
    if (!fault_) {
        fault_ = ItemFault{name, std::move(code), std::string(name) + " " + std::move(reason)};
    }
}

std::string ItemFields::text(const char* name) {
    const rapidjson::Value* value = find(name);
    if (value == nullptr || value->IsNull() || (value->IsString() && value->GetStringLength() == 0)) {
        fail(name, "missing_value", "is missing");
        return "";
    }
    if (!value->IsString()) {
        fail(name, "wrong_shape", "is not a string");
        return "";
    }
    return fault_ ? "" : std::string(value->GetString(), value->GetStringLength());
}

std::optional<std::string> ItemFields::optionalText(const char* name) {
    const rapidjson::Value* value = find(name);
    if (value == nullptr || value->IsNull()) {
        return std::nullopt;
    }
    if (!value->IsString()) {
        fail(name, "wrong_shape", "is neither a string nor null");
        return std::nullopt;
    }
    if (fault_ || value->GetStringLength() == 0) {
        return std::nullopt;
    }
    return std::string(value->GetString(), value->GetStringLength());
}

bool ItemFields::flag(const char* name) {
    const rapidjson::Value* value = find(name);
    if (value == nullptr || value->IsNull()) {
        fail(name, "missing_value", "is missing");
        return false;
    }
    if (!value->IsBool()) {
        fail(name, "wrong_shape", "is not true or false");
        return false;
    }
    return !fault_ && value->GetBool();
}

std::string ItemFields::integer(const char* name) {
    const rapidjson::Value* value = find(name);
    if (value == nullptr || value->IsNull()) {
        fail(name, "missing_value", "is missing");
        return "";
    }
    if (!value->IsInt64()) {
        fail(name, "wrong_shape", "is not an integer");
        return "";
    }
    return fault_ ? "" : std::to_string(value->GetInt64());
}

std::string ItemFields::number(const char* name) {
    const rapidjson::Value* value = find(name);
    if (value == nullptr || value->IsNull()) {
        fail(name, "missing_value", "is missing");
        return "";
    }
    if (!value->IsNumber()) {
        fail(name, "wrong_shape", "is not a number");
        return "";
    }
    if (fault_) {
        return "";
    }
    if (value->IsInt64()) {
        return std::to_string(value->GetInt64());
    }
    char text[64];
    std::snprintf(text, sizeof text, "%.2f", value->GetDouble());  // kronor and öre
    return text;
}

std::string itemId(const rapidjson::Value& item) {
    if (!item.IsObject()) {
        return "";
    }
    const auto id = item.FindMember("id");
    return id != item.MemberEnd() && id->value.IsString() ? std::string(id->value.GetString()) : "";
}

}  // namespace finsam::connectors::kommun_api
