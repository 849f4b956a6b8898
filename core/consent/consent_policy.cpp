// core/consent/consent_policy.cpp — the consent rules of architecture §4 as
// pure decisions with reasons. SPDX-License-Identifier: Apache-2.0
#include "core/consent/consent_policy.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

#include "core/common/clock.h"

namespace finsam::consent {

namespace chr = std::chrono;
using Date = chr::year_month_day;

namespace {

bool earlier(Date a, Date b) { return chr::sys_days{a} < chr::sys_days{b}; }

/// A consent's förbund and a participation's are compared only when both are
/// known: a FHIR consent from the region may not name a förbund.
bool sameForbund(const std::string &a, const std::string &b) {
  return a.empty() || b.empty() || a == b;
}

bool cites(const Participation &participation, const Consent &consent) {
  return !participation.citedConsent.empty() &&
         participation.citedConsent == consent.sourceId &&
         sameForbund(consent.forbund, participation.forbund);
}

/// The förbund is always a party to its own register (architecture §4).
bool isParty(const Consent &consent, const std::string &organisation) {
  return organisation == consent.forbund ||
         consent.parties.count(organisation) != 0;
}

/// An empty set on a deny restricts nothing (FHIR: a provision without actors
/// applies to every actor).
bool overlaps(const std::set<std::string> &set, const std::string &a,
              const std::string &b) {
  return set.empty() || set.count(a) != 0 || set.count(b) != 0;
}

std::string missing(const std::set<std::string> &set, const std::string &a,
                    const std::string &b) {
  auto shown = [](const std::string &name) {
    return name.empty() ? std::string("(none)") : name;
  };
  if (set.count(a) == 0 && set.count(b) == 0 && a != b) {
    return shown(a) + ", " + shown(b);
  }
  return set.count(a) == 0 ? shown(a) : shown(b);
}

std::string windowText(const DateRange &window) {
  return "[" + formatIsoDate(window.from) + ", " +
         (window.to ? formatIsoDate(*window.to) : "open") + "]";
}

LinkDecision refuse(std::string_view ruleName, const Consent &consent,
                    std::string detail) {
  return LinkDecision{false, std::string(ruleName), consent.key,
                      std::move(detail)};
}

/// Most informative refusal last: the further a permit got through mayLink's
/// checks, the more its refusal tells IT staff ("why are these two not
/// joined?").
constexpr std::array<std::string_view, 10> kRefusalRank = {
    rule::kStatusNotActive,
    rule::kNoValidFrom,
    rule::kNotInForce,
    rule::kWithdrawn,
    rule::kNoParticipationCovered,
    rule::kScopeOtherInsats,
    rule::kPartyNotNamed,
    rule::kCategoryNotCovered,
    rule::kPurposeNotCovered,
    rule::kOutsideFollowUpWindow};

std::size_t rank(const std::string &ruleName) {
  return static_cast<std::size_t>(std::distance(
      kRefusalRank.begin(),
      std::find(kRefusalRank.begin(), kRefusalRank.end(), ruleName)));
}

std::vector<const Consent *> sortedByKey(const std::vector<Consent> &consents) {
  std::vector<const Consent *> sorted;
  for (const Consent &consent : consents) {
    sorted.push_back(&consent);
  }
  std::stable_sort(
      sorted.begin(), sorted.end(),
      [](const Consent *a, const Consent *b) { return a->key < b->key; });
  return sorted;
}

/// Walks one permit through the checks of mayLink in order; the first failure
/// is its reason.
LinkDecision evaluatePermit(const Consent &consent, const LinkQuestion &q,
                            const std::vector<Participation> &participations,
                            const WindowConfig &config) {
  const Coverage coverage = coveredParticipations(consent, participations);
  const InForceDecision force =
      inForce(consent, q.date, coverage.participations, config);
  if (!force.inForce) {
    if (force.rule == rule::kNoParticipationCovered) {
      return refuse(coverage.rule, consent, coverage.detail);
    }
    return refuse(force.rule, consent, force.detail);
  }
  if (coverage.participations.empty()) {
    return refuse(coverage.rule, consent, coverage.detail);
  }
  if (!isParty(consent, q.orgA) || !isParty(consent, q.orgB)) {
    std::set<std::string> parties = consent.parties;
    parties.insert(consent.forbund);
    return refuse(rule::kPartyNotNamed, consent,
                  "consent " + consent.key + " does not name " +
                      missing(parties, q.orgA, q.orgB) + " as a party");
  }
  if (consent.categories.count(q.categoryA) == 0 ||
      consent.categories.count(q.categoryB) == 0) {
    return refuse(rule::kCategoryNotCovered, consent,
                  "consent " + consent.key + " does not cover category " +
                      missing(consent.categories, q.categoryA, q.categoryB));
  }
  if (consent.purposes.count(q.purpose) == 0) {
    return refuse(rule::kPurposeNotCovered, consent,
                  "consent " + consent.key + " does not cover purpose " +
                      (q.purpose.empty() ? std::string("(none)") : q.purpose));
  }
  std::string windows;
  for (const Participation &participation : coverage.participations) {
    const DateRange window = followUpWindow(participation, config);
    if (window.contains(q.recordDateA) && window.contains(q.recordDateB)) {
      return LinkDecision{
          true, std::string(rule::kPermitted), consent.key,
          "consent " + consent.key + " in force on " + formatIsoDate(q.date) +
              "; records dated " + formatIsoDate(q.recordDateA) + " and " +
              formatIsoDate(q.recordDateB) + " fall in the follow-up window " +
              windowText(window) + " of participation " + participation.key};
    }
    windows += (windows.empty() ? "" : ", ") + participation.key + " " +
               windowText(window);
  }
  return refuse(rule::kOutsideFollowUpWindow, consent,
                "records dated " + formatIsoDate(q.recordDateA) + " and " +
                    formatIsoDate(q.recordDateB) +
                    " do not both fall in the follow-up window of one "
                    "participation consent " +
                    consent.key + " covers: " + windows);
}

bool denyMatches(const Consent &deny, const LinkQuestion &q) {
  return overlaps(deny.parties, q.orgA, q.orgB) &&
         overlaps(deny.categories, q.categoryA, q.categoryB) &&
         (deny.purposes.empty() || deny.purposes.count(q.purpose) != 0);
}

// ---- instants for asOf: ISO timestamps and Swedish calendar days
// -------------------------------------

using Instant = chr::sys_time<chr::nanoseconds>;

/// Sweden's UTC offset at local midnight starting `day`. Summer time (EU rule
/// since 1996; 1980–1995 it ended on the last Sunday of September) switches at
/// 01:00 UTC, never at midnight, so the calendar day decides: midnight is
/// summer time after the last Sunday of March up to the last Sunday of the end
/// month.
chr::hours stockholmOffsetAtMidnight(Date day) {
  const int year = static_cast<int>(day.year());
  if (year < 1980) {
    return chr::hours{1};
  }
  const chr::month endMonth = year < 1996 ? chr::September : chr::October;
  const chr::sys_days begin{chr::year_month_weekday_last{
      day.year(), chr::March, chr::Sunday[chr::last]}};
  const chr::sys_days end{chr::year_month_weekday_last{day.year(), endMonth,
                                                       chr::Sunday[chr::last]}};
  const chr::sys_days at{day};
  return at > begin && at <= end ? chr::hours{2} : chr::hours{1};
}

Instant swedishMidnight(Date day) {
  return Instant{chr::sys_days{day}} - stockholmOffsetAtMidnight(day);
}

/// Reads digits [from, from + count) of text; -1 when any is not a digit or
/// text is too short.
int digits(std::string_view text, std::size_t from, std::size_t count) {
  if (text.size() < from + count) {
    return -1;
  }
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return -1;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

/// YYYY-MM-DD (a Swedish day: its first instant, or its last when endOfDay) or
/// YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±hh:mm] (no zone = UTC). nullopt when
/// malformed.
std::optional<Instant> parseInstant(std::string_view text, bool endOfDay) {
  const std::optional<Date> date = common::parseIsoDate(text.substr(0, 10));
  if (!date) {
    return std::nullopt;
  }
  if (text.size() == 10) {
    return endOfDay ? swedishMidnight(addDays(*date, 1)) - chr::nanoseconds{1}
                    : swedishMidnight(*date);
  }
  const int hour = digits(text, 11, 2);
  const int minute = digits(text, 14, 2);
  if ((text[10] != 'T' && text[10] != ' ') || text.size() < 16 ||
      text[13] != ':' || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return std::nullopt;
  }
  Instant instant =
      Instant{chr::sys_days{*date}} + chr::hours{hour} + chr::minutes{minute};
  std::size_t at = 16;
  if (at < text.size() && text[at] == ':') {
    const int second = digits(text, at + 1, 2);
    if (second < 0 || second > 60) {
      return std::nullopt;
    }
    instant += chr::seconds{second};
    at += 3;
    if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
      std::int64_t nanos = 0;
      int count = 0;
      for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9';
           ++at, ++count) {
        if (count < 9) {
          nanos = nanos * 10 + (text[at] - '0');
        }
      }
      if (count == 0) {
        return std::nullopt;
      }
      for (int i = count; i < 9; ++i) {
        nanos *= 10;
      }
      instant += chr::nanoseconds{nanos};
    }
  }
  const std::string_view zone = text.substr(at);
  if (zone.empty() || zone == "Z") {
    return instant;
  }
  const int zoneHours = digits(zone, 1, 2);
  const int zoneMinutes = digits(zone, 4, 2);
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') ||
      zone[3] != ':' || zoneHours < 0 || zoneMinutes < 0) {
    return std::nullopt;
  }
  const chr::minutes offset = chr::hours{zoneHours} + chr::minutes{zoneMinutes};
  return zone[0] == '+' ? instant - offset : instant + offset;
}

} // namespace

