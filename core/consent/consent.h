// core/consent/consent.h — consents and participations as the consent policy sees them.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace finsam::consent {

/// FHIR Consent.status, narrowed to what the policy distinguishes. Only kActive can ever be in
/// force (architecture §4: draft, rejected and entered-in-error consents are never in force).
enum class ConsentStatus { kActive, kDraft, kRejected, kEnteredInError, kInactive };

/// FHIR Consent.provision.type. The förbund register (samtycken.csv) only has permits.
enum class ConsentEffect { kPermit, kDeny };

/// One version of one consent. Pure data: the store loads it, the policy decides on it.
struct Consent {
    std::string key;        ///< hub entity key, e.g. "forbund-sthlm/SAM-2019-0002"
    std::string sourceId;   ///< the id rows cite (Samtycke-ID, samtycke_ref): "SAM-2019-0002"
    std::string personKey;  ///< pseudonymous person key; never a clear identity
    ConsentStatus status = ConsentStatus::kDraft;
    ConsentEffect effect = ConsentEffect::kPermit;
    std::set<std::string> parties;     ///< organisation ids: af, fk, region-01, kommun-0180
    std::set<std::string> categories;  ///< identitet, deltagande, ersattning, halsa
    std::set<std::string> purposes;    ///< samordning, uppfoljning
    /// First day in force; absent = never in force.
    std::optional<std::chrono::year_month_day> validFrom;
    /// Last day in force; absent = until the follow-up window of what it covers ends.
    std::optional<std::chrono::year_month_day> validTo;
    /// First day no longer in force; absent = not withdrawn.
    std::optional<std::chrono::year_month_day> withdrawnAt;
    std::string scopeInsats;  ///< insats id; empty = the whole förbund ("Förbundet")
    std::string forbund;      ///< förbund keeping the register (forbund-sthlm); always a party
};

/// One participation (deltagande) of the person the consents belong to.
struct Participation {
    std::string key;       ///< hub entity key of the deltagande; unique per person
    std::string insatsId;  ///< the insats it belongs to
    std::string forbund;   ///< förbund organisation id of the insats
    std::chrono::year_month_day start;
    std::optional<std::chrono::year_month_day> end;  ///< absent = ongoing
    std::string citedConsent;  ///< Samtycke-ID / samtycke_ref as the row cites it; may be empty
};

/// The follow-up window around a participation (architecture §4, configurable). Both ≥ 0.
struct WindowConfig {
    int yearsBefore = 10;  ///< the window opens this many years before the start
    int monthsAfter = 12;  ///< and closes this many calendar months after the end, inclusive
};

/// Every recorded version of one consent: "was this link allowed on D" is answered from the
/// version that stood on D (architecture §4). recordedAt is ISO 8601 ("2026-11-23T10:15:00.123Z")
/// or a date; see asOf in consent_history.h.
struct ConsentHistory {
    std::vector<std::pair<std::string, Consent>> versions;  ///< (recordedAt, version), any order
};

/// Machine name of a status for details: active, draft, rejected, entered-in-error, inactive.
constexpr std::string_view toString(ConsentStatus status) {
    switch (status) {
        case ConsentStatus::kActive:
            return "active";
        case ConsentStatus::kDraft:
            return "draft";
        case ConsentStatus::kRejected:
            return "rejected";
        case ConsentStatus::kEnteredInError:
            return "entered-in-error";
        case ConsentStatus::kInactive:
            return "inactive";
    }
    return "unknown";
}

/// Maps a FHIR Consent.status code (R4 and R5) to ConsentStatus; nullopt for an unknown code.
/// proposed counts as a draft and not-done as rejected: neither was ever agreed to.
constexpr std::optional<ConsentStatus> consentStatusFromFhir(std::string_view code) {
    if (code == "active") {
        return ConsentStatus::kActive;
    }
    if (code == "draft" || code == "proposed") {
        return ConsentStatus::kDraft;
    }
    if (code == "rejected" || code == "not-done") {
        return ConsentStatus::kRejected;
    }
    if (code == "entered-in-error") {
        return ConsentStatus::kEnteredInError;
    }
    if (code == "inactive") {
        return ConsentStatus::kInactive;
    }
    return std::nullopt;
}

}  // namespace finsam::consent
