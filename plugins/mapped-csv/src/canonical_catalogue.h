// plugins/mapped-csv/src/canonical_catalogue.h — the canonical entities, fields and codes a mapping
// may name.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace finsam::connectors::mapped_csv {

/// What a canonical field holds once the host has it (core/model/entity_spec.h FieldType).
enum class ValueKind { kText, kDate, kYear, kInteger, kDecimal, kBoolean, kCode, kIdentity };

struct CanonicalField {
    std::string_view name;
    ValueKind kind = ValueKind::kText;
    bool list = false;          ///< repeated values allowed
    bool required = false;      ///< the host refuses an upsert without it
    std::string_view codeList;  ///< for kCode: the canonical code list
};

struct CanonicalEntity {
    std::string_view name;
    std::vector<CanonicalField> fields;

    /// nullptr when the entity has no such field.
    const CanonicalField* field(std::string_view fieldName) const;
    /// "a, b, c": for messages that list what is allowed.
    std::string fieldNames() const;
};

/// A copy of core/model/entity_spec.cpp and code_lists.cpp: a connector may not include core/, and
/// check() must refuse a mapping the host would refuse row by row. Keep in step with codes.md.
const CanonicalEntity* findCanonicalEntity(std::string_view name);

/// The codes of canonical code list `list`, or nullptr when there is no such list.
const std::vector<std::string_view>* canonicalCodes(std::string_view list);

/// Why `value` cannot be a canonical value of `field` (e.g. "is not a code of list kon"), or ""
/// when it can.
std::string canonicalValueProblem(const CanonicalField& field, std::string_view value);

}  // namespace finsam::connectors::mapped_csv
