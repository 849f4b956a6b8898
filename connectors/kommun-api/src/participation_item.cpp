// connectors/kommun-api/src/participation_item.cpp
// SPDX-License-Identifier: Apache-2.0
#include "participation_item.h"

#include "item_raw.h"
#include "personnummer_check.h"
#include "rfc3339.h"
#include "value_syntax.h"

namespace finsam::connectors::kommun_api {

namespace {

std::optional<std::string> optionalDate(ItemFields& fields, const char* name) {
    auto value = fields.optionalText(name);
    if (value && !sdk::toolkit::isIsoDate(*value)) {
        fields.fail(name, "bad_value", "is not a date YYYY-MM-DD");
        return std::nullopt;
    }
    return value;
}

void add(sdk::Record& record, const char* name, std::string value) {
    record.fields.push_back({name, std::move(value), 0});
}

void addIfPresent(sdk::Record& record, const char* name, const std::optional<std::string>& value) {
    if (value) {
        add(record, name, *value);
    }
}

}  // namespace

ParticipationRead readParticipation(const rapidjson::Value& item, const sdk::Position& position) {
    ParticipationRead out;
    if (!item.IsObject()) {
        out.fault = ItemFault{"", "wrong_shape", "the item is not a JSON object"};
        return out;
    }
    ItemFields fields(item);
    out.id = itemId(item);
    const std::string id = fields.text("id");
    const std::string insats = fields.text("insats_id");
    const auto number = fields.optionalText("personnummer");
    const bool anonym = fields.flag("anonym");
    const bool skyddad = fields.flag("skyddad");
    const std::string kon = fields.text("kon");
    const std::string born = fields.integer("fodelsear");
    const std::string start = fields.text("start");
    if (!start.empty() && !sdk::toolkit::isIsoDate(start)) {
        fields.fail("start", "bad_value", "is not a date YYYY-MM-DD");
    }
    const auto end = optionalDate(fields, "slut");
    if (end && !start.empty() && *end < start) {
        fields.fail("slut", "end_before_start", "is before start");
    }
    const auto reason = fields.optionalText("avslutsanledning");
    const auto consentRef = fields.optionalText("samtycke_ref");
    if (!isRfc3339(fields.text("andrad")) && !fields.fault()) {
        fields.fail("andrad", "bad_value", "is not an RFC 3339 time");
    }
    const bool identified = !anonym && !skyddad;
    if (identified && !number && !fields.fault()) {
        fields.fail("personnummer", "missing_value", "is null, but the item is neither anonym nor skyddad");
    } else if (identified && number && !fields.fault()) {
        if (auto fault = personnummerFault(*number)) {
            fields.fail("personnummer", "invalid_personnummer", *fault);
        }
    }
    if (fields.fault()) {
        out.fault = fields.fault();
        return out;
    }
    sdk::Record record{"deltagande", id, sdk::Operation::kUpsert, {}, position, withheldRaw(item)};
    add(record, "insats_id", insats);
    if (skyddad) {
        addIfPresent(record, "personnummer", number);
        add(record, "skyddad", "true");
    } else if (anonym) {
        add(record, "anonym", "true");
    } else {
        addIfPresent(record, "personnummer", number);
    }
    add(record, "kon", kon);
    add(record, "fodelsear", born);
    add(record, "startdatum", start);
    addIfPresent(record, "slutdatum", end);
    addIfPresent(record, "avslutsanledning", reason);
    addIfPresent(record, "samtycke_ref", consentRef);
    out.record = std::move(record);
    return out;
}

}  // namespace finsam::connectors::kommun_api
