// core/normalise/code_mapping.h — one connector's value tables: partner display values -> canonical codes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <vector>

namespace finsam::normalise {

using ValueTable = std::map<std::string, std::string, std::less<>>;

class CodeMapping {
public:
    /// Loads a mapping file (mapping.schema.json). Problems ("file: /pointer: reason") are appended, including
    /// every table entry that maps to a code outside the canonical list of the fields that use it.
    static CodeMapping load(const std::string& path, std::vector<std::string>& problems);

    /// The table for `entity`.`field`, or nullptr when the field passes unchanged.
    const ValueTable* tableFor(const std::string& entity, const std::string& field) const;
    /// Name of the table for `entity`.`field` ("" when none).
    const std::string& tableName(const std::string& entity, const std::string& field) const;

private:
    std::map<std::string, ValueTable> tables_;
    std::map<std::string, std::map<std::string, std::string>> fields_;  ///< entity -> field -> table
};

}  // namespace finsam::normalise
