// tests/core/consent/consent_fixtures.h — one consenting person, varied one field at a time.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>

#include "core/common/clock.h"
#include "core/consent/consent.h"
#include "core/consent/consent_policy.h"

namespace finsam::consent::fixtures {

inline std::chrono::year_month_day d(const std::string& text) {
    const auto date = common::parseIsoDate(text);
    if (!date) {
        throw std::invalid_argument("bad test date " + text);
    }
    return *date;
}

/// Active permit given 2019-03-01 for the whole förbund, valid to 2021-12-31.
inline Consent permit() {
    Consent consent;
    consent.key = "forbund-sthlm/SAM-2019-0002";
    consent.sourceId = "SAM-2019-0002";
    consent.personKey = "p-4711";
    consent.status = ConsentStatus::kActive;
    consent.effect = ConsentEffect::kPermit;
    consent.parties = {"af", "fk", "region-01", "kommun-0180"};
    consent.categories = {"identitet", "deltagande", "ersattning"};
    consent.purposes = {"samordning", "uppfoljning"};
    consent.validFrom = d("2019-03-01");
    consent.validTo = d("2021-12-31");
    consent.forbund = "forbund-sthlm";
    return consent;
}

/// An active deny from the region (FHIR) of the same person: by default refuses everything.
inline Consent deny() {
    Consent consent;
    consent.key = "region-01/consent-77";
    consent.sourceId = "consent-77";
    consent.personKey = "p-4711";
    consent.status = ConsentStatus::kActive;
    consent.effect = ConsentEffect::kDeny;
    consent.validFrom = d("2019-01-01");
    consent.forbund = "forbund-sthlm";
    return consent;
}

/// Participation in insats INS-7, 2019-04-01 – 2020-06-30, citing the permit. Window with the
/// defaults: [2009-04-01, 2021-06-30].
inline Participation participation() {
    Participation p;
    p.key = "forbund-sthlm/D-1";
    p.insatsId = "INS-7";
    p.forbund = "forbund-sthlm";
    p.start = d("2019-04-01");
    p.end = d("2020-06-30");
    p.citedConsent = "SAM-2019-0002";
    return p;
}

/// AF's benefit history from before the consent linked to FK's, asked while the consent is in
/// force.
inline LinkQuestion question() {
    LinkQuestion q;
    q.orgA = "af";
    q.orgB = "fk";
    q.categoryA = "ersattning";
    q.categoryB = "ersattning";
    q.purpose = "uppfoljning";
    q.date = d("2020-01-15");
    q.recordDateA = d("2015-01-01");
    q.recordDateB = d("2019-05-01");
    return q;
}

}  // namespace finsam::consent::fixtures
