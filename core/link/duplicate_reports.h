// core/link/duplicate_reports.h — one participation reported by the förbund and by the insats's huvudman.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/consent/consent.h"
#include "core/store/database.h"
#include "core/store/entity_writer.h"

namespace finsam::link {

/// The role a reporting organisation plays for a participation: the förbund's own register, or the insats's
/// huvudman (AF, FK, the region or the kommun) reporting from its own system.
std::string reportRole(const std::string& organisation);

/// Which report's value a merged participation keeps, field by field (hub.json `duplicates.precedence`).
/// Each order lists the roles `forbund` and `huvudman`; the first role with a value wins.
struct ReportPrecedence {
    /// Default: the förbund's register is the record of its follow-up; the huvudman fills what it lacks.
    std::vector<std::string> defaultOrder = {"forbund", "huvudman"};
    std::map<std::string, std::vector<std::string>> fields;  ///< per-field overrides

    const std::vector<std::string>& orderFor(const std::string& field) const;
};

/// Recognises duplicate reports after a batch and merges them into one deltagande (documented in
/// core/link/README.md). Two active reports are of the same participation when they come from a förbund and
/// from another organisation, name the same insats and start date, and are of the same person: when both are
/// identified, the same person, or persons sharing a link key whose link a consent allowed on the
/// participation's start (a link that expired normally since does not unmake the duplicate); the same kön and
/// födelseår when either is anonymous. Only one-to-one matches merge; an ambiguous group stays apart. The report whose role the
/// precedence's default order puts first is the canonical deltagande; the other gets `duplicate_of`. Fields
/// on which they disagree are resolved by the precedence and recorded in `deltagande_conflict` and the audit.
/// Runs inside the batch's transaction; returns the feed changes (deltagande.updated, deltagande.merged,
/// deltagande.unmerged).
class DuplicateReports {
public:
    DuplicateReports(store::Database& database, const ReportPrecedence& precedence, consent::WindowConfig window)
        : database_(database), precedence_(precedence), window_(window), writer_(database) {}

    /// Re-pairs the report groups `changes` touched (EntityChange::reportGroups) and those of persons whose
    /// links changed.
    std::vector<store::EntityChange> reconcile(const std::vector<store::EntityChange>& changes, std::int64_t batchId);

private:
    struct Report;
    void addGroupsOf(const std::string& sql, const std::string& param);
    bool settled(const std::string& insatsId, const std::string& startdatum);
    void resolveGroup(const std::string& insatsId, const std::string& startdatum, std::int64_t batchId,
                      std::vector<store::EntityChange>& out);
    bool samePerson(const Report& a, const Report& b);
    void merge(Report& primary, Report& secondary, std::int64_t batchId, std::vector<store::EntityChange>& out);
    void standAlone(Report& report, std::int64_t batchId, std::vector<store::EntityChange>& out);

    store::Database& database_;
    const ReportPrecedence& precedence_;
    consent::WindowConfig window_;
    store::EntityWriter writer_;
    std::set<std::pair<std::string, std::string>> groups_;  ///< (insats_id, startdatum) to resolve
};

}  // namespace finsam::link
