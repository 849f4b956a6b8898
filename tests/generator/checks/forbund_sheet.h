// tests/generator/checks/forbund_sheet.h — a förbund sheet read by header name, for cross-format
// checks.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace finsam::generator::checks {

struct ForbundSheet {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::string at(const std::vector<std::string>& row, const std::string& column) const;
};

/// UTF-8 with BOM, ',' separated, Excel quoting, CRLF records (forbund-csv.md).
ForbundSheet readForbundSheet(const std::string& bytes);

}  // namespace finsam::generator::checks
