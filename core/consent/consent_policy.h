// core/consent/consent_policy.h — when a consent is in force and which links it
// allows (architecture §4). SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/consent/consent.h"
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
inline constexpr std::string_view kNoParticipationCovered =
    "no_participation_covered";
inline constexpr std::string_view kScopeOtherInsats = "scope_other_insats";
inline constexpr std::string_view kPartyNotNamed = "party_not_named";
inline constexpr std::string_view kCategoryNotCovered = "category_not_covered";
inline constexpr std::string_view kPurposeNotCovered = "purpose_not_covered";
inline constexpr std::string_view kOutsideFollowUpWindow =
    "outside_follow_up_window";
inline constexpr std::string_view kDenied = "denied";
inline constexpr std::string_view kProtectedIdentity = "protected_identity";
inline constexpr std::string_view kCoveredByCitation = "covered_by_citation";
inline constexpr std::string_view kCoveredByValidity = "covered_by_validity";
inline constexpr std::string_view kIdentified = "identified";
inline constexpr std::string_view kNoCoveringConsent = "no_covering_consent";
} // namespace rule

/// Which participations one consent covers, and why (rule: covered_by_citation,
/// covered_by_validity, or when none: scope_other_insats,
/// no_participation_covered).
struct Coverage {
  std::vector<Participation> participations;
  std::string rule;
  std::string consentKey;
  std::string detail;
};

/// Whether one consent is in force on a date (rule: in_force,
/// status_not_active, no_valid_from, withdrawn, not_in_force,
/// no_participation_covered).
struct InForceDecision {
  bool inForce = false;
  std::string rule;
  std::string consentKey;
  std::string detail;
};

/// "May these two records be linked?" Dates are calendar dates (Swedish local
/// time, codes.md).
struct LinkQuestion {
  std::string orgA, orgB; ///< organisation ids of the two records
  std::string categoryA,
      categoryB;       ///< samtycke category of each record (codes.md)
  std::string purpose; ///< samordning | uppfoljning
  std::chrono::year_month_day date; ///< the day the link would exist
  std::chrono::year_month_day recordDateA,
      recordDateB; ///< e.g. a benefit period's start
  bool protectedIdentity =
      false; ///< skyddade personuppgifter at any source: never linked
};

struct LinkDecision {
  bool allowed = false;
  std::string rule;
  std::string
      consentKey; ///< the consent that allowed or refused; empty for no_consent
  std::string detail; ///< human text with dates and ids, never identity values
};

/// The SUS rule's verdict on one participation (rule: protected_identity,
/// no_covering_consent, identified).
struct AnonymityDecision {
  bool anonymous = true;
  std::string rule;
  std::string consentKey;
  std::string detail;
};

/// Architecture §4: a consent covers the participations that cite it
/// (citedConsent == sourceId, same förbund when both are known). A consent no
/// participation cites covers those that start inside its validity [validFrom,
/// validTo] (cut short by a withdrawal), belong to its förbund and are in its
/// scope: scopeInsats empty = every insats of the förbund, otherwise only that
/// insats. Status is not looked at.
Coverage
coveredParticipations(const Consent &consent,
                      const std::vector<Participation> &personsParticipations);

/// The days on which the consent is in force, or nullopt when never (see
/// inForce).
std::optional<DateRange>
inForcePeriod(const Consent &consent, const std::vector<Participation> &covered,
              const WindowConfig &config = {});

/// Architecture §4: never unless kActive; from validFrom (inclusive; no
/// validFrom = never) to validTo (inclusive), or with no validTo to the latest
/// follow-up-window end of `covered` (open when one is ongoing). A withdrawal
/// ends it at once: not in force on or after withdrawnAt. With no validTo and
/// nothing covered a permit is NOT in force (the safe side), while a deny stays
/// in force from validFrom with no end (also the safe side). Checks, first
/// failure wins: status, validFrom, withdrawal, period.
InForceDecision inForce(const Consent &consent,
                        std::chrono::year_month_day date,
                        const std::vector<Participation> &covered,
                        const WindowConfig &config = {});

/// Architecture §4. Same organisation: always allowed (same_organisation).
/// Protected identity: refused. A deny matches when it is in force on q.date
/// and each of its non-empty sets overlaps the question: parties ∋ orgA or
/// orgB, categories ∋ categoryA or categoryB, purposes ∋ purpose (an empty set
/// matches all; scope and window do not narrow a deny); a matching deny refuses
/// even when a permit exists. A permit allows when, in this order: status
/// active, not withdrawn, in force on q.date, it covers a participation, both
/// orgs are parties (consent.forbund always is), both categories and the
/// purpose are listed, and one covered participation's window holds both record
/// dates. No consent: no_consent. When every permit refuses, the reason of the
/// permit that got furthest is reported, most informative first:
/// outside_follow_up_window, purpose_not_covered, category_not_covered,
/// party_not_named, scope_other_insats, no_participation_covered, withdrawn,
/// not_in_force, no_valid_from, status_not_active; ties go to the smallest
/// consent key.
LinkDecision mayLink(const std::vector<Consent> &personsConsents,
                     const LinkQuestion &question,
                     const std::vector<Participation> &personsParticipations,
                     const WindowConfig &config = {});

/// The SUS rule (architecture §4): anonymous when the person is protected (even
/// if that appears late: protection wins over every consent, retroactively), or
/// when no permit consent that was really given (status active, or inactive =
/// ended/withdrawn later) covers the participation. A withdrawn or expired
/// consent keeps the participation identified: it is never re-registered as
/// anonymous.
AnonymityDecision
isAnonymous(const Participation &participation,
            const std::vector<Consent> &personsConsents,
            const std::vector<Participation> &personsParticipations,
            bool protectedIdentity);

/// The calendar years in which the participation is active, each once (the SUS
/// rule), ascending: from its start year to the year of its end, or of
/// `through` when ongoing or ending after `through`. Empty when it starts after
/// `through`.
std::vector<int> countedYears(const Participation &participation,
                              std::chrono::year_month_day through);

/// The version that stood at `at`: the latest recorded on or before it (ties:
/// the later in `versions`). `at` and recordedAt are ISO 8601 timestamps (Z or
/// ±hh:mm; none = UTC) or YYYY-MM-DD dates, compared as instants, not as
/// strings. A date is a day in Swedish local time (codes.md): as `at` it means
/// the end of that day, as recordedAt its start. nullptr when nothing was
/// recorded by then or `at` is malformed; malformed versions are skipped.
const Consent *asOf(const ConsentHistory &history, const std::string &at);

/// asOf over every history; consents not yet recorded at `at` are left out.
std::vector<Consent> consentsAsOf(const std::vector<ConsentHistory> &histories,
                                  const std::string &at);

} // namespace finsam::consent
