// core/consent/consent_gate.cpp — strips anonymous participations down to what the SUS rule keeps.
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/consent_gate.h"

#include "core/consent/cited_consents.h"

#include <array>
#include <vector>
#include <string>

namespace finsam::consent {

namespace {

constexpr std::array<const char*, 5> kAnonymousKeeps = {"insats_id", "kon", "fodelsear", "startdatum", "slutdatum"};

}  // namespace

bool keptWhenAnonymous(const std::string& field) {
    for (const char* kept : kAnonymousKeeps) {
        if (field == kept) {
            return true;
        }
    }
    return false;
}

std::optional<model::Rejection> ConsentGate::process(model::WorkRecord& record) const {
    if (record.entity != "deltagande" || record.retract) {
        return std::nullopt;
    }
    // Without a person there is nothing to keep. With one, the store decides: a cited consent of the same
    // person, or one in force at the start (validity_coverage.h), keeps it identified.
    if (!record.person) {
        record.anonymous = true;
    }
    if (record.anonymous) {
        makeAnonymous(record);
    }
    return std::nullopt;
}

void makeAnonymous(model::WorkRecord& record) {
    record.anonymous = true;
    record.person.reset();
    for (auto it = record.values.begin(); it != record.values.end();) {
        // A felregistrering says the row is an error, nothing about the person: kept, so that no count takes it.
        const bool error = it->first == "avslutsanledning" && it->second == std::vector<std::string>{"felregistrering"};
        it = keptWhenAnonymous(it->first) || error ? std::next(it) : record.values.erase(it);
    }
}

}  // namespace finsam::consent
