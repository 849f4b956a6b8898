// core/identity/identity_stage.cpp — the only place a clear number is turned into anything.
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/identity_stage.h"

#include "core/common/clock.h"

namespace finsam::identity {

namespace {

constexpr const char* kNumberField = "personnummer";

// The clear number is overwritten before it is released, not merely dropped from the map.
void eraseNumber(model::WorkRecord& record) {
    auto it = record.values.find(kNumberField);
    if (it == record.values.end()) {
        return;
    }
    for (auto& value : it->second) {
        std::fill(value.begin(), value.end(), '\0');
    }
    record.values.erase(it);
}

// The person's kön and födelseår come from the number alone, so every sheet that names the person agrees.
model::PersonRef personOf(const ParsedIdentity& identity, const LinkKey& key) {
    return {toString(identity.kind), key.keyId, key.value, toString(identity.sex),
            std::to_string(identity.birthYear)};
}

// Kön and födelseår are kept on the record too, unless the source reported its own (e.g. kön "annat"):
// anonymous participations keep exactly these.
void fillFromNumber(model::WorkRecord& record, const model::PersonRef& person) {
    if (record.value("kon").empty()) {
        record.values["kon"] = {person.kon};
    }
    if (record.value("fodelsear").empty()) {
        record.values["fodelsear"] = {person.fodelsear};
    }
}

}  // namespace

std::optional<model::Rejection> IdentityStage::process(model::WorkRecord& record) const {
    const bool asksAnonymous = record.value("anonym") == "true";
    const bool isProtected = record.value("skyddad") == "true";
    record.values.erase("anonym");
    if (asksAnonymous) {
        record.anonymous = true;
        eraseNumber(record);
        return std::nullopt;
    }
    if (isProtected) {
        // Protected identity at any source means anonymous everywhere: keep the key only long enough for the
        // store to anonymise this person's earlier records (architecture §4). Kön and födelseår stay.
        record.anonymous = true;
        ParseResult parsed = parsePersonnummer(record.value(kNumberField), common::todayInSweden());
        if (parsed.ok) {
            record.protectedPerson = personOf(
                parsed.identity, pseudonymizer_.linkKey(parsed.identity.kind, parsed.identity.normalized));
            fillFromNumber(record, *record.protectedPerson);
        }
        eraseNumber(record);
        return std::nullopt;
    }
    const std::string& number = record.value(kNumberField);
    if (number.empty()) {
        return std::nullopt;
    }
    ParseResult parsed = parsePersonnummer(number, common::todayInSweden());
    if (!parsed.ok) {
        std::int32_t column = record.column(kNumberField);
        eraseNumber(record);
        return model::Rejection{"invalid_personnummer", kNumberField, column,
                                "personnummer is not valid: " + parsed.error};
    }
    model::PersonRef person =
        personOf(parsed.identity, pseudonymizer_.linkKey(parsed.identity.kind, parsed.identity.normalized));
    fillFromNumber(record, person);
    record.person = std::move(person);
    eraseNumber(record);
    return std::nullopt;
}

}  // namespace finsam::identity
