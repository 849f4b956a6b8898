// connectors/region-fhir/src/fhir_json.cpp — member access that never throws on a wrong shape.
// SPDX-License-Identifier: Apache-2.0
#include "fhir_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace finsam::connectors::region_fhir {

Pointer Pointer::operator/(std::string_view key) const {
    Pointer next = *this;
    next.text_ += '/';
    for (char c : key) {  // RFC 6901: '~' and '/' are escaped inside a segment
        if (c == '~') {
            next.text_ += "~0";
        } else if (c == '/') {
            next.text_ += "~1";
        } else {
            next.text_ += c;
        }
    }
    return next;
}

Pointer Pointer::operator/(std::size_t index) const {
    Pointer next = *this;
    next.text_ += '/' + std::to_string(index);
    return next;
}

const JsonValue* member(const JsonValue& object, const char* name) {
    if (!object.IsObject()) {
        return nullptr;
    }
    auto it = object.FindMember(name);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

std::optional<std::string> stringMember(const JsonValue& object, const char* name) {
    const JsonValue* value = member(object, name);
    if (value == nullptr || !value->IsString()) {
        return std::nullopt;
    }
    return std::string(value->GetString(), value->GetStringLength());
}

const JsonValue* arrayMember(const JsonValue& object, const char* name) {
    const JsonValue* value = member(object, name);
    return value != nullptr && value->IsArray() ? value : nullptr;
}

std::string compactJson(const JsonValue& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace finsam::connectors::region_fhir
