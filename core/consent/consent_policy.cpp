// core/consent/consent_policy.cpp — architecture §4 as pure decisions with reasons.
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/consent_policy.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace finsam::consent {

namespace chr = std::chrono;
using Date = chr::year_month_day;

namespace {

bool earlier(Date a, Date b) {
    return chr::sys_days{a} < chr::sys_days{b};
}

std::string iso(Date date) {
    return formatIsoDate(date);
}

std::string rangeText(const DateRange& range) {
    return "[" + iso(range.from) + ", " + (range.to ? iso(*range.to) : "open") + "]";
}

std::string shown(const std::string& name) {
    return name.empty() ? std::string("(none)") : name;
}

/// A consent's förbund and a participation's are compared only when both are known: a FHIR
/// consent from the region may name no förbund.
bool sameForbund(const std::string& a, const std::string& b) {
    return a.empty() || b.empty() || a == b;
}

bool cites(const Participation& participation, const Consent& consent) {
    return !participation.citedConsent.empty() && participation.citedConsent == consent.sourceId &&
           sameForbund(consent.forbund, participation.forbund);
}

/// The förbund is always a party to its own register (architecture §4).
bool isParty(const Consent& consent, const std::string& organisation) {
    return organisation == consent.forbund || consent.parties.count(organisation) != 0;
}

/// An empty set on a deny restricts nothing (FHIR: a provision without actors applies to all).
bool overlaps(const std::set<std::string>& set, const std::string& a, const std::string& b) {
    return set.empty() || set.count(a) != 0 || set.count(b) != 0;
}

/// The names among a and b that `set` lacks, for details.
std::string missing(const std::set<std::string>& set, const std::string& a, const std::string& b) {
    if (set.count(a) == 0 && set.count(b) == 0 && a != b) {
        return shown(a) + " and " + shown(b);
    }
    return set.count(a) == 0 ? shown(a) : shown(b);
}

LinkDecision refuse(std::string_view ruleName, const Consent& consent, std::string detail) {
    return LinkDecision{false, std::string(ruleName), consent.key, std::move(detail)};
}

/// Least informative first: the further a permit got through mayLink's checks, the more its
/// refusal tells IT staff asking "why are these two not joined?". A withdrawal is a deliberate
/// act, so it outranks a plain expiry.
constexpr std::array<std::string_view, 10> kRefusalRank = {
    rule::kStatusNotActive,       rule::kNoValidFrom,         rule::kNotInForce,
    rule::kWithdrawn,             rule::kNoParticipationCovered,
    rule::kScopeOtherInsats,      rule::kPartyNotNamed,       rule::kCategoryNotCovered,
    rule::kPurposeNotCovered,     rule::kOutsideFollowUpWindow};

std::ptrdiff_t rank(const std::string& ruleName) {
    return std::distance(kRefusalRank.begin(),
                         std::find(kRefusalRank.begin(), kRefusalRank.end(), ruleName));
}

/// Consents in key order, so that every decision is the same whatever order the store used.
std::vector<const Consent*> sortedByKey(const std::vector<Consent>& consents) {
    std::vector<const Consent*> sorted;
    for (const Consent& consent : consents) {
        sorted.push_back(&consent);
    }
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Consent* a, const Consent* b) { return a->key < b->key; });
    return sorted;
}

/// The validity that decides coverage of an uncited consent: a withdrawal cuts it short, so a
/// participation starting on or after the withdrawal is not covered.
DateRange validity(const Consent& consent) {
    DateRange range{*consent.validFrom, consent.validTo};
    const Date lastDay = consent.withdrawnAt ? addDays(*consent.withdrawnAt, -1) : Date{};
    if (consent.withdrawnAt && (!range.to || earlier(lastDay, *range.to))) {
        range.to = lastDay;
    }
    return range;
}

