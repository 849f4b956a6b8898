// plugins/mapped-csv/src/mapped_csv_settings.h — the instance `settings` (schema.json) as typed
// structs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "canonical_catalogue.h"
#include "date_format.h"
#include "number_format.h"
#include "text_encoding.h"

namespace finsam::connectors::mapped_csv {

/// A source column, by header name (syntax.header true) or by 1-based number (false).
struct ColumnRef {
    std::string name;
    std::int32_t number = 0;  ///< 0 when referred to by name

    bool byName() const { return number == 0; }
    /// "'Kön'" or "column 5": how messages name the column.
    std::string label() const;
};

/// A column and the cell values that trigger a rule; cells are compared trimmed, ignoring ASCII
/// case.
struct ValueMatch {
    ColumnRef column;
    std::vector<std::string> values;

    bool matches(std::string_view cell) const;
};

using ValueTable = std::map<std::string, std::string, std::less<>>;

enum class Conversion { kText, kDate, kInteger, kDecimal, kDecimalToInteger };

/// One canonical field, from a column or a constant.
struct FieldMapping {
    std::string field;
    CanonicalField spec;  ///< the canonical field it fills
    std::optional<ColumnRef> column;
    std::optional<std::string> constant;
    Conversion conversion = Conversion::kText;
    std::optional<char> listSeparator;
    std::shared_ptr<const ValueTable> table;  ///< immutable, shared by the fields naming it
    std::string tableName;                    ///< "" for an inline table
    bool required = false;

    bool identity() const { return spec.kind == ValueKind::kIdentity; }
};

struct Syntax {
    sdk::toolkit::Charset encoding = sdk::toolkit::Charset::kUtf8;
    char separator = ',';
    char quote = '"';
    bool header = true;
    std::int32_t columnCount = 0;  ///< without a header: the width of every row
    std::int64_t skipLines = 0;
    DateFormat dateFormat;
    NumberFormat numberFormat;
};

enum class ChangeMode { kSnapshot, kAppend };

struct Settings {
    std::filesystem::path dropDir;  ///< resolved against the instance config's directory
    std::string filePattern = "*.csv";
    Syntax syntax;
    std::string entity;
    std::vector<ColumnRef> keyColumns;
    std::string keySeparator = "/";
    ChangeMode mode = ChangeMode::kSnapshot;
    std::optional<ValueMatch> deleteWhen;        ///< append mode only
    std::optional<ValueMatch> dropIdentityWhen;  ///< anonymous rows: identities dropped unread
    std::vector<FieldMapping> fields;
};

}  // namespace finsam::connectors::mapped_csv
