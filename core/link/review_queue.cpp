// core/link/review_queue.cpp — person_match reads, decisions, and the links they change.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/review_queue.h"

#include <cstdio>

#include "core/common/clock.h"
#include "core/link/link_engine.h"
#include "core/store/audit_log.h"
#include "core/store/batch_log.h"

namespace finsam::link {

namespace {

constexpr const char* kColumns =
    "SELECT m.id, m.person_a, m.person_b, COALESCE(ea.organisation, ''), COALESCE(eb.organisation, ''), "
    "m.probability, m.weight, m.evidence, m.status, m.created_at, m.updated_at, COALESCE(m.decided_by, '') "
    "FROM person_match m LEFT JOIN person_encoding ea ON ea.person_key = m.person_a "
    "LEFT JOIN person_encoding eb ON eb.person_key = m.person_b ";

ReviewItem itemOf(const soci::row& row) {
    ReviewItem item;
    item.id = static_cast<std::int64_t>(row.get<long long>(0));
    item.personA = row.get<std::string>(1);
    item.personB = row.get<std::string>(2);
    item.organisationA = row.get<std::string>(3);
    item.organisationB = row.get<std::string>(4);
    item.probability = row.get<double>(5);
    item.weight = row.get<double>(6);
    item.evidence = row.get<std::string>(7);
    item.status = row.get<std::string>(8);
    item.createdAt = row.get<std::string>(9);
    item.updatedAt = row.get<std::string>(10);
    item.decidedBy = row.get<std::string>(11);
    return item;
}

}  // namespace

std::vector<ReviewItem> ReviewQueue::list(const ReviewFilter& filter) {
    std::vector<ReviewItem> items;
    long long after = filter.after;
    int limit = filter.limit;
    soci::rowset<soci::row> rows =
        (database_.session().prepare << std::string(kColumns) +
                                            "WHERE m.status = :s AND m.id > :a ORDER BY m.id LIMIT :l",
         soci::use(filter.status), soci::use(after), soci::use(limit));
    for (const auto& row : rows) {
        items.push_back(itemOf(row));
    }
    return items;
}

std::optional<ReviewItem> ReviewQueue::find(std::int64_t id) {
    long long key = id;
    soci::rowset<soci::row> rows =
        (database_.session().prepare << std::string(kColumns) + "WHERE m.id = :i", soci::use(key));
    for (const auto& row : rows) {
        return itemOf(row);
    }
    return std::nullopt;
}

ReviewQueue::Outcome ReviewQueue::decide(std::int64_t id, bool accept, const std::string& reviewer,
                                         std::int64_t batchId, std::vector<store::EntityChange>& changes) {
    auto item = find(id);
    if (!item) {
        return Outcome::kNotFound;
    }
    if (item->status == "accepted" || item->status == "rejected") {
        return Outcome::kAlreadyDecided;
    }
    const std::string now = common::nowUtcIso();
    const std::string status = accept ? "accepted" : "rejected";
    long long key = id;
    auto& sql = database_.session();
    store::recordInternalBatch(database_, batchId, "review");
    sql << "UPDATE person_match SET status = :s, decided_by = :r, updated_at = :n WHERE id = :i", soci::use(status),
        soci::use(reviewer), soci::use(now), soci::use(key);
    char detail[160];
    std::snprintf(detail, sizeof detail, "match %lld %s by %s; probability %.4f", key, status.c_str(),
                  reviewer.c_str(), item->probability);
    store::AuditLog(database_).append({0, now, accept ? "match_accept" : "match_reject", item->personA, item->personB,
                                       "", "review", detail, batchId});
    auto links = LinkEngine(database_, window_).reconcile({item->personA, item->personB}, batchId,
                                                          common::todayInSweden());
    changes.insert(changes.end(), links.begin(), links.end());
    auto merges = DuplicateReports(database_, precedence_, window_).reconcile(links, batchId);
    changes.insert(changes.end(), merges.begin(), merges.end());
    return Outcome::kDecided;
}

}  // namespace finsam::link
