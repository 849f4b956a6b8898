// tests/generator/consent_generator.cpp — who is identified with a consent and who stays anonymous.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/consent_generator.h"

#include "tests/generator/deltagande_generator.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace finsam::generator {
namespace {

constexpr double kShareIdentified = 0.70;     // roughly two in three sign the FK 9443 consent
constexpr double kShareAnonWithNumber = 0.5;  // anonymous rows where the sheet still has the number
constexpr double kShareWithdrawn = 0.06;
constexpr double kShareWithoutRegion = 0.08;  // the person declines to include health care
constexpr double kShareExplicitEnd = 0.08;

bool healthFocused(const Insats& insats) {
    const auto& m = insats.malgrupper;
    return insats.huvudman == Aktor::kRegion ||
           std::find(m.begin(), m.end(), Malgrupp::kPsykiskOhalsa) != m.end() ||
           std::find(m.begin(), m.end(), Malgrupp::kLangtidssjukskrivna) != m.end();
}

class ConsentAssigner {
public:
    ConsentAssigner(Rng rng, World& world) : rng_(rng), world_(world) {}

    void run() {
        // Runs of one person's deltaganden: [first, end).
        std::vector<std::pair<std::size_t, std::size_t>> groups;
        for (std::size_t i = 0; i < world_.deltaganden.size();) {
            std::size_t j = i + 1;
            while (j < world_.deltaganden.size() &&
                   world_.deltaganden[j].person == world_.deltaganden[i].person) {
                ++j;
            }
            groups.emplace_back(i, j);
            i = j;
        }
        // An exact quota rather than a coin per person: even a small demo set gets the intended mix.
        const auto identifiedCount =
            static_cast<std::size_t>(kShareIdentified * static_cast<double>(groups.size()) + 0.5);
        std::vector<char> identified(groups.size(), 0);
        std::fill_n(identified.begin(), identifiedCount, 1);
        rng_.shuffle(identified);
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (identified[g] != 0) {
                identify(groups[g].first, groups[g].second);
            } else {
                anonymise(groups[g].first, groups[g].second);
            }
        }
    }

private:
    void anonymise(std::size_t from, std::size_t to) {
        const bool withNumber = rng_.chance(kShareAnonWithNumber);
        const bool withDetails = withNumber || rng_.chance(0.5);
        const bool konAnnat = !withNumber && rng_.chance(0.04);
        for (std::size_t k = from; k < to; ++k) {
            Deltagande& d = world_.deltaganden[k];
            d.anonymous = true;
            d.reportsNumber = withNumber;
            d.reportsDetails = withDetails;
            if (konAnnat) {
                d.reportedKon = Kon::kAnnat;
            }
        }
    }

    void identify(std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to; ++k) {
            world_.deltaganden[k].anonymous = false;
        }
        if (to - from == 1 || rng_.chance(0.7)) {
            // One consent for everything: for the förbund, or (single deltagande) for its insats
            // only.
            const Deltagande& first = world_.deltaganden[from];
            std::optional<std::size_t> scope;
            if (to - from == 1 && rng_.chance(0.45)) {
                scope = first.insats;
            }
            const std::size_t consent = addConsent(first, scope);
            for (std::size_t k = from; k < to; ++k) {
                world_.deltaganden[k].consent = consent;
            }
            if (to - from == 1 && rng_.chance(kShareWithdrawn)) {
                maybeWithdraw(from, consent);
            }
            return;
        }
        for (std::size_t k = from; k < to; ++k) {
            world_.deltaganden[k].consent =
                addConsent(world_.deltaganden[k], world_.deltaganden[k].insats);
        }
    }

    std::size_t addConsent(const Deltagande& first, std::optional<std::size_t> scope) {
        Consent consent;
        consent.person = first.person;
        consent.insats = scope;
        const bool withRegion = !rng_.chance(kShareWithoutRegion);
        consent.parter = {"af", "fk"};
        if (withRegion) {
            consent.parter.push_back(world_.forbund.regionId);
        }
        consent.parter.push_back(world_.forbund.kommunId);
        consent.kategorier = {ConsentCategory::kIdentitet, ConsentCategory::kDeltagande,
                              ConsentCategory::kErsattning};
        const double halsa = healthFocused(world_.insatser[first.insats]) ? 0.45 : 0.12;
        if (withRegion && rng_.chance(halsa)) {
            consent.kategorier.push_back(ConsentCategory::kHalsa);
        }
        consent.andamal = {ConsentPurpose::kSamordning, ConsentPurpose::kUppfoljning};
        if (rng_.chance(0.04)) {
            consent.andamal = {ConsentPurpose::kUppfoljning};
        }
        // Signed at the intake meeting, a few days before (or on) the start.
        consent.validFrom = addDays(first.start, -rng_.uniformInt(0, 14));
        if (rng_.chance(kShareExplicitEnd)) {
            consent.validTo = addDays(addMonths(consent.validFrom, 12 * rng_.uniformInt(2, 4)), -1);
        }
        world_.consents.push_back(std::move(consent));
        return world_.consents.size() - 1;
    }

    // Withdrawal ends the deltagande on the same day with avslutsanledning samtycke återkallat.
    void maybeWithdraw(std::size_t deltagandeIndex, std::size_t consentIndex) {
        Deltagande& d = world_.deltaganden[deltagandeIndex];
        const Date lastPossible = d.end ? addDays(*d.end, -1) : world_.asOf;
        const int length = daysBetween(d.start, lastPossible);
        if (length < 45) {
            return;
        }
        const Date withdrawn = addDays(d.start, rng_.uniformInt(30, std::min(length, 400)));
        world_.consents[consentIndex].withdrawn = withdrawn;
        d.end = withdrawn;
        setOutcome(rng_, Avslut::kSamtyckeAterkallat, d);
    }

    Rng rng_;
    World& world_;
};

}  // namespace

void assignConsents(Rng rng, World& world) {
    ConsentAssigner(rng, world).run();
}

}  // namespace finsam::generator