/// Checks the parties, categories and purpose a permit names; nullopt when all are there.
std::optional<LinkDecision> checkContent(const Consent& consent, const LinkQuestion& q) {
    const std::string about = "consent " + consent.key;
    if (!isParty(consent, q.orgA) || !isParty(consent, q.orgB)) {
        std::set<std::string> parties = consent.parties;
        parties.insert(consent.forbund);
        return refuse(rule::kPartyNotNamed, consent,
                      about + " does not name " + missing(parties, q.orgA, q.orgB) + " as party");
    }
    if (consent.categories.count(q.categoryA) == 0 || consent.categories.count(q.categoryB) == 0) {
        return refuse(rule::kCategoryNotCovered, consent,
                      about + " does not cover category " +
                          missing(consent.categories, q.categoryA, q.categoryB));
    }
    if (consent.purposes.count(q.purpose) == 0) {
        return refuse(rule::kPurposeNotCovered, consent,
                      about + " does not cover purpose " + shown(q.purpose));
    }
    return std::nullopt;
}

/// Walks one permit through mayLink's checks in order; the first failure is its reason.
LinkDecision evaluatePermit(const Consent& consent, const LinkQuestion& q,
                            const std::vector<Participation>& participations,
                            const WindowConfig& config) {
    const Coverage coverage = coveredParticipations(consent, participations);
    const InForceDecision force = inForce(consent, q.date, coverage.participations, config);
    if (!force.inForce) {
        // An open consent that covers nothing: say why nothing is covered (e.g. another insats).
        const bool uncovered = force.rule == rule::kNoParticipationCovered;
        return refuse(uncovered ? coverage.rule : force.rule, consent,
                      uncovered ? coverage.detail : force.detail);
    }
    if (coverage.participations.empty()) {
        return refuse(coverage.rule, consent, coverage.detail);
    }
    if (std::optional<LinkDecision> refusal = checkContent(consent, q)) {
        return *refusal;
    }
    // Both records in the window of one participation: that is how history from before the
    // consent was signed becomes reachable (architecture §4), and no further.
    const std::string records =
        "records dated " + iso(q.recordDateA) + " and " + iso(q.recordDateB);
    std::string windows;
    for (const Participation& participation : coverage.participations) {
        const DateRange window = followUpWindow(participation, config);
        if (window.contains(q.recordDateA) && window.contains(q.recordDateB)) {
            return LinkDecision{true, std::string(rule::kPermitted), consent.key,
                                "consent " + consent.key + " in force on " + iso(q.date) + "; " +
                                    records + " fall in the follow-up window " +
                                    rangeText(window) + " of " + participation.key};
        }
        windows += (windows.empty() ? "" : ", ") + participation.key + " " + rangeText(window);
    }
    return refuse(rule::kOutsideFollowUpWindow, consent,
                  records + " are not both in the follow-up window of one participation " +
                      "consent " + consent.key + " covers: " + windows);
}

bool denyMatches(const Consent& deny, const LinkQuestion& q) {
    return overlaps(deny.parties, q.orgA, q.orgB) &&
           overlaps(deny.categories, q.categoryA, q.categoryB) &&
           overlaps(deny.purposes, q.purpose, q.purpose);
}

}  // namespace

