// core/model/entity_spec.h — the canonical schema (architecture §2): which fields each entity has and their types.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace finsam::model {

enum class FieldType {
    kText,
    kDate,      ///< YYYY-MM-DD
    kYear,      ///< four digits
    kInteger,   ///< non-negative whole number
    kDecimal,   ///< dot decimal, e.g. 1250000.50
    kBoolean,   ///< "true" | "false" after mapping
    kCode,      ///< one of a canonical code list (code_lists.h) after mapping
    kIdentity,  ///< an identity (a number, a reservnummer, a name); consumed by the identity stage, never stored
};

struct FieldSpec {
    std::string_view name;
    FieldType type = FieldType::kText;
    bool list = false;      ///< repeated values allowed
    bool required = false;  ///< must be present on upsert
    std::string_view codeList;  ///< for kCode: the canonical list the value must belong to
    bool published = true;      ///< false: stored, but never put in the feed (e.g. a form reference)
    std::string_view orField{}; ///< `required` is met by this field instead (a reservnummer for a number)
};

struct EntitySpec {
    std::string_view name;
    std::vector<FieldSpec> fields;

    const FieldSpec* field(std::string_view fieldName) const;
};

/// True for fields the store keeps; identities and the anonym/skyddad directives are consumed before it.
bool isStored(const FieldSpec& field);

/// True when records of the entity are about a person (they carry an identity field).
bool hasPerson(const EntitySpec& entity);

/// The entity a connector may emit, or nullptr when `name` is not part of the canonical schema.
const EntitySpec* findEntity(std::string_view name);

/// Every canonical entity a connector may emit, in the order a batch applies them (insatser first).
const std::vector<EntitySpec>& allEntities();

}  // namespace finsam::model
