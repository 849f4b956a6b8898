// core/consent/consent_policy.h — when a consent is in force, which links it allows.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/consent/consent.h"
#include "core/consent/consent_history.h"
#include "core/consent/follow_up_window.h"

namespace finsam::consent {

/// Machine rule names in decisions; explain and audit store them as they are.
namespace rule {
inline constexpr std::string_view kPermitted = "permitted";
inline constexpr std::string_view kSameOrganisation = "same_organisation";
inline constexpr std::string_view kInForce = "in_force";
inline constexpr std::string_view kNoConsent = "no_consent";
inline constexpr std::string_view kStatusNotActive = "status_not_active";
inline constexpr std::string_view kNoValidFrom = "no_valid_from";
inline constexpr std::string_view kNotInForce = "not_in_force";
inline constexpr std::string_view kWithdrawn = "withdrawn";
inline constexpr std::string_view kNoParticipationCovered = "no_participation_covered";
inline constexpr std::string_view kScopeOtherInsats = "scope_other_insats";
inline constexpr std::string_view kPartyNotNamed = "party_not_named";
inline constexpr std::string_view kCategoryNotCovered = "category_not_covered";
inline constexpr std::string_view kPurposeNotCovered = "purpose_not_covered";
inline constexpr std::string_view kOutsideFollowUpWindow = "outside_follow_up_window";
inline constexpr std::string_view kDenied = "denied";
inline constexpr std::string_view kProtectedIdentity = "protected_identity";
inline constexpr std::string_view kCoveredByCitation = "covered_by_citation";
inline constexpr std::string_view kCoveredByValidity = "covered_by_validity";
inline constexpr std::string_view kIdentified = "identified";
inline constexpr std::string_view kNoCoveringConsent = "no_covering_consent";
}  // namespace rule

/// Which participations one consent covers, and why (rule: covered_by_citation,
/// covered_by_validity, or when none: scope_other_insats, no_participation_covered).
struct Coverage {
    std::vector<Participation> participations;
    std::string rule;
    std::string consentKey;
    std::string detail;
};

/// Whether one consent is in force on a date (rule: in_force, status_not_active, no_valid_from,
/// withdrawn, not_in_force, no_participation_covered).
struct InForceDecision {
    bool inForce = false;
    std::string rule;
    std::string consentKey;
    std::string detail;
};

/// "May these two records be linked?" Dates are calendar dates (Swedish local time, codes.md).
struct LinkQuestion {
    std::string orgA, orgB;            ///< organisation ids of the two records
    std::string categoryA, categoryB;  ///< samtycke category of each record (codes.md)
    std::string purpose;               ///< samordning | uppfoljning
    std::chrono::year_month_day date;  ///< the day the link would exist
    std::chrono::year_month_day recordDateA, recordDateB;  ///< e.g. a benefit period's start
    bool protectedIdentity = false;  ///< skyddade personuppgifter at any source: never linked
};

struct LinkDecision {
    bool allowed = false;
    std::string rule;
    std::string consentKey;  ///< the consent that allowed or refused; empty for no_consent
    std::string detail;      ///< human text with dates and ids, never identity values
};

/// The SUS rule on one participation (rule: protected_identity, no_covering_consent, identified).
struct AnonymityDecision {
    bool anonymous = true;
    std::string rule;
    std::string consentKey;
    std::string detail;
};

/// Architecture §4: a consent covers the participations that cite it (citedConsent == sourceId,
/// same förbund when both are known). One no participation cites covers those that start inside
/// its validity [validFrom, validTo] (cut short by a withdrawal) and belong to its förbund. Either
/// way only those in its scope: scopeInsats empty = every insats of the förbund, else only that
/// one (issue 4), so a row citing it for another insats is not covered. Ignores status.
Coverage coveredParticipations(const Consent& consent,
                               const std::vector<Participation>& personsParticipations);

/// The days on which the consent is in force, or nullopt when never (the rules of inForce).
std::optional<DateRange> inForcePeriod(const Consent& consent,
                                       const std::vector<Participation>& covered,
                                       const WindowConfig& config = {});

/// Architecture §4: never unless kActive; from validFrom (inclusive; none = never) to validTo
/// (inclusive) or, with no validTo, to the latest follow-up-window end of `covered` (open when one
/// is ongoing). A withdrawal ends it at once: not in force on or after withdrawnAt. No validTo and
/// nothing covered: a permit is NOT in force, a deny is in force from validFrom with no end (both
/// the safe side). Checks in order, first failure wins: status, validFrom, withdrawal, period.
InForceDecision inForce(const Consent& consent, std::chrono::year_month_day date,
                        const std::vector<Participation>& covered, const WindowConfig& config = {});

/// Architecture §4. Same organisation: allowed (same_organisation). Protected identity: refused.
/// A deny matches when in force on q.date and each of its non-empty sets overlaps the question:
/// parties ∋ orgA or orgB, categories ∋ categoryA or categoryB, purposes ∋ purpose (an empty set
/// matches all; scope and window do not narrow a deny). A matching deny refuses whatever permits
/// exist. A permit allows when, in order: status active, not withdrawn, in force on q.date, it
/// covers a participation, both orgs are parties (consent.forbund always is), both categories and
/// the purpose are listed, one covered participation's window holds both record dates. No permit:
/// no_consent. When every permit refuses, the reason of the one that got furthest is reported;
/// most informative first: outside_follow_up_window, purpose_not_covered, category_not_covered,
/// party_not_named, scope_other_insats, no_participation_covered, withdrawn, not_in_force,
/// no_valid_from, status_not_active. Ties go to the smallest consent key.
LinkDecision mayLink(const std::vector<Consent>& personsConsents, const LinkQuestion& question,
                     const std::vector<Participation>& personsParticipations,
                     const WindowConfig& config = {});

/// The SUS rule (architecture §4): anonymous when the person is protected (even when that appears
/// late: protection wins over every consent, retroactively) or when no permit that was really
/// given (status active, or inactive = ended since) covers the participation. A withdrawn or
/// expired consent keeps it identified: it is never re-registered as anonymous.
AnonymityDecision isAnonymous(const Participation& participation,
                              const std::vector<Consent>& personsConsents,
                              const std::vector<Participation>& personsParticipations,
                              bool protectedIdentity);

/// The calendar years in which the participation is active, each once (the SUS rule), ascending:
/// from its start year to the year of its end, or of `through` when ongoing or ending later.
/// Empty when it starts after `through`.
std::vector<int> countedYears(const Participation& participation,
                              std::chrono::year_month_day through);

}  // namespace finsam::consent
