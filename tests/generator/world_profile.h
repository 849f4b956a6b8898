// tests/generator/world_profile.h — the shape of a world: the weight tables its draws use.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace finsam::generator {

/// Days a deltagande lasts when its duration bucket is drawn: uniform in [minDays, maxDays].
struct DurationBucket {
    int weight = 0;
    int minDays = 0;
    int maxDays = 0;
};

/// Every share a profile changes, in one place. The generators draw with these tables and nothing
/// else, so a profile is a set of numbers, not a branch in the code. Order of each table is given
/// in its comment; weights need not sum to 100.
struct WorldProfile {
    std::string name;
    /// Age at start: 16-29, 30-44, 45-59, 60-64.
    std::vector<int> ageGroups;
    /// The same for insatser aimed at unga.
    std::vector<int> ageGroupsUnga;
    double shareOutsideAgeRange = 0;  ///< 15 or 65-67 at start
    /// Grundskola, gymnasium, högskola, annan eftergymnasial, saknas/okänd.
    std::vector<int> utbildning;
    /// Main support before start: försörjningsstöd, sjukpenning, aktivitetsersättning,
    /// etableringsersättning, aktivitetsstöd, övriga. The second table is for 19-29-year-olds, the
    /// only ages aktivitetsersättning is paid to.
    std::vector<int> mainSupport;
    std::vector<int> mainSupportAged19To29;
    bool malgruppTiltsSupport = true;  ///< the insats's målgrupper shift the support weights
    double topUpListedFirst = 0;       ///< försörjningsstöd as a top-up named first in the list
    /// Tid i offentlig försörjning: up to 1, 1-3, 3-5, 5-9, over 9 years, okänd; the second table
    /// for sjukersättning.
    std::vector<int> tidOffentlig;
    std::vector<int> tidOffentligSjukersattning;
    /// Time in insats before the snapshot and the insats's end cut it: short, middle, long.
    std::vector<DurationBucket> duration;
    /// Avslutsanledning: arbete, studier, arbetssökande, övergång till annan insats, sjukdom,
    /// flyttat, avbrott, annan, felregistrering.
    std::vector<int> avslut;
};

/// The profile called `name` ("national", "malmo"). Throws std::invalid_argument for any other.
const WorldProfile& worldProfile(const std::string& name);

/// The known names, default first.
const std::vector<std::string>& worldProfileNames();

}  // namespace finsam::generator
