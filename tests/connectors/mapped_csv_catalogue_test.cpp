// tests/connectors/mapped_csv_catalogue_test.cpp — mapped-csv carries a copy of the canonical schema (a plugin
// may not include core/); this keeps the copy equal to the hub's own, field by field and code by code.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "canonical_catalogue.h"
#include "core/model/code_lists.h"
#include "core/model/entity_spec.h"

namespace finsam::testing {
namespace {

namespace mapped = connectors::mapped_csv;

mapped::ValueKind kindOf(model::FieldType type) {
    switch (type) {
        case model::FieldType::kText: return mapped::ValueKind::kText;
        case model::FieldType::kDate: return mapped::ValueKind::kDate;
        case model::FieldType::kYear: return mapped::ValueKind::kYear;
        case model::FieldType::kInteger: return mapped::ValueKind::kInteger;
        case model::FieldType::kDecimal: return mapped::ValueKind::kDecimal;
        case model::FieldType::kBoolean: return mapped::ValueKind::kBoolean;
        case model::FieldType::kCode: return mapped::ValueKind::kCode;
        case model::FieldType::kIdentity: return mapped::ValueKind::kIdentity;
    }
    return mapped::ValueKind::kText;
}

TEST(MappedCsvCatalogue, EveryCanonicalEntityFieldAndCodeIsKnownAlike) {
    for (const auto& entity : model::allEntities()) {
        const auto* copy = mapped::findCanonicalEntity(entity.name);
        ASSERT_NE(copy, nullptr) << entity.name;
        EXPECT_EQ(copy->fields.size(), entity.fields.size()) << entity.name;
        for (const auto& field : entity.fields) {
            const auto* copied = copy->field(field.name);
            ASSERT_NE(copied, nullptr) << entity.name << "." << field.name;
            EXPECT_EQ(copied->kind, kindOf(field.type)) << entity.name << "." << field.name;
            EXPECT_EQ(copied->list, field.list) << entity.name << "." << field.name;
            EXPECT_EQ(copied->required, field.required) << entity.name << "." << field.name;
            EXPECT_EQ(copied->codeList, field.codeList) << entity.name << "." << field.name;
            if (!field.codeList.empty()) {
                ASSERT_NE(mapped::canonicalCodes(field.codeList), nullptr) << field.codeList;
                EXPECT_EQ(*mapped::canonicalCodes(field.codeList), *model::codeList(field.codeList))
                    << field.codeList;
            }
        }
    }
}

}  // namespace
}  // namespace finsam::testing