Coverage coveredParticipations(const Consent& consent,
                               const std::vector<Participation>& participations) {
    const std::string about = "consent " + consent.key;
    const bool cited = std::any_of(participations.begin(), participations.end(),
                                   [&](const Participation& p) { return cites(p, consent); });
    Coverage coverage{{}, std::string(rule::kNoParticipationCovered), consent.key, {}};
    if (!cited && !consent.validFrom) {
        coverage.detail = about + " is cited by no participation and has no valid-from date";
        return coverage;
    }
    const DateRange range = cited ? DateRange{} : validity(consent);
    std::string otherInsats;
    for (const Participation& participation : participations) {
        const bool candidate = cited ? cites(participation, consent)
                                     : sameForbund(consent.forbund, participation.forbund) &&
                                           range.contains(participation.start);
        if (!candidate) {
            continue;
        }
        // "A consent given for one insats does not cover another; one given for Förbundet
        // covers all its insatser" (issue 4): also when a row cites it for another insats.
        if (!consent.scopeInsats.empty() && participation.insatsId != consent.scopeInsats) {
            otherInsats += (otherInsats.empty() ? "" : ", ") + participation.key + " (insats " +
                           participation.insatsId + ")";
            continue;
        }
        coverage.participations.push_back(participation);
    }
    const std::string count = std::to_string(coverage.participations.size());
    if (!coverage.participations.empty() && cited) {
        coverage.rule = rule::kCoveredByCitation;
        coverage.detail = about + " is cited by " + count + " participation(s) it covers";
    } else if (!coverage.participations.empty()) {
        coverage.rule = rule::kCoveredByValidity;
        coverage.detail =
            about + " covers " + count + " participation(s) starting in " + rangeText(range);
    } else if (!otherInsats.empty()) {
        coverage.rule = rule::kScopeOtherInsats;
        coverage.detail =
            about + " is given for insats " + consent.scopeInsats + ", not for " + otherInsats;
    } else {
        coverage.detail = about + " is cited by no participation and none of its förbund " +
                          "starts in " + rangeText(range);
    }
    return coverage;
}

std::optional<DateRange> inForcePeriod(const Consent& consent,
                                       const std::vector<Participation>& covered,
                                       const WindowConfig& config) {
    if (consent.status != ConsentStatus::kActive || !consent.validFrom) {
        return std::nullopt;
    }
    DateRange period{*consent.validFrom, consent.validTo};
    if (!consent.validTo) {
        if (covered.empty() && consent.effect == ConsentEffect::kPermit) {
            return std::nullopt;
        }
        for (const Participation& participation : covered) {
            const DateRange window = followUpWindow(participation, config);
            if (!window.to) {
                period.to.reset();  // an ongoing participation keeps it open
                break;
            }
            if (!period.to || earlier(*period.to, *window.to)) {
                period.to = window.to;
            }
        }
    }
    if (consent.withdrawnAt) {
        const Date lastDay = addDays(*consent.withdrawnAt, -1);
        if (!period.to || earlier(lastDay, *period.to)) {
            period.to = lastDay;
        }
    }
    if (period.to && earlier(*period.to, period.from)) {
        return std::nullopt;
    }
    return period;
}

InForceDecision inForce(const Consent& consent, Date date,
                        const std::vector<Participation>& covered, const WindowConfig& config) {
    const std::string about = "consent " + consent.key;
    const std::string on = "; asked for " + iso(date);
    auto no = [&](std::string_view ruleName, std::string detail) {
        return InForceDecision{false, std::string(ruleName), consent.key, std::move(detail)};
    };
    if (consent.status != ConsentStatus::kActive) {
        return no(rule::kStatusNotActive,
                  about + " has status " + std::string(toString(consent.status)));
    }
    if (!consent.validFrom) {
        return no(rule::kNoValidFrom, about + " has no valid-from date");
    }
    if (consent.withdrawnAt && !earlier(date, *consent.withdrawnAt)) {
        return no(rule::kWithdrawn, about + " was withdrawn on " + iso(*consent.withdrawnAt) + on);
    }
    if (earlier(date, *consent.validFrom)) {
        return no(rule::kNotInForce, about + " is valid from " + iso(*consent.validFrom) + on);
    }
    if (consent.validTo && earlier(*consent.validTo, date)) {
        return no(rule::kNotInForce, about + " was valid to " + iso(*consent.validTo) + on);
    }
    if (!consent.validTo && covered.empty() && consent.effect == ConsentEffect::kPermit) {
        return no(rule::kNoParticipationCovered,
                  about + " has no valid-to date and covers no participation");
    }
    const std::optional<DateRange> period = inForcePeriod(consent, covered, config);
    if (!period || !period->contains(date)) {
        return no(rule::kNotInForce, about + " ran until the follow-up window of its " +
                                         "participations ended: " +
                                         (period ? rangeText(*period) : "never") + on);
    }
    return InForceDecision{true, std::string(rule::kInForce), consent.key,
                           about + " is in force " + rangeText(*period) + on};
}

