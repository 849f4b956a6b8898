// tests/generator/world_builder.cpp — builds the whole synthetic world from options.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/world_builder.h"

#include "tests/generator/benefit_generator.h"
#include "tests/generator/consent_generator.h"
#include "tests/generator/deltagande_generator.h"
#include "tests/generator/insats_generator.h"
#include "tests/generator/name_generator.h"
#include "tests/generator/person_generator.h"
#include "tests/generator/protection_generator.h"
#include "tests/generator/world_profile.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <stdexcept>

namespace finsam::generator {
namespace {

constexpr double kShareSecondDeltagande = 0.10;  // people who go on to another insats

// Time in insats from the profile's buckets, before the insats's end and the snapshot cut it.
int drawDurationDays(Rng& rng, const WorldProfile& profile) {
    std::vector<int> weights;
    for (const DurationBucket& bucket : profile.duration) {
        weights.push_back(bucket.weight);
    }
    const DurationBucket& bucket = profile.duration[rng.weighted(weights)];
    return rng.uniformInt(bucket.minDays, bucket.maxDays);
}

class Builder {
public:
    Builder(const WorldOptions& options, World& world)
        : options_(options),
          world_(world),
          profile_(worldProfile(options.profile)),
          root_(options.seed),
          people_(root_.fork("people"), profile_),
          rng_(root_.fork("deltaganden")) {}

    void run() {
        world_.insatser = makeInsatser(root_.fork("insatser"), options_);
        const Date first = makeDate(options_.yearFrom, 1, 1);
        const Date last = addDays(world_.asOf, -14);
        while (static_cast<int>(world_.deltaganden.size()) < options_.participants) {
            const Date start = addDays(first, rng_.uniformInt(0, daysBetween(first, last)));
            const std::size_t insats = pickInsats(start, std::nullopt);
            const auto& m = world_.insatser[insats].malgrupper;
            const bool young = std::find(m.begin(), m.end(), Malgrupp::kUnga) != m.end();
            world_.people.push_back(people_.make(start, young));
            addDeltagande(world_.people.size() - 1, insats, start);
            maybeAddSecond();
        }
        assignConsents(root_.fork("consents"), world_);
        numberDeltaganden();
        numberConsents();
        // Added after the förbund sheets existed: each draws from its own stream, so the sheets
        // stay byte-identical.
        assignNames(root_.fork("names"), world_.people);
        assignProtection(root_.fork("protection"), world_);
        world_.benefits = makeBenefits(root_.fork("benefits"), world_);
    }

private:
    std::size_t pickInsats(Date day, std::optional<std::size_t> except) {
        std::vector<std::size_t> open;
        for (std::size_t i = 0; i < world_.insatser.size(); ++i) {
            if (i != except && acceptsParticipantsOn(world_.insatser[i], day)) {
                open.push_back(i);
            }
        }
        if (open.empty()) {
            return world_.insatser.size();
        }
        return rng_.pick(open);
    }

    void addDeltagande(std::size_t person, std::size_t insatsIndex, Date start) {
        const Insats& insats = world_.insatser[insatsIndex];
        Deltagande d;
        d.person = person;
        d.insats = insatsIndex;
        d.start = start;
        d.reportedKon = world_.people[person].kon;
        // Nobody stays past the insats's end; whoever is still in it on the snapshot day is
        // ongoing.
        const Date end = std::min(addDays(start, drawDurationDays(rng_, profile_)), insats.end);
        if (end <= world_.asOf) {
            d.end = end;
        }
        drawStartProfile(rng_, profile_, world_.people[person], insats, d);
        drawOutcome(rng_, profile_, d);
        world_.deltaganden.push_back(std::move(d));
    }

