// core/indicators/participation_facts.h — one canonical participation as the indicators see it (docs/indicators.md §1).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace finsam::indicators {

/// Whether an outcome after exit could be measured, and what it was.
struct Outcome {
    std::string matbarhet = "ej_avslutad";  ///< matbar | anonym | ej_lankad | ej_natt | ej_avslutad
    std::vector<std::string> types;          ///< ersättningstyper active on the day (measurable only)
};

/// A derived or reported fact with where it came from: "forbund" or "partner:<organisations>".
struct SourcedList {
    std::vector<std::string> values;
    std::string source = "forbund";
};

struct ParticipationFacts {
    std::string deltagandeKey;
    std::string forbund;
    std::string insats;
    std::string huvudman;
    std::string kommun = "okand";
    bool anonymous = true;
    std::string human;  ///< identified only: the smallest person_key of the person's linked group
    std::chrono::year_month_day start{};
    std::optional<std::chrono::year_month_day> end;
    std::string kon = "okant";
    std::string aldersgrupp = "okand";
    std::string utbildningsniva = "saknas_okand";
    std::string avslutsanledning = "okand";
    std::string sysselsattningEfter = "okand";
    std::string tidIInsats;  ///< ended only
    SourcedList forsorjningFore;
    SourcedList tidOffentligForsorjning;  ///< one value
    SourcedList forsorjningEfter;
    Outcome utfall6;
    Outcome utfall12;
};

}  // namespace finsam::indicators