Coverage
coveredParticipations(const Consent &consent,
                      const std::vector<Participation> &participations) {
  Coverage coverage{{}, {}, consent.key, {}};
  for (const Participation &participation : participations) {
    if (cites(participation, consent)) {
      coverage.participations.push_back(participation);
    }
  }
  if (!coverage.participations.empty()) {
    coverage.rule = rule::kCoveredByCitation;
    coverage.detail = "consent " + consent.key + " is cited by " +
                      std::to_string(coverage.participations.size()) +
                      " participation(s)";
    return coverage;
  }
  coverage.rule = rule::kNoParticipationCovered;
  if (!consent.validFrom) {
    coverage.detail =
        "consent " + consent.key +
        " is cited by no participation and has no valid-from date";
    return coverage;
  }
  // A withdrawal cuts the validity short: a participation starting on or after
  // it is not covered.
  DateRange validity{*consent.validFrom, consent.validTo};
  if (consent.withdrawnAt &&
      (!validity.to ||
       earlier(*consent.withdrawnAt, addDays(*validity.to, 1)))) {
    validity.to = addDays(*consent.withdrawnAt, -1);
  }
  std::string otherInsats;
  for (const Participation &participation : participations) {
    if (!sameForbund(consent.forbund, participation.forbund) ||
        !validity.contains(participation.start)) {
      continue;
    }
    // "A consent given for one insats does not cover another; one given for
    // Förbundet covers all."
    if (!consent.scopeInsats.empty() &&
        participation.insatsId != consent.scopeInsats) {
      otherInsats += (otherInsats.empty() ? "" : ", ") + participation.key +
                     " (insats " + participation.insatsId + ")";
      continue;
    }
    coverage.participations.push_back(participation);
  }
  if (!coverage.participations.empty()) {
    coverage.rule = rule::kCoveredByValidity;
    coverage.detail = "consent " + consent.key + " covers " +
                      std::to_string(coverage.participations.size()) +
                      " participation(s) starting in " + windowText(validity);
  } else if (!otherInsats.empty()) {
    coverage.rule = rule::kScopeOtherInsats;
    coverage.detail = "consent " + consent.key + " is given for insats " +
                      consent.scopeInsats + ", not for " + otherInsats;
  } else {
    coverage.detail = "consent " + consent.key +
                      " is cited by no participation and none of its förbund "
                      "starts in " +
                      windowText(validity);
  }
  return coverage;
}