LinkDecision mayLink(const std::vector<Consent>& consents, const LinkQuestion& q,
                     const std::vector<Participation>& participations,
                     const WindowConfig& config) {
    if (q.orgA == q.orgB) {
        // "Within one organisation, its own records of one number are one person" (issue 4).
        return LinkDecision{true, std::string(rule::kSameOrganisation), {},
                            "both records belong to " + q.orgA};
    }
    if (q.protectedIdentity) {
        return LinkDecision{false, std::string(rule::kProtectedIdentity), {},
                            "protected identity: the person is never linked"};
    }
    const std::vector<const Consent*> sorted = sortedByKey(consents);
    for (const Consent* deny : sorted) {
        if (deny->effect != ConsentEffect::kDeny || !denyMatches(*deny, q)) {
            continue;
        }
        const Coverage coverage = coveredParticipations(*deny, participations);
        if (inForce(*deny, q.date, coverage.participations, config).inForce) {
            return refuse(rule::kDenied, *deny,
                          "deny consent " + deny->key + " is in force on " + iso(q.date) +
                              " and matches " + q.orgA + "/" + shown(q.categoryA) + " and " +
                              q.orgB + "/" + shown(q.categoryB) + " for " + shown(q.purpose) +
                              "; deny wins over permit");
        }
    }
    std::optional<LinkDecision> best;
    for (const Consent* permit : sorted) {
        if (permit->effect != ConsentEffect::kPermit) {
            continue;
        }
        LinkDecision decision = evaluatePermit(*permit, q, participations, config);
        if (decision.allowed) {
            return decision;
        }
        if (!best || rank(decision.rule) > rank(best->rule)) {
            best = std::move(decision);
        }
    }
    if (!best) {
        return LinkDecision{false, std::string(rule::kNoConsent), {},
                            "no permit among the person's " + std::to_string(consents.size()) +
                                " consent(s): no consent, no link"};
    }
    return *best;
}

AnonymityDecision isAnonymous(const Participation& participation,
                              const std::vector<Consent>& consents,
                              const std::vector<Participation>& participations,
                              bool protectedIdentity) {
    if (protectedIdentity) {
        return AnonymityDecision{true, std::string(rule::kProtectedIdentity), {},
                                 "protected identity: participation " + participation.key +
                                     " is anonymous whatever the consents say"};
    }
    for (const Consent* consent : sortedByKey(consents)) {
        // A consent that was really given keeps its participations identified after it ends or
        // is withdrawn (the SUS rule); draft, rejected and entered-in-error ones never were.
        const bool given = consent->status == ConsentStatus::kActive ||
                           consent->status == ConsentStatus::kInactive;
        if (!given || consent->effect != ConsentEffect::kPermit) {
            continue;
        }
        const Coverage coverage = coveredParticipations(*consent, participations);
        for (const Participation& covered : coverage.participations) {
            if (covered.key == participation.key) {
                return AnonymityDecision{false, std::string(rule::kIdentified), consent->key,
                                         "participation " + participation.key +
                                             " is covered by consent " + consent->key + " (" +
                                             coverage.rule + ")"};
            }
        }
    }
    return AnonymityDecision{true, std::string(rule::kNoCoveringConsent), {},
                             "no given consent covers participation " + participation.key};
}

std::vector<int> countedYears(const Participation& participation, Date through) {
    std::vector<int> years;
    if (earlier(through, participation.start)) {
        return years;
    }
    const bool endsFirst = participation.end && earlier(*participation.end, through);
    const Date last = endsFirst ? *participation.end : through;
    for (int year = static_cast<int>(participation.start.year());
         year <= static_cast<int>(last.year()); ++year) {
        years.push_back(year);
    }
    return years;
}

}  // namespace finsam::consent
