// core/store/quarantine_items.h — reading the quarantine (GET /v1/admin/quarantine): what was held back, where
// (file, line, column, field) and why; payloads were redacted when they were written.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/database.h"

namespace finsam::store {

struct QuarantineItem {
    std::int64_t id = 0;
    std::string connector;
    std::int64_t batchId = 0;
    std::string source;
    std::int64_t line = 0;
    int column = 0;
    std::string field;
    std::string code;
    std::string message;
    std::string state;  ///< open | resolved (accepted when read again) | superseded (quarantined again)
    std::string createdAt;
    std::string payload;  ///< only from quarantineItem()
};

/// Empty strings match everything; items come in id order after `after`.
struct QuarantineFilter {
    std::string connector;
    std::string code;
    std::string source;
    std::string state;
    std::int64_t after = 0;
    int limit = 100;
};

std::vector<QuarantineItem> listQuarantine(Database& database, const QuarantineFilter& filter);
std::optional<QuarantineItem> quarantineItem(Database& database, std::int64_t id);

}  // namespace finsam::store
