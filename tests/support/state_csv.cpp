// tests/support/state_csv.cpp — the oracle reads JSON with RapidJSON and CSV with the connectors' own reader.
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/state_csv.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "csv_reader.h"

namespace finsam::testing {

namespace {

std::string text(const rapidjson::Value& value) {
    if (value.IsString()) {
        return value.GetString();
    }
    if (value.IsBool()) {
        return value.GetBool() ? "true" : "false";
    }
    if (value.IsInt64()) {
        return std::to_string(value.GetInt64());
    }
    EXPECT_TRUE(value.IsNull()) << "an item value CSV cannot hold";
    return "";
}

}  // namespace

std::vector<std::string> expectedCsvCells(const std::vector<std::string>& columns, const std::string& item) {
    rapidjson::Document document;
    document.Parse(item.c_str());
    std::vector<std::string> cells;
    for (const auto& column : columns) {
        const auto dot = column.find('.');
        const std::string name = column.substr(0, dot);
        if (!document.HasMember(name.c_str())) {
            cells.emplace_back();
            continue;
        }
        const auto& value = document[name.c_str()];
        if (!value.IsArray()) {
            cells.push_back(text(value));
            continue;
        }
        std::string joined;
        for (std::size_t i = 0; i < value.Size(); ++i) {
            joined += (i > 0 ? ";" : "") + text(dot == std::string::npos ? value[i]
                                                                          : value[i][column.substr(dot + 1).c_str()]);
        }
        cells.push_back(joined);
    }
    return cells;
}

std::vector<std::vector<std::string>> csvCells(const std::string& csv) {
    auto document = sdk::toolkit::readCsv(csv);
    EXPECT_FALSE(document.error.has_value()) << document.error->message;
    std::vector<std::vector<std::string>> rows;
    for (const auto& record : document.records) {
        auto& row = rows.emplace_back();
        for (const auto& field : record.fields) {
            row.push_back(field.value);
        }
    }
    return rows;
}

}  // namespace finsam::testing
