// connectors/region-fhir/src/redacted_raw.cpp — a recursive walk over a copy of the resource.
// SPDX-License-Identifier: Apache-2.0
#include "redacted_raw.h"


#include "fhir_systems.h"
#include "safe_message.h"

namespace finsam::connectors::region_fhir {

namespace {

using Allocator = rapidjson::Document::AllocatorType;

bool isIdentitySystem(const JsonValue& object) {
    const auto system = stringMember(object, "system");
    return system && (*system == system::kPersonnummer || *system == system::kSamordningsnummer ||
                      *system == system::kReservnummer);
}

void redact(JsonValue& value, Allocator& allocator) {
    if (value.IsArray()) {
        for (auto& item : value.GetArray()) {
            redact(item, allocator);
        }
        return;
    }
    if (!value.IsObject()) {
        return;
    }
    for (const char* dropped : {"text", "contained", "name"}) {
        value.RemoveMember(dropped);
    }
    // A Reference's display is the person's name, with or without a reference beside it; only a Coding's
    // display (the label of its code) is kept.
    if (!value.HasMember("code")) {
        value.RemoveMember("display");
    }
    if (isIdentitySystem(value) && value.HasMember("value")) {
        value["value"].SetString("", allocator);
    }
    for (const char* keyed : {"reference", "id"}) {
        auto it = value.FindMember(keyed);
        if (it != value.MemberEnd() && it->value.IsString() &&
            sdk::toolkit::mayHoldIdentity(std::string_view(it->value.GetString(), it->value.GetStringLength()))) {
            it->value.SetString("(withheld)", allocator);
        }
    }
    for (auto& member : value.GetObject()) {
        redact(member.value, allocator);
    }
}

}  // namespace

std::string redactedRaw(const JsonValue& resource) {
    rapidjson::Document copy;
    copy.CopyFrom(resource, copy.GetAllocator());
    redact(copy, copy.GetAllocator());
    return compactJson(copy);
}

}  // namespace finsam::connectors::region_fhir
