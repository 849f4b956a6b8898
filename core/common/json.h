// core/common/json.h — the one place JSON text becomes a RapidJSON document and is checked against a schema.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <vector>

namespace finsam::common {

/// A JSON parse failure with the line and column it happened at (1-based).
struct JsonError {
    std::size_t line = 0;
    std::size_t column = 0;
    std::string reason;
};

/// Parses `text`; on failure returns false and fills `error`.
bool parseJson(std::string_view text, rapidjson::Document& out, JsonError& error);

/// Reads and parses a file. Throws std::runtime_error "<path>:<line>:<col>: <reason>" on any failure.
rapidjson::Document readJsonFile(const std::string& path);

/// Reads a whole file into a string. Throws std::runtime_error naming the path.
std::string readTextFile(const std::string& path);

/// One schema violation: the JSON pointer into the instance and a reason a person can act on.
struct SchemaViolation {
    std::string pointer;
    std::string reason;
};

/// Validates `instance` against a draft-04 JSON Schema (RapidJSON's validator), collecting every violation.
std::vector<SchemaViolation> validateAgainstSchema(const rapidjson::Value& schema,
                                                   const rapidjson::Value& instance);

/// Serialises a value compactly.
std::string toJson(const rapidjson::Value& value);

/// Writes `text` as a JSON string literal (with quotes), escaping as RapidJSON does.
std::string jsonQuote(std::string_view text);

}  // namespace finsam::common
