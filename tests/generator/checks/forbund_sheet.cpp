// tests/generator/checks/forbund_sheet.cpp — a förbund sheet read by header name.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/checks/forbund_sheet.h"

#include <stdexcept>

namespace finsam::generator::checks {

std::string ForbundSheet::at(const std::vector<std::string>& row, const std::string& column) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == column) {
            return row.at(i);
        }
    }
    throw std::out_of_range("no column " + column);
}

ForbundSheet readForbundSheet(const std::string& bytes) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    for (std::size_t i = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (quoted) {
            if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record.push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
            ++i;
            record.push_back(field);
            field.clear();
            records.push_back(record);
            record.clear();
        } else {
            field += c;
        }
    }
    ForbundSheet sheet;
    if (!records.empty()) {
        sheet.header = records.front();
        sheet.rows.assign(records.begin() + 1, records.end());
    }
    return sheet;
}

}  // namespace finsam::generator::checks
