// core/store/quarantine_items.cpp — one parameterised statement; a filter left empty binds as a wildcard.
// SPDX-License-Identifier: Apache-2.0
#include "core/store/quarantine_items.h"

#include "core/store/row_text.h"

namespace finsam::store {

namespace {

constexpr const char* kColumns =
    "id, connector, batch_id, source, line, column_no, field, code, message, state, created_at, payload";

QuarantineItem itemOf(const soci::row& row, bool withPayload) {
    auto number = [&](std::size_t i) {
        const std::string text = cellText(row, i);
        return text.empty() ? 0 : std::stoll(text);
    };
    QuarantineItem item;
    item.id = number(0);
    item.connector = cellText(row, 1);
    item.batchId = number(2);
    item.source = cellText(row, 3);
    item.line = number(4);
    item.column = static_cast<int>(number(5));
    item.field = cellText(row, 6);
    item.code = cellText(row, 7);
    item.message = cellText(row, 8);
    item.state = cellText(row, 9);
    item.createdAt = cellText(row, 10);
    if (withPayload) {
        item.payload = cellText(row, 11);
    }
    return item;
}

}  // namespace

std::vector<QuarantineItem> listQuarantine(Database& database, const QuarantineFilter& filter) {
    long long after = filter.after;
    soci::rowset<soci::row> rows =
        (database.session().prepare << "SELECT " << kColumns << " FROM quarantine WHERE id > :a "
                                       "AND (:c1 = '' OR connector = :c2) AND (:k1 = '' OR code = :k2) "
                                       "AND (:s1 = '' OR source = :s2) AND (:t1 = '' OR state = :t2) "
                                       "ORDER BY id LIMIT " << filter.limit,
         soci::use(after), soci::use(filter.connector), soci::use(filter.connector), soci::use(filter.code),
         soci::use(filter.code), soci::use(filter.source), soci::use(filter.source), soci::use(filter.state),
         soci::use(filter.state));
    std::vector<QuarantineItem> items;
    for (const auto& row : rows) {
        items.push_back(itemOf(row, false));
    }
    return items;
}

std::optional<QuarantineItem> quarantineItem(Database& database, std::int64_t id) {
    long long wanted = id;
    soci::rowset<soci::row> rows =
        (database.session().prepare << "SELECT " << kColumns << " FROM quarantine WHERE id = :i", soci::use(wanted));
    for (const auto& row : rows) {
        return itemOf(row, true);
    }
    return std::nullopt;
}

}  // namespace finsam::store
