// core/link/link_engine.h — joins one person's records across organisations while, and only while, consent allows.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/consent/consent.h"
#include "core/consent/consent_policy.h"
#include "core/store/database.h"
#include "core/store/entity_writer.h"

namespace finsam::link {

/// Persons of other organisations sharing a link key with `personKey`: the deterministic counterparts.
std::set<std::string> sharingLinkKey(store::Database& database, const std::string& personKey);

/// After a batch, re-decides every cross-organisation pair of persons that share a link key and involve a
/// person the batch touched (architecture §4): a pair is linked while a consent in force names both
/// parties for both records' categories and the purpose, and both records fall in the follow-up window of a
/// participation it covers; deny wins. A new link, a dissolved link and a changed refusal each write one audit
/// entry; links and unlinks also produce feed changes (person.linked / person.unlinked). Runs inside the
/// batch's transaction.
class LinkEngine {
public:
    LinkEngine(store::Database& database, consent::WindowConfig window, std::string purpose = "uppfoljning")
        : database_(database), window_(window), purpose_(std::move(purpose)) {}

    std::vector<store::EntityChange> reconcile(const std::set<std::string>& touchedPersons, std::int64_t batchId,
                                               std::chrono::year_month_day today);

    /// "Was this link allowed on `date` (YYYY-MM-DD)?", answered from the consents as they stood that day
    /// (every recorded version is kept), for both persons' records.
    consent::LinkDecision allowedOn(const std::string& personA, const std::string& personB, const std::string& date);

    /// Persons of other organisations sharing a link key with `personKey`, or matched to it probabilistically
    /// (`linked` by the model or `accepted` by a reviewer): candidates for a link.
    std::set<std::string> counterparts(const std::string& personKey);

    /// How a pair came to be candidates: "deterministic" (a shared link key) or "probabilistic" with the match's
    /// probability.
    struct Method {
        std::string name;
        std::optional<double> probability;
    };
    Method methodOf(const std::string& personA, const std::string& personB);

private:
    struct Decision;
    bool stillCounterparts(const std::string& personA, const std::string& personB);
    Decision decide(const std::string& personA, const std::string& personB, std::chrono::year_month_day today,
                    bool asConsentsStood = false);

    store::Database& database_;
    consent::WindowConfig window_;
    std::string purpose_;
};

}  // namespace finsam::link