std::optional<DateRange>
inForcePeriod(const Consent &consent, const std::vector<Participation> &covered,
              const WindowConfig &config) {
  if (consent.status != ConsentStatus::kActive || !consent.validFrom) {
    return std::nullopt;
  }
  DateRange period{*consent.validFrom, consent.validTo};
  if (!consent.validTo) {
    if (covered.empty() && consent.effect == ConsentEffect::kPermit) {
      return std::nullopt;
    }
    for (const Participation &participation : covered) {
      const DateRange window = followUpWindow(participation, config);
      if (!window.to) {
        period.to.reset();
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

InForceDecision inForce(const Consent &consent, Date date,
                        const std::vector<Participation> &covered,
                        const WindowConfig &config) {
  const std::string on = " on " + formatIsoDate(date);
  auto no = [&](std::string_view ruleName, std::string detail) {
    return InForceDecision{false, std::string(ruleName), consent.key,
                           std::move(detail)};
  };
  if (consent.status != ConsentStatus::kActive) {
    return no(rule::kStatusNotActive,
              "consent " + consent.key + " has status " +
                  std::string(toString(consent.status)));
  }
  if (!consent.validFrom) {
    return no(rule::kNoValidFrom,
              "consent " + consent.key + " has no valid-from date");
  }
  if (consent.withdrawnAt && !earlier(date, *consent.withdrawnAt)) {
    return no(rule::kWithdrawn,
              "consent " + consent.key + " was withdrawn on " +
                  formatIsoDate(*consent.withdrawnAt) + ";" + on);
  }
  if (earlier(date, *consent.validFrom)) {
    return no(rule::kNotInForce, "consent " + consent.key + " is valid from " +
                                     formatIsoDate(*consent.validFrom) + ";" +
                                     on);
  }
  if (consent.validTo && earlier(*consent.validTo, date)) {
    return no(rule::kNotInForce, "consent " + consent.key + " was valid to " +
                                     formatIsoDate(*consent.validTo) + ";" +
                                     on);
  }
  if (!consent.validTo && covered.empty() &&
      consent.effect == ConsentEffect::kPermit) {
    return no(rule::kNoParticipationCovered,
              "consent " + consent.key +
                  " has no valid-to date and covers no participation");
  }
  const std::optional<DateRange> period =
      inForcePeriod(consent, covered, config);
  if (!period || !period->contains(date)) {
    return no(
        rule::kNotInForce,
        "consent " + consent.key +
            " ran until the follow-up window of its participations ended (" +
            (period ? windowText(*period) : "never") + ");" + on);
  }
  return InForceDecision{true, std::string(rule::kInForce), consent.key,
                         "consent " + consent.key + " is in force " +
                             windowText(*period) + ";" + on};
}

LinkDecision mayLink(const std::vector<Consent> &consents,
                     const LinkQuestion &q,
                     const std::vector<Participation> &participations,
                     const WindowConfig &config) {
  if (q.orgA == q.orgB) {
    // "Within one organisation, its own records of one number are one person":
    // no consent needed.
    return LinkDecision{true,
                        std::string(rule::kSameOrganisation),
                        {},
                        "both records belong to " + q.orgA};
  }
  if (q.protectedIdentity) {
    return LinkDecision{false,
                        std::string(rule::kProtectedIdentity),
                        {},
                        "protected identity: the person is never linked"};
  }
  const std::vector<const Consent *> sorted = sortedByKey(consents);
  for (const Consent *deny : sorted) {
    if (deny->effect != ConsentEffect::kDeny || !denyMatches(*deny, q)) {
      continue;
    }
    const Coverage coverage = coveredParticipations(*deny, participations);
    if (inForce(*deny, q.date, coverage.participations, config).inForce) {
      return refuse(rule::kDenied, *deny,
                    "deny consent " + deny->key + " is in force on " +
                        formatIsoDate(q.date) + " and matches " + q.orgA + "/" +
                        q.categoryA + " and " + q.orgB + "/" + q.categoryB +
                        " for " + q.purpose + "; deny wins over permit");
    }
  }
  std::optional<LinkDecision> best;
  for (const Consent *permit : sorted) {
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
    return LinkDecision{false,
                        std::string(rule::kNoConsent),
                        {},
                        "no permit consent for the person (" +
                            std::to_string(consents.size()) +
                            " consent(s) in all); no consent, no link"};
  }
  return *best;
}

AnonymityDecision isAnonymous(const Participation &participation,
                              const std::vector<Consent> &consents,
                              const std::vector<Participation> &participations,
                              bool protectedIdentity) {
  if (protectedIdentity) {
    return AnonymityDecision{true,
                             std::string(rule::kProtectedIdentity),
                             {},
                             "protected identity: participation " +
                                 participation.key +
                                 " is anonymous whatever the consents say"};
  }
  for (const Consent *consent : sortedByKey(consents)) {
    // A consent that was really given keeps its participations identified after
    // it ends or is withdrawn (the SUS rule); draft, rejected and
    // entered-in-error consents were never given.
    const bool given = consent->status == ConsentStatus::kActive ||
                       consent->status == ConsentStatus::kInactive;
    if (!given || consent->effect != ConsentEffect::kPermit) {
      continue;
    }
    const Coverage coverage = coveredParticipations(*consent, participations);
    for (const Participation &covered : coverage.participations) {
      if (covered.key == participation.key) {
        return AnonymityDecision{
            false, std::string(rule::kIdentified), consent->key,
            "participation " + participation.key + " is covered by consent " +
                consent->key + " (" + coverage.rule + ")"};
      }
    }
  }
  return AnonymityDecision{true,
                           std::string(rule::kNoCoveringConsent),
                           {},
                           "no given consent covers participation " +
                               participation.key};
}

std::vector<int> countedYears(const Participation &participation,
                              Date through) {
  std::vector<int> years;
  if (earlier(through, participation.start)) {
    return years;
  }
  const Date last = participation.end && earlier(*participation.end, through)
                        ? *participation.end
                        : through;
  for (int year = static_cast<int>(participation.start.year());
       year <= static_cast<int>(last.year()); ++year) {
    years.push_back(year);
  }
  return years;
}

const Consent *asOf(const ConsentHistory &history, const std::string &at) {
  const std::optional<Instant> limit = parseInstant(at, true);
  if (!limit) {
    return nullptr;
  }
  const Consent *found = nullptr;
  std::optional<Instant> foundAt;
  for (const auto &[recordedAt, version] : history.versions) {
    const std::optional<Instant> instant = parseInstant(recordedAt, false);
    if (instant && *instant <= *limit && (!foundAt || *foundAt <= *instant)) {
      found = &version;
      foundAt = instant;
    }
  }
  return found;
}

std::vector<Consent> consentsAsOf(const std::vector<ConsentHistory> &histories,
                                  const std::string &at) {
  std::vector<Consent> consents;
  for (const ConsentHistory &history : histories) {
    if (const Consent *version = asOf(history, at)) {
      consents.push_back(*version);
    }
  }
  return consents;
}

} // namespace finsam::consent
