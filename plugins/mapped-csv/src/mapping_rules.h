// plugins/mapped-csv/src/mapping_rules.h — columns and field mappings read with the rules the
// schema cannot state.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mapped_csv_settings.h"

namespace finsam::connectors::mapped_csv {

using NamedTables = std::map<std::string, std::shared_ptr<const ValueTable>>;

/// A column reference at `pointer`: a name needs syntax.header true, a number needs it false and
/// must not exceed syntax.column_count. Problems are appended as "/pointer: reason".
ColumnRef readColumn(const rapidjson::Value& value, const std::string& pointer,
                     const Syntax& syntax, std::vector<std::string>& problems);

/// settings.value_tables; every table is checked when a field uses it.
NamedTables readValueTables(const rapidjson::Value& settings);

/// settings.fields for `entity`: every field exists, has a column or a constant (not both), a
/// conversion that suits it, a value table that exists and yields canonical values, a list
/// separator only when it is a list; identities take no constant, table, conversion or list; a
/// field repeats only when it is a list; every field the entity requires is mapped.
std::vector<FieldMapping> readFieldMappings(const rapidjson::Value& fields,
                                            const CanonicalEntity& entity,
                                            const NamedTables& tables, const Syntax& syntax,
                                            std::vector<std::string>& problems);

}  // namespace finsam::connectors::mapped_csv
