// core/validate/validator.cpp — one check per rule, in the order a person would fix them.
// SPDX-License-Identifier: Apache-2.0
#include "core/validate/validator.h"

#include <algorithm>
#include <cctype>

#include "core/common/clock.h"
#include "core/model/code_lists.h"
#include "core/model/entity_spec.h"
#include "personnummer_scan.h"

namespace finsam::validate {

namespace {

using model::FieldType;
using model::Rejection;

bool allDigits(const std::string& value) {
    return !value.empty() && std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool isDecimal(const std::string& value) {
    auto dot = value.find('.');
    if (dot == std::string::npos) {
        return allDigits(value);
    }
    return allDigits(value.substr(0, dot)) && allDigits(value.substr(dot + 1));
}

// Why `value` is not of the field's type, or "" when it is. Identity values are never quoted.
std::string typeProblem(const model::FieldSpec& field, const std::string& value) {
    switch (field.type) {
        case FieldType::kDate:
            return common::parseIsoDate(value) ? "" : "'" + value + "' is not a date (YYYY-MM-DD)";
        case FieldType::kYear:
            return allDigits(value) && value.size() == 4 ? "" : "'" + value + "' is not a year";
        case FieldType::kInteger:
            return allDigits(value) && value.size() <= 12 ? "" : "'" + value + "' is not a whole number";
        case FieldType::kDecimal:
            return isDecimal(value) ? "" : "'" + value + "' is not a decimal number";
        case FieldType::kBoolean:
            return value == "true" || value == "false" ? "" : "'" + value + "' is not true/false";
        case FieldType::kCode:
            return model::isCanonicalCode(field.codeList, value)
                       ? ""
                       : "'" + value + "' is not a code of list " + std::string(field.codeList);
        case FieldType::kText:
        case FieldType::kIdentity:
            return "";
    }
    return "";
}

// Start/end pairs of the canonical entities: an end before its start is a typing error at the source.
constexpr std::pair<const char*, const char*> kPeriods[] = {
    {"startdatum", "slutdatum"}, {"giltigt_fran", "giltigt_till"}, {"from_datum", "tom_datum"}};

}  // namespace

std::optional<Rejection> Validator::process(model::WorkRecord& record) const {
    const auto* spec = model::findEntity(record.entity);
    if (spec == nullptr) {
        return Rejection{"unknown_entity", "", 0, "entity '" + record.entity + "' is not in the canonical schema"};
    }
    if (record.retract) {
        return std::nullopt;
    }
    // Keys and free text are stored and published as they are: a number in them would leave the hub in clear.
    if (sdk::toolkit::holdsPersonnummer(record.sourceKey)) {
        return Rejection{"identity_in_key", "key", 0,
                         "the record's key holds a personnummer: it would be stored and published as it is"};
    }
    for (const auto& [name, values] : record.values) {
        const auto* field = spec->field(name);
        if (field == nullptr) {
            return Rejection{"unknown_field", name, record.column(name),
                             "field '" + name + "' is not part of " + record.entity};
        }
        if (values.size() > 1 && !field->list) {
            return Rejection{"not_a_list", name, record.column(name), "field '" + name + "' takes one value"};
        }
        for (const auto& value : values) {
            if (field->type == FieldType::kText && sdk::toolkit::holdsPersonnummer(value)) {
                return Rejection{"identity_in_value", name, record.column(name),
                                 name + " holds a personnummer: it would be stored and published as it is"};
            }
            auto problem = typeProblem(*field, value);
            if (!problem.empty()) {
                return Rejection{"bad_value", name, record.column(name), name + ": " + problem};
            }
        }
    }
    for (const auto& field : spec->fields) {
        if (field.required && !record.has(std::string(field.name)) &&
            (field.orField.empty() || !record.has(std::string(field.orField)))) {
            return Rejection{"missing_value", std::string(field.name), 0,
                             "required field '" + std::string(field.name) + "' is missing" +
                                 (field.orField.empty() ? "" : " (or '" + std::string(field.orField) + "')")};
        }
    }
    for (const auto& [from, to] : kPeriods) {
        const auto& start = record.value(from);
        const auto& end = record.value(to);
        if (!start.empty() && !end.empty() && end < start) {
            return Rejection{"end_before_start", to, record.column(to),
                             std::string(to) + " " + end + " is before " + from + " " + start};
        }
    }
    return std::nullopt;
}

}  // namespace finsam::validate
