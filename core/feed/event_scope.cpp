// core/feed/event_scope.cpp — one indexed lookup per participation event, insatser cached per batch.
// SPDX-License-Identifier: Apache-2.0
#include "core/feed/event_scope.h"

namespace finsam::feed {

namespace {

bool isForbund(const std::string& organisation) { return organisation.rfind("forbund-", 0) == 0; }

std::optional<std::string> organisationOfKey(const std::string& entityKey) {
    auto slash = entityKey.find('/');
    std::string organisation = entityKey.substr(0, slash);
    return isForbund(organisation) ? std::optional<std::string>(organisation) : std::nullopt;
}

std::string cell(const std::optional<store::Database::Cells>& row, std::size_t column) {
    return row && (*row)[column] ? *(*row)[column] : "";
}

}  // namespace

std::optional<std::string> EventScope::forbundOfInsats(const std::string& insatsId) {
    if (insatsId.empty()) {
        return std::nullopt;
    }
    auto cached = insatsForbund_.find(insatsId);
    if (cached != insatsForbund_.end()) {
        return cached->second;
    }
    auto row = database_.queryRow(
        "SELECT MIN(organisation) FROM insats WHERE insats_id = :p0 AND organisation LIKE 'forbund-%'", {insatsId}, 1);
    std::string organisation = cell(row, 0);
    auto forbund = organisation.empty() ? std::nullopt : std::optional<std::string>(organisation);
    insatsForbund_[insatsId] = forbund;
    return forbund;
}

std::optional<std::string> EventScope::forbundOf(const store::EntityChange& change) {
    const std::string& entity = change.entity;
    if (entity == "insats" || entity == "insats_budget") {
        return organisationOfKey(change.entityKey);
    }
    if (entity == "deltagande" || entity == "deltagande_duplicate") {
        auto row = database_.queryRow("SELECT insats_id FROM deltagande WHERE entity_key = :p0", {change.entityKey}, 1);
        return forbundOfInsats(cell(row, 0));
    }
    if (entity == "samtycke") {
        // Given for an insats: that insats's förbund; for the whole förbund (galler_forbund): the recorder's.
        auto row = database_.queryRow("SELECT galler_insats FROM samtycke WHERE entity_key = :p0", {change.entityKey}, 1);
        auto viaInsats = forbundOfInsats(cell(row, 0));
        return viaInsats ? viaInsats : organisationOfKey(change.entityKey);
    }
    return std::nullopt;
}

}  // namespace finsam::feed
