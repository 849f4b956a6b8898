// tests/generator/person_generator.h — synthetic people: birth date, kön, identity number.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/rng.h"
#include "tests/generator/world.h"
#include "tests/generator/world_profile.h"

#include <set>
#include <string>

namespace finsam::generator {

/// Formats a number as YYYYMMDD-NNNC: samordningsnummer get day + 60, C is the Luhn digit over
/// YYMMDDNNN. `serial` is 1..999; its last digit's parity is the legal kön (odd = man).
std::string formatIdentityNumber(Date birthDate, IdKind kind, int serial);

/// Generates people whose numbers never repeat within one world.
class PersonGenerator {
public:
    PersonGenerator(Rng rng, const WorldProfile& profile) : rng_(rng), profile_(profile) {}

    /// A person who is of working age (mostly 16-64, shaped like the profile's age mix) on `start`.
    /// `young` uses the profile's mix for insatser aimed at unga.
    Person make(Date start, bool young);

private:
    int drawAge(bool young);
    Utbildning drawUtbildning(int age);

    Rng rng_;
    const WorldProfile& profile_;
    std::set<std::string> used_;
};

}  // namespace finsam::generator
