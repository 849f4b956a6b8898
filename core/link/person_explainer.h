// core/link/person_explainer.h — "why are these two not joined?": a person's records, links and audit, no identity.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

#include "core/consent/consent.h"
#include "core/store/database.h"

namespace finsam::link {

/// Builds the explain document for one organisation-scoped person: its source records (entity, key, state,
/// file, line, batch), the link key kinds it has (never their values), its links with the consent and
/// validity behind each, and every audit entry naming it (links, refusals with their rule, unlinks).
class PersonExplainer {
public:
    explicit PersonExplainer(store::Database& database, consent::WindowConfig window = {})
        : database_(database), window_(window) {}

    /// The JSON document, or nullopt when there is no such person. With `date` (YYYY-MM-DD) it also says at
    /// which parties the person was aktuell that day, whether that makes them eligible for FINSAM, and for
    /// every candidate counterpart whether a link was allowed that day (consents as they stood then).
    std::optional<std::string> explain(const std::string& personKey, const std::string& date = "");

private:
    store::Database& database_;
    consent::WindowConfig window_;
};

}  // namespace finsam::link