    // A follow-on deltagande in another insats, after "Övergång till annan insats".
    void maybeAddSecond() {
        Deltagande& previous = world_.deltaganden.back();
        if (static_cast<int>(world_.deltaganden.size()) >= options_.participants || !previous.end ||
            !rng_.chance(kShareSecondDeltagande)) {
            return;
        }
        const Date start = addDays(*previous.end, rng_.uniformInt(1, 30));
        if (start > addDays(world_.asOf, -14)) {
            return;
        }
        const std::size_t insats = pickInsats(start, previous.insats);
        if (insats == world_.insatser.size()) {
            return;
        }
        // The first one ends as a transfer; the second starts from the situation it left.
        setOutcome(rng_, Avslut::kOvergangAnnanInsats, previous);
        const Deltagande first = previous;  // addDeltagande may reallocate the vector
        addDeltagande(first.person, insats, start);
        Deltagande& second = world_.deltaganden.back();
        if (!first.forsorjningEfter.empty()) {
            second.forsorjningFore = first.forsorjningEfter;
        }
        second.tidOffentlig = first.tidOffentlig;
        if (first.sysselsattningEfter) {
            second.sysselsattningFore = *first.sysselsattningEfter;
        }
    }

    // D-<start year>-NNNNN, one running number in start order (as the sample register does).
    void numberDeltaganden() {
        auto& rows = world_.deltaganden;
        std::vector<std::size_t> order(rows.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return rows[a].start < rows[b].start;
        });
        std::vector<Deltagande> sorted;
        sorted.reserve(rows.size());
        for (std::size_t k = 0; k < order.size(); ++k) {
            sorted.push_back(std::move(rows[order[k]]));
            char id[48];
            std::snprintf(id, sizeof id, "D-%04d-%05zu", yearOf(sorted.back().start), k + 1);
            sorted.back().id = id;
        }
        rows = std::move(sorted);
    }

    // SAM-<year>-NNNN and the form FK9443-<year>-NNNNNN, numbered in signing order.
    void numberConsents() {
        auto& consents = world_.consents;
        std::vector<std::size_t> order(consents.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return consents[a].validFrom < consents[b].validFrom;
        });
        std::vector<std::size_t> newIndex(consents.size());
        std::vector<Consent> sorted;
        sorted.reserve(consents.size());
        for (std::size_t k = 0; k < order.size(); ++k) {
            newIndex[order[k]] = k;
            sorted.push_back(std::move(consents[order[k]]));
            const int year = yearOf(sorted.back().validFrom);
            char id[48];
            std::snprintf(id, sizeof id, "SAM-%04d-%04zu", year, k + 1);
            sorted.back().id = id;
            std::snprintf(id, sizeof id, "FK9443-%04d-%06zu", year, k + 1);
            sorted.back().blankett = id;
        }
        consents = std::move(sorted);
        for (Deltagande& d : world_.deltaganden) {
            if (d.consent) {
                d.consent = newIndex[*d.consent];
            }
        }
    }

    const WorldOptions& options_;
    World& world_;
    const WorldProfile& profile_;
    Rng root_;
    PersonGenerator people_;
    Rng rng_;
};

}  // namespace

// Organisationsnummer are made up (series 222000, valid Luhn digit); Stockholm's is the samples'.
Forbund forbundFor(const std::string& slug) {
    if (slug == "malmo") {
        return {slug, "region-12", "kommun-1280", "2220001248"};
    }
    if (slug == "lund") {
        return {slug, "region-12", "kommun-1281", "2220001255"};
    }
    if (slug == "goteborg") {
        return {slug, "region-14", "kommun-1480", "2220001263"};
    }
    return {slug, "region-01", "kommun-0180", "2220001230"};
}

World buildWorld(const WorldOptions& options) {
    if (options.participants < 0) {
        throw std::invalid_argument("participants must be 0 or more");
    }
    if (options.yearFrom > options.yearTo) {
        throw std::invalid_argument("year-from must not be after year-to");
    }
    // Keeps every birth date after 1900, so no number needs the '+' (100 years or older) spelling.
    if (options.yearFrom < 1970 || options.yearTo > 2100) {
        throw std::invalid_argument("years must lie within 1970-2100");
    }
    if (options.forbundSlug.empty()) {
        throw std::invalid_argument("forbund slug must not be empty");
    }
    World world;
    world.forbund = forbundFor(options.forbundSlug);
    world.asOf = makeDate(options.yearTo, 12, 31);
    Builder(options, world).run();
    return world;
}

}  // namespace finsam::generator
