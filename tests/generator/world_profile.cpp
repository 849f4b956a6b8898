// tests/generator/world_profile.cpp — the shape of a world: the weight tables its draws use.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/world_profile.h"

#include <stdexcept>

namespace finsam::generator {
namespace {

// Sverige 2012-2016 (../reference/national-figures.md). These are the numbers the generator had
// before profiles existed: changing one changes every national drop and the demo data.
WorldProfile national() {
    WorldProfile p;
    p.name = "national";
    p.ageGroups = {53, 24, 20, 2};
    p.ageGroupsUnga = {85, 12, 3, 0};
    p.shareOutsideAgeRange = 0.015;
    p.utbildning = {39, 40, 10, 4, 8};
    // Aktivitetsersättning drawn outside 19-29 becomes sjukersättning (or försörjningsstöd).
    p.mainSupport = {42, 16, 10, 3, 18, 10};
    p.mainSupportAged19To29 = p.mainSupport;
    p.malgruppTiltsSupport = true;
    p.topUpListedFirst = 0.5;
    // Between Malmö's and DELTA's mix: many short spells, a long tail over nine years.
    p.tidOffentlig = {40, 24, 13, 10, 8, 5};
    p.tidOffentligSjukersattning = {5, 15, 20, 25, 30, 5};
    // 1-6 / 7-12 / 13+ months 50 / 25 / 25 %: long ones tilted up a little because the snapshot
    // cuts many of them off as still ongoing.
    p.duration = {{46, 14, 165}, {24, 185, 350}, {30, 375, 900}};
    // About 31 % to work or studies (30-33 % in 2012-2016).
    p.avslut = {19, 12, 16, 12, 13, 5, 13, 9, 1};
    return p;
}

// Malmö 2012-2016. Each table is tuned so the realised shares, after the rules that follow the
// draw (age limits, transfers, withdrawals, the snapshot), land within a point or two of Malmö's.
WorldProfile malmo() {
    WorldProfile p;
    p.name = "malmo";
    // 16-29 / 30-44 / 45-59 / 60- 21 / 38 / 39 / 3 % by start year - birth year, the age a hub
    // reads from Födelseår: about half of each group's oldest year counts one group up, and the
    // few aged 65-67 land in 60-, so the exact-age weights of the upper groups are lower.
    p.ageGroups = {43, 77, 80, 1};
    p.ageGroupsUnga = p.ageGroups;  // Malmö's participants are older; no insats skews them young
    p.shareOutsideAgeRange = 0.015;
    p.utbildning = {35, 35, 15, 4, 11};
    // Försörjningsstöd 57, sjukpenning 21, aktivitetsersättning 5, etableringsersättning 8,
    // aktivitetsstöd 6, övriga 3 %. Aktivitetsersättning only where it is paid: about a sixth are
    // 19-29, so they carry all of it and the rest keep the other shares.
    p.mainSupport = {57, 21, 0, 8, 6, 3};
    p.mainSupportAged19To29 = {57, 21, 36, 8, 6, 3};
    p.malgruppTiltsSupport = false;
    p.topUpListedFirst = 0;  // the main support stays first, where the figures count it
    // Up to 1 year 20 %, over 9 years 23 % of those with a known time. Nobody under 25 can have
    // nine adult years, so the weight over nine is above 23 %.
    p.tidOffentlig = {175, 250, 145, 165, 265, 50};
    p.tidOffentligSjukersattning = {5, 15, 20, 25, 30, 5};
    // 1-6 / 7-12 / 13+ calendar months 82 / 11 / 7 % of those ended; the buckets stay inside
    // their month ranges whatever day of the month the start is.
    p.duration = {{76, 14, 150}, {12, 185, 330}, {12, 375, 900}};
    // About 7 % to work or studies (Malmö 2015); transfers and withdrawals dilute the draw.
    p.avslut = {5, 3, 22, 14, 17, 6, 20, 12, 1};
    return p;
}

}  // namespace

const WorldProfile& worldProfile(const std::string& name) {
    static const WorldProfile kNational = national();
    static const WorldProfile kMalmo = malmo();
    if (name == kNational.name) {
        return kNational;
    }
    if (name == kMalmo.name) {
        return kMalmo;
    }
    throw std::invalid_argument("unknown profile '" + name + "' (national or malmo)");
}

const std::vector<std::string>& worldProfileNames() {
    static const std::vector<std::string> kNames = {"national", "malmo"};
    return kNames;
}

}  // namespace finsam::generator
